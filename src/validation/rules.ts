import { ENVIRONMENT_RULES } from './environment-catalogue';

/**
 * The catalogue of every rule this library checks: a stable ID, a severity, whether it
 * encodes an AWS fact that may change (then a user can acknowledge it per construct with a
 * reason) and a one-line rationale. RULES.md is generated from this list
 * (`tools/ci/rules-md.ts`, run by the build), and every `[FGK-...]` ID in a message of
 * `src/` is one of these (test/validation/rules.test.ts).
 */
export interface RuleInfo {
  /** Stable ID, printed in every message: `[FGK-TASK-SIZE]`. */
  readonly id: string;
  /** `error` stops the synth; `warning` is an annotation a user can acknowledge. */
  readonly severity: 'error' | 'warning';
  /** Which construct checks it. */
  readonly scope: string;
  /** Whether the rule encodes an AWS fact (size, platform version, quota) that AWS may change. */
  readonly awsFact: boolean;
  /** One line: what the rule requires and why. */
  readonly rationale: string;
}

const r = (id: string, scope: string, awsFact: boolean, rationale: string, severity: 'error' | 'warning' = 'error'): RuleInfo =>
  ({ id, severity, scope, awsFact, rationale });

/** Every rule, grouped by construct. */
export const RULES: readonly RuleInfo[] = [
  // network
  r('FGK-MAX-AZS', 'FargateVpc', false, 'maxAzs is a whole number >= 1 known at synth: the subnets, NAT gateways and routes are laid out per AZ at synth.'),
  r('FGK-NAT-GATEWAYS', 'FargateVpc', false, 'NAT gateways exist only in PRIVATE_WITH_NAT, 1 to one per AZ, known at synth: otherwise private subnets have no default route.'),
  r('FGK-ENDPOINTS-FOR-TOPOLOGY', 'FargateVpc, FargateVpc.fromVpc', false, 'A network without an internet route has the ECR API, ECR Docker, S3 and CloudWatch Logs endpoints, or tasks cannot pull images or ship logs.'),
  r('FGK-VPC-CIDR', 'FargateVpc', true, 'The VPC block is an IPv4 network address (no host bits) with a prefix /16 to /28, large enough for every subnet of the layout (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html).'),
  r('FGK-SUBNET-LAYOUT', 'FargateVpc', true, 'Every AZ has a fixed subnet slot (room for 8 AZs) so that adding AZs never re-cuts subnets; the VPC is large enough for /27 load balancer subnets.'),
  r('FGK-LOG-GROUP-OPTIONS', 'FargateVpc, FargateTaskDef', false, 'A log group you bring is configured by you: retention, name and removal policy apply only to the log group the construct creates.'),
  r('FGK-SUBNET-SELECTION', 'FargateVpc.fromVpc', false, 'taskSubnets and loadBalancerSubnets select at least one subnet of the VPC, with its availability zone known.'),
  r('FGK-PUBLIC-SUBNET-PUBLIC-IP', 'FargateService, FargateTask', false, 'A task in a public subnet without a public IP (and without endpoints) cannot pull its image.'),
  r('FGK-ISOLATED-SUBNET-ENDPOINTS', 'FargateService, FargateTask', false, 'A task in an isolated subnet needs the ECR, S3 and CloudWatch Logs endpoints.'),
  r('FGK-SECRET-ENDPOINTS', 'FargateService, FargateTask', false, 'Secrets (including ones added with container.addSecret) need the Secrets Manager / SSM endpoint when tasks have no internet route.'),
  r('FGK-EXEC-ENDPOINT', 'FargateService, FargateTask', false, 'ECS Exec needs the ssmmessages endpoint when tasks have no internet route.'),
  r('FGK-IMAGE-REGISTRY', 'FargateService, FargateTask', true, 'Tasks without an internet route pull images from private ECR only (<account>.dkr.ecr.<region>.amazonaws.com): VPC endpoints serve no other registry, ECR Public included (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html). Acknowledge it when the tasks reach the registry through a proxy of your own.'),
  r('FGK-CLUSTER-CONFLICT', 'FargateService, FargateTask', false, 'cluster and sharedCluster are exclusive: a workload runs in one cluster.'),
  // task definition
  r('FGK-TASK-SIZE', 'FargateTaskDef', true, 'Task CPU and memory form one of the fixed combinations Fargate accepts (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html).'),
  r('FGK-EPHEMERAL-STORAGE', 'FargateTaskDef', true, 'Ephemeral storage is a whole number of GiB from 21 to 200 (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html).'),
  r('FGK-PLATFORM', 'FargateTaskDef', true, 'The operating system runs on Fargate; Windows only on X86_64 with 1, 2 or 4 vCPU (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html).'),
  r('FGK-ECS-NAME', 'FargateTaskDef, FargateService', false, 'Family, container, volume and service names are 1-255 letters, digits, hyphens or underscores, as ECS requires (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html).'),
  r('FGK-CONTAINER-NAME-MISMATCH', 'FargateTaskDef', false, 'addAppContainer\'s name is the container name; a different containerName would make two names for one container.'),
  r('FGK-PORTS', 'FargateTaskDef', false, 'A container port is a whole number from 1 to 65535, mapped once.'),
  r('FGK-CONTAINER-CPU', 'FargateTaskDef', false, 'A container\'s CPU units are a whole number >= 0 within the task\'s CPU.'),
  r('FGK-CONTAINER-MEMORY', 'FargateTaskDef', false, 'A container\'s memory limit and reservation are >= 6 MiB, reservation <= limit, within the task\'s memory.'),
  r('FGK-HEALTH-CHECK', 'FargateTaskDef', true, 'Container health check timings lie in the ranges ECS accepts (interval 5-300 s, timeout 2-120 s, retries 1-10, start period 0-300 s) and the timeout is shorter than the interval (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html).'),
  r('FGK-MOUNT-PATH', 'FargateTaskDef', false, 'Volumes mount at absolute paths.'),
  r('FGK-READONLY-ROOT-FILESYSTEM', 'FargateTaskDef', true, 'Windows containers cannot have a read-only root filesystem (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html).'),
  r('FGK-CONTAINER-COUNT', 'FargateTaskDef', true, 'A task definition holds 1 to 10 containers (every container, also those added with taskDefinition.addContainer; https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html).'),
  r('FGK-UNIQUE-CONTAINER-NAMES', 'FargateTaskDef', false, 'Container names are unique within a task.'),
  r('FGK-ESSENTIAL-CONTAINER', 'FargateTaskDef', false, 'At least one container is essential.'),
  r('FGK-SHARED-PORTS', 'FargateTaskDef', false, 'The containers of a task share localhost, so a port belongs to one container.'),
  r('FGK-HOST-PORTS', 'FargateTaskDef', false, 'Under awsvpc the host port equals the container port.'),
  r('FGK-CONTAINERS-FIT-TASK', 'FargateTaskDef', false, 'The containers\' CPU and memory reservations together fit in the task.'),
  r('FGK-DEPENDENCIES', 'FargateTaskDef', false, 'Start-order dependencies name containers of the task, form no cycle and use conditions the target can reach.'),
  r('FGK-VOLUME-NAME', 'FargateTaskDef', false, 'Volume names are valid ECS names, unique in the task.'),
  r('FGK-MOUNT-VOLUME', 'FargateTaskDef', false, 'A mount names a volume of the task.'),
  r('FGK-EFS-ROOT-DIRECTORY', 'FargateTaskDef', false, 'With an access point the EFS root directory is unset or \'/\'; otherwise absolute.'),
  r('FGK-EFS-PLATFORM', 'FargateTaskDef', true, 'Fargate mounts EFS volumes in Linux tasks only (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html).'),
  // service and task
  r('FGK-DESIRED-COUNT', 'FargateService', false, 'desiredCount is a whole number >= 0 (Lazy values are resolved and checked).'),
  r('FGK-SCALING-BOUNDS', 'FargateService', false, 'Auto scaling keeps 0 <= minCapacity <= desiredCount <= maxCapacity, maxCapacity >= 1.'),
  r('FGK-PERCENT', 'FargateService', false, 'Utilization targets and alarm thresholds are percentages in 1..100.'),
  r('FGK-SPOT-WEIGHTS', 'FargateService, FargateTask', true, 'Capacity provider weights are 0..1000 with one above 0; the base is 0..100000 (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html).'),
  r('FGK-SPOT-PLATFORM', 'FargateService, FargateTask', true, 'Fargate Spot runs Linux only: X86_64 from platform 1.3.0, ARM64 from 1.4.0, per the ECS API reference (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html; the developer guide still says no ARM64 on Spot).'),
  r('FGK-PLATFORM-FOR-CPU', 'FargateService, FargateTask', true, 'Tasks of 8 or 16 vCPU need Linux platform version 1.4.0 or later (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html).'),
  r('FGK-PLATFORM-FEATURES', 'FargateService, FargateTask', true, 'ARM64, EFS volumes and configurable ephemeral storage need Linux platform version 1.4.0 or later; Windows tasks need platform 1.0.0 or LATEST (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html, https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html).'),
  r('FGK-CONTAINER-OVERRIDES', 'FargateTask', false, 'Container overrides name containers of the task, and apply to scheduled runs only.'),
  r('FGK-SCHEDULED-TASK-COUNT', 'FargateTask', true, 'A scheduled run starts 1 to 10 tasks (EventBridge EcsParameters TaskCount >= 1, ECS RunTask count <= 10), and only with a schedule.'),
  r('FGK-SCHEDULE-EXPRESSION', 'FargateTask', true, 'A schedule is rate(...) with a whole number >= 1 (singular unit for 1) or a six-field cron(...) with \'?\' in day-of-month or day-of-week, as EventBridge rules accept (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-scheduled-rule-pattern.html).'),
  r('FGK-ROLE-ACCOUNT', 'FargateTaskDef', false, 'The execution and task roles belong to the stack\'s account (when both are known): grants to a role of another account are dropped silently.'),
  r('FGK-GRANT-PRINCIPAL', 'FargateTaskDef', false, 'grantRun / grantDescribeTasks to a principal of another account cannot be written into its policy and would be dropped silently.'),
  // load balancer
  r('FGK-HEALTH-CHECK-PATH', 'AlbFrontedService, AlbFront', false, 'A target group health check path starts with \'/\'.'),
  r('FGK-ROUTES', 'AlbFrontedService, AlbFront', true, 'Route path patterns are unique (a second rule would never match) and within the 100 rules (besides default actions) an Application Load Balancer holds by default (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html).'),
  r('FGK-ROUTE-PRIORITY', 'AlbFrontedService, AlbFront', false, 'Each route\'s listener rule has its own priority (explicit 1-50000, else derived from the path pattern), stable when other routes change.'),
  r('FGK-HEALTHY-HTTP-CODES', 'AlbFrontedService, AlbFront', true, 'Healthy HTTP codes of an ALB health check are codes or ranges from 200 to 499 (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html).'),
  r('FGK-PATH-PATTERN', 'AlbFrontedService, AlbFront', true, 'A listener rule path pattern starts with \'/\' and is at most 128 characters of the allowed set (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html).'),
  r('FGK-TARGET-CONTAINER', 'AlbFrontedService, AlbFront', false, 'A load balancer target names a container of the task and one of its TCP ports (containerPort needs containerName).'),
  r('FGK-HAS-TARGET-CONTAINER', 'AlbFrontedService, AlbFront', false, 'The task has a container with a TCP port to send traffic to.'),
  r('FGK-TARGET-COUNT', 'AlbFrontedService, AlbFront', true, 'A service registers with at most 5 target groups (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/register-multiple-targetgroups.html).'),
  r('FGK-AZ-COVERAGE', 'AlbFrontedService, AlbFront, FargateEnvironment', false, 'The load balancer has a subnet in every AZ the tasks run in.'),
  r('FGK-LOAD-BALANCER-SUBNETS', 'AlbFrontedService, AlbFront, FargateEnvironment', false, 'An internet-facing load balancer is in public subnets only.'),
  r('FGK-HTTPS-OPTIONS', 'AlbFrontedService, AlbFront, FargateEnvironment', false, 'sslPolicy needs a certificate; domainName and hostedZone go together.'),
  r('FGK-ALLOWED-CIDRS', 'AlbFrontedService, AlbFront, FargateEnvironment', false, 'allowedCidrs are well-formed IPv4/IPv6 network addresses the load balancer can serve.'),
  r('FGK-REQUEST-COUNT-SCALING', 'AlbFrontedService, AlbFront', false, 'Request-count scaling needs autoScaling and a whole number of requests >= 1.'),
  r('FGK-ACCESS-LOGS-REGION', 'AlbFrontedService, AlbFront, FargateEnvironment', false, 'Access logs need the stack\'s region for the ELB log delivery account.'),
  r('FGK-DEREGISTRATION-DELAY', 'AlbFrontedService, AlbFront', true, 'The deregistration delay is 0-3600 seconds (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html).'),
  // environments, shared load balancers, Service Connect (environment-catalogue.ts)
  ...ENVIRONMENT_RULES,
  // warnings (acknowledge with Annotations.of(scope).acknowledgeWarning(id, reason))
  r('cdk-fargate-kit:unresolvedTaskSize', 'FargateTaskDef', false, 'cpu or memoryLimitMiB is a token that cannot be resolved at synth, so the size is not checked.', 'warning'),
  r('cdk-fargate-kit:vpcFewerAzs', 'FargateVpc', false, 'maxAzs exceeds the AZs the stack knows; the VPC spans fewer.', 'warning'),
  r('cdk-fargate-kit:desiredCountWithAutoScaling', 'FargateService', false, 'desiredCount with autoScaling resets the scaled count on every deploy.', 'warning'),
  r('cdk-fargate-kit:spotImportedCluster', 'FargateService, FargateTask', false, 'Spot on an imported cluster works only if it has the Fargate capacity providers.', 'warning'),
  r('cdk-fargate-kit:unreachablePublicService', 'FargateService', false, 'A service in public subnets whose ports no security group rule opens receives no traffic.', 'warning'),
];

/** A rule by its ID. */
export function ruleById(id: string): RuleInfo | undefined {
  return RULES.find(x => x.id === id);
}
