// S3 and Macie: the account's buckets and what the storage checks ask of
// each, plus Macie in each region that holds buckets.
//
// ListBuckets is account-wide and called once (with MaxBuckets, so that S3
// names each bucket's region); a bucket whose region is not named costs one
// GetBucketLocation. Buckets outside the scanned regions are dropped. Then
// each requested per-bucket section costs one call per bucket, sent to the
// bucket's region, all at once; a failure there fails only that bucket's
// facet. Once every bucket's region is known, GetMacieSession runs in each
// scanned region that holds a bucket. The account's Block Public Access
// (s3control) is independent and runs at once.
#include <atomic>
#include <set>

#include "collect/collectors.h"

namespace posture::collect {
namespace {

namespace inv = inventory;

// ListBuckets' largest page; asking for a page size makes S3 name each bucket's region.
constexpr int kMaxBuckets = 10000;
constexpr const char* kDefaultS3Region = "us-east-1";

// The region GetBucketLocation's LocationConstraint names.
std::string RegionOfLocation(const std::string& constraint) {
  if (constraint.empty()) return kDefaultS3Region;
  if (constraint == "EU") return "eu-west-1";
  return constraint;
}

inv::PublicAccessBlock MapPublicAccessBlock(const aws::Json& output) {
  const aws::Json& config = Member(output, "PublicAccessBlockConfiguration");
  inv::PublicAccessBlock block;
  block.block_public_acls = Flag(config, "BlockPublicAcls");
  block.ignore_public_acls = Flag(config, "IgnorePublicAcls");
  block.block_public_policy = Flag(config, "BlockPublicPolicy");
  block.restrict_public_buckets = Flag(config, "RestrictPublicBuckets");
  return block;
}

bool IsNoPublicAccessBlock(const base::Error& error) { return error.code() == "NoSuchPublicAccessBlockConfiguration"; }

// Macie's answer where it was never enabled (real AWS), or after
// DisableMacie (moto: ResourceNotFoundException).
bool IsMacieNotEnabled(const base::Error& error) {
  const bool not_enabled_text = error.message().find("Macie is not enabled") != std::string::npos;
  return (error.code() == "AccessDeniedException" && not_enabled_text) || (error.code() == "ResourceNotFoundException");
}

using AccountBlock = std::optional<inv::PublicAccessBlock>;

inv::Collected<AccountBlock> AccountPublicAccessBlock(CollectContext& ctx, const CallSite& site) {
  auto output = ctx.client.call(site.service, site.operation, {{"AccountId", ctx.account_id}}, site.region);
  if (output.ok()) return Success(AccountBlock(MapPublicAccessBlock(*output)));
  if (IsNoPublicAccessBlock(output.error())) return Success(AccountBlock());
  return Failure<AccountBlock>(site.failure(output.error()));
}

inv::Collected<inv::MacieStatus> MacieSession(aws::AwsClient& client, const CallSite& site) {
  auto output = client.call(site.service, site.operation, aws::Json::object(), site.region);
  if (!output.ok()) {
    if (IsMacieNotEnabled(output.error())) return Success(inv::MacieStatus{});
    return Failure<inv::MacieStatus>(site.failure(output.error()));
  }
  inv::MacieStatus status;
  status.status = Text(*output, "status");
  status.enabled = status.status == "ENABLED";
  return Success(std::move(status));
}

// The per-bucket sections asked for.
struct Facets {
  bool policy = false, acl = false, public_access_block = false, versioning = false, logging = false;
  int count() const { return int(policy) + int(acl) + int(public_access_block) + int(versioning) + int(logging); }
};

// The bucket listing and every per-bucket call hanging off it. The bucket
// vector is sized once, after the listing; each task writes only its own
// bucket's facet. The last task to finish publishes the section.
class BucketScan : public std::enable_shared_from_this<BucketScan> {
 public:
  BucketScan(CollectContext& ctx, inv::Inventory& inventory, Facets facets, bool macie)
      : ctx_(ctx), inventory_(inventory), facets_(facets), macie_(macie) {
    for (const auto& region : inventory.regions) scanned_.insert(region.region);
  }

  void start() {
    const CallSite site{"s3", "ListBuckets", ""};
    auto self = shared_from_this();
    SubmitStaged(
        ctx_, inventory_.s3.buckets, site,
        [self, site]() -> std::optional<inv::Collected<std::vector<inv::Bucket>>> { return self->list(site); });
  }

