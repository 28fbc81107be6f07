import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { AlbFrontOptions } from './alb-front-options';
import { AlbRoute } from './routes';
import { ResolvedTarget } from '../task/container-ports';

/** The port of every target group (ECS registers each task with its container port). */
const TARGET_GROUP_PORT = 80;

/** The target groups of a front: the default one first, then one per route. */
export interface FrontTargets {
  /** The container:port of each target group, in the same order as `groups`. */
  readonly targets: ResolvedTarget[];
  /** The target groups: the default target's first, then each route's, in the order of the routes. */
  readonly groups: elbv2.ApplicationTargetGroup[];
  /** The construct ID of each target group, in the same order. */
  readonly ids: string[];
}

/**
 * The construct ID of a target group, by what it is attached to and what it serves. On a load
 * balancer of the front's own it is `TargetGroup` for the default target and `TargetGroup
 * <path pattern>` for a route; on the environment's shared load balancer `SharedTargetGroup`
 * and `SharedTargetGroup <path pattern>` (a target group belongs to one load balancer: moving
 * between them creates new groups instead of re-associating kept ones, which CloudFormation
 * refuses). Every route has a group of its own, never the default one nor another route's, and
 * no ID names a container or a port: adding or removing a route, pointing the default target
 * or a route at another container, renaming a container or changing its port each keep every
 * other group, and the group of what changed keeps its traffic while ECS re-registers the tasks.
 */
export function targetGroupId(shared: boolean, route?: AlbRoute): string {
  const base = shared ? 'SharedTargetGroup' : 'TargetGroup';
  return route === undefined ? base : `${base} ${route.pathPattern}`;
}

/**
 * Creates the `ip` target groups of a front under `scope`: the default target's, with the
 * front's health check path, and one per route, with the route's (or the front's) health check path.
 */
export function createTargetGroups(
  scope: Construct, vpc: ec2.IVpc, props: AlbFrontOptions, defaultTarget: ResolvedTarget,
  routes: ReadonlyArray<{ route: AlbRoute; target: ResolvedTarget }>, shared: boolean, badHealthCheck: boolean,
): FrontTargets {
  const healthCheckPath = props.healthCheckPath ?? '/';
  const group = (id: string, path: string) => new elbv2.ApplicationTargetGroup(scope, id, {
    vpc,
    targetType: elbv2.TargetType.IP,
    protocol: elbv2.ApplicationProtocol.HTTP,
    port: TARGET_GROUP_PORT,
    deregistrationDelay: props.deregistrationDelay ?? Duration.seconds(30),
    healthCheck: {
      path: badHealthCheck ? '/' : path,
      protocol: elbv2.Protocol.HTTP,
      healthyHttpCodes: badHealthCheck ? '200-399' : props.healthyHttpCodes ?? '200-399',
      interval: Duration.seconds(15),
      timeout: Duration.seconds(5),
      healthyThresholdCount: 2,
      unhealthyThresholdCount: 3,
    },
  });
  const ids = [targetGroupId(shared), ...routes.map(r => targetGroupId(shared, r.route))];
  const groups = [group(ids[0], healthCheckPath), ...routes.map((r, i) => group(ids[i + 1], r.route.healthCheckPath ?? healthCheckPath))];
  return { targets: [defaultTarget, ...routes.map(r => r.target)], groups, ids };
}
