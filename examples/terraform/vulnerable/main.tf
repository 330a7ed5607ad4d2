# The configuration vulnerable/plan.json was planned from (see ../generate_plans.py).
# Run: posture iac examples/terraform/vulnerable/plan.json
provider "aws" {
  region = "eu-west-1"
}

resource "aws_vpc" "main" { # no flow log
  cidr_block = "10.0.0.0/16"
  tags       = { Name = "main" }
}

resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
  vpc_id      = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress { # SSH from anywhere
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_instance" "web" { # public IP, IMDSv1 allowed, no instance profile
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = true
  vpc_security_group_ids      = [aws_security_group.web.id]
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-example-data"
}

resource "aws_s3_bucket_public_access_block" "data" { # Block Public Access turned off
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_policy" "data" { # public read, no TLS-only statement
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "PublicRead", Effect = "Allow", Principal = "*", Action = "s3:GetObject",
    Resource = "arn:aws:s3:::acme-example-data/*" }]
  })
}

resource "aws_db_instance" "main" { # unencrypted, public, single-AZ (suppressed with a reason)
  identifier          = "orders"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  storage_encrypted   = false
  publicly_accessible = true
  tags = {
    Environment                              = "production"
    "posture:ignore:rds_instance_multi_az" = "single-AZ accepted until the Q3 migration (SEC-42)"
  }
}

resource "aws_iam_policy" "deploy" { # full admin
  name   = "deploy"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow",
  Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.deploy.name
  policy_arn = aws_iam_policy.deploy.arn
}

resource "aws_kms_key" "data" { # rotation off
  description         = "data key"
  enable_key_rotation = false
}

module "network" { # ./modules/network: a database group open to the internet on 5432
  source = "./modules/network"
}
