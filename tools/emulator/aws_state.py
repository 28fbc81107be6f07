"""
Test-only helper: deploys a CloudFormation template to the local emulator and reads back
the live state of a stack through the AWS APIs (boto3), as one JSON document on stdout.

  python3 aws_state.py ENDPOINT deploy STACK TEMPLATE_FILE   create, or update if it exists; waits
  python3 aws_state.py ENDPOINT state STACK                  stack, outputs and its resources' live state

ENDPOINT must be http://127.0.0.1:PORT: this helper never talks to anything else.
"""
import json
import sys
import time
from typing import Any

import boto3

REGION = "us-east-1"


def client(endpoint: str, service: str):
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def deploy(endpoint: str, stack: str, template_file: str) -> dict:
    cfn = client(endpoint, "cloudformation")
    body = open(template_file, encoding="utf-8").read()
    caps = ["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"]
    exists = any(s["StackName"] == stack and s["StackStatus"] != "DELETE_COMPLETE"
                 for s in cfn.list_stacks()["StackSummaries"])
    if exists:
        cfn.update_stack(StackName=stack, TemplateBody=body, Capabilities=caps)
    else:
        cfn.create_stack(StackName=stack, TemplateBody=body, Capabilities=caps)
    for _ in range(600):
        s = cfn.describe_stacks(StackName=stack)["Stacks"][0]
        if not s["StackStatus"].endswith("_IN_PROGRESS"):
            break
        time.sleep(0.5)
    failed = [e for e in cfn.describe_stack_events(StackName=stack)["StackEvents"]
              if e["ResourceStatus"].endswith("FAILED")]
    return {"status": s["StackStatus"], "reason": s.get("StackStatusReason"),
            "failedEvents": [{k: e.get(k) for k in ("LogicalResourceId", "ResourceType", "ResourceStatusReason")} for e in failed]}


