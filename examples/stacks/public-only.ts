import { Stack, StackProps } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateService, FargateTaskDef, FargateVpc, VpcTopology } from '../../src';

/**
 * PublicOnly — the whole task public, as the seed describes it: public subnets only,
 * tasks get a public IP, no NAT gateway (the cheapest layout).
 */
export class PublicOnlyStack extends Stack {
  /** The network. */
  public readonly network: FargateVpc;
  /** The web service. */
  public readonly service: FargateService;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.network = new FargateVpc(this, 'Network', { topology: VpcTopology.PUBLIC_ONLY });
    const taskDef = new FargateTaskDef(this, 'WebTask', { family: 'public-only-web' });
    taskDef.addAppContainer('web', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:stable-alpine'),
      ports: [8080],
    });
    this.service = new FargateService(this, 'Web', { network: this.network, taskDef });
  }
}
