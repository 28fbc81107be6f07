import { App, CfnParameter, Duration, Lazy, Stack, Token, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  AlbFrontedService, AlbFrontedServiceProps, FargateService, FargateServiceProps, FargateTask, FargateTaskDef, FargateTaskDefProps,
  FargateVpc, FargateVpcProps, TaskRoles, VpcTopology,
} from '../src';
import { describeTokens } from '../src/validation/errors';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest');

interface Parts {
  readonly stack: Stack;
  readonly network: FargateVpc;
  readonly taskDef: FargateTaskDef;
}

/** Builds a tree, synthesizes it, and returns the library's error ('' when it synthesizes). */
function synthError(build: (p: Parts) => void, vpc: FargateVpcProps = {}, task: FargateTaskDefProps = {}): string {
  const app = new App();
  const stack = new Stack(app, 'S');
  try {
    const network = new FargateVpc(stack, 'Net', { flowLogs: false, ...vpc });
    const taskDef = new FargateTaskDef(stack, 'Task', task);
    build({ stack, network, taskDef });
  } catch (e) {
    // a throw at construction is a failure of this test: problems are reported at synth
    return `CONSTRUCTION THREW: ${(e as Error).message}`;
  }
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

const web = (t: FargateTaskDef, ports = [8080]) => t.addAppContainer('web', { image: IMAGE, ports });
const service = (p: Parts, props: Partial<FargateServiceProps> = {}) => new FargateService(p.stack, 'Svc', { network: p.network, taskDef: p.taskDef, ...props });
const alb = (p: Parts, props: Partial<AlbFrontedServiceProps> = {}) => new AlbFrontedService(p.stack, 'Web', { network: p.network, taskDef: p.taskDef, ...props });

/**
 * Adversarial inputs found for issue #13, each with the rule ID that must report it (at
 * synth, with path, value and fix), never a raw aws-cdk-lib exception or a silent template.
 */
const CASES: Array<[string, string, (p: Parts) => void, FargateVpcProps?, FargateTaskDefProps?]> = [
  // raw crashes before
  ['containerPort without containerName, a port the default container lacks', 'FGK-TARGET-CONTAINER', p => { web(p.taskDef); alb(p, { containerPort: 9999 }); }],
  ['a UDP port as the load balancer target', 'FGK-TARGET-CONTAINER', p => {
    p.taskDef.addAppContainer('dns', { image: IMAGE, portMappings: [{ containerPort: 53, protocol: ecs.Protocol.UDP }] });
    web(p.taskDef); alb(p, { containerName: 'dns', containerPort: 53 });
  }],
  ['a malformed IPv6 CIDR on a dual-stack ALB', 'FGK-ALLOWED-CIDRS', p => { web(p.taskDef); alb(p, { ipAddressType: elbv2.IpAddressType.DUAL_STACK, allowedCidrs: ['2001:db8:::/32'] }); }],
  ['a CIDR the rule allowed but ec2.Vpc rejects (too small for the subnets)', 'FGK-VPC-CIDR', p => web(p.taskDef), { cidr: '10.0.0.0/28' }],
  ['a duplicate container name', 'FGK-UNIQUE-CONTAINER-NAMES', p => { web(p.taskDef); web(p.taskDef, [9090]); }],
  ['a host port other than the container port', 'FGK-HOST-PORTS', p => p.taskDef.addAppContainer('web', { image: IMAGE, portMappings: [{ containerPort: 80, hostPort: 81 }] })],
  ['a Windows task of 0.25 vCPU', 'FGK-PLATFORM', p => web(p.taskDef), {}, { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE }],
  ['a container cpu above the task cpu', 'FGK-CONTAINER-CPU', p => p.taskDef.addAppContainer('web', { image: IMAGE, cpu: 1024 })],
  ['a memory reservation above the limit', 'FGK-CONTAINER-MEMORY', p => p.taskDef.addAppContainer('web', { image: IMAGE, memoryLimitMiB: 128, memoryReservationMiB: 256 })],
  ['auto scaling minCapacity above maxCapacity', 'FGK-SCALING-BOUNDS', p => { web(p.taskDef); service(p, { autoScaling: { minCapacity: 5, maxCapacity: 2 } }); }],
  ['access logs without a region', 'FGK-ACCESS-LOGS-REGION', p => { web(p.taskDef); alb(p, { accessLogs: true }); }],
  ['request-count scaling without autoScaling', 'FGK-REQUEST-COUNT-SCALING', p => { web(p.taskDef); alb(p, { requestCountScaling: { requestsPerTarget: 100 } }); }],
  // tokens
  ['natGateways from a CfnParameter (was: no NAT gateway, no default route)', 'FGK-NAT-GATEWAYS', p => web(p.taskDef), { natGateways: new CfnParameter(new Stack(), 'N', { type: 'Number' }).valueAsNumber }],
  ['maxAzs from a CfnParameter (was: a misleading crash)', 'FGK-MAX-AZS', p => web(p.taskDef), { maxAzs: new CfnParameter(new Stack(), 'M', { type: 'Number' }).valueAsNumber }],
  ['a Lazy desiredCount of -1 (was: skipped like a token)', 'FGK-DESIRED-COUNT', p => { web(p.taskDef); service(p, { desiredCount: Lazy.number({ produce: () => -1 }) }); }],
  ['a Lazy port of 70000 (was: skipped like a token)', 'FGK-PORTS', p => web(p.taskDef, [Lazy.number({ produce: () => 70000 })])],
  // bookkeeping instead of the L2
  ['memory of a container added with taskDefinition.addContainer', 'FGK-CONTAINER-MEMORY', p => p.taskDef.taskDefinition.addContainer('raw', { image: IMAGE, memoryLimitMiB: 4096 })],
  ['a port of a container added with taskDefinition.addContainer', 'FGK-SHARED-PORTS', p => {
    web(p.taskDef); p.taskDef.taskDefinition.addContainer('raw', { image: IMAGE, portMappings: [{ containerPort: 8080 }] });
  }],
  ['a secret added with container.addSecret in an isolated network', 'FGK-SECRET-ENDPOINTS', p => {
    web(p.taskDef).addSecret('DB', ecs.Secret.fromSecretsManager(new secretsmanager.Secret(p.stack, 'Db')));
    service(p);
  }, { topology: VpcTopology.PRIVATE_ISOLATED }],
  ['a Docker Hub image in an isolated network (was: a template that deploys, then CannotPullContainerError)', 'FGK-IMAGE-REGISTRY', p => {
    p.taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), ports: [8080] });
    service(p);
  }, { topology: VpcTopology.PRIVATE_ISOLATED }],
  ['an ECR Public sidecar added with taskDefinition.addContainer in ISOLATED_ONLY', 'FGK-IMAGE-REGISTRY', p => {
    web(p.taskDef);
    p.taskDef.taskDefinition.addContainer('otel', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-otel-collector:latest') });
    service(p);
  }, { topology: VpcTopology.ISOLATED_ONLY }],
  ['a secret added with container.addSecret to a container added with taskDefinition.addContainer, isolated network', 'FGK-SECRET-ENDPOINTS', p => {
    p.taskDef.taskDefinition.addContainer('raw', { image: ecs.ContainerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/raw:1') })
      .addSecret('DB', ecs.Secret.fromSecretsManager(new secretsmanager.Secret(p.stack, 'Db')));
    service(p);
  }, { topology: VpcTopology.PRIVATE_ISOLATED }],
  ['a health check interval of 1 s (was: aws-cdk-lib\'s "Resolution error" while preparing the app, before any validation)', 'FGK-HEALTH-CHECK', p => {
    p.taskDef.addAppContainer('web', { image: IMAGE, healthCheck: { command: ['CMD', 'true'], interval: Duration.seconds(1) } });
  }],
  ['a health check timeout not shorter than its interval (was: the same raw error)', 'FGK-HEALTH-CHECK', p => {
    p.taskDef.addAppContainer('web', { image: IMAGE, healthCheck: { command: ['CMD', 'true'], interval: Duration.seconds(10), timeout: Duration.seconds(10) } });
  }],
  ['minCapacity from a CfnParameter with maxCapacity 0 and desiredCount -1 (was: aws-cdk-lib\'s raw "minCapacity should be lower than maxCapacity")', 'FGK-SCALING-BOUNDS', p => {
    web(p.taskDef);
    service(p, { desiredCount: new CfnParameter(p.stack, 'Desired', { type: 'Number' }).valueAsNumber, autoScaling: { minCapacity: 5, maxCapacity: 0 } });
  }],
  ['a Lazy maxCapacity below minCapacity (was: skipped like a token, then aws-cdk-lib\'s raw error)', 'FGK-SCALING-BOUNDS', p => {
    web(p.taskDef); service(p, { autoScaling: { minCapacity: 3, maxCapacity: Lazy.number({ produce: () => 2 }) } });
  }],
  ['fromVpc with a subnet type the VPC lacks (was: thrown at construction, alone)', 'FGK-SUBNET-SELECTION', p => {
    web(p.taskDef);
    const vpc = ec2.Vpc.fromVpcAttributes(p.stack, 'Imported', { vpcId: 'vpc-1', availabilityZones: ['a', 'b'], privateSubnetIds: ['s-1', 's-2'] });
    new FargateService(p.stack, 'Svc', { network: FargateVpc.fromVpc(p.stack, 'ImportedNet', { vpc, topology: VpcTopology.PUBLIC_ONLY }), taskDef: p.taskDef });
  }],
  ['scheduledTaskCount 0 (was: a rule that starts no task)', 'FGK-SCHEDULED-TASK-COUNT', p => {
    web(p.taskDef);
    new FargateTask(p.stack, 'Job', { network: p.network, taskDef: p.taskDef, schedule: events.Schedule.rate(Duration.hours(1)), scheduledTaskCount: 0 });
  }],
  ['a schedule EventBridge rules reject: at(...) (was: a template that fails at deploy)', 'FGK-SCHEDULE-EXPRESSION', p => {
    web(p.taskDef);
    new FargateTask(p.stack, 'Job', { network: p.network, taskDef: p.taskDef, schedule: events.Schedule.expression('at(2027-01-01T00:00:00)') });
  }],
  ['a cron with both day fields set (was: a template that fails at deploy)', 'FGK-SCHEDULE-EXPRESSION', p => {
    web(p.taskDef);
    new FargateTask(p.stack, 'Job', { network: p.network, taskDef: p.taskDef, schedule: events.Schedule.expression('cron(0 3 * * * *)') });
  }],
  ['an ALB on one imported subnet while the tasks\' subnets are imported by ID (was: the AZ rule skipped, CloudFormation refuses the ALB; found by cfn-lint over generated templates)', 'FGK-AZ-COVERAGE', p => {
    web(p.taskDef);
    const vpc = ec2.Vpc.fromVpcAttributes(p.stack, 'Imported', { vpcId: 'vpc-0123abcd', availabilityZones: ['a'], publicSubnetIds: ['subnet-0000000a'] });
    const network = FargateVpc.fromVpc(p.stack, 'ImportedNet', {
      vpc, topology: VpcTopology.PRIVATE_WITH_NAT, taskSubnets: { subnets: [ec2.Subnet.fromSubnetId(p.stack, 'T', 'subnet-0000000b')] },
    });
    new AlbFrontedService(p.stack, 'Web', { network, taskDef: p.taskDef });
  }],
  // silent rewrites and no-ops
  ['a CIDR with host bits (was: silently another network)', 'FGK-VPC-CIDR', p => web(p.taskDef), { cidr: '10.0.0.1/16' }],
  ['grantRun to a principal of another account (was: dropped, reported as success)', 'FGK-GRANT-PRINCIPAL', p => {
    web(p.taskDef);
    const cluster = new ecs.Cluster(p.stack, 'C', { vpc: p.network.vpc });
    p.taskDef.grantRun(new iam.AccountPrincipal('999999999999'), cluster);
  }],
  // Fargate and ELB rules that were missing
  ['ARM64 on platform 1.3.0', 'FGK-PLATFORM-FEATURES', p => { web(p.taskDef); service(p, { platformVersion: ecs.FargatePlatformVersion.VERSION1_3 }); }, {}, { cpuArchitecture: ecs.CpuArchitecture.ARM64 }],
  ['ephemeral storage on platform 1.3.0', 'FGK-PLATFORM-FEATURES', p => { web(p.taskDef); service(p, { platformVersion: ecs.FargatePlatformVersion.VERSION1_3 }); }, {}, { ephemeralStorageGiB: 50 }],
  ['EFS on platform 1.3.0', 'FGK-PLATFORM-FEATURES', p => {
    p.taskDef.addEfsVolume('data', { fileSystem: new efs.FileSystem(p.stack, 'Fs', { vpc: p.network.vpc }) });
    web(p.taskDef); service(p, { platformVersion: ecs.FargatePlatformVersion.VERSION1_3 });
  }],
  ['Windows on the Linux platform 1.4.0', 'FGK-PLATFORM-FEATURES', p => { web(p.taskDef); service(p, { platformVersion: ecs.FargatePlatformVersion.VERSION1_4 }); }, {},
    { cpu: 1024, memoryLimitMiB: 2048, operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE }],
  ['duplicate route path patterns', 'FGK-ROUTES', p => {
    web(p.taskDef);
    alb(p, { routes: [{ pathPattern: '/api/*', containerName: 'web' }, { pathPattern: '/api/*', containerName: 'web' }] });
  }],
  ['more listener rules than a listener holds', 'FGK-ROUTES', p => {
    web(p.taskDef); alb(p, { routes: Array.from({ length: 101 }, (_, i) => ({ pathPattern: `/r${i}/*`, containerName: 'web' })) });
  }],
  ['healthy HTTP codes outside 200-499', 'FGK-HEALTHY-HTTP-CODES', p => { web(p.taskDef); alb(p, { healthyHttpCodes: '200-600' }); }],
  ['a service name ECS rejects', 'FGK-ECS-NAME', p => { web(p.taskDef); service(p, { serviceName: 'my service' }); }],
];

describe('adversarial inputs end in the library\'s own error, at synth', () => {
  // by index: jest would pretty-print the props (construct trees behind tokens) into titles
  test.each(CASES.map((c, i) => [c[0], c[1], i] as [string, string, number]))('%s -> %s', (_name, ruleId, i) => {
    const [, , build, vpc, task] = CASES[i];
    const error = synthError(build, vpc, task);
    expect(error).not.toMatch(/^CONSTRUCTION THREW/);
    expect(error).toMatch(/^Validation failed with the following errors:/);
    // path, rule ID, and a fix
    expect(error).toMatch(new RegExp(`(FargateVpc|FargateVpc\\.fromVpc|FargateTaskDef|FargateService|FargateTask|AlbFrontedService) S/[A-Za-z/]+: \\[${ruleId}\\] [^\\n]*Fix: `));
    // never a token's numeric encoding
    expect(error).not.toMatch(/e\+289/);
  });
});

describe('inputs that were refused or crashed but are valid now', () => {
  test('an internal load balancer in PUBLIC_ONLY (was: a false positive)', () => {
    expect(synthError(p => { web(p.taskDef); alb(p, { internetFacing: false }); }, { topology: VpcTopology.PUBLIC_ONLY })).toBe('');
  });

  test('fromVpc with subnets imported by ID (was: a raw crash on their AZ)', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['a', 'b'] });
    const network = FargateVpc.fromVpc(stack, 'Net', {
      vpc,
      topology: VpcTopology.PRIVATE_WITH_NAT,
      taskSubnets: { subnets: [ec2.Subnet.fromSubnetId(stack, 'A', 'subnet-a'), ec2.Subnet.fromSubnetId(stack, 'B', 'subnet-b')] },
      loadBalancerSubnets: { subnets: [ec2.Subnet.fromSubnetId(stack, 'C', 'subnet-c'), ec2.Subnet.fromSubnetId(stack, 'D', 'subnet-d')] },
    });
    const taskDef = new FargateTaskDef(stack, 'Task');
    web(taskDef);
    new FargateService(stack, 'Svc', { network, taskDef });
    expect(() => app.synth()).not.toThrow();
  });

  test('an EFS volume gets NFS (TCP 2049) from the tasks\' security group', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const network = new FargateVpc(stack, 'Net', { flowLogs: false });
    const taskDef = new FargateTaskDef(stack, 'Task');
    const fileSystem = new efs.FileSystem(stack, 'Fs', { vpc: network.vpc });
    taskDef.addEfsVolume('data', { fileSystem });
    web(taskDef);
    const svc = new FargateService(stack, 'Svc', { network, taskDef });
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp',
      FromPort: 2049,
      ToPort: 2049,
      SourceSecurityGroupId: { 'Fn::GetAtt': [stack.getLogicalId(svc.securityGroup.node.defaultChild as ec2.CfnSecurityGroup), 'GroupId'] },
    });
  });

  test('a public service whose ports nothing can reach is warned about', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const network = new FargateVpc(stack, 'Net', { topology: VpcTopology.PUBLIC_ONLY, flowLogs: false });
    const taskDef = new FargateTaskDef(stack, 'Task');
    web(taskDef);
    new FargateService(stack, 'Svc', { network, taskDef });
    Annotations.fromStack(stack).hasWarning('/S/Svc', Match.stringLikeRegexp('listen on port\\(s\\) 8080, but no security group rule'));
  });
});

