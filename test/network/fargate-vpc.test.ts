import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { FargateVpc, VpcEndpointService, VpcTopology } from '../../src';
import { atSynth } from '../at-synth';

function stackWith(props?: ConstructorParameters<typeof FargateVpc>[2]): { stack: Stack; network: FargateVpc; template: Template } {
  const stack = new Stack(new App(), 'Test');
  const network = new FargateVpc(stack, 'Network', props);
  return { stack, network, template: Template.fromStack(stack) };
}

/** Route tables whose subnet logical IDs contain `group` (Public / Private / Isolated). */
function defaultRoutesOf(template: Template, group: string): Record<string, any>[] {
  const routes = template.findResources('AWS::EC2::Route', { Properties: { DestinationCidrBlock: '0.0.0.0/0' } });
  return Object.entries(routes)
    .filter(([logicalId]) => logicalId.includes(`${group}Subnet`))
    .map(([, r]) => r.Properties);
}

describe('FargateVpc, topology PRIVATE_WITH_NAT (default)', () => {
  const { network, template } = stackWith();

  test('public and private subnets in 2 AZs, one NAT gateway per AZ', () => {
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.resourceCountIs('AWS::EC2::Subnet', 4);
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
    template.resourceCountIs('AWS::EC2::EIP', 2);
    template.resourceCountIs('AWS::EC2::InternetGateway', 1);
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16', EnableDnsHostnames: true, EnableDnsSupport: true });
  });

  test('public subnets route 0.0.0.0/0 to the internet gateway, private ones to a NAT gateway', () => {
    const publicRoutes = defaultRoutesOf(template, 'Public');
    const privateRoutes = defaultRoutesOf(template, 'Private');
    expect(publicRoutes).toHaveLength(2);
    expect(privateRoutes).toHaveLength(2);
    publicRoutes.forEach(r => expect(r).toEqual(expect.objectContaining({ GatewayId: { Ref: expect.stringMatching(/IGW/) } })));
    privateRoutes.forEach(r => expect(r).toEqual(expect.objectContaining({ NatGatewayId: { Ref: expect.stringMatching(/PublicSubnet\dNATGateway/) } })));
  });

  test('public subnets never auto-assign public IPs', () => {
    template.allResourcesProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  test('no VPC endpoints unless asked', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    expect(network.vpcEndpoints).toEqual([]);
  });

  test('flow logs of all traffic to a log group kept one month', () => {
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: { Ref: Match.stringLikeRegexp('NetworkFlowLogGroup') },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('no custom-resource Lambda (no restrictDefaultSecurityGroup)', () => {
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('Custom::VpcRestrictDefaultSG', 0);
  });

  test('members describe where tasks and load balancers go', () => {
    expect(network.topology).toBe(VpcTopology.PRIVATE_WITH_NAT);
    expect(network.taskSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    expect(network.loadBalancerSubnets).toEqual({ subnetType: ec2.SubnetType.PUBLIC });
    expect(network.assignPublicIp).toBe(false);
    expect(network.availabilityZones).toHaveLength(2);
    expect(network.vpc.selectSubnets(network.taskSubnets).subnets).toHaveLength(2);
  });
});

describe('FargateVpc options', () => {
  test('natGateways: 1 builds the single-NAT layout, both private subnets route to it', () => {
    const { template } = stackWith({ natGateways: 1 });
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    template.resourceCountIs('AWS::EC2::EIP', 1);
    const privateRoutes = defaultRoutesOf(template, 'Private');
    expect(new Set(privateRoutes.map(r => r.NatGatewayId.Ref)).size).toBe(1);
  });

  test('cidr and maxAzs: 1', () => {
    const { template, network } = stackWith({ cidr: '172.16.0.0/20', maxAzs: 1 });
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '172.16.0.0/20' });
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    expect(network.availabilityZones).toHaveLength(1);
  });

  test('flowLogs: false creates no flow log', () => {
    const { template, network } = stackWith({ flowLogs: false });
    template.resourceCountIs('AWS::EC2::FlowLog', 0);
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    expect(network.flowLogGroup).toBeUndefined();
  });

  test('flowLogRetention sets the retention', () => {
    const { template } = stackWith({ flowLogRetention: logs.RetentionDays.ONE_YEAR });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  test('vpcEndpoints with PRIVATE_WITH_NAT creates exactly the listed endpoints, in the private subnets', () => {
    const { template } = stackWith({
      vpcEndpoints: [VpcEndpointService.ECR_API, VpcEndpointService.ECR_DOCKER, VpcEndpointService.S3, VpcEndpointService.CLOUDWATCH_LOGS],
    });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 4);
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
      SubnetIds: [{ Ref: Match.stringLikeRegexp('PrivateSubnet1') }, { Ref: Match.stringLikeRegexp('PrivateSubnet2') }],
    });
  });

  test('maxAzs above the AZs an environment-agnostic stack knows warns and says how to fix', () => {
    const { stack, network } = stackWith({ maxAzs: 3 });
    expect(network.availabilityZones).toHaveLength(2);
    Annotations.fromStack(stack).hasWarning('/Test/Network', Match.stringLikeRegexp("maxAzs 3 but the stack knows only 2 availability zones.*Fix: set the stack's env"));
  });

  test('maxAzs 3 in a stack with an environment spans 3 AZs', () => {
    const stack = new Stack(new App({ context: { 'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'] } }),
      'Test', { env: { account: '123456789012', region: 'us-east-1' } });
    const network = new FargateVpc(stack, 'Network', { maxAzs: 3 });
    expect(network.availabilityZones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    Template.fromStack(stack).resourceCountIs('AWS::EC2::NatGateway', 3);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('FargateVpc, topology PUBLIC_ONLY', () => {
  const { network, template } = stackWith({ topology: VpcTopology.PUBLIC_ONLY });

  test('only public subnets, an internet gateway, no NAT', () => {
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    template.resourceCountIs('AWS::EC2::InternetGateway', 1);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::EIP', 0);
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    const publicRoutes = defaultRoutesOf(template, 'Public');
    expect(publicRoutes).toHaveLength(2);
    publicRoutes.forEach(r => expect(r.GatewayId).toBeDefined());
  });

  test('tasks go in public subnets with a public IP', () => {
    expect(network.taskSubnets).toEqual({ subnetType: ec2.SubnetType.PUBLIC });
    expect(network.assignPublicIp).toBe(true);
  });
});

describe('FargateVpc, topology PRIVATE_ISOLATED', () => {
  const { network, template } = stackWith({ topology: VpcTopology.PRIVATE_ISOLATED });

  test('public subnets for load balancers, isolated subnets for tasks, no NAT', () => {
    template.resourceCountIs('AWS::EC2::Subnet', 4);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::EIP', 0);
    expect(defaultRoutesOf(template, 'Public')).toHaveLength(2);
    expect(defaultRoutesOf(template, 'Isolated')).toHaveLength(0);
    expect(network.taskSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    expect(network.assignPublicIp).toBe(false);
  });

  test('interface endpoints for ECR API, ECR Docker, Logs with private DNS in the isolated subnets', () => {
    for (const service of ['ecr.api', 'ecr.dkr', 'logs']) {
      template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        VpcEndpointType: 'Interface',
        PrivateDnsEnabled: true,
        ServiceName: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(`\\.${service.replace('.', '\\.')}$`)])] },
        SubnetIds: [{ Ref: Match.stringLikeRegexp('IsolatedSubnet1') }, { Ref: Match.stringLikeRegexp('IsolatedSubnet2') }],
      });
    }
  });

  test('an S3 gateway endpoint on the isolated route tables', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      VpcEndpointType: 'Gateway',
      ServiceName: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('\\.s3$')])] },
      RouteTableIds: [
        { Ref: Match.stringLikeRegexp('IsolatedSubnet1RouteTable') },
        { Ref: Match.stringLikeRegexp('IsolatedSubnet2RouteTable') },
      ],
    });
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 4);
    expect(network.vpcEndpoints).toEqual([
      VpcEndpointService.ECR_API, VpcEndpointService.ECR_DOCKER, VpcEndpointService.S3, VpcEndpointService.CLOUDWATCH_LOGS,
    ]);
  });

  test('endpoint security groups allow HTTPS from the task subnets only (literal CIDRs, nothing else)', () => {
    const taskCidrs = network.vpc.selectSubnets(network.taskSubnets).subnets.map(s => s.ipv4CidrBlock);
    expect(taskCidrs).toEqual(['10.0.0.0/20', '10.0.16.0/20']);
    const groups = template.findResources('AWS::EC2::SecurityGroup');
    expect(Object.keys(groups)).toHaveLength(3);
    for (const group of Object.values(groups)) {
      expect(group.Properties.SecurityGroupIngress).toEqual(taskCidrs.map(cidr => ({
        IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: cidr, Description: 'HTTPS from the task subnets',
      })));
    }
  });

  test('in PRIVATE_ISOLATED, vpcEndpoints adds Secrets Manager, SSM and SSM messages to the four core endpoints', () => {
    const { template: t, network: n } = stackWith({
      topology: VpcTopology.PRIVATE_ISOLATED,
      vpcEndpoints: [VpcEndpointService.SECRETS_MANAGER, VpcEndpointService.SSM, VpcEndpointService.SSM_MESSAGES],
    });
    t.resourceCountIs('AWS::EC2::VPCEndpoint', 7);
    for (const service of ['secretsmanager', 'ssm', 'ssmmessages']) {
      t.hasResourceProperties('AWS::EC2::VPCEndpoint', {
        ServiceName: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(`\\.${service}$`)])] },
        PrivateDnsEnabled: true,
      });
    }
    expect(n.vpcEndpoints).toContain(VpcEndpointService.SSM_MESSAGES);
  });
});

