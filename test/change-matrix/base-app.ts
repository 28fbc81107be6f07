import { App, IStackSynthesizer, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AlbFrontedService, AlbRoute, FargateTask, FargateTaskDef, FargateVpc, VpcEndpointService } from '../../src';

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
  readonly spot?: boolean;
  readonly exec?: boolean;
  readonly logRetention?: logs.RetentionDays;
  readonly scheduleHour?: string;
  /** Put everything one level deeper, under a construct of this ID. */
  readonly nestUnder?: string;
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
  buildBaseApp(opts.nestUnder ? new Construct(stack, opts.nestUnder) : stack, opts);
  return app.synth().getStackByName('DayTwo').template;
}

/** The base app: shaped like the examples (scorekeep + its scheduled task). */
export function buildBaseApp(scope: Construct, opts: BaseAppOptions = {}): void {
  const network = new FargateVpc(scope, 'Network', {
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
    containerName: 'web',
    containerPort: webPort,
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
