import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { peerVpc } from './peer';
import { BenchSide, buildSplitApp, SERVICE_SHAPE } from './side';

/** What the network stack of the shared-ALB peer holds and every service uses. */
export interface SharedAlbNetwork {
  readonly vpc: ec2.Vpc;
  readonly cluster: ecs.Cluster;
  readonly listener: elbv2.ApplicationListener;
}

/**
 * The honest peer of the `environment` side: the same N services on ONE shared ALB, written
 * with stock aws-cdk-lib only, hardened like the aws-ecs-patterns peer. Network stack: the
 * peer's VPC (2 AZs, a NAT per AZ, flow logs kept 30 days), one cluster with Container
 * Insights, one internet-facing ALB (invalid header fields dropped) whose security group
 * admits TCP 80 from anywhere and sends nothing but what targets add, an HTTP 80 listener
 * answering 404 to what no rule claims. Per service: a log group kept 30 days, a
 * FargateTaskDefinition (256 / 512, x86 Linux) with one awslogs container, a FargateService
 * (2 tasks in the private subnets, circuit breaker with rollback, 100 / 200 %), an `ip` target
 * group and a listener rule on the host `serviceN.example.com` with priority N + 1; the
 * security groups chained ALB -> tasks on the container port by aws-cdk-lib.
 */
export const sharedPeerSide: BenchSide = {
  name: 'shared-alb-peer',
  description: 'stock aws-cdk-lib: ec2.Vpc + ecs.Cluster + one ApplicationLoadBalancer and listener; per service FargateTaskDefinition, FargateService, ApplicationTargetGroup (ip) and ApplicationListenerRule (host, priority)',
  equivalentToPeer: true,
  build: (app, services) => buildSplitApp(app, services, {
    network: stack => sharedAlbNetwork(stack),
    group: () => undefined,
    service: (stack, id, network) => addSharedPeerService(stack, id, network),
  }),
};

/** The network stack's part: VPC, cluster, the shared ALB, its security group and listener. */
export function sharedAlbNetwork(stack: Stack): SharedAlbNetwork {
  const vpc = peerVpc(stack);
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const securityGroup = new ec2.SecurityGroup(stack, 'LoadBalancerSecurityGroup', { vpc, allowAllOutbound: false });
  const loadBalancer = new elbv2.ApplicationLoadBalancer(stack, 'LoadBalancer', {
    vpc,
    internetFacing: true,
    securityGroup,
    dropInvalidHeaderFields: true,
  });
  const listener = loadBalancer.addListener('Http', {
    protocol: elbv2.ApplicationProtocol.HTTP,
    port: 80,
    open: true,
    defaultAction: elbv2.ListenerAction.fixedResponse(404, { contentType: 'text/plain', messageBody: 'Not found' }),
  });
  return { vpc, cluster, listener };
}

/** One service of the benchmark's shape behind the shared listener, by host; `id` is `Service<N>`. */
export function addSharedPeerService(stack: Stack, id: string, network: SharedAlbNetwork): void {
  const logGroup = new logs.LogGroup(stack, `${id}Logs`, { retention: logs.RetentionDays.ONE_MONTH });
  const taskDefinition = new ecs.FargateTaskDefinition(stack, `${id}Task`, {
    cpu: SERVICE_SHAPE.cpu,
    memoryLimitMiB: SERVICE_SHAPE.memoryLimitMiB,
    runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.X86_64, operatingSystemFamily: ecs.OperatingSystemFamily.LINUX },
  });
  taskDefinition.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry(SERVICE_SHAPE.image),
    portMappings: [{ containerPort: SERVICE_SHAPE.containerPort }],
    logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: 'web' }),
  });
  const service = new ecs.FargateService(stack, id, {
    cluster: network.cluster,
    taskDefinition,
    desiredCount: SERVICE_SHAPE.desiredCount,
    minHealthyPercent: 100,
    circuitBreaker: { rollback: true },
  });
  const targetGroup = new elbv2.ApplicationTargetGroup(stack, `${id}TargetGroup`, {
    vpc: network.vpc,
    targetType: elbv2.TargetType.IP,
    protocol: elbv2.ApplicationProtocol.HTTP,
    port: SERVICE_SHAPE.containerPort,
    targets: [service],
  });
  new elbv2.ApplicationListenerRule(stack, `${id}Rule`, {
    listener: network.listener,
    priority: Number(id.replace(/^\D+/, '')) + 1,
    conditions: [elbv2.ListenerCondition.hostHeaders([`${id.toLowerCase()}.example.com`])],
    targetGroups: [targetGroup],
  });
}
