"""
The plumbing the shim's CloudFormation models share (moto_missing_resources.py,
moto_service_discovery.py). Defines no model itself, so importing it registers nothing with moto.
"""
from typing import Any


class _ShimModel:
    """
    Shared plumbing: update = delete + create; no attributes unless a model lists them.
    (A mixin: moto finds models among the direct subclasses of CloudFormationModel.)
    """

    ATTRIBUTES: dict = {}

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in cls.ATTRIBUTES

    def get_cfn_attribute(self, attribute_name: str) -> Any:
        return getattr(self, self.ATTRIBUTES[attribute_name])

    def is_created(self) -> bool:
        return True

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        original_resource.delete(account_id, region_name)
        return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        # moto passes only the physical ID here; the created objects are dropped by /moto-api/reset.
        return None

    def delete(self, account_id: str, region_name: str) -> None:
        return None


# --- AWS::CloudWatch::Alarm -> cloudwatch:PutMetricAlarm -----------------------------------
