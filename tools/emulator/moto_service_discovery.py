"""
Fix 14 of the compatibility shim of moto_server.py (test-only, imported only when the shim is on
and 14 is not in FARGATE_KIT_MOTO_SKIP_FIXES): moto 5.2.1 has no CloudFormation model for
AWS::ServiceDiscovery::HttpNamespace (the Service Connect namespace of a FargateEnvironment).
It skips the resource, and any Fn::GetAtt on it (the cluster's ServiceConnectDefaults, each
service's ServiceConnectConfiguration.Namespace) fails the whole CreateStack with "Fn::GetAtt
references undefined resource". moto's servicediscovery API works: the handler passes the
template's properties to the same backend call servicediscovery:CreateHttpNamespace makes and
returns what CloudFormation returns (Ref: the namespace ID; GetAtt Arn and Id). Nothing here
adds behaviour of its own.
"""
from typing import Any

from moto.core.common_models import CloudFormationModel
from moto.servicediscovery.models import servicediscovery_backends

from moto_shim_model import _ShimModel

# moto's model metaclass files every model under the service named by the second part of its
# module name ("moto.<service>..."); these count as CloudFormation's.
_MODULE = "moto.cloudformation.fargate_kit_shim_service_discovery"


class ShimHttpNamespace(_ShimModel, CloudFormationModel):
    """AWS::ServiceDiscovery::HttpNamespace -> servicediscovery:CreateHttpNamespace."""

    __module__ = _MODULE
    ATTRIBUTES = {"Arn": "arn", "Id": "id"}

    def __init__(self, namespace: Any):
        self.id = namespace.id
        self.arn = namespace.arn
        self.name = namespace.name

    @property
    def physical_resource_id(self) -> str:
        return self.id

    @staticmethod
    def cloudformation_name_type() -> str:
        return "Name"

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::ServiceDiscovery::HttpNamespace"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = servicediscovery_backends[account_id][region_name]
        tags = [{"Key": t["Key"], "Value": t["Value"]} for t in p.get("Tags", [])]
        operation_id = backend.create_http_namespace(name=p["Name"], creator_request_id=resource_name,
                                                     description=p.get("Description", ""), tags=tags)
        namespace_id = backend.operations[operation_id].targets["NAMESPACE"]
        return cls(backend.get_namespace(namespace_id))

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        # Name is immutable (a change replaces the namespace); Description and Tags stay as created
        if cloudformation_json["Properties"]["Name"] == original_resource.name:
            return original_resource
        servicediscovery_backends[account_id][region_name].delete_namespace(original_resource.id)
        return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)
