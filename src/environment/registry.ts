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

/** Exactly caller -> callee on the callee's container port, TCP, as one ingress rule of the callee's group. */
function allow(call: ServiceCall, callee: PublishedService): void {
  callee.connections.allowFrom(call.connections, ec2.Port.tcp(callee.containerPort),
    `Service Connect: ${call.owner} calls ${callee.name}`);
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
