import { App, AspectPriority, Aspects, CfnResource, IStackSynthesizer, Stack, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  AlbFront, AlbFrontedService, AlbRoute, FargateEnvironment, FargateService, FargateTask, FargateTaskDef, FargateVpc, VpcEndpointService, VpcTopology,
} from '../../src';

/** The knobs of the environment app: a FargateEnvironment with a shared ALB and a Service Connect namespace. */
export interface EnvironmentAppOptions {
  /** Add the 'shop' service behind the shared load balancer (host shop.example.com). */
  readonly shop?: boolean;
  /** Remove the 'web' service (and its front). */
  readonly noWeb?: boolean;
  /** Hosts of the web front (default ['www.example.com']). */
  readonly webHosts?: string[];
  /** The web service calls the API by name. */
  readonly webCallsApi?: boolean;
  /** Add the 'search' service, published in Service Connect. */
  readonly search?: boolean;
  /** HTTPS on the shared load balancer. */
  readonly certificate?: boolean;
  /** The web front has a load balancer of its own (sharedLoadBalancer false). */
  readonly webOwnLoadBalancer?: boolean;
  /** Explicit priorities of the web and shop fronts' rules. */
  readonly webPriority?: number;
  readonly shopPriority?: number;
  /** The cluster name. */
  readonly clusterName?: string;
  /** Container Insights (default on). */
  readonly containerInsights?: boolean;
}

/** The knobs of the base app a day-2 change turns (each undefined = the base app). */
export interface BaseAppOptions {
  readonly webImageTag?: string;
  readonly webPort?: number;
  /** The containers of the service's task besides 'web' (default: one 'api' on 5000). */
  readonly sidecars?: { name: string; port: number }[];
  readonly cpu?: number;
  readonly memoryLimitMiB?: number;
  readonly desiredCount?: number;
  readonly autoScaling?: boolean;
  readonly minCapacity?: number;
  readonly maxCapacity?: number;
  readonly vpcEndpoints?: VpcEndpointService[];
  readonly natGateways?: number;
  readonly maxAzs?: number;
  readonly certificate?: boolean;
  readonly healthCheckPath?: string;
  readonly healthyHttpCodes?: string;
  readonly routes?: AlbRoute[];
  /** The container of the default target (default 'web'). */
  readonly defaultContainer?: { name: string; port: number };
  /** The network's topology (default PRIVATE_WITH_NAT). */
  readonly topology?: VpcTopology;
  readonly spot?: boolean;
  readonly exec?: boolean;
  readonly logRetention?: logs.RetentionDays;
  readonly scheduleHour?: string;
  /** Build the environment app (several services in one FargateEnvironment) instead of the base app. */
  readonly environment?: EnvironmentAppOptions;
  /** Put everything one level deeper, under a construct of this ID. */
  readonly nestUnder?: string;
  /**
   * Keep the logical IDs of this earlier template: each resource whose construct path, without
   * the `nestUnder` level, is in it gets its old logical ID (`overrideLogicalId`).
   */
  readonly keepLogicalIdsOf?: Record<string, any>;
}

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const API_ROUTE: AlbRoute = { pathPattern: '/api/*', containerName: 'api', containerPort: 5000 };
export const ADMIN_ROUTE: AlbRoute = { pathPattern: '/admin/*', containerName: 'admin', containerPort: 7000 };