def state(endpoint: str, stack: str) -> dict:
    cfn, ec2, iam, logs, ecs, elb = (client(endpoint, s) for s in ("cloudformation", "ec2", "iam", "logs", "ecs", "elbv2"))
    s = cfn.describe_stacks(StackName=stack)["Stacks"][0]
    resources = cfn.describe_stack_resources(StackName=stack)["StackResources"]
    # A resource type moto's CloudFormation skips is listed with no logical ID, type or
    # physical ID; it stays in "resources" (logicalId None) so the test names what is missing.
    ids: dict[str, list] = {}
    for r in resources:
        if r.get("ResourceType"):
            ids.setdefault(r["ResourceType"], []).append(r.get("PhysicalResourceId"))
    out: dict[str, Any] = {
        "status": s["StackStatus"],
        "outputs": {o["OutputKey"]: o["OutputValue"] for o in s.get("Outputs", [])},
        "resources": [{"logicalId": r.get("LogicalResourceId"), "type": r.get("ResourceType"), "physicalId": r.get("PhysicalResourceId")}
                      for r in resources],
    }
    vpc_ids = ids.get("AWS::EC2::VPC", [])
    if vpc_ids:
        f = [{"Name": "vpc-id", "Values": vpc_ids}]
        out["vpcs"] = ec2.describe_vpcs(VpcIds=vpc_ids)["Vpcs"]
        out["subnets"] = ec2.describe_subnets(Filters=f)["Subnets"]
        out["routeTables"] = ec2.describe_route_tables(Filters=f)["RouteTables"]
        out["natGateways"] = ec2.describe_nat_gateways(Filters=f)["NatGateways"]
        out["internetGateways"] = ec2.describe_internet_gateways(Filters=[{"Name": "attachment.vpc-id", "Values": vpc_ids}])["InternetGateways"]
        out["vpcEndpoints"] = ec2.describe_vpc_endpoints(Filters=f)["VpcEndpoints"]
        out["securityGroups"] = ec2.describe_security_groups(Filters=f)["SecurityGroups"]
        out["flowLogs"] = ec2.describe_flow_logs(Filters=[{"Name": "resource-id", "Values": vpc_ids}])["FlowLogs"]
    out["roles"] = []
    for name in ids.get("AWS::IAM::Role", []):
        role = iam.get_role(RoleName=name)["Role"]
        inline = {p: iam.get_role_policy(RoleName=name, PolicyName=p)["PolicyDocument"]
                  for p in iam.list_role_policies(RoleName=name)["PolicyNames"]}
        attached = [p["PolicyArn"] for p in iam.list_attached_role_policies(RoleName=name)["AttachedPolicies"]]
        out["roles"].append({"name": name, "arn": role["Arn"], "trust": role["AssumeRolePolicyDocument"],
                             "inlinePolicies": inline, "managedPolicies": attached})
    groups = set(ids.get("AWS::Logs::LogGroup", []))
    out["logGroups"] = [g for g in logs.describe_log_groups()["logGroups"] if g["logGroupName"] in groups]
    out["taskDefinitions"] = [ecs.describe_task_definition(taskDefinition=arn)["taskDefinition"]
                              for arn in ids.get("AWS::ECS::TaskDefinition", [])]
    out["clusters"] = ecs.describe_clusters(clusters=ids["AWS::ECS::Cluster"])["clusters"] if "AWS::ECS::Cluster" in ids else []
    out["services"] = []
    for arn in ids.get("AWS::ECS::Service", []):
        cluster = next((c["clusterArn"] for c in out["clusters"] if f"/{c['clusterName']}/" in arn), None)
        out["services"] += ecs.describe_services(cluster=cluster or "default", services=[arn])["services"]
    lbs = ids.get("AWS::ElasticLoadBalancingV2::LoadBalancer", [])
    out["loadBalancers"] = elb.describe_load_balancers(LoadBalancerArns=lbs)["LoadBalancers"] if lbs else []
    out["listeners"] = [l for lb in lbs for l in elb.describe_listeners(LoadBalancerArn=lb)["Listeners"]]
    out["listenerRules"] = [r for l in out["listeners"] for r in elb.describe_rules(ListenerArn=l["ListenerArn"])["Rules"]]
    tgs = ids.get("AWS::ElasticLoadBalancingV2::TargetGroup", [])
    out["targetGroups"] = elb.describe_target_groups(TargetGroupArns=tgs)["TargetGroups"] if tgs else []
    alarms = ids.get("AWS::CloudWatch::Alarm", [])
    cw = client(endpoint, "cloudwatch")
    out["alarms"] = cw.describe_alarms(AlarmNames=alarms)["MetricAlarms"] if alarms else []
    aas = client(endpoint, "application-autoscaling")
    out["scalableTargets"] = aas.describe_scalable_targets(ServiceNamespace="ecs")["ScalableTargets"]
    out["scalingPolicies"] = aas.describe_scaling_policies(ServiceNamespace="ecs")["ScalingPolicies"]
    sns = client(endpoint, "sns")
    out["topicPolicies"] = {arn: json.loads(sns.get_topic_attributes(TopicArn=arn)["Attributes"]["Policy"])
                            for arn in ids.get("AWS::SNS::Topic", [])}
    s3 = client(endpoint, "s3")
    out["bucketPolicies"] = {name: json.loads(s3.get_bucket_policy(Bucket=name)["Policy"])
                             for name in ids.get("AWS::S3::Bucket", [])
                             if name and _has_bucket_policy(s3, name)}
    sd = client(endpoint, "servicediscovery")
    out["namespaces"] = [sd.get_namespace(Id=ns_id)["Namespace"] for ns_id in ids.get("AWS::ServiceDiscovery::HttpNamespace", [])]
    events = client(endpoint, "events")
    out["rules"] = [{**events.describe_rule(Name=name), "Targets": events.list_targets_by_rule(Rule=name)["Targets"]}
                    for name in ids.get("AWS::Events::Rule", [])]
    return out


def _has_bucket_policy(s3, name: str) -> bool:
    try:
        s3.get_bucket_policy(Bucket=name)
        return True
    except s3.exceptions.ClientError:
        return False


def main() -> None:
    endpoint, command, *args = sys.argv[1:]
    if not endpoint.startswith("http://127.0.0.1:"):
        sys.exit(f"aws_state.py: refusing endpoint {endpoint}: only http://127.0.0.1:PORT is allowed")
    result = deploy(endpoint, *args) if command == "deploy" else state(endpoint, *args)
    json.dump(result, sys.stdout, default=str)


if __name__ == "__main__":
    main()
