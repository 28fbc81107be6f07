import { CfnParameter, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as fc from 'fast-check';
import {
  AlbFrontedService, FargateService, FargateTask, FargateTaskDef, FargateVpc, IFargateNetwork, TaskRoles, VpcEndpointService, VpcTopology,
} from '../src';
import { validMemoryForCpu } from '../src/validation/task-size-rules';

// Generators and builders of the property tests (test/properties.test.ts), shared with the
// cfn-lint run over generated templates (test/integ/cfn-lint-properties.test.ts).

/**
 * Fixed seed and bounded runs: the unit suite stays within seconds; fast-check prints the
 * seed and the counterexample on failure. `FGK_PROPERTY_RUNS=300 npx jest test/properties.test.ts`
 * searches further (same seed: the first 15 runs are the suite's).
 */
export const RUN = { seed: 1313, numRuns: Number(process.env.FGK_PROPERTY_RUNS ?? 15) };

const PUBLIC_IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest');
const ACCOUNT = '111111111111';
const OTHER_ACCOUNT = '999999999999';

/** How a numeric prop is given: a literal, a Lazy that produces it, or a CfnParameter (unknown at synth). */
export type NumberForm = 'literal' | 'lazy' | 'parameter';
export const numberForm = (): fc.Arbitrary<NumberForm> => fc.constantFrom<NumberForm>('literal', 'lazy', 'parameter');

let parameters = 0;
/** `n` in the given form. */
export function numberAs(stack: Stack, n: number, form: NumberForm): number {
  if (form === 'lazy') return Lazy.number({ produce: () => n });
  if (form === 'parameter') return new CfnParameter(stack, `N${parameters++}`, { type: 'Number', default: n }).valueAsNumber;
  return n;
}

// ---------------------------------------------------------------------------------------------
// TaskRoles: bring-your-own and imported roles

/** Where a role comes from. */
export type RoleSource = 'default' | 'new' | 'imported' | 'importedImmutable' | 'otherAccount' | 'byName';
export const roleSource = (): fc.Arbitrary<RoleSource> =>
  fc.constantFrom<RoleSource>('default', 'new', 'imported', 'importedImmutable', 'otherAccount', 'byName');

function role(stack: Stack, id: string, source: RoleSource): iam.IRole | undefined {
  switch (source) {
    case 'default': return undefined;
    case 'new': return new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    case 'imported': return iam.Role.fromRoleArn(stack, id, `arn:aws:iam::${ACCOUNT}:role/${id}`);
    case 'importedImmutable': return iam.Role.fromRoleArn(stack, id, `arn:aws:iam::${ACCOUNT}:role/${id}`, { mutable: false });
    case 'otherAccount': return iam.Role.fromRoleArn(stack, id, `arn:aws:iam::${OTHER_ACCOUNT}:role/${id}`);
    case 'byName': return iam.Role.fromRoleName(stack, id, id);
  }
}

/** The image of a container. */
export type ImageSource = 'public' | 'newRepository' | 'importedRepository';
export const imageSource = (): fc.Arbitrary<ImageSource> => fc.constantFrom<ImageSource>('public', 'newRepository', 'importedRepository');

function image(stack: Stack, source: ImageSource): ecs.ContainerImage {
  if (source === 'newRepository') return ecs.ContainerImage.fromEcrRepository(new ecr.Repository(stack, 'Repo'));
  if (source === 'importedRepository') return ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'web'), 'v1');
  return PUBLIC_IMAGE;
}

export interface RolesCase {
  readonly topology: VpcTopology;
  readonly executionRole: RoleSource;
  readonly taskRole: RoleSource;
  readonly image: ImageSource;
  readonly secret: 'none' | 'secretsManager' | 'ssm';
  readonly grantRunToRole: boolean;
}

export const rolesCase = (): fc.Arbitrary<RolesCase> => fc.record({
  topology: fc.constantFrom(...Object.values(VpcTopology)),
  executionRole: roleSource(),
  taskRole: roleSource(),
  image: imageSource(),
  secret: fc.constantFrom<RolesCase['secret']>('none', 'secretsManager', 'ssm'),
  grantRunToRole: fc.boolean(),
});

