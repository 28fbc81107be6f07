import { Duration } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateTaskDef } from '../../src';

/** The scorekeep web container: nginx on 8080, proxying `/api/` to the API container. */
export const SCOREKEEP_FRONTEND = { name: 'scorekeep-frontend', port: 8080 };
/** The scorekeep API container, on 5000. */
export const SCOREKEEP_API = { name: 'scorekeep-api', port: 5000 };

/** nginx config: static site, `/api/` proxied to the API container over the task's shared localhost. */
const NGINX_CONF = [
  `server { listen ${SCOREKEEP_FRONTEND.port};`,
  `location /api/ { proxy_pass http://127.0.0.1:${SCOREKEEP_API.port}/; }`,
  'location / { root /usr/share/nginx/html; } }',
].join(' ');

/**
 * Builds the scorekeep task: a web container and an API container in one Fargate task,
 * talking over localhost (both images from public registries, so the execution role
 * gets no ECR permission at all). The web container starts once the API is healthy.
 */
export function buildScorekeepTaskDef(scope: Construct, id: string): FargateTaskDef {
  const taskDef = new FargateTaskDef(scope, id, {
    family: 'scorekeep',
    cpu: 512,
    memoryLimitMiB: 1024,
  });
  taskDef.addAppContainer(SCOREKEEP_API.name, {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/python:3.12-alpine'),
    command: ['python', '-m', 'http.server', String(SCOREKEEP_API.port)],
    ports: [SCOREKEEP_API.port],
    memoryReservationMiB: 512,
    healthCheck: {
      command: ['CMD-SHELL', `wget -qO- http://127.0.0.1:${SCOREKEEP_API.port}/ > /dev/null || exit 1`],
      interval: Duration.seconds(15),
      timeout: Duration.seconds(5),
      startPeriod: Duration.seconds(10),
    },
  });
  taskDef.addAppContainer(SCOREKEEP_FRONTEND.name, {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/nginx:stable-alpine'),
    command: ['sh', '-c', `echo '${NGINX_CONF}' > /etc/nginx/conf.d/default.conf && exec nginx -g 'daemon off;'`],
    ports: [SCOREKEEP_FRONTEND.port],
    memoryReservationMiB: 256,
    environment: { API_URL: `http://127.0.0.1:${SCOREKEEP_API.port}` },
    dependsOn: [{ containerName: SCOREKEEP_API.name, condition: ecs.ContainerDependencyCondition.HEALTHY }],
  });
  return taskDef;
}