/** Synthesizes the base app with `opts` applied and returns its template. */
export function synthBaseApp(opts: BaseAppOptions = {}, synthesizer?: IStackSynthesizer): Record<string, any> {
  const app = new App({
    context: {
      'aws:cdk:enable-path-metadata': true,
      [`availability-zones:account=${ACCOUNT}:region=${REGION}`]: ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'],
    },
  });
  const stack = new Stack(app, 'DayTwo', { env: { account: ACCOUNT, region: REGION }, synthesizer });
  if (opts.environment) {
    buildEnvironmentApp(stack, opts.environment);
    return app.synth().getStackByName('DayTwo').template;
  }
  buildBaseApp(opts.nestUnder ? new Construct(stack, opts.nestUnder) : stack, opts);
  if (!opts.keepLogicalIdsOf) return app.synth().getStackByName('DayTwo').template;
  keepLogicalIds(stack, opts.keepLogicalIdsOf, opts.nestUnder ? `/${opts.nestUnder}/` : '/');
  const first = app.synth().getStackByName('DayTwo').template;
  // Resources whose construct ID embeds another construct's unique ID (the security group
  // rules aws-cdk-lib's `connections` creates, `from <uniqueId>:<port>`) do not match by path:
  // match what is left by content, as `cdk refactor` does. Re-created, such a rule would collide
  // with the old one (InvalidPermission.Duplicate) and fail the update.
  const byContent = contentMatches(opts.keepLogicalIdsOf, first);
  if (byContent.size === 0) return first;
  for (const c of stack.node.findAll()) {
    if (c instanceof CfnResource && byContent.has(stack.getLogicalId(c))) c.overrideLogicalId(byContent.get(stack.getLogicalId(c))!);
  }
  return app.synth({ force: true }).getStackByName('DayTwo').template;
}

/** New logical ID -> old one, for resources only in one template each but equal in type and properties. */
function contentMatches(before: Record<string, any>, after: Record<string, any>): Map<string, string> {
  const key = (r: any) => JSON.stringify({ Type: r.Type, Properties: r.Properties });
  const oldOnly = Object.entries<any>(before.Resources).filter(([id]) => !(id in after.Resources));
  const out = new Map<string, string>();
  for (const [id, r] of Object.entries<any>(after.Resources)) {
    if (id in before.Resources) continue;
    const match = oldOnly.filter(([, o]) => key(o) === key(r));
    if (match.length === 1) out.set(id, match[0][0]);
  }
  return out;
}

/** The base app: shaped like the examples (scorekeep + its scheduled task). */
export function buildBaseApp(scope: Construct, opts: BaseAppOptions = {}): void {
  if (opts.topology === VpcTopology.PRIVATE_ISOLATED) {
    // the images of this app are public: in an isolated network they come through a proxy (the row is about the network)
    Validations.of(scope).acknowledge({ id: 'cdk-fargate-kit::FGK-IMAGE-REGISTRY', reason: 'images through a registry proxy' });
  }
  const network = new FargateVpc(scope, 'Network', {
    topology: opts.topology,
    maxAzs: opts.maxAzs ?? 2,
    natGateways: opts.natGateways,
    vpcEndpoints: opts.vpcEndpoints,
  });
  const taskDef = new FargateTaskDef(scope, 'Task', {
    cpu: opts.cpu ?? 512,
    memoryLimitMiB: opts.memoryLimitMiB ?? 1024,
    logRetention: opts.logRetention,
  });
  const webPort = opts.webPort ?? 8080;
  taskDef.addAppContainer('web', {
    image: ecs.ContainerImage.fromRegistry(`public.ecr.aws/docker/library/nginx:${opts.webImageTag ?? '1.27'}`),
    ports: [webPort],
    memoryReservationMiB: 256,
  });
  for (const s of opts.sidecars ?? [{ name: 'api', port: 5000 }]) {
    taskDef.addAppContainer(s.name, {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/python:3.12-alpine'),
      command: ['python', '-m', 'http.server', String(s.port)],
      ports: [s.port],
      memoryReservationMiB: 256,
    });
  }
  const autoScaling = opts.autoScaling ?? true;
  new AlbFrontedService(scope, 'Web', {
    network,
    taskDef,
    containerName: opts.defaultContainer?.name ?? 'web',
    containerPort: opts.defaultContainer?.port ?? webPort,
    desiredCount: opts.desiredCount,
    autoScaling: autoScaling ? { minCapacity: opts.minCapacity ?? 2, maxCapacity: opts.maxCapacity ?? 6, targetCpuPercent: 70 } : undefined,
    certificate: opts.certificate
      ? acm.Certificate.fromCertificateArn(scope, 'Cert', `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/00000000-0000-0000-0000-000000000000`)
      : undefined,
    healthCheckPath: opts.healthCheckPath,
    healthyHttpCodes: opts.healthyHttpCodes,
    routes: opts.routes ?? [API_ROUTE],
    spot: opts.spot ? {} : undefined,
    enableExecuteCommand: opts.exec,
    alarms: {},
    loadBalancerAlarms: {},
    accessLogs: true,
  });

  const jobDef = new FargateTaskDef(scope, 'JobTask', { logRetention: opts.logRetention });
  jobDef.addAppContainer('job', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'),
    command: ['echo', 'nightly'],
  });
  new FargateTask(scope, 'Nightly', {
    network,
    taskDef: jobDef,
    schedule: events.Schedule.cron({ hour: opts.scheduleHour ?? '3', minute: '0' }),
  });
}

