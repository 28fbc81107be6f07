import { Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { IConstruct } from 'constructs';
import { SharedRuleSpec } from '../validation/environment-rules';

/** A service that publishes a Service Connect name. */
export interface PublishedService {
  /** The construct path of the service. */
  readonly owner: string;
  /** The Service Connect name. */
  readonly name: string;
  /** The container port the callers' proxies connect to. */
  readonly containerPort: number;
  /** The tasks' connections (its own security group). */
  readonly connections: ec2.Connections;
}

/** A service that calls another by its Service Connect name. */
export interface ServiceCall {
  /** The construct path of the caller. */
  readonly owner: string;
  /** The callee's name. */
  readonly name: string;
  /** The caller's connections. */
  readonly connections: ec2.Connections;
}

/** What the services of one environment declared: read by the environment's checks at synth. */
export interface EnvironmentState {
  /** The rules of the fronts on the shared listener. */
  readonly rules: SharedRuleSpec[];
  /** Hosts of fronts on the shared listener, by front. */
  readonly hosts: Array<{ owner: string; hosts: string[] }>;
  /** Target groups created for the shared load balancer. */
  targetGroups: number;
  /** The published Service Connect services. */
  readonly published: PublishedService[];
  /** The calls. */
  readonly calls: ServiceCall[];
  /**
   * The environment's shared load balancer was asked for but could not be built or imported
   * (its problem is reported): fronts do not report their conditions once more.
   */
  brokenLoadBalancer: boolean;
}

const STATES = new WeakMap<IConstruct, EnvironmentState>();

/** The state of an environment (created on first use). */
export function environmentState(environment: IConstruct): EnvironmentState {
  let s = STATES.get(environment);
  if (s === undefined) {
    s = { rules: [], hosts: [], targetGroups: 0, published: [], calls: [], brokenLoadBalancer: false };
    STATES.set(environment, s);
  }
  return s;
}

/**
 * Exactly caller -> callee on the callee's container port, TCP, as one ingress rule of the
 * callee's group. In one stack the rule belongs to the callee's group. Across two stacks it is
 * placed, for both directions of a pair of stacks alike, in the stack whose path sorts last:
 * that stack then references the other one only, so services that call each other from two
 * stacks (or in a cycle over several) never make the stacks depend on each other.
 */
function allow(call: ServiceCall, callee: PublishedService): void {
  const port = ec2.Port.tcp(callee.containerPort);
  const description = `Service Connect: ${call.owner} calls ${callee.name}`;
  const calleeGroups = callee.connections.securityGroups;
  const callerGroups = call.connections.securityGroups;
  const calleeStack = calleeGroups.length > 0 ? Stack.of(calleeGroups[0]) : undefined;
  const callerStack = callerGroups.length > 0 ? Stack.of(callerGroups[0]) : undefined;
  if (calleeStack === undefined || callerStack === undefined || calleeStack === callerStack) {
    callee.connections.allowFrom(call.connections, port, description);
    return;
  }
  // remoteRule: the rule is created in the caller's (the peer's) stack
  const inCallerStack = callerStack.node.path > calleeStack.node.path;
  for (const calleeGroup of calleeGroups) {
    for (const callerGroup of callerGroups) calleeGroup.addIngressRule(callerGroup, port, description, inCallerStack);
  }
}

/** Registers a published service and opens it to the callers that already named it. */
export function publishService(environment: IConstruct, service: PublishedService): void {
  const s = environmentState(environment);
  s.published.push(service);
  for (const call of s.calls.filter(c => c.name.toLowerCase() === service.name.toLowerCase())) allow(call, service);
}

/** Registers a call and opens the callee (when it is published already; else when it is). */
export function callService(environment: IConstruct, call: ServiceCall): void {
  const s = environmentState(environment);
  s.calls.push(call);
  const callee = s.published.find(p => p.name.toLowerCase() === call.name.toLowerCase());
  if (callee) allow(call, callee);
}
