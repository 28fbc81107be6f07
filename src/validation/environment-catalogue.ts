/** A catalogue entry (the shape of `RuleInfo` in rules.ts, which lists these; no import, so no cycle). */
interface EnvironmentRuleInfo {
  readonly id: string;
  readonly severity: 'error';
  readonly scope: string;
  readonly awsFact: boolean;
  readonly rationale: string;
}

const r = (id: string, scope: string, awsFact: boolean, rationale: string): EnvironmentRuleInfo =>
  ({ id, severity: 'error', scope, awsFact, rationale });

/** The rules of environments, shared load balancers and Service Connect (a file of their own, listed in RULES). */
export const ENVIRONMENT_RULES: readonly EnvironmentRuleInfo[] = [
  r('FGK-ENVIRONMENT-CONFLICT', 'FargateEnvironment, FargateService, FargateTask', false, 'A workload of an environment takes the environment\'s network and cluster; an environment takes a network or vpc options, not both.'),
  r('FGK-SHARED-FRONT-OPTIONS', 'AlbFront, AlbFrontedService', false, 'A front on the shared load balancer leaves the load balancer\'s own settings (certificate, CIDRs, access logs, subnets) to the environment, which must have one.'),
  r('FGK-SHARED-LISTENER-CONDITIONS', 'AlbFront, AlbFrontedService', true, 'A front on the shared listener has host and/or path conditions, valid, at most 5 values per rule.'),
  r('FGK-SHARED-LISTENER-OVERLAP', 'FargateEnvironment', false, 'Rules of different services on the shared listener never have the same conditions, and overlapping ones are ordered by specificity or explicit priority.'),
  r('FGK-SHARED-LISTENER-PRIORITY', 'FargateEnvironment', false, 'Every rule on the shared listener has its own priority 1-50000 (explicit, or derived from its conditions and stable when other services change).'),
  r('FGK-LISTENER-RULE-QUOTA', 'FargateEnvironment', true, 'The shared listener holds at most 100 rules besides its default action.'),
  r('FGK-TARGET-GROUP-QUOTA', 'FargateEnvironment', true, 'The shared load balancer routes to at most 100 target groups.'),
  r('FGK-SHARED-LISTENER-CERTIFICATE', 'FargateEnvironment', false, 'Every host served on the shared HTTPS listener is covered by one of its certificates (checked where the domain names are known at synth).'),
  r('FGK-SERVICE-CONNECT-NAMESPACE', 'FargateEnvironment, FargateService', false, 'Service Connect needs the environment\'s Cloud Map HTTP namespace, with a valid name.'),
  r('FGK-SERVICE-CONNECT-NAME', 'FargateService, FargateEnvironment', false, 'A Service Connect name is a DNS label, published by one service of the namespace.'),
  r('FGK-SERVICE-CONNECT-PORT', 'FargateService', false, 'A Service Connect port is 1-65535 and the published container:port is a TCP port of the task.'),
  r('FGK-SERVICE-CONNECT-CALLS', 'FargateEnvironment', false, 'A service calls only names published in the environment; its security group rule is then exactly caller -> callee container port.'),
];
