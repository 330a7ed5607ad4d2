#!/usr/bin/env python3
"""Writes the storage and logging conformance fixtures (tests/iac/testdata/conformance/<key>/).

Each fixture describes the same resources four ways: a `terraform show -json`
plan, a `terraform show -json` state, a CloudFormation template in JSON and in
YAML (short-form tags), plus labels.json naming every id spelling of each
resource. Run from anywhere; it rewrites the files of the keys below.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from conformance_fixture import *  # noqa: E402,F401,F403

import json  # noqa: E402

OWNER_ID = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


# ---- S3 ------------------------------------------------------------------------------

# What a new aws_s3_bucket's plan leaves to the provider (Optional+Computed).
BUCKET_COMPUTED = {k: None for k in (
    "id", "arn", "acceleration_status", "bucket_domain_name", "bucket_regional_domain_name", "cors_rule", "grant",
    "hosted_zone_id", "lifecycle_rule", "logging", "object_lock_configuration", "object_lock_enabled", "policy",
    "region", "replication_configuration", "request_payer", "server_side_encryption_configuration", "tags_all",
    "versioning", "website", "website_domain", "website_endpoint")}

SSE_STATE = [{"rule": [{"apply_server_side_encryption_by_default": [{"kms_master_key_id": "",
                                                                       "sse_algorithm": "AES256"}],
                        "bucket_key_enabled": False}]}]


def owner_grant():
    return {"id": OWNER_ID, "permissions": ["FULL_CONTROL"], "type": "CanonicalUser", "uri": ""}


def tf_bucket(name, bucket, policy="", grants=None, versioning=False, logging=None):
    plan = {"bucket": bucket, "force_destroy": False, "tags": None, "timeouts": None}
    state = {"id": bucket, "arn": f"arn:aws:s3:::{bucket}", "bucket": bucket, "bucket_prefix": "",
             "bucket_domain_name": f"{bucket}.s3.amazonaws.com",
             "bucket_regional_domain_name": f"{bucket}.s3.{REGION}.amazonaws.com", "force_destroy": False,
             "hosted_zone_id": "Z3AQBSTGFYJSTF", "region": REGION, "request_payer": "BucketOwner",
             "acl": None, "grant": grants or [owner_grant()], "policy": policy,
             "versioning": [{"enabled": versioning, "mfa_delete": False}],
             "logging": logging or [], "server_side_encryption_configuration": SSE_STATE,
             "object_lock_enabled": False, "tags": {}, "tags_all": {}, "timeouts": None}
    return {"type": "aws_s3_bucket", "name": name, "plan": plan, "unknown": dict(BUCKET_COMPUTED), "state": state}


def block_values(on):
    return {"block_public_acls": on, "ignore_public_acls": on, "block_public_policy": on,
            "restrict_public_buckets": on}


def cfn_block(on):
    return {"BlockPublicAcls": on, "IgnorePublicAcls": on, "BlockPublicPolicy": on, "RestrictPublicBuckets": on}


def tf_block(name, bucket_address, bucket, on):
    return {"type": "aws_s3_bucket_public_access_block", "name": name, "plan": block_values(on),
            "unknown": {"id": None, "bucket": ref(bucket_address)},
            "state": dict(block_values(on), id=bucket, bucket=bucket)}


def tls_policy(bucket, first_resource):
    return {"Version": "2012-10-17",
            "Statement": [{"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
                           "Resource": [first_resource, f"arn:aws:s3:::{bucket}/*"],
                           "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}


def s3_bucket_split():
    bucket = "posture-split-logs"
    policy = tls_policy(bucket, f"arn:aws:s3:::{bucket}")
    policy_text = json.dumps(policy, separators=(",", ":"))
    versioning = {"status": "Enabled", "mfa_delete": ""}
    tf = [tf_bucket("logs", bucket, policy=json.dumps(policy), versioning=True),
          tf_block("logs", "aws_s3_bucket.logs", bucket, True),
          {"type": "aws_s3_bucket_policy", "name": "logs", "plan": {"policy": policy_text},
           "unknown": {"id": None, "bucket": ref("aws_s3_bucket.logs")},
           "state": {"id": bucket, "bucket": bucket, "policy": policy_text}},
          {"type": "aws_s3_bucket_versioning", "name": "logs",
           "plan": {"expected_bucket_owner": None, "mfa": None, "versioning_configuration": [versioning]},
           "unknown": {"id": None, "bucket": ref("aws_s3_bucket.logs")},
           "state": {"id": bucket, "bucket": bucket, "expected_bucket_owner": "", "mfa": None,
                     "versioning_configuration": [versioning]}}]
    cfn = {"LogsBucket": {"Type": "AWS::S3::Bucket",
                          "Properties": {"BucketName": bucket, "PublicAccessBlockConfiguration": cfn_block(True),
                                         "VersioningConfiguration": {"Status": "Enabled"}}},
           "LogsBucketPolicy": {"Type": "AWS::S3::BucketPolicy",
                                "Properties": {"Bucket": Ref("LogsBucket"),
                                               "PolicyDocument": tls_policy(bucket, GetAtt("LogsBucket.Arn"))}}}
    labels = {"aws_s3_bucket.logs": "logs", "LogsBucket": "logs", bucket: "logs"}
    fixture("s3_bucket_split", tf, cfn, labels)


def s3_bucket_public_acl():
    bucket = "posture-public-site"
    all_users = {"id": "", "permissions": ["READ"], "type": "Group", "uri": ALL_USERS}
    acp = [{"grant": [{"grantee": [{"display_name": "", "email_address": "", "id": OWNER_ID,
                                    "type": "CanonicalUser", "uri": ""}], "permission": "FULL_CONTROL"},
                      {"grantee": [{"display_name": "", "email_address": "", "id": "", "type": "Group",
                                    "uri": ALL_USERS}], "permission": "READ"}],
            "owner": [{"display_name": "", "id": OWNER_ID}]}]
    tf = [tf_bucket("site", bucket, grants=[owner_grant(), all_users]),
          {"type": "aws_s3_bucket_ownership_controls", "name": "site",
           "plan": {"rule": [{"object_ownership": "ObjectWriter"}]},
           "unknown": {"id": None, "bucket": ref("aws_s3_bucket.site")},
           "state": {"id": bucket, "bucket": bucket, "rule": [{"object_ownership": "ObjectWriter"}]}},
          tf_block("site", "aws_s3_bucket.site", bucket, False),
          {"type": "aws_s3_bucket_acl", "name": "site", "plan": {"acl": "public-read", "expected_bucket_owner": None},
           "unknown": {"id": None, "access_control_policy": None, "bucket": ref("aws_s3_bucket.site")},
           "state": {"id": f"{bucket},public-read", "bucket": bucket, "acl": "public-read",
                     "expected_bucket_owner": "", "access_control_policy": acp}}]
    cfn = {"SiteBucket": {"Type": "AWS::S3::Bucket",
                          "Properties": {"BucketName": bucket, "AccessControl": "PublicRead",
                                         "OwnershipControls": {"Rules": [{"ObjectOwnership": "ObjectWriter"}]},
                                         "PublicAccessBlockConfiguration": cfn_block(False)}}}
    labels = {"aws_s3_bucket.site": "site", "SiteBucket": "site", bucket: "site"}
    fixture("s3_bucket_public_acl", tf, cfn, labels)


# ---- RDS, EFS, KMS ----------------------------------------------------------------------

def rds_instance():
    identifier = "posture-main"
    arn = f"arn:aws:rds:{REGION}:{ACCOUNT}:db:{identifier}"
    tags = {"Environment": "prod"}
    plan = {"identifier": identifier, "engine": "postgres", "engine_version": "16.3", "instance_class": "db.t3.micro",
            "allocated_storage": 20, "username": "posture", "storage_encrypted": True,
            "auto_minor_version_upgrade": False, "publicly_accessible": True, "multi_az": False,
            "skip_final_snapshot": True, "tags": tags}
    state = dict(plan, id="db-ABCDEFGHIJKLMNOPQRSTUVWXY0", arn=arn, resource_id="db-ABCDEFGHIJKLMNOPQRSTUVWXY0",
                 address=f"{identifier}.c0abcdefghij.{REGION}.rds.amazonaws.com",
                 endpoint=f"{identifier}.c0abcdefghij.{REGION}.rds.amazonaws.com:5432",
                 kms_key_id=f"arn:aws:kms:{REGION}:{ACCOUNT}:key/0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6",
                 status="available", tags_all=tags)
    tf = [{"type": "aws_db_instance", "name": "main", "plan": plan,
           "unknown": {k: None for k in ("id", "arn", "resource_id", "address", "endpoint", "kms_key_id", "status",
                                         "tags_all")},
           "state": state}]
    cfn = {"MainDb": {"Type": "AWS::RDS::DBInstance",
                      "Properties": {"DBInstanceIdentifier": identifier, "Engine": "postgres", "EngineVersion": "16.3",
                                     "DBInstanceClass": "db.t3.micro", "AllocatedStorage": "20",
                                     "MasterUsername": "posture", "ManageMasterUserPassword": True,
                                     "StorageEncrypted": True, "AutoMinorVersionUpgrade": False,
                                     "PubliclyAccessible": True, "MultiAZ": False,
                                     "Tags": [{"Key": "Environment", "Value": "prod"}]}}}
    labels = {"aws_db_instance.main": "db", "MainDb": "db", identifier: "db", arn: "db"}
    fixture("rds_instance", tf, cfn, labels)


def tf_key(name, key_id, rotation, spec="SYMMETRIC_DEFAULT", usage="ENCRYPT_DECRYPT"):
    arn = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{key_id}"
    plan = {"description": name, "customer_master_key_spec": spec, "key_usage": usage, "is_enabled": True,
            "enable_key_rotation": rotation, "deletion_window_in_days": 7, "multi_region": False, "tags": None}
    state = dict(plan, id=key_id, key_id=key_id, arn=arn, policy="{}", rotation_period_in_days=365 if rotation else 0,
                 bypass_policy_lockout_safety_check=False, custom_key_store_id="", xks_key_id="", tags={},
                 tags_all={})
    return {"type": "aws_kms_key", "name": name, "plan": plan,
            "unknown": {"id": None, "arn": None, "key_id": None, "policy": None, "rotation_period_in_days": None,
                        "tags_all": None},
            "state": state}, arn


def efs_file_system():
    fs_id = "fs-0123456789abcdef0"
    key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
    key, key_arn = tf_key("efs", key_id, True)
    tags = {"Name": "shared"}
    plan = {"creation_token": "posture-shared", "encrypted": True, "performance_mode": "generalPurpose",
            "throughput_mode": "bursting", "tags": tags}
    state = dict(plan, id=fs_id, arn=f"arn:aws:elasticfilesystem:{REGION}:{ACCOUNT}:file-system/{fs_id}",
                 kms_key_id=key_arn, dns_name=f"{fs_id}.efs.{REGION}.amazonaws.com", owner_id=ACCOUNT,
                 number_of_mount_targets=0, tags_all=tags)
    tf = [key,
          {"type": "aws_efs_file_system", "name": "shared", "plan": plan,
           "unknown": {"id": None, "arn": None, "dns_name": None, "owner_id": None, "number_of_mount_targets": None,
                       "size_in_bytes": None, "tags_all": None, "kms_key_id": ref("aws_kms_key.efs", "arn")},
           "state": state}]
    cfn = {"EfsKey": {"Type": "AWS::KMS::Key", "Properties": {"Description": "efs", "EnableKeyRotation": True}},
           "SharedFs": {"Type": "AWS::EFS::FileSystem",
                        "Properties": {"Encrypted": True, "KmsKeyId": GetAtt("EfsKey.Arn"),
                                       "PerformanceMode": "generalPurpose", "ThroughputMode": "bursting",
                                       "FileSystemTags": [{"Key": "Name", "Value": "shared"}]}}}
    labels = {"aws_efs_file_system.shared": "fs", "SharedFs": "fs", fs_id: "fs",
              "aws_kms_key.efs": "key", "EfsKey": "key", key_id: "key", key_arn: "key"}
    fixture("efs_file_system", tf, cfn, labels)


def kms_key():
    data_id = "5678efgh-12ab-34cd-56ef-1234567890ab"
    signing_id = "9abcdef0-12ab-34cd-56ef-1234567890ab"
    data, data_arn = tf_key("data", data_id, False)
    signing, signing_arn = tf_key("signing", signing_id, False, spec="RSA_2048", usage="SIGN_VERIFY")
    cfn = {"DataKey": {"Type": "AWS::KMS::Key",
                       "Properties": {"Description": "data", "EnableKeyRotation": False, "KeySpec": "SYMMETRIC_DEFAULT",
                                      "KeyUsage": "ENCRYPT_DECRYPT", "PendingWindowInDays": 7}},
           "SigningKey": {"Type": "AWS::KMS::Key",
                          "Properties": {"Description": "signing", "KeySpec": "RSA_2048", "KeyUsage": "SIGN_VERIFY",
                                         "PendingWindowInDays": 7}}}
    labels = {"aws_kms_key.data": "data", "DataKey": "data", data_id: "data", data_arn: "data",
              "aws_kms_key.signing": "signing", "SigningKey": "signing", signing_id: "signing",
              signing_arn: "signing"}
    fixture("kms_key", [data, signing], cfn, labels)


# ---- CloudTrail and GuardDuty ---------------------------------------------------------------

def trail_policy(bucket):
    return {"Version": "2012-10-17",
            "Statement": [{"Sid": "AclCheck", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                           "Action": "s3:GetBucketAcl", "Resource": f"arn:aws:s3:::{bucket}"},
                          {"Sid": "Write", "Effect": "Allow", "Principal": {"Service": "cloudtrail.amazonaws.com"},
                           "Action": "s3:PutObject", "Resource": f"arn:aws:s3:::{bucket}/AWSLogs/{ACCOUNT}/*",
                           "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}}]}


def cloudtrail():
    bucket, access = "posture-trail-logs", "posture-access-logs"
    key_id = "0fedcba9-12ab-34cd-56ef-1234567890ab"
    key, key_arn = tf_key("trail", key_id, True)
    trail_arn = f"arn:aws:cloudtrail:{REGION}:{ACCOUNT}:trail/main"
    policy_text = json.dumps(trail_policy(bucket), separators=(",", ":"))
    selector = {"read_write_type": "All", "include_management_events": True, "data_resource": [],
                "exclude_management_event_sources": []}
    trail_plan = {"name": "main", "is_multi_region_trail": True, "enable_log_file_validation": True,
                  "enable_logging": True, "include_global_service_events": True, "is_organization_trail": False,
                  "event_selector": [selector], "advanced_event_selector": [], "tags": None}
    trail_state = dict(trail_plan, id=trail_arn, arn=trail_arn, home_region=REGION, s3_bucket_name=bucket,
                       kms_key_id=key_arn, s3_key_prefix="", cloud_watch_logs_group_arn="",
                       cloud_watch_logs_role_arn="", sns_topic_name="", insight_selector=[], tags={}, tags_all={})
    logging = {"target_bucket": access, "target_prefix": "trail/"}
    tf = [tf_bucket("trail", bucket, policy=policy_text, logging=[logging]),
          tf_bucket("access", access),
          {"type": "aws_s3_bucket_logging", "name": "trail",
           "plan": {"target_prefix": "trail/", "expected_bucket_owner": None, "target_grant": []},
           "unknown": {"id": None, "bucket": ref("aws_s3_bucket.trail"),
                       "target_bucket": ref("aws_s3_bucket.access")},
           "state": dict(logging, id=bucket, bucket=bucket, expected_bucket_owner="", target_grant=[],
                         target_object_key_format=[])},
          {"type": "aws_s3_bucket_policy", "name": "trail", "plan": {"policy": policy_text},
           "unknown": {"id": None, "bucket": ref("aws_s3_bucket.trail")},
           "state": {"id": bucket, "bucket": bucket, "policy": policy_text}},
          key,
          {"type": "aws_cloudtrail", "name": "main", "plan": trail_plan,
           "unknown": {"id": None, "arn": None, "home_region": None, "tags_all": None,
                       "s3_bucket_name": ref("aws_s3_bucket.trail"), "kms_key_id": ref("aws_kms_key.trail", "arn")},
           "state": trail_state}]
    cfn = {"TrailBucket": {"Type": "AWS::S3::Bucket",
                           "Properties": {"BucketName": bucket,
                                          "LoggingConfiguration": {"DestinationBucketName": Ref("AccessBucket"),
                                                                   "LogFilePrefix": "trail/"}}},
           "AccessBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": access}},
           "TrailBucketPolicy": {"Type": "AWS::S3::BucketPolicy",
                                 "Properties": {"Bucket": Ref("TrailBucket"), "PolicyDocument": trail_policy(bucket)}},
           "TrailKey": {"Type": "AWS::KMS::Key", "Properties": {"Description": "trail", "EnableKeyRotation": True}},
           "Trail": {"Type": "AWS::CloudTrail::Trail", "DependsOn": ["TrailBucketPolicy"],
                     "Properties": {"TrailName": "main", "S3BucketName": Ref("TrailBucket"), "IsLogging": True,
                                    "IsMultiRegionTrail": True, "EnableLogFileValidation": True,
                                    "IncludeGlobalServiceEvents": True, "KMSKeyId": GetAtt("TrailKey.Arn"),
                                    "EventSelectors": [{"ReadWriteType": "All", "IncludeManagementEvents": True}]}}}
    labels = {"aws_cloudtrail.main": "trail", "Trail": "trail", trail_arn: "trail",
              "aws_s3_bucket.trail": "trail-bucket", "TrailBucket": "trail-bucket", bucket: "trail-bucket",
              "aws_s3_bucket.access": "access-bucket", "AccessBucket": "access-bucket", access: "access-bucket",
              "aws_kms_key.trail": "key", "TrailKey": "key", key_id: "key", key_arn: "key"}
    fixture("cloudtrail", tf, cfn, labels)


def guardduty_detector():
    detector_id = "12abc34d567e8fa901bc2d34e56789f0"
    plan = {"enable": True, "finding_publishing_frequency": "SIX_HOURS", "tags": None}
    state = dict(plan, id=detector_id, account_id=ACCOUNT,
                 arn=f"arn:aws:guardduty:{REGION}:{ACCOUNT}:detector/{detector_id}", datasources=[], tags={},
                 tags_all={})
    tf = [{"type": "aws_guardduty_detector", "name": "main", "plan": plan,
           "unknown": {"id": None, "arn": None, "account_id": None, "datasources": None, "tags_all": None},
           "state": state}]
    cfn = {"Detector": {"Type": "AWS::GuardDuty::Detector",
                        "Properties": {"Enable": True, "FindingPublishingFrequency": "SIX_HOURS"}}}
    labels = {"aws_guardduty_detector.main": "detector", "Detector": "detector", detector_id: "detector"}
    fixture("guardduty_detector", tf, cfn, labels)


if __name__ == "__main__":
    s3_bucket_split()
    s3_bucket_public_acl()
    rds_instance()
    efs_file_system()
    kms_key()
    cloudtrail()
    guardduty_detector()
