import { NO_INTERNET_TOPOLOGIES, missingCoreEndpoints } from './network-rules';
import { Finding, defineRule } from './rule';

/** Which subnets tasks land in and whether they can reach the internet. */
export interface TaskPlacementFacts {
  /** The topology name, for messages. */
  readonly topology: string;
  /** How many selected task subnets are public (route to an internet gateway). */
  readonly publicSubnets: number;
  /** How many selected task subnets are isolated (no route to the internet). */
  readonly isolatedSubnets: number;
  /** Whether tasks get a public IP. */
  readonly assignPublicIp: boolean;
  /** The VPC endpoints that serve the task subnets. */
  readonly endpoints: readonly string[];
}

/** Whether tasks in this placement have no route to the internet (only VPC endpoints). */
export function hasNoInternetRoute(f: TaskPlacementFacts): boolean {
  return NO_INTERNET_TOPOLOGIES.includes(f.topology) || f.isolatedSubnets > 0 || (f.publicSubnets > 0 && !f.assignPublicIp);
}

/** FGK-PUBLIC-SUBNET-PUBLIC-IP: a task in a public subnet has a public IP (or endpoints). */
export const PUBLIC_SUBNET_PUBLIC_IP = defineRule<{ publicSubnets: number; topology: string; missing: readonly string[] }>({
  id: 'FGK-PUBLIC-SUBNET-PUBLIC-IP',
  acknowledgeable: false,
  checkedBy: 'FargateService, FargateTask',
  fact: 'A task in a public subnet without a public IP (and without endpoints) cannot pull its image: the internet gateway drops traffic from addresses without a public IP.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html',
  message: d => `taskSubnets select ${d.publicSubnets} public subnet(s) but topology ${d.topology} gives tasks no public IP (assignPublicIp DISABLED), and the network lacks VPC endpoints ${d.missing.join(', ')}; the internet gateway drops traffic from addresses without a public IP, so the task cannot pull its image (CannotPullContainerError) or ship logs.`,
  fix: () => 'use topology PUBLIC_ONLY (assigns public IPs), or select private subnets as taskSubnets, or add the VPC endpoints.',
  examples: {
    nonCompliant: `// tasks in the public subnets of a NAT network get no public IP
const shared = FargateVpc.fromVpc(stack, 'SharedNetwork', {
  vpc: network.vpc,
  topology: VpcTopology.PRIVATE_WITH_NAT,
  taskSubnets: { subnetType: ec2.SubnetType.PUBLIC },
});
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repository, 'v1') });
new FargateService(stack, 'Service', { network: shared, taskDef });`,
    compliant: `// PUBLIC_ONLY runs tasks in the public subnets with a public IP
const shared = FargateVpc.fromVpc(stack, 'SharedNetwork', {
  vpc: network.vpc,
  topology: VpcTopology.PUBLIC_ONLY,
  taskSubnets: { subnetType: ec2.SubnetType.PUBLIC },
});
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repository, 'v1') });
new FargateService(stack, 'Service', { network: shared, taskDef });`,
  },
});

/**
 * Whether the network reports its missing core endpoints itself: a network of a topology
 * without internet route (FargateVpc creates them, FargateVpc.fromVpc reports
 * FGK-ENDPOINTS-FOR-TOPOLOGY), so that the workloads in it do not report the same missing
 * endpoints again, each under another rule.
 */
function networkReportsCoreEndpoints(f: TaskPlacementFacts): boolean {
  return NO_INTERNET_TOPOLOGIES.includes(f.topology);
}

/** A task in a public subnet without a public IP (and without endpoints) cannot pull its image. */
export function checkPublicSubnetPublicIp(f: TaskPlacementFacts): Finding {
  if (f.publicSubnets === 0 || f.assignPublicIp || networkReportsCoreEndpoints(f)) return undefined;
  const missing = missingCoreEndpoints(f.endpoints);
  return missing.length === 0 ? undefined : PUBLIC_SUBNET_PUBLIC_IP.problem({ publicSubnets: f.publicSubnets, topology: f.topology, missing });
}

/** FGK-ISOLATED-SUBNET-ENDPOINTS: a task in an isolated subnet has the core endpoints. */
export const ISOLATED_SUBNET_ENDPOINTS = defineRule<{ isolatedSubnets: number; missing: readonly string[] }>({
  id: 'FGK-ISOLATED-SUBNET-ENDPOINTS',
  acknowledgeable: false,
  checkedBy: 'FargateService, FargateTask',
  fact: 'A task in an isolated subnet needs the ECR API, ECR Docker, S3 and CloudWatch Logs endpoints.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  message: d => `taskSubnets select ${d.isolatedSubnets} isolated subnet(s) (no NAT, no internet route) and the network lacks VPC endpoints ${d.missing.join(', ')}; such a task cannot pull its image (ECR_API, ECR_DOCKER, S3) or ship logs (CLOUDWATCH_LOGS).`,
  fix: () => 'create the endpoints (FargateVpc with topology PRIVATE_ISOLATED does), declare them in FargateVpc.fromVpc({ vpcEndpoints }), or select private subnets with a NAT route.',
  examples: {
    nonCompliant: `const vpc = new ec2.Vpc(stack, 'SharedVpc', { subnetConfiguration: [
  { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
  { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
] });
const shared = FargateVpc.fromVpc(stack, 'SharedNetwork', {
  vpc,
  topology: VpcTopology.PRIVATE_WITH_NAT,
  taskSubnets: { subnetGroupName: 'Data' },
});
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repository, 'v1') });
new FargateService(stack, 'Service', { network: shared, taskDef });`,
    compliant: `const vpc = new ec2.Vpc(stack, 'SharedVpc', { subnetConfiguration: [
  { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
  { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
] });
const shared = FargateVpc.fromVpc(stack, 'SharedNetwork', {
  vpc,
  topology: VpcTopology.PRIVATE_WITH_NAT,
  taskSubnets: { subnetGroupName: 'App' },
});
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repository, 'v1') });
new FargateService(stack, 'Service', { network: shared, taskDef });`,
  },
});