 private:
  std::optional<inv::Collected<std::vector<inv::Bucket>>> list(const CallSite& site) {
    std::vector<inv::Bucket> buckets;
    auto status = ForEachItem(ctx_.client, site, {{"MaxBuckets", kMaxBuckets}}, "Buckets", [&](const aws::Json& item) {
      inv::Bucket bucket;
      bucket.name = Text(item, "Name");
      bucket.region = Text(item, "BucketRegion");
      bucket.arn = Arn(ctx_.partition, "s3", "", "", bucket.name);
      if (!bucket.name.empty()) buckets.push_back(std::move(bucket));
    });
    if (!status.ok()) {
      auto failure = site.failure(status.error());
      fail_macie(failure);
      return Failure<std::vector<inv::Bucket>>(std::move(failure));
    }
    buckets_ = std::move(buckets);
    keep_.assign(buckets_.size(), true);
    // One pending unit per bucket until its region is known, plus one for
    // this stage, so that nothing publishes before every task is submitted.
    pending_ = static_cast<int>(buckets_.size()) + 1;
    locating_ = static_cast<int>(buckets_.size()) + 1;
    for (size_t i = 0; i < buckets_.size(); ++i) {
      if (!buckets_[i].region.empty()) {
        located(i);
        continue;
      }
      const CallSite location{"s3", "GetBucketLocation", ""};
      ctx_.pool.submit([self = shared_from_this(), location, i] { self->locate(location, i); });
    }
    location_done();
    finish_one();
    return std::nullopt;
  }

  void locate(const CallSite& site, size_t i) {
    inv::Bucket& bucket = buckets_[i];
    std::optional<inv::CollectionError> failure;
    auto thrown = RunCatching(site, [&] {
      auto output = ctx_.client.call(site.service, site.operation, {{"Bucket", bucket.name}}, site.region);
      if (output.ok()) {
        bucket.region = RegionOfLocation(Text(*output, "LocationConstraint"));
      } else if (output.error().code() == "NoSuchBucket") {
        keep_[i] = false;  // deleted since it was listed
      } else {
        failure = site.failure(output.error());
      }
    });
    if (thrown) failure = std::move(thrown);
    if (failure) {
      // Region unknown: every facet of this bucket reports the location failure.
      ctx_.errors.add(*failure);
      if (facets_.policy) bucket.policy.fail(*failure);
      if (facets_.acl) bucket.acl.fail(*failure);
      if (facets_.public_access_block) bucket.public_access_block.fail(*failure);
      if (facets_.versioning) bucket.versioning.fail(*failure);
      if (facets_.logging) bucket.logging.fail(*failure);
    } else if (keep_[i]) {
      located(i);
      return;
    }
    location_done();
    finish_one();
  }

  // Bucket i's region is known: drops it when outside the scan, else
  // submits its facet calls, then releases the bucket's pending unit. The
  // unit is held until after location_done(), so the section cannot be
  // published (its buckets moved out) while Macie's regions are computed.
  void located(size_t i) {
    inv::Bucket& bucket = buckets_[i];
    if (!scanned_.count(bucket.region)) keep_[i] = false;
    location_done();
    if (keep_[i]) {
      pending_ += facets_.count();
      const std::string region = bucket.region;
      if (facets_.policy) submit(i, CallSite{"s3", "GetBucketPolicy", region}, &BucketScan::policy);
      if (facets_.acl) submit(i, CallSite{"s3", "GetBucketAcl", region}, &BucketScan::acl);
      if (facets_.public_access_block) {
        submit(i, CallSite{"s3", "GetPublicAccessBlock", region}, &BucketScan::public_access_block);
      }
      if (facets_.versioning) submit(i, CallSite{"s3", "GetBucketVersioning", region}, &BucketScan::versioning);
      if (facets_.logging) submit(i, CallSite{"s3", "GetBucketLogging", region}, &BucketScan::logging);
    }
    finish_one();
  }

  using FacetCall = void (BucketScan::*)(const CallSite&, inv::Bucket&);
  void submit(size_t i, CallSite site, FacetCall call) {
    ctx_.pool.submit([self = shared_from_this(), site = std::move(site), call, i] {
      inv::Bucket& bucket = self->buckets_[i];
      if (auto thrown = RunCatching(site, [&] { ((*self).*call)(site, bucket); })) self->ctx_.errors.add(*thrown);
      self->finish_one();
    });
  }

  // Calls `site` for `bucket`; on failure fails `facet` and returns nullopt.
  template <typename T>
  std::optional<aws::Json> fetch(const CallSite& site, const inv::Bucket& bucket, inv::Collected<T>& facet,
                                 const char* absent_code, T absent) {
    auto output = ctx_.client.call(site.service, site.operation, {{"Bucket", bucket.name}}, site.region);
    if (output.ok()) return std::move(*output);
    if (absent_code != nullptr && output.error().code() == absent_code) {
      facet.set(std::move(absent));
      return std::nullopt;
    }
    auto failure = site.failure(output.error());
    ctx_.errors.add(failure);
    facet.fail(std::move(failure));
    return std::nullopt;
  }