/**
 * The refactoring path the docs describe: after moving constructs, pin every resource to the
 * logical ID it had in the deployed template, matched by construct path (the `aws:cdk:path`
 * metadata, with the new nesting level removed), so a plain deploy finds the same resources.
 */
export function keepLogicalIds(stack: Stack, deployed: Record<string, any>, nesting: string): void {
  const byPath = new Map<string, string>();
  for (const [id, r] of Object.entries<any>(deployed.Resources ?? {})) {
    if (r.Metadata?.['aws:cdk:path']) byPath.set(r.Metadata['aws:cdk:path'], id);
  }
  // an aspect that runs last, so it also sees resources aws-cdk-lib creates in aspects of its
  // own (e.g. the cluster's capacity provider associations)
  Aspects.of(stack).add({
    visit(c) {
      if (!(c instanceof CfnResource)) return;
      const oldId = byPath.get(c.node.path.replace(`${stack.node.path}${nesting}`, `${stack.node.path}/`));
      if (oldId !== undefined) c.overrideLogicalId(oldId);
    },
  }, { priority: AspectPriority.READONLY });
}

/** A service of the environment app: one container `name` on `port` (a named port mapping). */
function envService(
  scope: Construct, environment: FargateEnvironment, name: string, port: number, extra: { serviceConnect?: string; calls?: string[] } = {},
) {
  const taskDef = new FargateTaskDef(scope, `${name}Task`, { family: name });
  taskDef.addAppContainer(name, {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/python:3.12-alpine'),
    command: ['python', '-m', 'http.server', String(port)],
    portMappings: [{ containerPort: port, name }],
  });
  return new FargateService(scope, name, {
    environment,
    taskDef,
    serviceConnect: extra.serviceConnect ? { name: extra.serviceConnect } : undefined,
    calls: extra.calls,
    autoScaling: { minCapacity: 2, maxCapacity: 4, targetCpuPercent: 70 },
  });
}

/** The environment app: web (shared ALB, host), api (Service Connect), optional shop and search. */
export function buildEnvironmentApp(scope: Construct, opts: EnvironmentAppOptions): void {
  const environment = new FargateEnvironment(scope, 'Env', {
    vpc: { natGateways: 1 },
    clusterName: opts.clusterName,
    containerInsights: opts.containerInsights,
    loadBalancer: {
      accessLogs: true,
      certificates: opts.certificate
        ? [acm.Certificate.fromCertificateArn(scope, 'Cert', `arn:aws:acm:${REGION}:${ACCOUNT}:certificate/00000000-0000-0000-0000-000000000000`)]
        : undefined,
    },
    serviceConnect: {},
  });
  envService(scope, environment, 'api', 5000, { serviceConnect: 'api' });
  if (!opts.noWeb) {
    const web = envService(scope, environment, 'web', 8080, { calls: opts.webCallsApi ? ['api'] : undefined });
    new AlbFront(scope, 'WebFront', {
      service: web,
      sharedLoadBalancer: opts.webOwnLoadBalancer ? false : undefined,
      hostHeaders: opts.webOwnLoadBalancer ? undefined : opts.webHosts ?? ['www.example.com'],
      priority: opts.webPriority,
      requestCountScaling: { requestsPerTarget: 1000 },
      loadBalancerAlarms: {},
    });
  }
  if (opts.shop) {
    const shop = envService(scope, environment, 'shop', 3000);
    new AlbFront(scope, 'ShopFront', { service: shop, hostHeaders: ['shop.example.com'], priority: opts.shopPriority, loadBalancerAlarms: {} });
  }
  if (opts.search) envService(scope, environment, 'search', 9200, { serviceConnect: 'search' });
}
