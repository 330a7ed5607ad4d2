#!/usr/bin/env python3
"""Benchmarks `posture scan --organization` against an organization in moto.

Starts moto_server on a free loopback port and builds an AWS Organization:
the management account plus N member accounts spread over two OUs (Prod and
Dev), an SCP on Prod, and in every member a small estate (a password
policy, 5 IAM users, one with a console password, a VPC with an open and a
closed security group and 2 buckets). Identity Center gets an admin
permission set given to a group in the Prod accounts. Then runs the
organization scan (all checks, two regions) several times and reports wall
time, CPU time, peak RSS and API requests per size, so the growth from 5 to
50 accounts shows. moto accepts any role, so every account is entered with
OrganizationAccountAccessRole. Needs boto3 and moto_server.

usage: bench/org_bench.py [--posture build/src/posture] [--accounts 5 50] [--runs 3]
"""
import argparse
import sys

sys.dont_write_bytecode = True  # importing the sibling module must not leave bench/__pycache__ behind
from scan_bench import REGIONS, measure, requests_of, start_moto  # noqa: E402

KEYS = dict(aws_access_key_id="AKIABENCH", aws_secret_access_key="bench")
GUARDRAIL = ('{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization",'
             '"Resource":"*"}]}')


def member_estate(url, account):
    import boto3
    sts = boto3.client("sts", region_name="us-east-1", endpoint_url=url, **KEYS)
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/OrganizationAccountAccessRole",
                            RoleSessionName="bench")["Credentials"]
    kw = dict(endpoint_url=url, aws_access_key_id=creds["AccessKeyId"],
              aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])
    iam = boto3.client("iam", region_name="us-east-1", **kw)
    iam.update_account_password_policy(MinimumPasswordLength=8)
    for i in range(5):
        iam.create_user(UserName=f"user{i}")
    iam.create_login_profile(UserName="user0", Password="Bench-Passw0rd!")
    ec2 = boto3.client("ec2", region_name="us-east-1", **kw)
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    for name, cidr in (("open", "0.0.0.0/0"), ("closed", "10.0.0.0/8")):
        gid = ec2.create_security_group(GroupName=name, Description="bench", VpcId=vpc)["GroupId"]
        ec2.authorize_security_group_ingress(GroupId=gid, IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": cidr}]}])
    s3 = boto3.client("s3", region_name="us-east-1", **kw)
    for i in range(2):
        s3.create_bucket(Bucket=f"bench-{account}-{i}")


def generate(url, members):
    import boto3
    org = boto3.client("organizations", region_name="us-east-1", endpoint_url=url, **KEYS)
    org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    ous = {name: org.create_organizational_unit(ParentId=root, Name=name)["OrganizationalUnit"]["Id"]
           for name in ("Prod", "Dev")}
    org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    scp = org.create_policy(Name="guardrail", Description="bench", Type="SERVICE_CONTROL_POLICY",
                            Content=GUARDRAIL)["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=scp, TargetId=ous["Prod"])
    sso = boto3.client("sso-admin", region_name="us-east-1", endpoint_url=url, **KEYS)
    store = boto3.client("identitystore", region_name="us-east-1", endpoint_url=url, **KEYS)
    instance = sso.list_instances()["Instances"][0]
    group = store.create_group(IdentityStoreId=instance["IdentityStoreId"], DisplayName="admins")["GroupId"]
    admin = sso.create_permission_set(InstanceArn=instance["InstanceArn"], Name="Admin")["PermissionSet"]
    sso.attach_managed_policy_to_permission_set(InstanceArn=instance["InstanceArn"],
                                                PermissionSetArn=admin["PermissionSetArn"],
                                                ManagedPolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
    for i in range(members):
        ou = "Prod" if i % 2 == 0 else "Dev"
        account = org.create_account(AccountName=f"{ou.lower()}-{i}",
                                     Email=f"a{i}@example.com")["CreateAccountStatus"]["AccountId"]
        org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=ous[ou])
        member_estate(url, account)
        if ou == "Prod":
            sso.create_account_assignment(InstanceArn=instance["InstanceArn"], TargetId=account,
                                          TargetType="AWS_ACCOUNT", PermissionSetArn=admin["PermissionSetArn"],
                                          PrincipalType="GROUP", PrincipalId=group)
    sso.provision_permission_set(InstanceArn=instance["InstanceArn"], PermissionSetArn=admin["PermissionSetArn"],
                                 TargetType="ALL_PROVISIONED_ACCOUNTS")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--posture", default="build/src/posture")
    parser.add_argument("--accounts", type=int, nargs="+", default=[5, 50], help="member accounts")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scan_args = ["--organization", "--region", ",".join(REGIONS)]
    for members in args.accounts:
        proc, url = start_moto()
        try:
            generate(url, members)
            rows = measure(args.posture, url, args.runs, scan_args, server_pid=proc.pid)
            requests = requests_of(args.posture, url, scan_args)
            best = min(rows, key=lambda r: r["wall_s"])
            runs = ", ".join("%.2f" % r["wall_s"] for r in rows)
            print(f"{members} member accounts (+ management): wall {best['wall_s']:.2f} s (runs: {runs}), "
                  f"cpu {best['cpu_s']:.2f} s (moto: {best['server_cpu_s']:.2f} s), peak RSS {max(r['peak_rss_mb'] for r in rows):.1f} MB, "
                  f"requests {requests}, findings {best['findings']}, errors {best['errors']}", flush=True)
        finally:
            proc.terminate()
            proc.wait()


if __name__ == "__main__":
    main()
