// posture: the command line entry point. Dispatches to one command.
#include <iostream>
#include <string>
#include <vector>

#include "cli/api_command.h"
#include "cli/checks_command.h"
#include "cli/demo_command.h"
#include "cli/drift_command.h"
#include "cli/iac_command.h"
#include "cli/scan_command.h"
#include "cli/serve_command.h"

namespace {

constexpr const char* kUsage =
    "posture — fast AWS security posture scanner\n"
    "\n"
    "usage: posture COMMAND [flags]\n"
    "\n"
    "commands:\n"
    "  scan                    scan an AWS account and report findings\n"
    "  iac PATH...             run the checks on Terraform plans/state and CloudFormation templates\n"
    "  drift --state FILE      compare Terraform state with the live account (exit 3 on drift)\n"
    "  checks                  list every check with its severity and CIS control\n"
    "  demo                    scan a built-in vulnerable sample estate (no AWS account)\n"
    "  api SERVICE OPERATION   call one AWS operation and print the response as JSON\n"
    "  serve                   scan on a schedule; serve /metrics, /readyz and /api/findings\n"
    "  version                 print the version\n"
    "\n"
    "Run `posture COMMAND --help` for a command's flags.\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? 2 : 0;
  }
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "scan") return posture::cli::RunScanCommand(args);
  if (command == "iac") return posture::cli::RunIacCommand(args);
  if (command == "drift") return posture::cli::RunDriftCommand(args);
  if (command == "checks") return posture::cli::RunChecksCommand(args);
  if (command == "demo") return posture::cli::RunDemoCommand(args);
  if (command == "api") return posture::cli::RunApiCommand(args);
  if (command == "serve") return posture::cli::RunServeCommand(args);
  if (command == "version" || command == "--version") {
    std::cout << "posture " << POSTURE_VERSION << "\n";
    return 0;
  }
  std::cerr << "posture: unknown command '" << command << "' (see posture --help)\n";
  return 2;
}