describe('roles of another account (was: every grant to them dropped silently, no policy at all)', () => {
  test('an imported execution role of another account, in a stack with a known account', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
    const roles = new TaskRoles(stack, 'Roles', { executionRole: iam.Role.fromRoleArn(stack, 'Exec', 'arn:aws:iam::999999999999:role/Exec') });
    const taskDef = new FargateTaskDef(stack, 'Task', { roles });
    web(taskDef);
    expect(() => app.synth()).toThrow(/FargateTaskDef S\/Task: \[FGK-ROLE-ACCOUNT\] roles\.executionRole is a role of account 999999999999, but the stack deploys to account 111111111111;.*Fix: /);
  });

  test('a role of the same account synthesizes, and gets the image pull and log grants', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'us-east-1' } });
    const roles = new TaskRoles(stack, 'Roles', { executionRole: iam.Role.fromRoleArn(stack, 'Exec', 'arn:aws:iam::111111111111:role/Exec') });
    const taskDef = new FargateTaskDef(stack, 'Task', { roles });
    web(taskDef);
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', { Roles: ['Exec'] });
  });
});

describe('known limits', () => {
  test('a health check out of range on a container added with taskDefinition.addContainer ends in aws-cdk-lib\'s own error', () => {
    // aws-cdk-lib renders container definitions while preparing the app, before any
    // validation runs, and the library cannot keep the value from it (the container is the
    // user's). addAppContainer checks health checks as they are added (FGK-HEALTH-CHECK).
    const error = synthError(p => {
      web(p.taskDef);
      p.taskDef.taskDefinition.addContainer('raw', { image: IMAGE, healthCheck: { command: ['CMD', 'true'], interval: Duration.seconds(1) } });
    });
    expect(error).toMatch(/Interval must be between 5 seconds and 300 seconds/);
    expect(synthError(p => p.taskDef.addAppContainer('web', { image: IMAGE, healthCheck: { command: ['CMD', 'true'], interval: Duration.seconds(1) } })))
      .toMatch(/FargateTaskDef S\/Task: \[FGK-HEALTH-CHECK\] container 'web' health check interval 1 seconds is out of range.*Fix: /);
  });
});

