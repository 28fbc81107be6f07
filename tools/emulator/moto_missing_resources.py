"""
Test-only CloudFormation handlers for resource types that moto 5.2.1's CloudFormation does
not support at all, part of the compatibility shim of moto_server.py (imported only when
the shim is on).

moto 5.2.1 has no CloudFormation model for AWS::CloudWatch::Alarm,
AWS::ApplicationAutoScaling::ScalableTarget, AWS::ApplicationAutoScaling::ScalingPolicy,
AWS::EC2::SecurityGroupEgress, AWS::SNS::TopicPolicy, AWS::S3::BucketPolicy or
AWS::ECS::ClusterCapacityProviderAssociations: it logs "No Moto CloudFormation
support", skips the resource, still reports the stack as CREATE_COMPLETE, and lists the
resource in DescribeStackResources with no logical ID, type or physical ID. moto's own APIs
for these services work, so each handler below only passes the template's properties to the
same backend call the API makes (cloudwatch:PutMetricAlarm,
application-autoscaling:RegisterScalableTarget / PutScalingPolicy,
ec2:AuthorizeSecurityGroupEgress, sns:SetTopicAttributes, s3:PutBucketPolicy,
ecs:PutClusterCapacityProviders) and returns the physical ID and
attributes real CloudFormation returns. Nothing here adds behaviour of its own.
"""
import json
from typing import Any

from moto.applicationautoscaling.models import applicationautoscaling_backends
from moto.cloudwatch.models import Dimension, Metric, MetricDataQuery, MetricStat, cloudwatch_backends
from moto.core.common_models import CloudFormationModel
from moto.ec2.models import ec2_backends
from moto.ecs.models import ecs_backends
from moto.s3.models import s3_backends
from moto.sns.models import sns_backends

from moto_shim_model import _ShimModel

# moto's model metaclass files every model under the service named by the second part of its
# module name ("moto.<service>..."); these count as CloudFormation's.
_MODULE = "moto.cloudformation.fargate_kit_shim"


def _dimensions(dims: list) -> list:
    return [Dimension(name=d["Name"], value=d["Value"]) for d in dims or []]


def _metric_queries(metrics: list | None) -> list | None:
    if not metrics:
        return None
    queries = []
    for m in metrics:
        stat = m.get("MetricStat")
        metric_stat = MetricStat(
            metric=Metric(stat["Metric"]["MetricName"], stat["Metric"].get("Namespace"), _dimensions(stat["Metric"].get("Dimensions"))),
            period=stat.get("Period"), stat=stat.get("Stat"), unit=stat.get("Unit"),
        ) if stat else None
        queries.append(MetricDataQuery(query_id=m["Id"], label=m.get("Label"), period=m.get("Period"),
                                       return_data=m.get("ReturnData"), expression=m.get("Expression"), metric_stat=metric_stat))
    return queries


class ShimAlarm(_ShimModel, CloudFormationModel):
    """Ref: the alarm name; Fn::GetAtt Arn."""

    __module__ = _MODULE

    ATTRIBUTES = {"Arn": "arn"}

    def __init__(self, alarm: Any):
        self.name = alarm.name
        self.arn = alarm.alarm_arn

    @property
    def physical_resource_id(self) -> str:
        return self.name

    @staticmethod
    def cloudformation_name_type() -> str:
        return "AlarmName"

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::CloudWatch::Alarm"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        alarm = cloudwatch_backends[account_id][region_name].put_metric_alarm(
            name=p.get("AlarmName", resource_name),
            namespace=p.get("Namespace"),
            metric_name=p.get("MetricName"),
            metric_data_queries=_metric_queries(p.get("Metrics")),
            comparison_operator=p["ComparisonOperator"],
            evaluation_periods=int(p["EvaluationPeriods"]),
            datapoints_to_alarm=int(p["DatapointsToAlarm"]) if "DatapointsToAlarm" in p else None,
            period=int(p["Period"]) if "Period" in p else None,
            threshold=float(p["Threshold"]) if "Threshold" in p else None,
            statistic=p.get("Statistic"),
            extended_statistic=p.get("ExtendedStatistic"),
            description=p.get("AlarmDescription"),
            dimensions=p.get("Dimensions", []),
            alarm_actions=p.get("AlarmActions", []),
            ok_actions=p.get("OKActions", []),
            insufficient_data_actions=p.get("InsufficientDataActions", []),
            unit=p.get("Unit"),
            actions_enabled=str(p.get("ActionsEnabled", True)).lower() == "true",
            treat_missing_data=p.get("TreatMissingData"),
            evaluate_low_sample_count_percentile=p.get("EvaluateLowSampleCountPercentile"),
            threshold_metric_id=p.get("ThresholdMetricId"),
        )
        return cls(alarm)

    def delete(self, account_id: str, region_name: str) -> None:
        cloudwatch_backends[account_id][region_name].delete_alarms([self.name])


