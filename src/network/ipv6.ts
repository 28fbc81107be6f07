import * as ec2 from 'aws-cdk-lib/aws-ec2';

/**
 * Whether the VPC has an IPv6 block, as far as this app knows: a VPC built here has one when it
 * has an IPv6 CIDR block association (an `AWS::EC2::VPCCidrBlock` with an IPv6 block); for an
 * imported VPC it is not known (`undefined`).
 */
export function vpcHasIpv6(vpc: ec2.IVpc): boolean | undefined {
  if (!(vpc instanceof ec2.Vpc)) return undefined;
  return vpc.node.findAll().some(c => c instanceof ec2.CfnVPCCidrBlock
    && (c.amazonProvidedIpv6CidrBlock !== undefined || c.ipv6Pool !== undefined || c.ipv6CidrBlock !== undefined || c.ipv6IpamPoolId !== undefined));
}
