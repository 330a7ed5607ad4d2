#include "cli/api_command.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "aws/model.h"
#include "cli/args.h"
#include "scan/aws_context.h"

namespace posture::cli {
namespace {

constexpr const char* kUsage =
    "usage: posture api SERVICE OPERATION [--param Name=Value ...] [--input JSON|@file] [flags]\n"
    "\n"
    "Calls one AWS operation and prints its response as JSON. SERVICE and OPERATION are\n"
    "botocore names (iam ListUsers, ec2 DescribeSecurityGroups, sso-admin ListInstances).\n"
    "Values of --param that look like JSON ([...], {...}) are parsed as JSON.\n"
    "`posture api --list` shows every service; `posture api SERVICE --list` its operations.\n"
    "\n"
    "flags:\n";

Args MakeArgs() {
  Args args("api");
  args.flag("--param", Args::Kind::kRepeated, "Name=Value", "set one top-level input member")
      .flag("--input", Args::Kind::kValue, "JSON", "the whole input as JSON, or @file to read it from a file")
      .flag("--region", Args::Kind::kValue, "REGION", "region to call (default: AWS_REGION, profile, us-east-1)")
      .flag("--profile", Args::Kind::kValue, "NAME", "profile from ~/.aws/config")
      .flag("--endpoint-url", Args::Kind::kValue, "URL", "send requests to this endpoint")
      .flag("--no-paginate", Args::Kind::kBool, "", "return the first page only")
      .flag("--list", Args::Kind::kBool, "", "list services, or operations of SERVICE")
      .flag("--help", Args::Kind::kBool, "", "show this help");
  return args;
}

// True when `member` of the operation's input is a string, such as a policy
// document: its value is kept as text even when it looks like JSON.
bool IsStringMember(const aws::ServiceModel& model, const std::string& operation, const std::string& member) {
  const aws::Json* spec = model.operation(operation);
  if (!spec || !spec->contains("input")) return false;
  const aws::Json* input = model.shape((*spec)["input"].value("shape", ""));
  if (!input || !input->contains("members") || !(*input)["members"].contains(member)) return false;
  const aws::Json* shape = model.shape((*input)["members"][member].value("shape", ""));
  return shape && shape->value("type", "") == "string";
}

// Parses --input and --param into the operation's input object.
base::Result<aws::Json> BuildInput(const Args& args, const aws::ServiceModel& model, const std::string& operation) {
  aws::Json input = aws::Json::object();
  if (auto text = args.value("--input")) {
    std::string body = *text;
    if (body.starts_with("@")) {
      std::ifstream file(body.substr(1));
      if (!file) return base::Error::InvalidInput("cannot read --input file " + body.substr(1));
      std::stringstream buffer;
      buffer << file.rdbuf();
      body = buffer.str();
    }
    input = aws::Json::parse(body, nullptr, false);
    if (input.is_discarded() || !input.is_object()) {
      return base::Error::InvalidInput("--input is not a JSON object");
    }
  }
  for (const auto& param : args.values("--param")) {
    auto eq = param.find('=');
    if (eq == std::string::npos || eq == 0) {
      return base::Error::InvalidInput("--param " + param + ": expected Name=Value");
    }
    std::string name = param.substr(0, eq);
    std::string value = param.substr(eq + 1);
    if ((value.starts_with("[") || value.starts_with("{")) && !IsStringMember(model, operation, name)) {
      auto parsed = aws::Json::parse(value, nullptr, false);
      if (parsed.is_discarded()) return base::Error::InvalidInput("--param " + name + ": value is not valid JSON");
      input[name] = std::move(parsed);
    } else {
      input[name] = value;
    }
  }
  return input;
}

int ListModels(const std::vector<std::string>& positional) {
  if (positional.empty()) {
    for (const auto& name : aws::ServiceModelNames()) std::cout << name << "\n";
    return 0;
  }
  const aws::ServiceModel* model = aws::FindServiceModel(positional[0]);
  if (!model) {
    std::cerr << "posture api: unknown service '" << positional[0] << "' (see posture api --list)\n";
    return 2;
  }
  for (const auto& op : model->operation_names()) std::cout << op << "\n";
  return 0;
}

}  // namespace

int RunApiCommand(const std::vector<std::string>& argv) {
  Args args = MakeArgs();
  if (!args.parse(argv)) {
    std::cerr << "posture " << args.error() << "\n";
    return 2;
  }
  if (args.has("--help")) {
    std::cout << kUsage << args.usage();
    return 0;
  }
  if (args.has("--list")) return ListModels(args.positional());
  if (args.positional().size() != 2) {
    std::cerr << "posture api: expected SERVICE OPERATION (see posture api --help)\n";
    return 2;
  }
  const std::string& service = args.positional()[0];
  const std::string& operation = args.positional()[1];
  const aws::ServiceModel* model = aws::FindServiceModel(service);
  if (!model) {
    std::cerr << "posture api: unknown service '" << service << "' (see posture api --list)\n";
    return 2;
  }
  if (!model->operation(operation)) {
    std::cerr << "posture api: " << service << " has no operation '" << operation << "' (see posture api " << service
              << " --list)\n";
    return 2;
  }
  auto input = BuildInput(args, *model, operation);
  if (!input.ok()) {
    std::cerr << "posture api: " << input.error().message() << "\n";
    return 2;
  }

  scan::AwsFlags flags{args.value_or("--profile", ""), args.value_or("--region", ""),
                       args.value_or("--endpoint-url", "")};
  auto context = scan::AwsContext::Create(flags, aws::RealEnvironment());
  if (!context.ok()) {
    std::cerr << "posture: " << context.error().describe() << "\n";
    return 1;
  }
  aws::AwsClient& client = (*context)->client();
  auto result =
      args.has("--no-paginate") ? client.call(service, operation, *input) : client.call_all(service, operation, *input);
  if (!result.ok()) {
    const base::Error& error = result.error();
    std::cerr << "posture: " << error.describe();
    if (error.kind() == base::ErrorKind::kNetwork) std::cerr << " (check --endpoint-url and network access)";
    std::cerr << "\n";
    return error.kind() == base::ErrorKind::kInvalidInput && error.http_status() == 0 ? 2 : 1;
  }
  std::cout << result->dump(2) << "\n";
  return 0;
}

}  // namespace posture::cli
