# The configuration fixed/plan.json was planned from (see ../generate_plans.py): the
# vulnerable example with every finding fixed. Run: posture iac examples/terraform/fixed/plan.json
# Differences from ../vulnerable/main.tf:
#   aws_security_group.web          SSH only from 10.0.0.0/8
#   aws_instance.web                no public IP; metadata_options { http_tokens = "required" };
#                                   iam_instance_profile = "web"
#   aws_s3_bucket_public_access_block.data   all four settings on (vulnerable: all four off)
#   aws_s3_bucket_policy.data       only a Deny for aws:SecureTransport = false
#   aws_db_instance.main            storage_encrypted = true, publicly_accessible = false, multi_az = true
#   aws_iam_policy.deploy           ec2:Describe* and s3:ListBucket only
#   aws_kms_key.data                enable_key_rotation = true
#   aws_flow_log.main               flow log on aws_vpc.main
#   module.network                  database group open to 10.0.0.0/16 only
