import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AlbFront, FargateService } from '../../src';

function fixture() {
  const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], privateSubnetIds: ['s-1'] });
  const cluster = ecs.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'apps', vpc });
  return { stack, vpc, cluster };
}

test('an imported service: name from the ARN, metrics by cluster and service, connections of its groups', () => {
  const { stack, vpc, cluster } = fixture();
  const tasksGroup = ec2.SecurityGroup.fromSecurityGroupId(stack, 'Tasks', 'sg-0tasks', { mutable: true });
  const api = FargateService.fromFargateServiceAttributes(stack, 'Api', {
    cluster, serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/apps/api', securityGroups: [tasksGroup],
  });
  expect(api.serviceName).toBe('api');
  expect(api.metricCpuUtilization().dimensions).toEqual({ ClusterName: 'apps', ServiceName: 'api' });
  expect(api.metricMemoryUtilization().metricName).toBe('MemoryUtilization');
  const client = new ec2.SecurityGroup(stack, 'Client', { vpc });
  api.connections.allowFrom(client, ec2.Port.tcp(8080));
  Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', { GroupId: 'sg-0tasks', FromPort: 8080 });
});

test('an imported service needs exactly one of serviceArn and serviceName (FGK-IMPORTED-SERVICE)', () => {
  const { stack, cluster } = fixture();
  expect(() => FargateService.fromFargateServiceAttributes(stack, 'None', { cluster }))
    .toThrow(/FargateService.fromFargateServiceAttributes S\/None: \[FGK-IMPORTED-SERVICE\] exactly one of serviceArn and serviceName/);
});

test('an AlbFront cannot front an imported service (FGK-FRONT-SERVICE)', () => {
  const { stack, cluster } = fixture();
  const api = FargateService.fromFargateServiceAttributes(stack, 'Api', { cluster, serviceName: 'api' });
  expect(() => new AlbFront(stack, 'Front', { service: api }))
    .toThrow(/AlbFront S\/Front: \[FGK-FRONT-SERVICE\] service S\/Api is not a FargateService of this app/);
});
