import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { VpcEndpointService } from './topology';

type InterfaceEndpointService = Exclude<VpcEndpointService, VpcEndpointService.S3>;

/** Construct IDs and aws-cdk-lib services of the interface endpoints. */
export const INTERFACE_ENDPOINTS: Record<InterfaceEndpointService, { id: string; service: ec2.InterfaceVpcEndpointAwsService }> = {
  [VpcEndpointService.ECR_API]: { id: 'EcrApiEndpoint', service: ec2.InterfaceVpcEndpointAwsService.ECR },
  [VpcEndpointService.ECR_DOCKER]: { id: 'EcrDockerEndpoint', service: ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER },
  [VpcEndpointService.CLOUDWATCH_LOGS]: { id: 'LogsEndpoint', service: ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS },
  [VpcEndpointService.SECRETS_MANAGER]: { id: 'SecretsManagerEndpoint', service: ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER },
  [VpcEndpointService.SSM]: { id: 'SsmEndpoint', service: ec2.InterfaceVpcEndpointAwsService.SSM },
  [VpcEndpointService.SSM_MESSAGES]: { id: 'SsmMessagesEndpoint', service: ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES },
};

/**
 * Creates the endpoints in the task subnets: S3 as a gateway endpoint on their route
 * tables, the others as interface endpoints with private DNS whose security group admits
 * HTTPS from the task subnets' CIDR blocks only (literal CIDRs, not the VPC-wide
 * `Fn::GetAtt VpcCidrBlock` of aws-cdk-lib's `open` default, so scanners such as cdk-nag
 * EC23 can see the rule is not open to the world).
 */
export function addEndpoints(vpc: ec2.Vpc, services: readonly VpcEndpointService[], subnets: ec2.SubnetSelection): void {
  const taskCidrs = vpc.selectSubnets(subnets).subnets.map(s => s.ipv4CidrBlock);
  for (const s of services) {
    if (s === VpcEndpointService.S3) {
      vpc.addGatewayEndpoint('S3Endpoint', { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [subnets] });
    } else {
      const e = INTERFACE_ENDPOINTS[s];
      const endpoint = vpc.addInterfaceEndpoint(e.id, { service: e.service, subnets, privateDnsEnabled: true, open: false });
      // aws-cdk-lib describes the group by its construct path, which changes (and replaces the
      // group) when the code is refactored
      const sg = endpoint.connections.securityGroups[0].node.defaultChild as ec2.CfnSecurityGroup;
      sg.groupDescription = `VPC endpoint ${e.id.replace(/Endpoint$/, '')} (cdk-fargate-kit)`;
      for (const cidr of taskCidrs) {
        endpoint.connections.allowDefaultPortFrom(ec2.Peer.ipv4(cidr), 'HTTPS from the task subnets');
      }
    }
  }
}