/** TaskRoles with roles of every origin, a task with an image and a secret, a service, a grantRun. */
export function buildRoles(stack: Stack, c: RolesCase): void {
  const network = new FargateVpc(stack, 'Net', {
    topology: c.topology,
    flowLogs: false,
    vpcEndpoints: c.secret === 'none' ? [] : [c.secret === 'ssm' ? VpcEndpointService.SSM : VpcEndpointService.SECRETS_MANAGER],
  });
  const roles = new TaskRoles(stack, 'Roles', { executionRole: role(stack, 'Exec', c.executionRole), taskRole: role(stack, 'App', c.taskRole) });
  const taskDef = new FargateTaskDef(stack, 'Task', { roles });
  const secrets: Record<string, ecs.Secret> = {};
  if (c.secret === 'secretsManager') secrets.DB = ecs.Secret.fromSecretsManager(new secretsmanager.Secret(stack, 'Db'));
  if (c.secret === 'ssm') secrets.DB = ecs.Secret.fromSsmParameter(ssm.StringParameter.fromSecureStringParameterAttributes(stack, 'Db', { parameterName: '/app/db' }));
  taskDef.addAppContainer('web', { image: image(stack, c.image), ports: [8080], secrets });
  const service = new FargateService(stack, 'Svc', { network, taskDef });
  if (c.grantRunToRole) {
    const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
    taskDef.grantRun(operator, service.cluster);
  }
}

// ---------------------------------------------------------------------------------------------
// FargateVpc.fromVpc: imported VPCs, subnets by ID, mixed selections

export interface ImportedCase {
  readonly topology: VpcTopology;
  readonly azs: number;
  readonly groups: { readonly public: boolean; readonly private: boolean; readonly isolated: boolean };
  readonly taskSubnets: 'default' | 'public' | 'private' | 'isolated' | 'byId' | 'byAttributes' | 'mixed' | 'none';
  readonly loadBalancerSubnets: 'default' | 'public' | 'byId' | 'byAttributes';
  readonly endpoints: boolean;
  readonly alb: boolean;
}

export const importedCase = (): fc.Arbitrary<ImportedCase> => fc.record({
  topology: fc.constantFrom(...Object.values(VpcTopology)),
  azs: fc.integer({ min: 1, max: 3 }),
  groups: fc.record({ public: fc.boolean(), private: fc.boolean(), isolated: fc.boolean() }),
  taskSubnets: fc.constantFrom<ImportedCase['taskSubnets']>('default', 'public', 'private', 'isolated', 'byId', 'byAttributes', 'mixed', 'none'),
  loadBalancerSubnets: fc.constantFrom<ImportedCase['loadBalancerSubnets']>('default', 'public', 'byId', 'byAttributes'),
  endpoints: fc.boolean(),
  alb: fc.boolean(),
});

const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

