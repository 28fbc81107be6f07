import { Stack, StackProps } from 'aws-cdk-lib';
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
    // Acknowledged finding (cdk-nag AwsSolutions-EC23, open ingress): this scenario has no
    // load balancer by design, so the tasks' public IPs serve clients directly and the
    // container port must be open to 0.0.0.0/0. Only this one port is opened. Use
    // AlbFrontedService (see the Scorekeep stack) to keep tasks private instead.
    // (Acknowledge it with cdk-nag 3's Validations.of(this.service).acknowledge({ id, reason })
    // once cdk-nag is a dev dependency of this project.)
    this.service.allowFrom(ec2.Peer.anyIpv4(), PUBLIC_WEB_PORT);
  }
}
