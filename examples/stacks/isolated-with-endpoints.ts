import { Stack, StackProps } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateService, FargateTaskDef, FargateVpc, VpcEndpointService, VpcTopology } from '../../src';

/**
 * IsolatedWithEndpoints — no NAT and no internet route for tasks: they reach ECR, S3 and
 * CloudWatch Logs through VPC endpoints; public subnets hold only load balancers.
 *
 * VPC endpoints reach private ECR only (no Docker Hub, no ECR Public), so the image comes
 * from a private ECR repository of the account: `ecr-public/nginx/nginx-unprivileged` is the
 * name an ECR pull-through cache rule with prefix `ecr-public` gives
 * `public.ecr.aws/nginx/nginx-unprivileged` (AWS notes that the first pull through the cache
 * needs an internet route); or push a copy of the image to a repository of that name before
 * deploying. A public registry here is refused at synth (FGK-IMAGE-REGISTRY).
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
    const repository = ecr.Repository.fromRepositoryName(this, 'WebRepository', 'ecr-public/nginx/nginx-unprivileged');
    taskDef.addAppContainer('web', {
      image: ecs.ContainerImage.fromEcrRepository(repository, 'stable-alpine'),
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