/** An imported VPC (`Vpc.fromVpcAttributes`) adapted with `FargateVpc.fromVpc`, and a service on it (behind an ALB or not). */
export function buildImported(stack: Stack, c: ImportedCase): IFargateNetwork {
  const azs = AZS.slice(0, c.azs);
  // IDs of the shape AWS gives them (cfn-lint checks the pattern): 8 hex digits from the name
  const hex = (name: string) => [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 0xffffffff, 7).toString(16).padStart(8, '0');
  const subnetId = (name: string) => `subnet-${hex(name)}`;
  const ids = (group: string) => azs.map((_, i) => subnetId(`${group}${i}`));
  const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123abcd',
    vpcCidrBlock: '10.0.0.0/16',
    availabilityZones: azs,
    publicSubnetIds: c.groups.public ? ids('pub') : undefined,
    privateSubnetIds: c.groups.private ? ids('priv') : undefined,
    isolatedSubnetIds: c.groups.isolated ? ids('iso') : undefined,
  });
  const byId = (prefix: string) => azs.map((_, i) => ec2.Subnet.fromSubnetId(stack, `${prefix}${i}`, subnetId(`${prefix}${i}`)));
  const byAttributes = (prefix: string) => azs.map((az, i) =>
    ec2.Subnet.fromSubnetAttributes(stack, `${prefix}${i}`, { subnetId: subnetId(`${prefix}${i}`), availabilityZone: az, routeTableId: `rtb-${hex(`${prefix}${i}`)}` }));
  const selection = (s: ImportedCase['taskSubnets'] | ImportedCase['loadBalancerSubnets'], prefix: string): ec2.SubnetSelection | undefined => {
    switch (s) {
      case 'default': return undefined;
      case 'public': return { subnetType: ec2.SubnetType.PUBLIC };
      case 'private': return { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
      case 'isolated': return { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
      case 'byId': return { subnets: byId(prefix) };
      case 'byAttributes': return { subnets: byAttributes(prefix) };
      case 'mixed': return { subnets: [...byId(`${prefix}i`).slice(0, 1), ...byAttributes(`${prefix}a`).slice(1)] };
      case 'none': return { subnets: [] };
    }
  };
  const network = FargateVpc.fromVpc(stack, 'Net', {
    vpc,
    topology: c.topology,
    taskSubnets: selection(c.taskSubnets, 'task'),
    loadBalancerSubnets: selection(c.loadBalancerSubnets, 'lb'),
    vpcEndpoints: c.endpoints
      ? [VpcEndpointService.ECR_API, VpcEndpointService.ECR_DOCKER, VpcEndpointService.S3, VpcEndpointService.CLOUDWATCH_LOGS] : [],
  });
  const taskDef = new FargateTaskDef(stack, 'Task');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'web'), 'v1'), ports: [8080] });
  if (c.alb) {
    new AlbFrontedService(stack, 'Web', { network, taskDef });
  } else {
    new FargateService(stack, 'Svc', { network, taskDef });
  }
  return network;
}

// ---------------------------------------------------------------------------------------------
// FargateTask: schedules, Spot, overrides

export interface TaskCase {
  readonly topology: VpcTopology;
  readonly schedule: 'none' | 'cron' | 'rate' | 'rate0' | 'badExpression' | 'at';
  readonly scheduledTaskCount?: number;
  readonly countForm: NumberForm;
  readonly spot?: { readonly spotWeight?: number; readonly onDemandWeight?: number; readonly onDemandBase?: number };
  readonly overrides: ReadonlyArray<'job' | 'sidecar' | 'missing'>;
  readonly platform: 'default' | '1.3' | '1.4';
  readonly arm64: boolean;
}

export const taskCase = (): fc.Arbitrary<TaskCase> => fc.record({
  topology: fc.constantFrom(...Object.values(VpcTopology)),
  schedule: fc.constantFrom<TaskCase['schedule']>('none', 'cron', 'rate', 'rate0', 'badExpression', 'at'),
  scheduledTaskCount: fc.option(fc.integer({ min: -1, max: 12 }), { nil: undefined }),
  countForm: numberForm(),
  spot: fc.option(fc.record({
    spotWeight: fc.option(fc.integer({ min: -1, max: 1001 }), { nil: undefined }),
    onDemandWeight: fc.option(fc.integer({ min: -1, max: 2 }), { nil: undefined }),
    onDemandBase: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
  }), { nil: undefined }),
  overrides: fc.array(fc.constantFrom<'job' | 'sidecar' | 'missing'>('job', 'sidecar', 'missing'), { maxLength: 2 }),
  platform: fc.constantFrom<TaskCase['platform']>('default', '1.3', '1.4'),
  arm64: fc.boolean(),
});

const SCHEDULES: Record<Exclude<TaskCase['schedule'], 'none'>, () => events.Schedule> = {
  cron: () => events.Schedule.cron({ hour: '3', minute: '0' }),
  rate: () => events.Schedule.rate(Duration.hours(1)),
  rate0: () => events.Schedule.expression('rate(0 minutes)'),
  badExpression: () => events.Schedule.expression('every day'),
  at: () => events.Schedule.expression('at(2027-01-01T00:00:00)'),
};

