"""
Test-only launcher for moto_server (moto 5.2) with a small CloudFormation compatibility shim.

Starts moto on 127.0.0.1 and a free port chosen by the OS, prints `MOTO_PORT=<port>` on
stdout once it accepts connections, and stops on SIGTERM or SIGINT. Used by the emulator
integration tests (test/integ) and by `npm run demo`; never part of the npm package.

Each patch below fixes one moto behaviour where moto's CloudFormation handlers drop
properties that a real deployment applies. Without them the emulator would report a
Fargate service as an EC2 service with no network configuration, a subnet as associated
with no route table, and so on, and the tests would have to assert on moto's mistakes.
The shim only makes the handlers pass the template's properties to moto's own backends
(the same calls moto's ECS, EC2 and IAM APIs make); it adds no behaviour of its own.
"""
import copy
import json
import os
import signal
import sys
import threading
from types import SimpleNamespace
from typing import Any

# AWS managed policies (e.g. ReadOnlyAccess, which `cdk bootstrap` attaches) exist in every
# real account; moto loads them only when asked.
os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")

from moto.cloudformation import models as cfn_models  # noqa: E402
from moto.cloudformation import parsing as cfn_parsing  # noqa: E402
from moto.cloudformation import responses as cfn_responses  # noqa: E402
from moto.ec2.models import ec2_backends
from moto.ec2.models import subnets as ec2_subnets
from moto.ec2.models import vpcs as ec2_vpcs
from moto.ecs import models as ecs_models
from moto.elbv2 import models as elbv2_models
from moto.events import models as events_models
from moto.iam import models as iam_models
from moto.s3 import models as s3_models
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from moto.utilities.utils import get_partition
from werkzeug.serving import make_server

camel = ecs_models.pascal_to_camelcase
# (fix number, owner, attribute, replacement): applied at start-up unless FARGATE_KIT_MOTO_SHIM=off,
# which shows what plain moto gets wrong (the integration tests then fail), or unless the fix's
# number is in FARGATE_KIT_MOTO_SKIP_FIXES (e.g. "3,9"), which tools/emulator/measure-shim.sh uses
# to measure which fixes a moto version still needs.
PATCHES: list = []
remap = ecs_models.remap_nested_keys


def _ref_arn(value: Any) -> Any:
    """A resolved Ref may be moto's model object instead of its ARN."""
    return getattr(value, "arn", value)


def _cluster_name(value: Any) -> str:
    return value.name if isinstance(value, ecs_models.Cluster) else str(value).split("/")[-1]


# --- Fix 1: AWS::EC2::VPC ignores EnableDnsSupport / EnableDnsHostnames -----------------
# moto creates every non-default VPC with DNS hostnames off, so an awsvpc task's ENI gets no
# private DNS name and `ecs run-task` crashes with AttributeError 'private_dns_name'.
_vpc_create = ec2_vpcs.VPC.create_from_cloudformation_json.__func__