describe('FargateVpc, topology ISOLATED_ONLY', () => {
  const { network, template } = stackWith({ topology: VpcTopology.ISOLATED_ONLY });

  test('isolated subnets only: no internet gateway, no public subnet, no NAT, no route to 0.0.0.0/0', () => {
    template.resourceCountIs('AWS::EC2::Subnet', 2);
    template.resourceCountIs('AWS::EC2::InternetGateway', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::Route', 0);
    template.hasResourceProperties('AWS::EC2::Subnet', { MapPublicIpOnLaunch: false });
  });

  test('the core endpoints serve the tasks; load balancers go in the isolated subnets too', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 4);
    expect(network.vpcEndpoints).toEqual([
      VpcEndpointService.ECR_API, VpcEndpointService.ECR_DOCKER, VpcEndpointService.S3, VpcEndpointService.CLOUDWATCH_LOGS,
    ]);
    expect(network.taskSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    expect(network.loadBalancerSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED });
    expect(network.assignPublicIp).toBe(false);
  });
});

describe('FargateVpc subnet layout', () => {
  const cidrs = (maxAzs: number) => {
    const stack = new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
    stack.node.setContext('availability-zones:account=123456789012:region=us-east-1', ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d']);
    const network = new FargateVpc(stack, 'Network', { maxAzs });
    const vpc = network.vpc;
    return [...vpc.privateSubnets, ...vpc.publicSubnets].map(s => s.ipv4CidrBlock);
  };

  test('every AZ has a fixed slot: task subnets /20 from the start, public /22 from the middle', () => {
    expect(cidrs(2)).toEqual(['10.0.0.0/20', '10.0.16.0/20', '10.0.128.0/22', '10.0.132.0/22']);
  });

  test('raising maxAzs appends subnets and never re-cuts the existing ones', () => {
    expect(cidrs(4)).toEqual(['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20', '10.0.48.0/20', '10.0.128.0/22', '10.0.132.0/22', '10.0.136.0/22', '10.0.140.0/22']);
  });
});

describe('FargateVpc flow log group', () => {
  test('retained by default; a name and a removal policy of your choice', () => {
    const { template } = stackWith({ flowLogGroupName: '/vpc/flow', flowLogRemovalPolicy: RemovalPolicy.DESTROY });
    template.hasResource('AWS::Logs::LogGroup', { Properties: { LogGroupName: '/vpc/flow', RetentionInDays: 30 }, DeletionPolicy: 'Delete' });
    stackWith({}).template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('a log group of your own: no new one; with options for a new one: refused with the fix', () => {
    const stack = new Stack();
    const flowLogGroup = logs.LogGroup.fromLogGroupName(stack, 'Mine', '/vpc/mine');
    const network = new FargateVpc(stack, 'Network', { flowLogGroup });
    Template.fromStack(stack).resourceCountIs('AWS::Logs::LogGroup', 0);
    expect(network.flowLogGroup).toBe(flowLogGroup);
    expect(atSynth(() => new FargateVpc(stack, 'Other', { flowLogGroup, flowLogRetention: logs.RetentionDays.ONE_DAY })))
      .toThrow(/\[FGK-LOG-GROUP-OPTIONS\] flowLogGroup is set together with flowLogRetention.*Fix: set them on your log group, or remove flowLogGroup/);
  });
});

describe('FargateVpc validation', () => {
  const cases: Array<[string, ConstructorParameters<typeof FargateVpc>[2], RegExp]> = [
    ['maxAzs < 1', { maxAzs: 0 }, /FargateVpc Test\/Network: \[FGK-[A-Z0-9-]+\] maxAzs 0 is not valid; a VPC needs at least one availability zone.*Fix: set maxAzs to 2 or more/],
    ['natGateways > AZs', { natGateways: 3 }, /FargateVpc Test\/Network: \[FGK-[A-Z0-9-]+\] natGateways 3 exceeds the 2 availability zones of this VPC; .*at most one per AZ\. Fix: set natGateways between 1 and 2, or raise maxAzs/],
    ['natGateways 0 with PRIVATE_WITH_NAT', { natGateways: 0 }, /FargateVpc Test\/Network: \[FGK-[A-Z0-9-]+\] natGateways 0 leaves the private subnets of topology PRIVATE_WITH_NAT without a route to the internet.*Fix: set natGateways between 1 and 2.*or use topology PRIVATE_ISOLATED/],
    ['natGateways with PUBLIC_ONLY', { topology: VpcTopology.PUBLIC_ONLY, natGateways: 1 }, /natGateways 1 is set but topology PUBLIC_ONLY has no NAT gateways.*Fix: remove natGateways, or use topology PRIVATE_WITH_NAT/],
    ['more AZs than the subnet layout has room for', { maxAzs: 9 }, /FargateVpc Test\/Network: \[FGK-SUBNET-LAYOUT\] maxAzs 9 exceeds the subnet layout's room; .*Fix: set maxAzs to 8 or fewer/],
    ['a VPC too small for the layout', { cidr: '10.0.0.0/24' }, /FargateVpc Test\/Network: \[FGK-SUBNET-LAYOUT\] cidr \/24 is too small for the subnet layout.*Fix: use a VPC of \/21 or larger/],
    ['bad cidr', { cidr: '10.0.0.0/8' }, /cidr '10.0.0.0\/8' is not a valid VPC block; .*prefix between \/16 and \/28\. Fix: use a private range such as '10.0.0.0\/16'/],
  ];
  test.each(cases)('%s', (_name, props, message) => {
    expect(atSynth(() => stackWith(props))).toThrow(message);
  });
});

describe('FargateVpc.fromVpc', () => {
  function existingVpc(subnetConfiguration: ec2.SubnetConfiguration[]): { stack: Stack; vpc: ec2.Vpc } {
    const stack = new Stack(new App(), 'Test');
    const vpc = new ec2.Vpc(stack, 'Existing', { maxAzs: 2, natGateways: 1, subnetConfiguration, restrictDefaultSecurityGroup: false });
    return { stack, vpc };
  }
  const publicAndPrivate: ec2.SubnetConfiguration[] = [
    { name: 'Ingress', subnetType: ec2.SubnetType.PUBLIC },
    { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  ];

  test('adapts an existing VPC with the same members, defaults per topology', () => {
    const { stack, vpc } = existingVpc(publicAndPrivate);
    const network = FargateVpc.fromVpc(stack, 'Network', { vpc, topology: VpcTopology.PRIVATE_WITH_NAT });
    expect(network.vpc).toBe(vpc);
    expect(network.topology).toBe(VpcTopology.PRIVATE_WITH_NAT);
    expect(network.taskSubnets).toEqual({ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS });
    expect(network.loadBalancerSubnets).toEqual({ subnetType: ec2.SubnetType.PUBLIC });
    expect(network.assignPublicIp).toBe(false);
    expect(network.availabilityZones).toEqual(vpc.availabilityZones);
    expect(network.vpcEndpoints).toEqual([]);
    // adapting creates no resources
    Template.fromStack(stack).resourceCountIs('AWS::EC2::VPC', 1);
  });

  test('works with ec2.Vpc.fromVpcAttributes and explicit subnet groups', () => {
    const stack = new Stack(new App(), 'Test');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', {
      vpcId: 'vpc-12345678',
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      publicSubnetIds: ['subnet-pub1', 'subnet-pub2'],
      isolatedSubnetIds: ['subnet-iso1', 'subnet-iso2'],
      isolatedSubnetNames: ['Tasks'],
    });
    const network = FargateVpc.fromVpc(stack, 'Network', {
      vpc,
      topology: VpcTopology.PRIVATE_ISOLATED,
      taskSubnets: { subnetGroupName: 'Tasks' },
      vpcEndpoints: [VpcEndpointService.ECR_API, VpcEndpointService.ECR_DOCKER, VpcEndpointService.S3, VpcEndpointService.CLOUDWATCH_LOGS],
    });
    expect(network.availabilityZones).toEqual(['eu-west-1a', 'eu-west-1b']);
    expect(vpc.selectSubnets(network.taskSubnets).subnetIds).toEqual(['subnet-iso1', 'subnet-iso2']);
  });

  test('PUBLIC_ONLY assigns public IPs and places tasks in public subnets', () => {
    const { stack, vpc } = existingVpc([{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }]);
    const network = FargateVpc.fromVpc(stack, 'Network', { vpc, topology: VpcTopology.PUBLIC_ONLY });
    expect(network.assignPublicIp).toBe(true);
    expect(network.taskSubnets).toEqual({ subnetType: ec2.SubnetType.PUBLIC });
  });

  test('fails when the chosen task subnets do not exist', () => {
    const { stack, vpc } = existingVpc([{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }]);
    expect(atSynth(() => FargateVpc.fromVpc(stack, 'Network', { vpc, topology: VpcTopology.PRIVATE_WITH_NAT })))
      .toThrow(/FargateVpc.fromVpc Test\/Network: \[FGK-[A-Z0-9-]+\] taskSubnets \{ subnetType: Private \} selects no subnets of VPC Test\/Existing \(.*\)\. Fix: pass taskSubnets that names subnets the VPC has/);
  });

  test('fails when a named subnet group does not exist', () => {
    const { stack, vpc } = existingVpc(publicAndPrivate);
    expect(atSynth(() => FargateVpc.fromVpc(stack, 'Network', { vpc, topology: VpcTopology.PRIVATE_WITH_NAT, loadBalancerSubnets: { subnetGroupName: 'Edge' } })))
      .toThrow(/loadBalancerSubnets \{ subnetGroupName: 'Edge' \} selects no subnets of VPC Test\/Existing/);
  });

  test('PRIVATE_ISOLATED fails without the endpoints tasks need', () => {
    const { stack, vpc } = existingVpc([
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ]);
    expect(atSynth(() => FargateVpc.fromVpc(stack, 'Network', { vpc, topology: VpcTopology.PRIVATE_ISOLATED, vpcEndpoints: [VpcEndpointService.ECR_API] })))
      .toThrow(/FargateVpc.fromVpc Test\/Network: \[FGK-[A-Z0-9-]+\] the network lacks VPC endpoints ECR_DOCKER, S3, CLOUDWATCH_LOGS/);
  });
});