# --- AWS::ApplicationAutoScaling::ScalableTarget -> RegisterScalableTarget -----------------
class ShimScalableTarget(_ShimModel, CloudFormationModel):
    """Ref: `resourceId|scalableDimension|serviceNamespace`, as CloudFormation returns it."""

    __module__ = _MODULE

    def __init__(self, namespace: str, resource_id: str, dimension: str):
        self.namespace, self.resource_id, self.dimension = namespace, resource_id, dimension

    @property
    def physical_resource_id(self) -> str:
        return f"{self.resource_id}|{self.dimension}|{self.namespace}"

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ApplicationAutoScaling::ScalableTarget"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        applicationautoscaling_backends[account_id][region_name].register_scalable_target(
            namespace=p["ServiceNamespace"], r_id=p["ResourceId"], dimension=p["ScalableDimension"],
            min_capacity=int(p["MinCapacity"]), max_capacity=int(p["MaxCapacity"]),
            role_arn=p.get("RoleARN"), suspended_state=p.get("SuspendedState"),
        )
        return cls(p["ServiceNamespace"], p["ResourceId"], p["ScalableDimension"])

    def delete(self, account_id: str, region_name: str) -> None:
        applicationautoscaling_backends[account_id][region_name].deregister_scalable_target(self.namespace, self.resource_id, self.dimension)


# --- AWS::ApplicationAutoScaling::ScalingPolicy -> PutScalingPolicy ------------------------
class ShimScalingPolicy(_ShimModel, CloudFormationModel):
    """Ref: the policy ARN; Fn::GetAtt Arn."""

    __module__ = _MODULE

    ATTRIBUTES = {"Arn": "arn"}

    def __init__(self, policy: Any, namespace: str, resource_id: str, dimension: str):
        self.arn, self.name = policy.policy_arn, policy.policy_name
        self.namespace, self.resource_id, self.dimension = namespace, resource_id, dimension

    @property
    def physical_resource_id(self) -> str:
        return self.arn

    @staticmethod
    def cloudformation_name_type() -> str:
        return "PolicyName"

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ApplicationAutoScaling::ScalingPolicy"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        if "ScalingTargetId" in p:
            resource_id, dimension, namespace = p["ScalingTargetId"].split("|")
        else:
            resource_id, dimension, namespace = p["ResourceId"], p["ScalableDimension"], p["ServiceNamespace"]
        body = p.get("TargetTrackingScalingPolicyConfiguration") or p.get("StepScalingPolicyConfiguration")
        policy = applicationautoscaling_backends[account_id][region_name].put_scaling_policy(
            policy_name=p.get("PolicyName", resource_name), service_namespace=namespace, resource_id=resource_id,
            scalable_dimension=dimension, policy_body=body, policy_type=p.get("PolicyType"),
        )
        return cls(policy, namespace, resource_id, dimension)

    def delete(self, account_id: str, region_name: str) -> None:
        applicationautoscaling_backends[account_id][region_name].delete_scaling_policy(self.name, self.namespace, self.resource_id, self.dimension)