/** A one-off / scheduled FargateTask of two containers. */
export function buildTask(stack: Stack, c: TaskCase): void {
  const network = new FargateVpc(stack, 'Net', { topology: c.topology, flowLogs: false });
  const taskDef = new FargateTaskDef(stack, 'Task', { cpuArchitecture: c.arm64 ? ecs.CpuArchitecture.ARM64 : ecs.CpuArchitecture.X86_64 });
  const img = ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'job'), 'v1');
  taskDef.addAppContainer('job', { image: img });
  taskDef.addAppContainer('sidecar', { image: img, essential: false });
  new FargateTask(stack, 'Job', {
    network,
    taskDef,
    schedule: c.schedule === 'none' ? undefined : SCHEDULES[c.schedule](),
    scheduledTaskCount: c.scheduledTaskCount === undefined ? undefined : numberAs(stack, c.scheduledTaskCount, c.countForm),
    spot: c.spot,
    platformVersion: c.platform === '1.3' ? ecs.FargatePlatformVersion.VERSION1_3 : c.platform === '1.4' ? ecs.FargatePlatformVersion.VERSION1_4 : undefined,
    containerOverrides: c.overrides.length === 0 ? undefined
      : c.overrides.map(name => ({ containerName: name, environment: [{ name: 'MODE', value: 'nightly' }] })),
  });
}

// ---------------------------------------------------------------------------------------------
// numeric props given as Lazy values and CfnParameters

export interface NumbersCase {
  readonly cpu: [number, NumberForm];
  readonly memoryLimitMiB: [number, NumberForm];
  readonly ephemeralStorageGiB?: [number, NumberForm];
  readonly containerCpu?: [number, NumberForm];
  readonly containerMemory?: [number, NumberForm];
  readonly port: [number, NumberForm];
  readonly desiredCount?: [number, NumberForm];
  readonly scaling?: { readonly min: [number, NumberForm]; readonly max: [number, NumberForm] };
  readonly healthCheckRetries?: [number, NumberForm];
  readonly alb: boolean;
}

const numberIn = (values: number[]) => fc.tuple(fc.constantFrom(...values), numberForm());

export const numbersCase = (): fc.Arbitrary<NumbersCase> => fc.record({
  cpu: numberIn([256, 512, 1024, 300]),
  memoryLimitMiB: numberIn([512, 1024, 2048, 3000]),
  ephemeralStorageGiB: fc.option(numberIn([20, 21, 200, 201]), { nil: undefined }),
  containerCpu: fc.option(numberIn([0, 128, 256, 4096, -1]), { nil: undefined }),
  containerMemory: fc.option(numberIn([4, 256, 512, 9999]), { nil: undefined }),
  port: numberIn([0, 80, 8080, 65535, 70000]),
  desiredCount: fc.option(numberIn([-1, 0, 2]), { nil: undefined }),
  scaling: fc.option(fc.record({ min: numberIn([0, 1, 5]), max: numberIn([0, 2, 10]) }), { nil: undefined }),
  healthCheckRetries: fc.option(numberIn([0, 3, 11]), { nil: undefined }),
  alb: fc.boolean(),
});

/** A task definition, container and service whose numeric props are literals, Lazy values or CfnParameters. */
export function buildNumbers(stack: Stack, c: NumbersCase): void {
  const n = (v: [number, NumberForm] | undefined) => (v === undefined ? undefined : numberAs(stack, v[0], v[1]));
  const network = new FargateVpc(stack, 'Net', { flowLogs: false });
  const taskDef = new FargateTaskDef(stack, 'Task', { cpu: n(c.cpu), memoryLimitMiB: n(c.memoryLimitMiB), ephemeralStorageGiB: n(c.ephemeralStorageGiB) });
  taskDef.addAppContainer('web', {
    image: PUBLIC_IMAGE,
    ports: [n(c.port)!],
    cpu: n(c.containerCpu),
    memoryLimitMiB: n(c.containerMemory),
    healthCheck: c.healthCheckRetries === undefined ? undefined : { command: ['CMD-SHELL', 'true'], retries: n(c.healthCheckRetries) },
  });
  const props = {
    network,
    taskDef,
    desiredCount: n(c.desiredCount),
    autoScaling: c.scaling === undefined ? undefined : { minCapacity: n(c.scaling.min)!, maxCapacity: n(c.scaling.max)!, targetCpuPercent: 70 },
  };
  if (c.alb) new AlbFrontedService(stack, 'Web', props);
  else new FargateService(stack, 'Svc', props);
}

// ---------------------------------------------------------------------------------------------
// invariants every template keeps