def _vpc_create_with_dns(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    vpc = _vpc_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    props = cloudformation_json["Properties"]
    vpc.enable_dns_support = str(props.get("EnableDnsSupport", True)).lower() == "true"
    vpc.enable_dns_hostnames = str(props.get("EnableDnsHostnames", False)).lower() == "true"
    return vpc


PATCHES.append((1, ec2_vpcs.VPC, "create_from_cloudformation_json", classmethod(_vpc_create_with_dns)))


# --- Fix 2: AWS::EC2::SubnetRouteTableAssociation is recorded but never associated ------
# moto stores the pair in a side table that DescribeRouteTables never reads, so every route
# table shows no subnets. Associate through the same call as ec2:AssociateRouteTable.
def _association_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    props = cloudformation_json["Properties"]
    backend = ec2_backends[account_id][region_name]
    association = ec2_subnets.SubnetRouteTableAssociation(props["RouteTableId"], props["SubnetId"])
    association.association_id = backend.associate_route_table(props["RouteTableId"], subnet_id=props["SubnetId"])
    return association


PATCHES.append((2, ec2_subnets.SubnetRouteTableAssociation, "create_from_cloudformation_json", classmethod(_association_create)))
PATCHES.append((2, ec2_subnets.SubnetRouteTableAssociation, "physical_resource_id", property(
    lambda self: getattr(self, "association_id", self.route_table_id))))


# --- Fix 3: AWS::IAM::Role ignores ManagedPolicyArns ------------------------------------
_role_create = iam_models.Role.create_from_cloudformation_json.__func__


def _role_create_with_managed_policies(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    role = _role_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    backend = iam_models.iam_backends[account_id][get_partition(region_name)]
    for arn in cloudformation_json["Properties"].get("ManagedPolicyArns", []):
        backend.attach_role_policy(arn, role.name)
    return role


PATCHES.append((3, iam_models.Role, "create_from_cloudformation_json", classmethod(_role_create_with_managed_policies)))


# --- Fix 4: AWS::ECS::TaskDefinition keeps only family, containers, volumes and memory --
# moto drops RequiresCompatibilities, NetworkMode, Cpu, the two role ARNs, RuntimePlatform
# and EphemeralStorage (so a Fargate task definition comes out as EC2/bridge), and its update
# handler compares camelCase with PascalCase keys and re-registers containers un-remapped.
def _task_definition_args(props: dict) -> dict:
    return {
        "family": props.get("Family"),
        "container_definitions": remap(props.get("ContainerDefinitions", []), camel),
        "volumes": remap(props.get("Volumes", []), camel),
        "network_mode": props.get("NetworkMode"),
        "requires_compatibilities": props.get("RequiresCompatibilities"),
        "cpu": props.get("Cpu"),
        "memory": props.get("Memory"),
        "task_role_arn": props.get("TaskRoleArn"),
        "execution_role_arn": props.get("ExecutionRoleArn"),
        "runtime_platform": remap(props["RuntimePlatform"], camel) if "RuntimePlatform" in props else None,
        "ephemeral_storage": remap(props["EphemeralStorage"], camel) if "EphemeralStorage" in props else None,
        "tags": remap(props.get("Tags", []), camel) or None,
    }


def _register(account_id: str, region_name: str, resource_name: str, props: dict):
    args = _task_definition_args(props)
    args["family"] = args["family"] or resource_name
    task_definition = ecs_models.ecs_backends[account_id][region_name].register_task_definition(**args)
    task_definition.cfn_properties = props
    return task_definition


def _task_definition_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    return _register(account_id, region_name, resource_name, cloudformation_json["Properties"])


def _task_definition_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    props = cloudformation_json["Properties"]
    if getattr(original_resource, "cfn_properties", None) == props:
        return original_resource
    # A changed task definition is replaced: a new revision; the old one is deregistered.
    task_definition = _register(account_id, region_name, new_resource_name, props)
    ecs_models.ecs_backends[account_id][region_name].deregister_task_definition(original_resource.arn)
    return task_definition


PATCHES.append((4, ecs_models.TaskDefinition, "create_from_cloudformation_json", classmethod(_task_definition_create)))
PATCHES.append((4, ecs_models.TaskDefinition, "update_from_cloudformation_json", classmethod(_task_definition_update)))


# --- Fix 5: AWS::ECS::Service keeps only cluster, task family and desired count ----------
# moto drops LaunchType, NetworkConfiguration, LoadBalancers, PlatformVersion, PropagateTags
# and DeploymentController (so a Fargate service comes out as EC2 with no subnets), pins the
# task definition by family instead of the ARN the template references, and on update stores
# the bare family string as the service's task definition.
def _service_args(props: dict) -> dict:
    return {
        "cluster_str": _cluster_name(props["Cluster"]),
        "desired_count": int(props["DesiredCount"]) if "DesiredCount" in props else None,
        "task_definition_str": _ref_arn(props.get("TaskDefinition")),
        "load_balancers": remap(props.get("LoadBalancers", []), camel),
        "launch_type": props.get("LaunchType"),
        "platform_version": props.get("PlatformVersion"),
        "propagate_tags": props.get("PropagateTags", "NONE"),
        "network_configuration": remap(props["NetworkConfiguration"], camel) if "NetworkConfiguration" in props else None,
        "deployment_controller": remap(props["DeploymentController"], camel) if "DeploymentController" in props else None,
        "tags": remap(props.get("Tags", []), camel) or None,
        "role_arn": props.get("Role"),
    }


def _service_create(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    props = cloudformation_json["Properties"]
    backend = ecs_models.ecs_backends[account_id][region_name]
    return backend.create_service(service_name=props.get("ServiceName", resource_name), **_service_args(props))


def _service_update(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
    props = cloudformation_json["Properties"]
    backend = ecs_models.ecs_backends[account_id][region_name]
    args = _service_args(props)
    if _cluster_name(props["Cluster"]) != original_resource.cluster_name:
        backend.delete_service(original_resource.cluster_name, original_resource.name, force=True)
        return backend.create_service(service_name=props.get("ServiceName", new_resource_name), **args)
    service = backend.update_service({
        "cluster": args["cluster_str"],
        "service": original_resource.name,
        "task_definition": args["task_definition_str"],
        "desired_count": args["desired_count"],
    })
    if args["network_configuration"] is not None:
        service.network_configuration = service._validate_network(args["network_configuration"])
    service.load_balancers = args["load_balancers"]
    # A new task definition starts a new deployment, as ECS does.
    if service.deployments and args["task_definition_str"]:
        service.deployments[0]["taskDefinition"] = args["task_definition_str"]
    return service


PATCHES.append((5, ecs_models.Service, "create_from_cloudformation_json", classmethod(_service_create)))
PATCHES.append((5, ecs_models.Service, "update_from_cloudformation_json", classmethod(_service_update)))


# --- Fix 6: ecs:RunTask requires container-level memory ------------------------------------
# moto sums each container's memory/memoryReservation and crashes (TypeError on None) when a
# container has neither; Fargate needs only task-level memory, so a container without its own
# limit counts as 0 MiB here.
_requirements = ecs_models.EC2ContainerServiceBackend._calculate_task_resource_requirements


def _requirements_task_level_memory(task_definition):
    containers = [
        d if any(k in d for k in ("memory", "memoryReservation", "Memory", "MemoryReservation")) else {**d, "memory": 0}
        for d in task_definition.container_definitions
    ]
    return _requirements(SimpleNamespace(container_definitions=containers))


PATCHES.append((6, ecs_models.EC2ContainerServiceBackend, "_calculate_task_resource_requirements", staticmethod(_requirements_task_level_memory)))


# --- Fix 7: UpdateStack does not update resources whose Ref / GetAtt target was replaced ---
# moto updates only resources whose own template JSON changed. When a task definition is
# replaced (new revision, new ARN), CloudFormation also updates every resource that
# references it, e.g. the service; moto leaves the service on the old revision. After moto's
# update, update the dependents of each resource whose physical ID changed, transitively.
_parse_and_update = cfn_parsing.parse_and_update_resource
_resource_map_update = cfn_parsing.ResourceMap.update


def _parse_and_update_tracking(logical_id, resource_json, resources_map, account_id, region_name):
    before = resources_map._parsed_resources.get(logical_id)
    resource = _parse_and_update(logical_id, resource_json, resources_map, account_id, region_name)
    if getattr(before, "physical_resource_id", None) != getattr(resource, "physical_resource_id", None):
        resources_map.__dict__.setdefault("shim_replaced", set()).add(logical_id)
    return resource


def _references(value: Any, names: set) -> bool:
    if isinstance(value, dict):
        if value.get("Ref") in names:
            return True
        get_att = value.get("Fn::GetAtt")
        if isinstance(get_att, list) and get_att and get_att[0] in names:
            return True
        return any(_references(v, names) for v in value.values())
    if isinstance(value, list):
        return any(_references(v, names) for v in value)
    return False


def _update_with_dependents(self, template, parameters=None):
    self.shim_replaced = set()
    _resource_map_update(self, template, parameters)
    done = set()
    while self.shim_replaced - done:
        replaced = self.shim_replaced - done
        done |= replaced
        for name, resource_json in self._resource_json_map.items():
            if name in self._parsed_resources and name not in done and _references(resource_json.get("Properties", {}), replaced):
                self._parsed_resources[name] = cfn_parsing.parse_and_update_resource(
                    name, resource_json, self, account_id=self._account_id, region_name=self._region_name)


PATCHES.append((7, cfn_parsing, "parse_and_update_resource", _parse_and_update_tracking))
PATCHES.append((7, cfn_parsing.ResourceMap, "update", _update_with_dependents))


# --- Fix 8: a TemplateURL on http://127.0.0.1:PORT/bucket/key is read as bucket "http://127" --
# moto reads path-style template URLs only when the host is "localhost"; `cdk deploy` against
# this emulator uploads the template to http://127.0.0.1:PORT/BUCKET/KEY and passes that URL.
_get_stack_from_s3_url = cfn_responses.get_stack_from_s3_url


def _get_stack_from_loopback_url(template_url: str, account_id: str, partition: str) -> str:
    return _get_stack_from_s3_url(template_url.replace("://127.0.0.1:", "://localhost:", 1), account_id, partition)


PATCHES.append((8, cfn_responses, "get_stack_from_s3_url", _get_stack_from_loopback_url))
PATCHES.append((8, cfn_models, "get_stack_from_s3_url", _get_stack_from_loopback_url))


# --- Fix 10: AWS::ElasticLoadBalancingV2::LoadBalancer GetAtt LoadBalancerFullName, SecurityGroups,
# CanonicalHostedZoneID: moto raises NotImplementedError for them, so the alarm and scaling metrics CDK builds from
# them fail the stack. The full name is the ARN part after "loadbalancer/" (app/NAME/ID).
_lb_get_cfn_attribute = elbv2_models.FakeLoadBalancer.get_cfn_attribute


def _lb_get_cfn_attribute_full(self, attribute_name: str) -> Any:
    if attribute_name == "LoadBalancerFullName":
        return self.arn.split(":loadbalancer/", 1)[1]
    if attribute_name == "SecurityGroups":
        return list(self.security_groups)
    if attribute_name == "CanonicalHostedZoneID":
        return self.canonical_hosted_zone_id
    return _lb_get_cfn_attribute(self, attribute_name)


PATCHES.append((10, elbv2_models.FakeLoadBalancer, "get_cfn_attribute", _lb_get_cfn_attribute_full))


# --- Fix 11: AWS::ElasticLoadBalancingV2::TargetGroup has no GetAtt at all -------------------
# moto's target group model lacks get_cfn_attribute (AttributeError on any Fn::GetAtt), e.g.
# TargetGroupFullName in the UnHealthyHostCount alarm and the ALBRequestCountPerTarget scaling
# metric. The attributes real CloudFormation returns:
def _tg_get_cfn_attribute(self, attribute_name: str) -> Any:
    from moto.cloudformation.exceptions import UnformattedGetAttTemplateException
    values = {
        "TargetGroupFullName": lambda: self.arn.split(":", 5)[5],
        "TargetGroupName": lambda: self.name,
        "TargetGroupArn": lambda: self.arn,
        "LoadBalancerArns": lambda: list(self.load_balancer_arns),
    }
    if attribute_name not in values:
        raise UnformattedGetAttTemplateException()
    return values[attribute_name]()


PATCHES.append((11, elbv2_models.FakeTargetGroup, "get_cfn_attribute", _tg_get_cfn_attribute))
PATCHES.append((11, elbv2_models.FakeTargetGroup, "has_cfn_attr", classmethod(
    lambda cls, attr: attr in ("TargetGroupFullName", "TargetGroupName", "TargetGroupArn", "LoadBalancerArns"))))


# --- Fix 12: AWS::Events::Rule stores an ECS target's network configuration under the template's key
# The template spells it EcsParameters.NetworkConfiguration.AwsVpcConfiguration; the Events
# API (and boto3/awscli) spell it awsvpcConfiguration. moto stores the template's spelling, so
# ListTargetsByRule returns an empty network configuration (the scheduled task would have no
# subnets). Store the API spelling, as CloudFormation does (moto's update re-creates the rule
# through this same handler).
def _with_api_network_configuration(cloudformation_json: dict) -> dict:
    fixed = copy.deepcopy(cloudformation_json)
    for target in fixed.get("Properties", {}).get("Targets", []):
        network = target.get("EcsParameters", {}).get("NetworkConfiguration", {})
        if "AwsVpcConfiguration" in network:
            network["awsvpcConfiguration"] = network.pop("AwsVpcConfiguration")
    return fixed


_rule_create = events_models.Rule.create_from_cloudformation_json.__func__


def _rule_create_api_network(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    return _rule_create(cls, resource_name, _with_api_network_configuration(cloudformation_json), account_id, region_name, **kwargs)


PATCHES.append((12, events_models.Rule, "create_from_cloudformation_json", classmethod(_rule_create_api_network)))


# --- Fix 13: S3 bucket policies deny every request of an SSL-only bucket ---------------------
# moto 5.2.1 cannot evaluate the Bool condition operator and ignores such conditions, so the
# statement "Deny s3:* when aws:SecureTransport is false" (the CDK bootstrap bucket, the access-
# log bucket) denies every request. Real clients (the SDKs, cdk's asset publishing) reach S3
# over HTTPS, where that statement never applies; the emulator only speaks plain HTTP on
# loopback. Evaluate the policy without the SSL-only deny statements, as AWS does for HTTPS.
def _ssl_only_deny(statement: dict) -> bool:
    secure = statement.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport")
    return statement.get("Effect") == "Deny" and str(secure).lower() == "false"


def _bucket_permission_over_tls(self, action: str, resource: str) -> Any:
    from moto.iam.access_control import IAMPolicy, PermissionResult
    if self.policy is None:
        return PermissionResult.NEUTRAL
    policy = json.loads(self.policy.decode())
    statements = policy["Statement"] if isinstance(policy["Statement"], list) else [policy["Statement"]]
    kept = [st for st in statements if not _ssl_only_deny(st)]
    if not kept:
        return PermissionResult.NEUTRAL
    return IAMPolicy(json.dumps({**policy, "Statement": kept})).is_action_permitted(action, resource)


PATCHES.append((13, s3_models.FakeBucket, "get_permission", _bucket_permission_over_tls))


def main() -> None:
    skip = {int(n) for n in os.environ.get("FARGATE_KIT_MOTO_SKIP_FIXES", "").split(",") if n.strip()}
    if os.environ.get("FARGATE_KIT_MOTO_SHIM") != "off":
        for fix, owner, attribute, value in PATCHES:
            if fix not in skip:
                setattr(owner, attribute, value)
        # Fix 9: CloudFormation handlers for the resource types moto 5.2.1 does not support at
        # all (alarms, application auto scaling, security group egress, SNS topic policies,
        # S3 bucket policies, ECS cluster capacity provider associations);
        # see moto_missing_resources.py. Defining the models registers them with moto.
        if 9 not in skip:
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            sys.dont_write_bytecode = True  # no __pycache__ in the source tree
            import moto_missing_resources  # noqa: F401
        # Fix 14: a CloudFormation handler for AWS::ServiceDiscovery::HttpNamespace (the Service
        # Connect namespace of a FargateEnvironment); see moto_service_discovery.py.
        if 14 not in skip:
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            sys.dont_write_bytecode = True
            import moto_service_discovery  # noqa: F401
    app = DomainDispatcherApplication(create_backend_app)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    port = server.server_port
    os.environ["MOTO_PORT"] = str(port)

    def stop(*_: Any) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"MOTO_PORT={port}", flush=True)
    server.serve_forever()
    sys.exit(0)


if __name__ == "__main__":
    main()