describe('every problem at once', () => {
  test('three mistakes in three constructs: one error listing all three, each once, with path, value, rule ID and fix', () => {
    const error = synthError(p => {
      web(p.taskDef, [70000]);
      service(p, { desiredCount: -1 });
    }, { cidr: '10.0.0.1/16' }, { cpu: 512, memoryLimitMiB: 3000 });
    const lines = error.split('\n').filter(l => l.includes('[FGK-'));
    expect(lines).toHaveLength(4);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/FargateVpc S\/Net: \[FGK-VPC-CIDR\] cidr '10\.0\.0\.1\/16' has host bits set.*Fix: /),
      expect.stringMatching(/FargateTaskDef S\/Task: \[FGK-PORTS\] container 'web' port 70000 is out of range.*Fix: /),
      expect.stringMatching(/FargateTaskDef S\/Task: \[FGK-TASK-SIZE\] memoryLimitMiB 3000 is not valid with cpu 512.*Fix: /),
      expect.stringMatching(/FargateService S\/Svc: \[FGK-DESIRED-COUNT\] desiredCount -1 is not valid.*Fix: /),
    ]));
    // no stack trace into source files the npm package does not contain
    expect(error).not.toMatch(/\.ts:\d+/);
  });
});

describe('acknowledging a rule that encodes an AWS fact', () => {
  function sizeApp(ack: string | undefined) {
    const app = new App();
    const stack = new Stack(app, 'S');
    const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 512, memoryLimitMiB: 5120 });
    web(taskDef);
    if (ack) Validations.of(taskDef).acknowledge({ id: `cdk-fargate-kit::${ack}`, reason: 'AWS now sells 512 CPU with 5 GiB (announced 2027-01)' });
    return { app, stack };
  }

  test('FGK-TASK-SIZE acknowledged with a reason: synthesizes, and the synth output shows it', () => {
    const { app, stack } = sizeApp('FGK-TASK-SIZE');
    expect(() => app.synth()).not.toThrow();
    Annotations.fromStack(stack).hasInfo('/S/Task', Match.stringLikeRegexp('\\[FGK-TASK-SIZE\\] memoryLimitMiB 5120.*\\[acknowledged: AWS now sells'));
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '512', Memory: '5120' });
  });

  test('another rule\'s acknowledgement does not hide it', () => {
    expect(() => sizeApp('FGK-PORTS').app.synth()).toThrow(/\[FGK-TASK-SIZE\]/);
  });

  test('a rule that is no AWS fact cannot be acknowledged away', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const taskDef = new FargateTaskDef(stack, 'Task');
    web(taskDef, [70000]);
    Validations.of(stack).acknowledge({ id: 'cdk-fargate-kit::FGK-PORTS', reason: 'trying to hide a port out of range' });
    expect(() => app.synth()).toThrow(/\[FGK-PORTS\]/);
  });
});

test('tokens are printed as (token), never as their numeric encoding', () => {
  expect(describeTokens(`desiredCount ${Token.asNumber({ Ref: 'X' })} and '${Token.asString({ Ref: 'Y' })}'`)).toBe('desiredCount (token) and \'(token)\'');
  expect(describeTokens(`cpu ${Lazy.number({ produce: () => 1 })}, ${new CfnParameter(new Stack(), 'P').valueAsString}/x`)).toBe('cpu (token), (token)/x');
  expect(describeTokens('no token here: 1.5e+10')).toBe('no token here: 1.5e+10');
  // a message whose only token is a number (Token.isUnresolved says no: found by the property test)
  expect(describeTokens(`minCapacity (${new CfnParameter(new Stack(), 'Min', { type: 'Number' }).valueAsNumber})`)).toBe('minCapacity ((token))');
  // an encoding this app never issued is left as it is, never a crash
  expect(describeTokens('cpu -1.8881545897087626e+289')).toBe('cpu -1.8881545897087626e+289');
});