# --- AWS::EC2::SecurityGroupEgress -> ec2:AuthorizeSecurityGroupEgress ---------------------
class ShimSecurityGroupEgress(_ShimModel, CloudFormationModel):
    """Ref: the security group rule ID (sgr-...)."""

    __module__ = _MODULE

    def __init__(self, rule_id: str, group_id: str, args: dict):
        self.rule_id, self.group_id, self.args = rule_id, group_id, args

    @property
    def physical_resource_id(self) -> str:
        return self.rule_id

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::EC2::SecurityGroupEgress"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        args = {
            "ip_protocol": str(p["IpProtocol"]),
            "from_port": p.get("FromPort"),
            "to_port": p.get("ToPort"),
            "ip_ranges": [{"CidrIp": p["CidrIp"], "Description": p.get("Description")}] if "CidrIp" in p else [],
            "source_groups": [{"GroupId": p["DestinationSecurityGroupId"], "Description": p.get("Description")}]
            if "DestinationSecurityGroupId" in p else [],
            "prefix_list_ids": [{"PrefixListId": p["DestinationPrefixListId"], "Description": p.get("Description")}]
            if "DestinationPrefixListId" in p else [],
        }
        rules, _ = ec2_backends[account_id][region_name].authorize_security_group_egress(p["GroupId"], **args)
        return cls(rules[0].id, p["GroupId"], args)

    def delete(self, account_id: str, region_name: str) -> None:
        ec2_backends[account_id][region_name].revoke_security_group_egress(self.group_id, **self.args)


# --- AWS::SNS::TopicPolicy -> sns:SetTopicAttributes Policy --------------------------------
class ShimTopicPolicy(_ShimModel, CloudFormationModel):
    """Ref: a generated ID, as CloudFormation returns it."""

    __module__ = _MODULE

    def __init__(self, name: str, topics: list):
        self.name, self.topics = name, topics

    @property
    def physical_resource_id(self) -> str:
        return self.name

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::SNS::TopicPolicy"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = sns_backends[account_id][region_name]
        for topic in p["Topics"]:
            backend.set_topic_attribute(getattr(topic, "arn", topic), "policy", json.dumps(p["PolicyDocument"]))
        return cls(resource_name, p["Topics"])


# --- AWS::S3::BucketPolicy -> s3:PutBucketPolicy ------------------------------------------
class ShimBucketPolicy(_ShimModel, CloudFormationModel):
    """Ref: a generated ID, as CloudFormation returns it."""

    __module__ = _MODULE

    def __init__(self, name: str, bucket: str):
        self.name, self.bucket = name, bucket

    @property
    def physical_resource_id(self) -> str:
        return self.name

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::S3::BucketPolicy"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        bucket = getattr(p["Bucket"], "name", p["Bucket"])
        s3_backends[account_id]["aws"].put_bucket_policy(bucket, json.dumps(p["PolicyDocument"]).encode())
        return cls(resource_name, bucket)


# --- AWS::ECS::ClusterCapacityProviderAssociations -> ecs:PutClusterCapacityProviders -----------
class ShimClusterCapacityProviderAssociations(_ShimModel, CloudFormationModel):
    """Ref: the cluster name, as CloudFormation returns it."""

    __module__ = _MODULE

    def __init__(self, cluster: str):
        self.cluster = cluster

    @property
    def physical_resource_id(self) -> str:
        return self.cluster

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ECS::ClusterCapacityProviderAssociations"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        cluster = str(getattr(p["Cluster"], "name", p["Cluster"])).split("/")[-1]
        strategy = [{"capacityProvider": s["CapacityProvider"], "weight": s.get("Weight", 0), "base": s.get("Base", 0)}
                    for s in p.get("DefaultCapacityProviderStrategy", [])]
        ecs_backends[account_id][region_name].put_cluster_capacity_providers(cluster, p["CapacityProviders"], strategy)
        return cls(cluster)
