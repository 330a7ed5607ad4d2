#!/usr/bin/env bash
# Runs posture's AWS client against a built-in sample estate on a local AWS
# endpoint (moto_server on a free loopback port): no AWS account needed.
# Until `posture demo` exists this exercises `posture api` end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
posture="${POSTURE:-build/posture}"

if ! command -v moto_server >/dev/null 2>&1; then
  echo "sample: moto_server (a local AWS endpoint) is not installed: pip install 'moto[server]'" >&2
  exit 1
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
MOTO_IAM_LOAD_MANAGED_POLICIES=true moto_server -H 127.0.0.1 -p "$port" >/dev/null 2>&1 &
moto_pid=$!
trap 'kill $moto_pid 2>/dev/null; wait $moto_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/moto-api/" >/dev/null 2>&1 && break
  sleep 0.1
done

export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export AWS_ACCESS_KEY_ID=AKIASAMPLESAMPLE0000 AWS_SECRET_ACCESS_KEY=sample-secret-not-real
api() { "$posture" api "$@"; }
quiet() { "$posture" api "$@" >/dev/null; }

echo "== who am I (sts GetCallerIdentity, query protocol)"
api sts GetCallerIdentity
echo "== sample estate: two IAM users, a VPC with a security group open on SSH, an S3 bucket, a KMS key"
quiet iam CreateUser --param UserName=alice
quiet iam CreateUser --param UserName=bob
vpc=$("$posture" api ec2 CreateVpc --param CidrBlock=10.0.0.0/16 | python3 -c 'import json,sys; print(json.load(sys.stdin)["Vpc"]["VpcId"])')
sg=$("$posture" api ec2 CreateSecurityGroup --param GroupName=ssh-world --param Description=demo --param VpcId="$vpc" \
     | python3 -c 'import json,sys; print(json.load(sys.stdin)["GroupId"])')
quiet ec2 AuthorizeSecurityGroupIngress --input "{\"GroupId\":\"$sg\",\"IpPermissions\":[{\"IpProtocol\":\"tcp\",\"FromPort\":22,\"ToPort\":22,\"IpRanges\":[{\"CidrIp\":\"0.0.0.0/0\"}]}]}"
quiet s3 CreateBucket --param Bucket=posture-sample-logs
quiet kms CreateKey --param Description=sample
echo "== iam ListUsers (paginated 1 per page, merged)"
api iam ListUsers --param MaxItems=1
echo "== ec2 DescribeSecurityGroups for the open group (ec2 protocol)"
api ec2 DescribeSecurityGroups --param "GroupIds=[\"$sg\"]"
echo "== s3 ListBuckets (rest-xml) and kms ListKeys (json)"
api s3 ListBuckets
api kms ListKeys
echo "== a denied or missing resource is a one-line error and exit 1:"
api s3 GetBucketPolicy --param Bucket=posture-sample-logs || echo "(exit $?)"
