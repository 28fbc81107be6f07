import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { FrontTargets } from './front-target-groups';
import { addListeners } from './load-balancer';
import { AlbRoute } from './routes';
import { IFargateEnvironment } from '../environment/environment';
import { environmentState } from '../environment/registry';
import { ResolvedTarget } from '../task/container-ports';
import { SharedRuleSpec } from '../validation/environment-rules';
import { derivedRulePriority, derivedSharedRulePriority } from '../validation/route-rules';

/** A route with the container:port it sends traffic to. */
export interface TargetedRoute {
  readonly route: AlbRoute;
  readonly target: ResolvedTarget;
}

/** The conditions and priority of a front on a shared listener. */
export interface SharedPlacement {
  readonly hosts: readonly string[];
  readonly paths: readonly string[];
  /** The explicit priority of the default rule, if any. */
  readonly priority?: number;
}

/**
 * The front's rules on the environment's shared listener, under `scope`, keyed by what they
 * serve: 'Rule' for the default target (the front's hosts and paths), 'Rule <path pattern>'
 * for a route (the front's hosts AND the route's path). Each priority is explicit or derived
 * from the rule's own conditions, so it never moves when other services join or leave; the
 * environment checks the whole listener at synth. Registers the rules, hosts and target
 * groups with the environment.
 */
export function addSharedRules(
  scope: Construct, environment: IFargateEnvironment, placement: SharedPlacement, routes: readonly TargetedRoute[], targets: FrontTargets,
): elbv2.ApplicationListenerRule[] {
  const state = environmentState(environment);
  state.targetGroups += targets.groups.length;
  state.hosts.push({ owner: scope.node.path, hosts: [...placement.hosts] });
  const add = (id: string, owner: string, paths: readonly string[], group: elbv2.ApplicationTargetGroup, explicit?: number) => {
    const hosts = [...placement.hosts];
    const priority = explicit ?? derivedSharedRulePriority(hosts, paths);
    state.rules.push({ owner, hosts, paths: [...paths], priority, explicit: explicit !== undefined } satisfies SharedRuleSpec);
    const conditions = [
      ...(hosts.length > 0 ? [elbv2.ListenerCondition.hostHeaders(hosts)] : []),
      ...(paths.length > 0 ? [elbv2.ListenerCondition.pathPatterns([...paths])] : []),
    ];
    return new elbv2.ApplicationListenerRule(scope, id, {
      listener: environment.listener!,
      priority,
      // a rule needs a condition: FGK-SHARED-LISTENER-CONDITIONS reported the missing ones
      conditions: conditions.length > 0 ? conditions : [elbv2.ListenerCondition.pathPatterns(['/*'])],
      targetGroups: [group],
    });
  };
  return [
    add('Rule', scope.node.path, placement.paths, targets.groups[0], placement.priority),
    ...routes.map((r, i) => add(`Rule ${r.route.pathPattern}`, `${scope.node.path} route ${r.route.pathPattern}`, [r.route.pathPattern],
      targets.groups[i + 1], r.route.priority)),
  ];
}

/**
 * The listeners of a front's own load balancer: HTTP 80 (HTTPS 443 with a certificate, and 80
 * redirecting to it) forwarding to the default target group; each route a rule keyed by its
 * path with a priority of its own (explicit, or derived from the path alone), so inserting a
 * route never renumbers or repurposes another.
 */
export function addOwnListeners(
  loadBalancer: elbv2.ApplicationLoadBalancer, certificate: acm.ICertificate | undefined,
  sslPolicy: elbv2.SslPolicy | undefined, routes: readonly TargetedRoute[], targets: FrontTargets,
): { listener: elbv2.ApplicationListener; redirectListener?: elbv2.ApplicationListener } {
  const listeners = addListeners(loadBalancer, certificate ? [certificate] : [], sslPolicy);
  listeners.listener.addTargetGroups('Default', { targetGroups: [targets.groups[0]] });
  routes.forEach((r, i) => {
    listeners.listener.addTargetGroups(`Route ${r.route.pathPattern}`, {
      targetGroups: [targets.groups[i + 1]],
      conditions: [elbv2.ListenerCondition.pathPatterns([r.route.pathPattern])],
      priority: r.route.priority ?? derivedRulePriority(r.route.pathPattern),
    });
  });
  return listeners;
}
