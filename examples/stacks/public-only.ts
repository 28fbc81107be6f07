import { Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateService, FargateTaskDef, FargateVpc, VpcTopology } from '../../src';

/** The port the public web container listens on. */
export const PUBLIC_WEB_PORT = 8080;

/**
 * PublicOnly — the whole task public, as the seed describes it: public subnets only,
 * tasks get a public IP (assignPublicIp), no NAT gateway and no load balancer (the
 * cheapest layout). Clients reach each task's public IP on 8080 directly, so the task's
 * security group allows 8080 from the internet — a deliberate, acknowledged finding.
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
      ports: [PUBLIC_WEB_PORT],
    });
    this.service = new FargateService(this, 'Web', { network: this.network, taskDef });
    this.service.allowFrom(ec2.Peer.anyIpv4(), PUBLIC_WEB_PORT);
    Validations.of(this.service.securityGroup).acknowledge({
      id: 'AwsSolutions-EC23',
      reason: 'PublicOnly has no load balancer by design: clients reach the tasks on their public IPs, so the one container port (8080) is open to 0.0.0.0/0 and nothing else is. Use AlbFrontedService (the Scorekeep stack) to keep tasks private.',
    });
  }
}
