import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateTaskDef, FargateVpc, VpcTopology } from '../../src';

/** Properties of the test-only ECS fixture stack. */
export interface EcsFixtureStackProps extends StackProps {
  /** The container image tag (changed to test an update). */
  readonly imageTag?: string;
}

/**
 * Test-only fixture: a FargateTaskDef from src run by a plain ecs.FargateService in a
 * FargateVpc, with the `aws ecs run-task` command as a stack output. It exercises the ECS
 * part of the emulator harness until the example stacks carry services and tasks.
 */
export class EcsFixtureStack extends Stack {
  constructor(scope: Construct, id: string, props: EcsFixtureStackProps = {}) {
    super(scope, id, props);
    const network = new FargateVpc(this, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc: network.vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    const taskDef = new FargateTaskDef(this, 'Task', { family: 'fixture-web' });
    taskDef.addAppContainer('web', {
      image: ecs.ContainerImage.fromRegistry(`public.ecr.aws/nginx/nginx:${props.imageTag ?? '1.27'}`),
      ports: [80],
    });
    const sg = new ec2.SecurityGroup(this, 'TaskSecurityGroup', { vpc: network.vpc, description: 'fixture tasks' });
    const service = new ecs.FargateService(this, 'Service', {
      cluster,
      taskDefinition: taskDef.taskDefinition,
      desiredCount: 1,
      vpcSubnets: network.taskSubnets,
      securityGroups: [sg],
      assignPublicIp: false,
    });
    const subnets = network.vpc.selectSubnets(network.taskSubnets).subnetIds.join(',');
    new CfnOutput(this, 'RunTaskCommand', {
      value: `aws ecs run-task --cluster ${cluster.clusterName} --task-definition ${taskDef.family} --launch-type FARGATE`
        + ` --network-configuration "awsvpcConfiguration={subnets=[${subnets}],securityGroups=[${sg.securityGroupId}],assignPublicIp=DISABLED}"`,
    });
    new CfnOutput(this, 'ServiceName', { value: service.serviceName });
  }
}
