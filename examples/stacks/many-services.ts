import { Stack, StackProps } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { AlbFront, FargateEnvironment, FargateService, FargateTaskDef } from '../../src';

/** The frontend's container port. */
export const FRONTEND_PORT = 8080;
/** The API's container port. */
export const API_PORT = 5000;
/** The Service Connect name and port callers use for the API: http://api:80. */
export const API_NAME = 'api';

/**
 * ManyServices — three services in one environment (one VPC, one cluster, one shared load
 * balancer, one Service Connect namespace):
 * - `frontend` is public through the shared load balancer (a rule on its listener) and calls
 *   the API by name;
 * - `api` is internal: published in Service Connect as `api:80`, reachable only from the
 *   services that call it (its security group accepts exactly their groups on 5000);
 * - `worker` has no ingress at all and calls the API too.
 */
export class ManyServicesStack extends Stack {
  /** The environment. */
  public readonly fargateEnvironment: FargateEnvironment;
  /** The public frontend. */
  public readonly frontend: FargateService;
  /** The frontend's place on the shared load balancer. */
  public readonly frontendFront: AlbFront;
  /** The internal API. */
  public readonly api: FargateService;
  /** The worker. */
  public readonly worker: FargateService;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.fargateEnvironment = new FargateEnvironment(this, 'Env', {
      vpc: { natGateways: 1 },
      // access logs need the stack's region (see the app's env)
      loadBalancer: { accessLogs: true },
      serviceConnect: { namespaceName: 'many-services.internal' },
    });
    const environment = this.fargateEnvironment;

    this.api = new FargateService(this, 'Api', {
      environment,
      taskDef: appTaskDef(this, 'ApiTask', 'api', API_PORT, ['python', '-m', 'http.server', String(API_PORT)]),
      serviceConnect: { name: API_NAME, port: 80 },
      autoScaling: { minCapacity: 2, maxCapacity: 4, targetCpuPercent: 70 },
    });

    this.frontend = new FargateService(this, 'Frontend', {
      environment,
      taskDef: appTaskDef(this, 'FrontendTask', 'web', FRONTEND_PORT, ['python', '-m', 'http.server', String(FRONTEND_PORT)]),
      calls: [API_NAME],
      autoScaling: { minCapacity: 2, maxCapacity: 6, targetCpuPercent: 70 },
    });
    this.frontendFront = new AlbFront(this, 'FrontendFront', {
      service: this.frontend,
      pathPatterns: ['/*'],
      healthCheckPath: '/',
      requestCountScaling: { requestsPerTarget: 1000 },
      loadBalancerAlarms: {},
    });

    this.worker = new FargateService(this, 'Worker', {
      environment,
      taskDef: appTaskDef(this, 'WorkerTask', 'worker', undefined,
        ['sh', '-c', `while true; do wget -q -O - http://${API_NAME}/ >/dev/null; sleep 60; done`]),
      calls: [API_NAME],
      desiredCount: 1,
    });
  }
}

/** A small task of one container; its port mapping is named after the container (Service Connect refers to it by name). */
function appTaskDef(scope: Construct, id: string, name: string, port: number | undefined, command: string[]): FargateTaskDef {
  const taskDef = new FargateTaskDef(scope, id, { family: `many-services-${name}` });
  taskDef.addAppContainer(name, {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/python:3.12-alpine'),
    command,
    portMappings: port === undefined ? undefined : [{ containerPort: port, name, appProtocol: ecs.AppProtocol.http }],
  });
  return taskDef;
}