  void policy(const CallSite& site, inv::Bucket& bucket) {
    using Value = std::optional<std::string>;
    if (auto output = fetch<Value>(site, bucket, bucket.policy, "NoSuchBucketPolicy", Value())) {
      bucket.policy.set(Value(Text(*output, "Policy")));
    }
  }
  void acl(const CallSite& site, inv::Bucket& bucket) {
    auto output = fetch<std::vector<inv::AclGrant>>(site, bucket, bucket.acl, nullptr, {});
    if (!output) return;
    std::vector<inv::AclGrant> grants;
    for (const auto& item : Items(*output, "Grants")) {
      const aws::Json& grantee = Member(item, "Grantee");
      grants.push_back({Text(grantee, "Type"), Text(grantee, "URI"), Text(grantee, "ID"), Text(item, "Permission")});
    }
    bucket.acl.set(std::move(grants));
  }
  void public_access_block(const CallSite& site, inv::Bucket& bucket) {
    using Value = std::optional<inv::PublicAccessBlock>;
    if (auto output =
            fetch<Value>(site, bucket, bucket.public_access_block, "NoSuchPublicAccessBlockConfiguration", Value())) {
      bucket.public_access_block.set(Value(MapPublicAccessBlock(*output)));
    }
  }
  void versioning(const CallSite& site, inv::Bucket& bucket) {
    if (auto output = fetch<inv::BucketVersioning>(site, bucket, bucket.versioning, nullptr, {})) {
      bucket.versioning.set({Text(*output, "Status"), Text(*output, "MFADelete")});
    }
  }
  void logging(const CallSite& site, inv::Bucket& bucket) {
    if (auto output = fetch<inv::ServerAccessLogging>(site, bucket, bucket.logging, nullptr, {})) {
      const aws::Json& enabled = Member(*output, "LoggingEnabled");
      bucket.logging.set({Text(enabled, "TargetBucket"), Text(enabled, "TargetPrefix")});
    }
  }

  // One bucket's region is settled (known, failed or gone); after the last,
  // Macie runs in the scanned regions holding buckets.
  void location_done() {
    if (--locating_ > 0 || !macie_) return;
    std::set<std::string> with_buckets;
    for (size_t i = 0; i < buckets_.size(); ++i) {
      if (keep_[i] && !buckets_[i].region.empty()) with_buckets.insert(buckets_[i].region);
    }
    for (auto& region : inventory_.regions) {
      if (!with_buckets.count(region.region)) continue;
      const CallSite site{"macie2", "GetMacieSession", region.region};
      SubmitSection(ctx_, region.macie.session, site,
                    [&client = ctx_.client, site] { return MacieSession(client, site); });
    }
  }

  void fail_macie(const inv::CollectionError& error) {
    if (!macie_) return;
    for (auto& region : inventory_.regions) region.macie.session.fail(error);
  }

  void finish_one() {
    if (--pending_ > 0) return;
    std::vector<inv::Bucket> kept;
    for (size_t i = 0; i < buckets_.size(); ++i) {
      if (keep_[i]) kept.push_back(std::move(buckets_[i]));
    }
    inventory_.s3.buckets = Success(std::move(kept));
  }

  CollectContext& ctx_;
  inv::Inventory& inventory_;
  const Facets facets_;
  const bool macie_;
  std::set<std::string> scanned_;
  std::vector<inv::Bucket> buckets_;
  std::vector<char> keep_;
  std::atomic<int> pending_{0};
  std::atomic<int> locating_{0};
};

}  // namespace

void PlanS3(CollectContext& ctx, inv::Inventory& inventory) {
  if (ctx.wants("s3control.account_public_access_block")) {
    const CallSite site{"s3control", "GetPublicAccessBlock", ""};
    SubmitSection(ctx, inventory.s3control.account_public_access_block, site,
                  [&ctx, site] { return AccountPublicAccessBlock(ctx, site); });
  }
  Facets facets;
  facets.policy = ctx.wants("s3.buckets.policy");
  facets.acl = ctx.wants("s3.buckets.acl");
  facets.public_access_block = ctx.wants("s3.buckets.public_access_block");
  facets.versioning = ctx.wants("s3.buckets.versioning");
  facets.logging = ctx.wants("s3.buckets.logging");
  const bool macie = ctx.wants("macie.session");
  if (!ctx.wants("s3.buckets") && facets.count() == 0 && !macie) return;
  std::make_shared<BucketScan>(ctx, inventory, facets, macie)->start();
}

}  // namespace posture::collect