/** A task in an isolated subnet needs the ECR, S3 and CloudWatch Logs endpoints. */
export function checkIsolatedSubnetEndpoints(f: TaskPlacementFacts): Finding {
  if (f.isolatedSubnets === 0 || networkReportsCoreEndpoints(f)) return undefined;
  const missing = missingCoreEndpoints(f.endpoints);
  return missing.length === 0 ? undefined : ISOLATED_SUBNET_ENDPOINTS.problem({ isolatedSubnets: f.isolatedSubnets, missing });
}

/** FGK-SECRET-ENDPOINTS: secrets are readable without an internet route. */
export const SECRET_ENDPOINTS = defineRule<{ missing: readonly string[] }>({
  id: 'FGK-SECRET-ENDPOINTS',
  acknowledgeable: false,
  checkedBy: 'FargateService, FargateTask',
  fact: 'Secrets (including ones added with container.addSecret) need the Secrets Manager / SSM endpoint when tasks have no internet route.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
  message: d => `the task's containers read secrets through ${d.missing.join(', ')}, but its subnets have no internet route and the network lacks VPC endpoint(s) ${d.missing.join(', ')}; the task stops before starting with ResourceInitializationError.`,
  fix: d => `add them to the network, e.g. new FargateVpc(..., { vpcEndpoints: [VpcEndpointService.${d.missing.join(', VpcEndpointService.')}] }).`,
  examples: {
    nonCompliant: `const isolated = new FargateVpc(stack, 'AppVpc', { topology: VpcTopology.PRIVATE_ISOLATED });
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const dbPassword = secretsmanager.Secret.fromSecretNameV2(stack, 'DbPassword', 'prod/db-password');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromEcrRepository(repository, 'v1'),
  secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(dbPassword) },
});
new FargateService(stack, 'Service', { network: isolated, taskDef });`,
    compliant: `const isolated = new FargateVpc(stack, 'AppVpc', {
  topology: VpcTopology.PRIVATE_ISOLATED,
  vpcEndpoints: [VpcEndpointService.SECRETS_MANAGER],
});
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const dbPassword = secretsmanager.Secret.fromSecretNameV2(stack, 'DbPassword', 'prod/db-password');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromEcrRepository(repository, 'v1'),
  secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(dbPassword) },
});
new FargateService(stack, 'Service', { network: isolated, taskDef });`,
  },
});

/** Secrets need a Secrets Manager / SSM path when tasks have no internet route. */
export function checkSecretEndpoints(f: TaskPlacementFacts, required: readonly string[]): Finding {
  if (!hasNoInternetRoute(f)) return undefined;
  const missing = required.filter(e => !f.endpoints.includes(e));
  return missing.length === 0 ? undefined : SECRET_ENDPOINTS.problem({ missing });
}

/** FGK-EXEC-ENDPOINT: ECS Exec needs ssmmessages without an internet route. */
export const EXEC_ENDPOINT = defineRule({
  id: 'FGK-EXEC-ENDPOINT',
  acknowledgeable: false,
  checkedBy: 'FargateService, FargateTask',
  fact: 'ECS Exec needs the ssmmessages endpoint when tasks have no internet route.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html',
  message: () => 'enableExecuteCommand is true, but the task subnets have no internet route and the network lacks the SSM_MESSAGES (ssmmessages) VPC endpoint; the ECS Exec agent cannot open its channel, so `aws ecs execute-command` fails.',
  fix: () => 'add it to the network, e.g. new FargateVpc(..., { vpcEndpoints: [VpcEndpointService.SSM_MESSAGES] }), or turn enableExecuteCommand off.',
  examples: {
    nonCompliant: `const isolated = new FargateVpc(stack, 'AppVpc', { topology: VpcTopology.PRIVATE_ISOLATED });
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repository, 'v1') });
new FargateService(stack, 'Service', { network: isolated, taskDef, enableExecuteCommand: true });`,
    compliant: `const isolated = new FargateVpc(stack, 'AppVpc', {
  topology: VpcTopology.PRIVATE_ISOLATED,
  vpcEndpoints: [VpcEndpointService.SSM_MESSAGES],
});
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repository, 'v1') });
new FargateService(stack, 'Service', { network: isolated, taskDef, enableExecuteCommand: true });`,
  },
});

/** ECS Exec needs the `ssmmessages` endpoint when tasks have no internet route. */
export function checkExecEndpoint(enableExecuteCommand: boolean, f: TaskPlacementFacts): Finding {
  if (!enableExecuteCommand || !hasNoInternetRoute(f) || f.endpoints.includes('SSM_MESSAGES')) return undefined;
  return EXEC_ENDPOINT.problem();
}
