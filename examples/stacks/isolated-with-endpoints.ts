import { Stack, StackProps } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateService, FargateTaskDef, FargateVpc, VpcEndpointService, VpcTopology } from '../../src';

/**
 * IsolatedWithEndpoints — no NAT and no internet route for tasks: they reach ECR, S3 and
 * CloudWatch Logs through VPC endpoints; public subnets hold only load balancers.
 */
export class IsolatedWithEndpointsStack extends Stack {
  /** The network. */
  public readonly network: FargateVpc;
  /** The web service. */
  public readonly service: FargateService;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.network = new FargateVpc(this, 'Network', {
      topology: VpcTopology.PRIVATE_ISOLATED,
      // ECS Exec needs the ssmmessages endpoint when tasks have no internet route.
      vpcEndpoints: [VpcEndpointService.SSM_MESSAGES],
    });
    const taskDef = new FargateTaskDef(this, 'WebTask', { family: 'isolated-web' });
    taskDef.addAppContainer('web', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:stable-alpine'),
      ports: [8080],
    });
    this.service = new FargateService(this, 'Web', {
      network: this.network,
      taskDef,
      enableExecuteCommand: true,
      autoScaling: { minCapacity: 2, maxCapacity: 4, targetCpuPercent: 70 },
      alarms: {},
    });
  }
}