/** Actions AWS authorizes on resource `*` only (no resource-level permissions), each on purpose. */
const STAR_ACTIONS = new Set([
  'ecr:GetAuthorizationToken',
  'ecs:ListTasks', // scoped by the ecs:cluster condition
  'ssmmessages:CreateControlChannel', 'ssmmessages:CreateDataChannel', 'ssmmessages:OpenControlChannel', 'ssmmessages:OpenDataChannel',
]);

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

/**
 * The invariants of every template this library writes: no `*` resource beyond the actions
 * that allow nothing else; nothing open to the world but load balancer listener ports; task
 * definitions for Fargate (awsvpc, a valid CPU/memory pair when literal); services and
 * scheduled tasks in awsvpc with a public IP only in public subnets; endpoints where tasks
 * have no internet route.
 */
export function expectLibraryInvariants(t: Template): void {
  for (const policy of Object.values(t.findResources('AWS::IAM::Policy'))) {
    for (const st of policy.Properties.PolicyDocument.Statement) {
      if (asArray(st.Resource).includes('*')) {
        for (const action of asArray<string>(st.Action)) expect(STAR_ACTIONS).toContain(action);
      }
    }
  }
  const worldOpen = (r: any) => r.CidrIp === '0.0.0.0/0' || r.CidrIpv6 === '::/0';
  const ingress = [
    ...Object.values(t.findResources('AWS::EC2::SecurityGroup')).flatMap(sg => asArray<any>(sg.Properties.SecurityGroupIngress)),
    ...Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map(r => r.Properties),
  ];
  for (const r of ingress.filter(worldOpen)) expect([80, 443]).toContain(r.FromPort);
  for (const td of Object.values(t.findResources('AWS::ECS::TaskDefinition'))) {
    expect(td.Properties.NetworkMode).toBe('awsvpc');
    expect(td.Properties.RequiresCompatibilities).toEqual(['FARGATE']);
    const cpu = Number(td.Properties.Cpu);
    const memory = Number(td.Properties.Memory);
    if (Number.isFinite(cpu) && Number.isFinite(memory)) expect(validMemoryForCpu(cpu)).toContain(memory);
  }
  // AZ coverage: a load balancer spans two AZs or more, among them every AZ its service's tasks
  // run in (subnets of the template compared by their AvailabilityZone; imported ones by count)
  const subnets = t.findResources('AWS::EC2::Subnet');
  const azOf = (ref: any) => (ref?.Ref && subnets[ref.Ref] ? JSON.stringify(subnets[ref.Ref].Properties.AvailabilityZone) : undefined);
  const loadBalancers = Object.values(t.findResources('AWS::ElasticLoadBalancingV2::LoadBalancer'));
  for (const lb of loadBalancers) {
    const lbSubnets = asArray<any>(lb.Properties.Subnets);
    expect(lbSubnets.length).toBeGreaterThanOrEqual(2);
    const lbAzs = new Set(lbSubnets.map(azOf));
    if (lbAzs.has(undefined)) continue;
    expect(lbAzs.size).toBeGreaterThanOrEqual(2);
    if (loadBalancers.length === 1) {
      for (const svc of Object.values(t.findResources('AWS::ECS::Service'))) {
        if (svc.Properties.LoadBalancers === undefined) continue;
        for (const az of asArray<any>(svc.Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets).map(azOf)) {
          if (az !== undefined) expect(lbAzs).toContain(az);
        }
      }
    }
  }
  const isolatedTasks = Object.values(t.findResources('AWS::EC2::Subnet')).some(s =>
    asArray<any>(s.Properties.Tags).some((tag: any) => tag.Key === 'aws-cdk:subnet-type' && tag.Value === 'Isolated'));
  const natGateways = Object.keys(t.findResources('AWS::EC2::NatGateway')).length;
  const services = Object.values(t.findResources('AWS::ECS::Service'));
  if (isolatedTasks && natGateways === 0 && services.length > 0) {
    const endpoints = Object.values(t.findResources('AWS::EC2::VPCEndpoint')).map(e => JSON.stringify(e.Properties.ServiceName));
    for (const name of ['ecr.api', 'ecr.dkr', 's3', 'logs']) expect(endpoints.some(e => e.includes(name))).toBe(true);
  }
}
