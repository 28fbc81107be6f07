import { App, CfnParameter, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { FargateTaskDef, FargateTaskDefProps, TaskRoles, VpcEndpointService } from '../../src';
import { atSynth } from '../at-synth';

const ENV = { account: '111111111111', region: 'eu-west-1' };
const PUBLIC_IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest');

function setup(props: FargateTaskDefProps = {}) {
  const app = new App();
  const stack = new Stack(app, 'S', { env: ENV });
  const taskDef = new FargateTaskDef(stack, 'Task', props);
  return { app, stack, taskDef };
}

function partitionArn(rest: string) {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] };
}

/** Every IAM statement of the stack with a `*` resource. */
function wildcardStatements(stack: Stack): Array<{ Action: unknown; Condition?: unknown }> {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .flatMap((p: any) => p.Properties.PolicyDocument.Statement)
    .filter((s: any) => [s.Resource].flat().includes('*'));
}

describe('FargateTaskDef defaults', () => {
  test('Fargate, awsvpc, 256/512, Linux X86_64, roles, one-month log group', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, ports: [80] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Cpu: '256',
      Memory: '512',
      NetworkMode: 'awsvpc',
      RequiresCompatibilities: ['FARGATE'],
      RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'LINUX' },
      EphemeralStorage: Match.absent(),
      ExecutionRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskRolesExecutionRole'), 'Arn'] },
      TaskRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskRolesTaskRole'), 'Arn'] },
    });
    t.resourceCountIs('AWS::Logs::LogGroup', 1);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    expect(taskDef.cpu).toBe(256);
    expect(taskDef.memoryLimitMiB).toBe(512);
    expect(taskDef.cpuArchitecture).toBe(ecs.CpuArchitecture.X86_64);
    expect(taskDef.operatingSystemFamily).toBe(ecs.OperatingSystemFamily.LINUX);
    expect(taskDef.requiredVpcEndpoints).toEqual([]);
    expect(taskDef.grantPrincipal).toBe(taskDef.roles.taskRole);
    expect(taskDef.family).toMatch(/^STask/);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('all props', () => {
    const { stack, taskDef } = setup({
      family: 'scorekeep',
      cpu: 1024,
      memoryLimitMiB: 4096,
      cpuArchitecture: ecs.CpuArchitecture.ARM64,
      ephemeralStorageGiB: 50,
      logRetention: logs.RetentionDays.ONE_WEEK,
    });
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Family: 'scorekeep',
      Cpu: '1024',
      Memory: '4096',
      RuntimePlatform: { CpuArchitecture: 'ARM64', OperatingSystemFamily: 'LINUX' },
      EphemeralStorage: { SizeInGiB: 50 },
    });
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    expect(stack.resolve(taskDef.familyArnPattern)).toEqual(partitionArn(':ecs:eu-west-1:111111111111:task-definition/scorekeep:*'));
  });

  test('Windows on X86_64 with 1 vCPU', () => {
    const { stack, taskDef } = setup({ cpu: 1024, memoryLimitMiB: 2048, operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE });
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      RuntimePlatform: { CpuArchitecture: 'X86_64', OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' },
    });
  });

  test('bring your own roles', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { env: ENV });
    const taskRole = iam.Role.fromRoleArn(stack, 'Mine', 'arn:aws:iam::111111111111:role/mine');
    const roles = new TaskRoles(stack, 'Roles', { taskRole });
    const taskDef = new FargateTaskDef(stack, 'Task', { roles });
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Role', 1); // only the execution role
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { TaskRoleArn: 'arn:aws:iam::111111111111:role/mine' });
    expect(taskDef.roles).toBe(roles);
  });
});

describe('addAppContainer', () => {
  test('awslogs to the task log group with the container name as stream prefix', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, ports: [8080] });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Name: 'web',
        Image: 'public.ecr.aws/nginx/nginx:latest',
        Essential: true,
        PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
        LogConfiguration: {
          LogDriver: 'awslogs',
          Options: {
            'awslogs-group': { Ref: Match.stringLikeRegexp('TaskLogs') },
            'awslogs-stream-prefix': 'web',
            'awslogs-region': 'eu-west-1',
          },
        },
      })],
    });
  });

  test('every container prop is rendered', () => {
    const { stack, taskDef } = setup({ cpu: 512, memoryLimitMiB: 1024 });
    taskDef.addSharedVolume('shared');
    taskDef.addAppContainer('init', { image: PUBLIC_IMAGE, essential: false, command: ['sh', '-c', 'echo hi > /shared/x'], mountPoints: [{ sourceVolume: 'shared', containerPath: '/shared', readOnly: false }] });
    taskDef.addAppContainer('web', {
      image: PUBLIC_IMAGE,
      ports: [8080, 8443],
      cpu: 256,
      memoryLimitMiB: 512,
      memoryReservationMiB: 256,
      environment: { MODE: 'prod' },
      command: ['nginx', '-g', 'daemon off;'],
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'], interval: Duration.seconds(10), timeout: Duration.seconds(5), retries: 3, startPeriod: Duration.seconds(20) },
      readonlyRootFilesystem: true,
      dependsOn: [{ containerName: 'init', condition: ecs.ContainerDependencyCondition.SUCCESS }],
      mountPoints: [{ sourceVolume: 'shared', containerPath: '/usr/share/nginx/html', readOnly: true }],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      Volumes: [{ Name: 'shared' }],
      ContainerDefinitions: [
        Match.objectLike({ Name: 'init', Essential: false, Command: ['sh', '-c', 'echo hi > /shared/x'], MountPoints: [{ SourceVolume: 'shared', ContainerPath: '/shared', ReadOnly: false }] }),
        Match.objectLike({
          Name: 'web',
          Cpu: 256,
          Memory: 512,
          MemoryReservation: 256,
          Environment: [{ Name: 'MODE', Value: 'prod' }],
          Command: ['nginx', '-g', 'daemon off;'],
          HealthCheck: { Command: ['CMD-SHELL', 'curl -f http://localhost:8080/ || exit 1'], Interval: 10, Timeout: 5, Retries: 3, StartPeriod: 20 },
          ReadonlyRootFilesystem: true,
          DependsOn: [{ ContainerName: 'init', Condition: 'SUCCESS' }],
          MountPoints: [{ SourceVolume: 'shared', ContainerPath: '/usr/share/nginx/html', ReadOnly: true }],
          PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }, { ContainerPort: 8443, Protocol: 'tcp' }],
        }),
      ],
    });
  });

  test('dependsOn may name a container added later (default condition START)', () => {
    const { app, stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, dependsOn: [{ containerName: 'api' }] });
    taskDef.addAppContainer('api', { image: PUBLIC_IMAGE });
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ Name: 'web', DependsOn: [{ ContainerName: 'api', Condition: 'START' }] }), Match.objectLike({ Name: 'api' })],
    });
  });
});

describe('execution role: exact least privilege', () => {
  test('ECR pull on the used repository only, logs on the own log group once, reads on referenced secrets only', () => {
    const { stack, taskDef } = setup();
    const repo = new ecr.Repository(stack, 'Repo');
    const secret = new secretsmanager.Secret(stack, 'DbSecret');
    new secretsmanager.Secret(stack, 'UnusedSecret');
    const param = ssm.StringParameter.fromStringParameterName(stack, 'Param', '/app/flag');
    taskDef.addAppContainer('api', {
      image: ecs.ContainerImage.fromEcrRepository(repo, 'v1'),
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(secret, 'password'), FLAG: ecs.Secret.fromSsmParameter(param) },
    });
    taskDef.addAppContainer('proxy', { image: PUBLIC_IMAGE, ports: [8080] });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Policy', 1);
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('TaskRolesExecutionRole') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('Repo'), 'Arn'] } },
          { Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' },
          { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskLogs'), 'Arn'] } },
          { Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'], Effect: 'Allow', Resource: { Ref: Match.stringLikeRegexp('DbSecret') } },
          {
            Action: ['ssm:DescribeParameters', 'ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParameterHistory'],
            Effect: 'Allow',
            Resource: partitionArn(':ssm:eu-west-1:111111111111:parameter/app/flag'),
          },
        ],
      },
    });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: Match.arrayWith([Match.objectLike({
        Name: 'api',
        Secrets: [
          { Name: 'DB_PASSWORD', ValueFrom: { 'Fn::Join': ['', [{ Ref: Match.stringLikeRegexp('DbSecret') }, ':password::']] } },
          { Name: 'FLAG', ValueFrom: partitionArn(':ssm:eu-west-1:111111111111:parameter/app/flag') },
        ],
      })]),
    });
    expect(wildcardStatements(stack)).toEqual([{ Action: 'ecr:GetAuthorizationToken', Effect: 'Allow', Resource: '*' }]);
    expect(taskDef.requiredVpcEndpoints).toEqual([VpcEndpointService.SECRETS_MANAGER, VpcEndpointService.SSM]);
  });

  test('public registry images: no ECR permission at all, only log writes', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskLogs'), 'Arn'] } }] },
    });
    expect(wildcardStatements(stack)).toEqual([]);
  });

  test('requiredVpcEndpoints follows the kind of secret used', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, secrets: { X: ecs.Secret.fromSsmParameter(ssm.StringParameter.fromStringParameterName(stack, 'P', '/x')) } });
    expect(taskDef.requiredVpcEndpoints).toEqual([VpcEndpointService.SSM]);
  });

  test('the task role is empty by default', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    Template.fromStack(stack).resourcePropertiesCountIs('AWS::IAM::Policy', { Roles: [{ Ref: Match.stringLikeRegexp('TaskRolesTaskRole') }] }, 0);
  });
});

describe('grants', () => {
  test('the task definition is grantable: table.grantReadData(taskDef) lands on the task role', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
    table.grantReadData(taskDef);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('TaskRolesTaskRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['dynamodb:GetItem']), Resource: Match.arrayWith([{ 'Fn::GetAtt': [Match.stringLikeRegexp('Table'), 'Arn'] }]) })]) },
    });
  });

  test('grantRun: RunTask on every revision of the family, on this cluster only, and PassRole on exactly the two roles', () => {
    const { stack, taskDef } = setup({ family: 'web' });
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    const cluster = new ecs.Cluster(stack, 'Cluster');
    const runner = new iam.Role(stack, 'Runner', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    taskDef.grantRun(runner, cluster);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('Runner') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: 'ecs:RunTask',
            Effect: 'Allow',
            Resource: partitionArn(':ecs:eu-west-1:111111111111:task-definition/web:*'),
            Condition: { ArnEquals: { 'ecs:cluster': { 'Fn::GetAtt': [Match.stringLikeRegexp('Cluster'), 'Arn'] } } },
          },
          {
            Action: 'iam:PassRole',
            Effect: 'Allow',
            Resource: [
              { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskRolesExecutionRole'), 'Arn'] },
              { 'Fn::GetAtt': [Match.stringLikeRegexp('TaskRolesTaskRole'), 'Arn'] },
            ],
            Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
          },
        ],
      },
    });
    expect(wildcardStatements(stack)).toEqual([]);
  });

  test('grantDescribeTasks: ListTasks conditioned on the cluster, DescribeTasks on the cluster\'s tasks; no StopTask', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    const cluster = ecs.Cluster.fromClusterArn(stack, 'Cluster', 'arn:aws:ecs:eu-west-1:111111111111:cluster/apps');
    const ops = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });
    taskDef.grantDescribeTasks(ops, cluster);
    const onCluster = { ArnEquals: { 'ecs:cluster': 'arn:aws:ecs:eu-west-1:111111111111:cluster/apps' } };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('Ops') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'ecs:ListTasks', Effect: 'Allow', Resource: '*', Condition: onCluster },
          { Action: 'ecs:DescribeTasks', Effect: 'Allow', Resource: partitionArn(':ecs:eu-west-1:111111111111:task/apps/*'), Condition: onCluster },
        ],
      },
    });
    // the only `*` resource: ListTasks, which ECS authorizes on `*` for a whole cluster; always conditioned on the cluster
    expect(wildcardStatements(stack)).toEqual([{ Action: 'ecs:ListTasks', Effect: 'Allow', Resource: '*', Condition: onCluster }]);
  });

  test('grantStopTasks: StopTask on the cluster\'s tasks only, conditioned on the cluster', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    const cluster = ecs.Cluster.fromClusterArn(stack, 'Cluster', 'arn:aws:ecs:eu-west-1:111111111111:cluster/apps');
    const ops = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });
    taskDef.grantStopTasks(ops, cluster);
    const onCluster = { ArnEquals: { 'ecs:cluster': 'arn:aws:ecs:eu-west-1:111111111111:cluster/apps' } };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('Ops') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'ecs:StopTask', Effect: 'Allow', Resource: partitionArn(':ecs:eu-west-1:111111111111:task/apps/*'), Condition: onCluster },
        ],
      },
    });
    expect(wildcardStatements(stack)).toEqual([]);
  });
});

describe('volumes', () => {
  test('EFS volume: encrypted in transit, IAM auth, task role gets mount + write on that file system only', () => {
    const { stack, taskDef } = setup();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const fileSystem = new efs.FileSystem(stack, 'Fs', { vpc });
    taskDef.addEfsVolume('data', { fileSystem, rootDirectory: '/app' });
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, mountPoints: [{ sourceVolume: 'data', containerPath: '/data', readOnly: false }] });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Volumes: [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: { Ref: Match.stringLikeRegexp('Fs') }, RootDirectory: '/app', TransitEncryption: 'ENABLED', AuthorizationConfig: { IAM: 'ENABLED' } } }],
      ContainerDefinitions: [Match.objectLike({ MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data', ReadOnly: false }] })],
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('TaskRolesTaskRole') }],
      PolicyDocument: { Statement: [{ Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('Fs'), 'Arn'] } }] },
    });
    expect(taskDef.efsFileSystems).toEqual([fileSystem]);
  });

  test('EFS through an access point, read-only: ClientMount conditioned on the access point', () => {
    const { stack, taskDef } = setup();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const fileSystem = new efs.FileSystem(stack, 'Fs', { vpc });
    const accessPoint = fileSystem.addAccessPoint('Ap', { path: '/app' });
    taskDef.addEfsVolume('data', { fileSystem, accessPoint, readOnly: true });
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      Volumes: [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: { Ref: Match.stringLikeRegexp('Fs') }, RootDirectory: Match.absent(), TransitEncryption: 'ENABLED', AuthorizationConfig: { AccessPointId: { Ref: Match.stringLikeRegexp('FsAp') }, IAM: 'ENABLED' } } }],
    });
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('TaskRolesTaskRole') }],
      PolicyDocument: {
        Statement: [{
          Action: 'elasticfilesystem:ClientMount',
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('Fs'), 'Arn'] },
          Condition: { StringEquals: { 'elasticfilesystem:AccessPointArn': Match.anyValue() } },
        }],
      },
    });
  });
});

describe('mistakes caught when the prop is given', () => {
  test.each<[string, FargateTaskDefProps, RegExp]>([
    ['cpu/memory', { cpu: 512, memoryLimitMiB: 3000 }, /FargateTaskDef S\/Task: \[FGK-[A-Z0-9-]+\] memoryLimitMiB 3000 is not valid with cpu 512; valid: 1024, 2048, 3072, 4096/],
    ['cpu', { cpu: 300 }, /cpu 300 is not a Fargate task size/],
    ['ephemeral storage', { ephemeralStorageGiB: 20 }, /FargateTaskDef S\/Task: \[FGK-[A-Z0-9-]+\] ephemeralStorageGiB 20 is out of range/],
    ['ephemeral storage max', { ephemeralStorageGiB: 201 }, /ephemeralStorageGiB 201 is out of range/],
    ['family', { family: 'my.app' }, /family 'my.app' is not a name ECS accepts/],
    ['ARM64 + Windows', { cpu: 1024, memoryLimitMiB: 2048, cpuArchitecture: ecs.CpuArchitecture.ARM64, operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE }, /Windows containers on Fargate run on X86_64 only/],
    ['Windows 0.25 vCPU', { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2019_CORE }, /cpu 256 is not supported for Windows containers/],
    ['Windows 2016', { cpu: 1024, memoryLimitMiB: 2048, operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2016_FULL }, /WINDOWS_SERVER_2016_FULL does not run on Fargate/],
  ])('%s', (_name, props, message) => {
    expect(atSynth(() => setup(props))).toThrow(message);
  });

  test.each<[string, (t: FargateTaskDef) => void, RegExp]>([
    ['container name', t => t.addAppContainer('my app', { image: PUBLIC_IMAGE }), /FargateTaskDef S\/Task: \[FGK-[A-Z0-9-]+\] container name 'my app' is not a name ECS accepts/],
    ['duplicate container name', t => { t.addAppContainer('web', { image: PUBLIC_IMAGE }); t.addAppContainer('web', { image: PUBLIC_IMAGE }); }, /container name 'web' is used twice/],
    ['11 containers', t => { for (let i = 0; i < 11; i++) t.addAppContainer(`c${i}`, { image: PUBLIC_IMAGE }); }, /the task definition has 11 containers; a task definition holds at most 10/],
    ['port range', t => t.addAppContainer('web', { image: PUBLIC_IMAGE, ports: [70000] }), /container 'web' port 70000 is out of range/],
    ['same port in two containers', t => { t.addAppContainer('web', { image: PUBLIC_IMAGE, ports: [8080] }); t.addAppContainer('api', { image: PUBLIC_IMAGE, ports: [8080] }); }, /containers 'web' and 'api' both use port 8080/],
    ['container cpu', t => t.addAppContainer('web', { image: PUBLIC_IMAGE, cpu: 512 }), /container 'web' cpu 512 exceeds the task's cpu 256/],
    ['container cpu sum', t => { t.addAppContainer('web', { image: PUBLIC_IMAGE, cpu: 200 }); t.addAppContainer('api', { image: PUBLIC_IMAGE, cpu: 100 }); }, /the containers' cpu adds up to 300 \(web 200 \+ api 100\)/],
    ['container memory', t => t.addAppContainer('web', { image: PUBLIC_IMAGE, memoryLimitMiB: 1024 }), /container 'web' memoryLimitMiB 1024 exceeds the task's memoryLimitMiB 512/],
    ['memory sum', t => { t.addAppContainer('web', { image: PUBLIC_IMAGE, memoryLimitMiB: 300 }); t.addAppContainer('api', { image: PUBLIC_IMAGE, memoryReservationMiB: 300 }); }, /the containers reserve 600 MiB of memory/],
    ['reservation > limit', t => t.addAppContainer('web', { image: PUBLIC_IMAGE, memoryLimitMiB: 128, memoryReservationMiB: 256 }), /memoryReservationMiB 256 is above its memoryLimitMiB 128/],
    ['health check', t => t.addAppContainer('web', { image: PUBLIC_IMAGE, healthCheck: { command: ['CMD', 'true'], retries: 20 } }), /container 'web' health check retries 20 is out of range/],
    ['mount of an unknown volume', t => t.addAppContainer('web', { image: PUBLIC_IMAGE, mountPoints: [{ sourceVolume: 'data', containerPath: '/data', readOnly: false }] }), /container 'web' mounts volume 'data', which the task does not define/],
    ['relative mount path', t => { t.addSharedVolume('data'); t.addAppContainer('web', { image: PUBLIC_IMAGE, mountPoints: [{ sourceVolume: 'data', containerPath: 'data', readOnly: false }] }); }, /mount path 'data' is not absolute/],
    ['duplicate volume', t => { t.addSharedVolume('data'); t.addSharedVolume('data'); }, /volume 'data' is already defined in this task/],
  ])('%s', (_name, act, message) => {
    const { taskDef } = setup();
    expect(atSynth(() => act(taskDef), taskDef)).toThrow(message);
  });

  test('EFS root directory with an access point', () => {
    const { stack, taskDef } = setup();
    const fileSystem = new efs.FileSystem(stack, 'Fs', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 }) });
    expect(atSynth(() => taskDef.addEfsVolume('data', { fileSystem, accessPoint: fileSystem.addAccessPoint('Ap'), rootDirectory: '/x' }), taskDef))
      .toThrow(/EFS volume 'data' sets rootDirectory '\/x' together with an access point/);
  });

  test('Windows: no read-only root filesystem, no EFS', () => {
    const { stack, taskDef } = setup({ cpu: 1024, memoryLimitMiB: 2048, operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE });
    expect(atSynth(() => taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, readonlyRootFilesystem: true }))).toThrow(/sets readonlyRootFilesystem on a Windows task/);
    const fileSystem = efs.FileSystem.fromFileSystemAttributes(stack, 'Fs', { fileSystemId: 'fs-1', securityGroup: ec2.SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-1') });
    expect(atSynth(() => taskDef.addEfsVolume('data', { fileSystem }), taskDef)).toThrow(/EFS volume 'data' cannot be used by a Windows task/);
  });
});

describe('mistakes caught at synth (whole task)', () => {
  test.each<[string, (t: FargateTaskDef) => void, RegExp]>([
    ['no container', () => undefined, /FargateTaskDef S\/Task: \[FGK-[A-Z0-9-]+\] the task definition has no container/],
    ['no essential container', t => t.addAppContainer('web', { image: PUBLIC_IMAGE, essential: false }), /no container of the task is essential \('web'\)/],
    ['dependsOn an unknown container', t => t.addAppContainer('web', { image: PUBLIC_IMAGE, dependsOn: [{ containerName: 'db' }] }), /container 'web' depends on 'db', which is not a container of this task/],
    ['dependency cycle', t => {
      t.addAppContainer('a', { image: PUBLIC_IMAGE, dependsOn: [{ containerName: 'b' }] });
      t.addAppContainer('b', { image: PUBLIC_IMAGE, dependsOn: [{ containerName: 'a' }] });
    }, /container dependencies form a cycle \(a -> b -> a\)/],
    ['HEALTHY without health check', t => {
      t.addAppContainer('db', { image: PUBLIC_IMAGE });
      t.addAppContainer('web', { image: PUBLIC_IMAGE, dependsOn: [{ containerName: 'db', condition: ecs.ContainerDependencyCondition.HEALTHY }] });
    }, /container 'web' waits for 'db' to be HEALTHY, but 'db' has no health check/],
    ['SUCCESS on an essential container', t => {
      t.addAppContainer('init', { image: PUBLIC_IMAGE });
      t.addAppContainer('web', { image: PUBLIC_IMAGE, dependsOn: [{ containerName: 'init', condition: ecs.ContainerDependencyCondition.SUCCESS }] });
    }, /'init' is essential/],
    ['a container added through the escape hatch on a used port', t => {
      t.addAppContainer('web', { image: PUBLIC_IMAGE, ports: [8080] });
      t.taskDefinition.addContainer('sidecar', { image: PUBLIC_IMAGE, portMappings: [{ containerPort: 8080 }] });
    }, /containers 'web' and 'sidecar' both use port 8080/],
  ])('%s', (_name, act, message) => {
    const { app, taskDef } = setup();
    act(taskDef);
    expect(atSynth(() => app.synth())).toThrow(message);
  });

  test('unresolved cpu/memory: not checked, warned, never crash', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { env: ENV });
    const cpu = new CfnParameter(stack, 'Cpu', { type: 'Number' }).valueAsNumber;
    const memory = new CfnParameter(stack, 'Memory', { type: 'Number' }).valueAsNumber;
    const taskDef = new FargateTaskDef(stack, 'Task', { cpu, memoryLimitMiB: memory });
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, cpu: 128, memoryLimitMiB: 256, ports: [80] });
    expect(() => app.synth()).not.toThrow();
    Annotations.fromStack(stack).hasWarning('/S/Task', Match.stringLikeRegexp('cpu or memoryLimitMiB is an unresolved token'));
  });
});

describe('addAppContainer takes the whole ecs.ContainerDefinitionOptions surface', () => {
  test('fields the L2 takes only at construction reach the template (entryPoint, user, workingDirectory, stopTimeout, ...)', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', {
      image: PUBLIC_IMAGE,
      ports: [8080],
      entryPoint: ['/docker-entrypoint.sh'],
      user: '1000:1000',
      workingDirectory: '/app',
      stopTimeout: Duration.seconds(60),
      startTimeout: Duration.seconds(30),
      dockerLabels: { team: 'web' },
      ulimits: [{ name: ecs.UlimitName.NOFILE, softLimit: 4096, hardLimit: 8192 }],
      linuxParameters: new ecs.LinuxParameters(stack, 'Linux', { initProcessEnabled: true }),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Name: 'web',
        EntryPoint: ['/docker-entrypoint.sh'],
        User: '1000:1000',
        WorkingDirectory: '/app',
        StopTimeout: 60,
        StartTimeout: 30,
        DockerLabels: { team: 'web' },
        Ulimits: [{ Name: 'nofile', SoftLimit: 4096, HardLimit: 8192 }],
        LinuxParameters: Match.objectLike({ InitProcessEnabled: true }),
        Essential: true,
        PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
        LogConfiguration: Match.objectLike({ LogDriver: 'awslogs', Options: Match.objectLike({ 'awslogs-stream-prefix': 'web' }) }),
      })],
    });
  });

  test('portMappings of the L2 are kept, and ports are added after them as TCP', () => {
    const { stack, taskDef } = setup();
    taskDef.addAppContainer('web', {
      image: PUBLIC_IMAGE,
      portMappings: [{ containerPort: 9090, name: 'metrics', appProtocol: ecs.AppProtocol.http }],
      ports: [8080],
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        PortMappings: [
          { ContainerPort: 9090, Protocol: 'tcp', Name: 'metrics', AppProtocol: 'http' },
          { ContainerPort: 8080, Protocol: 'tcp' },
        ],
      })],
    });
  });

  test('a logging driver of your own replaces the awslogs default', () => {
    const { stack, taskDef } = setup();
    const central = new logs.LogGroup(stack, 'Central');
    taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, logging: ecs.LogDrivers.awsLogs({ logGroup: central, streamPrefix: 'edge' }) });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({
        Name: 'web',
        LogConfiguration: { LogDriver: 'awslogs', Options: Match.objectLike({ 'awslogs-group': { Ref: Match.stringLikeRegexp('^Central') }, 'awslogs-stream-prefix': 'edge' }) },
      })],
    });
  });

  test('ports of portMappings are checked like ports: a duplicate, a port two containers share, a host port other than the container port', () => {
    const dup = setup().taskDef;
    expect(atSynth(() => dup.addAppContainer('web', { image: PUBLIC_IMAGE, portMappings: [{ containerPort: 8080 }], ports: [8080] })))
      .toThrow(/container 'web' lists port 8080 twice/);
    const shared = setup().taskDef;
    shared.addAppContainer('a', { image: PUBLIC_IMAGE, portMappings: [{ containerPort: 8080 }] });
    expect(atSynth(() => shared.addAppContainer('b', { image: PUBLIC_IMAGE, ports: [8080] }))).toThrow(/containers 'a' and 'b' both use port 8080/);
    const host = setup().taskDef;
    expect(atSynth(() => host.addAppContainer('web', { image: PUBLIC_IMAGE, portMappings: [{ containerPort: 8080, hostPort: 80 }] })))
      .toThrow(/container 'web' maps host port 80 to container port 8080; .*Fix: drop hostPort/);
  });

  test('containerName, when given, must be the name', () => {
    const { taskDef } = setup();
    expect(atSynth(() => taskDef.addAppContainer('web', { image: PUBLIC_IMAGE, containerName: 'other' })))
      .toThrow(/FargateTaskDef S\/Task: \[FGK-[A-Z0-9-]+\] containerName 'other' differs from the name 'web' given to addAppContainer\(\).*Fix: remove containerName/);
    taskDef.addAppContainer('api', { image: PUBLIC_IMAGE, containerName: 'api' });
    expect(taskDef.taskDefinition.findContainer('api')).toBeDefined();
  });

  test('Secrets Manager secrets (whole, a JSON field, a version) need SECRETS_MANAGER; SSM parameters need SSM', () => {
    const { stack, taskDef } = setup();
    const secret = new secretsmanager.Secret(stack, 'Secret');
    taskDef.addAppContainer('web', {
      image: PUBLIC_IMAGE,
      secrets: {
        A: ecs.Secret.fromSecretsManager(secret),
        B: ecs.Secret.fromSecretsManagerVersion(secret, { versionStage: 'AWSCURRENT' }, 'user'),
      },
    });
    expect(taskDef.requiredVpcEndpoints).toEqual([VpcEndpointService.SECRETS_MANAGER]);
    const param = new ssm.StringParameter(stack, 'Param', { stringValue: 'x' });
    taskDef.addAppContainer('side', { image: PUBLIC_IMAGE, secrets: { C: ecs.Secret.fromSsmParameter(param) } });
    expect(taskDef.requiredVpcEndpoints).toEqual([VpcEndpointService.SECRETS_MANAGER, VpcEndpointService.SSM]);
  });
});

describe('log group', () => {
  test('retained by default, with a month of retention', () => {
    const stack = new Stack();
    new FargateTaskDef(stack, 'Task').addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') });
    Template.fromStack(stack).hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 30 }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain',
    });
  });

  test('a name and a removal policy of your choice', () => {
    const stack = new Stack();
    new FargateTaskDef(stack, 'Task', { logGroupName: '/app/api', logRemovalPolicy: RemovalPolicy.DESTROY })
      .addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') });
    Template.fromStack(stack).hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: '/app/api' }, DeletionPolicy: 'Delete',
    });
  });

  test('a log group of your own: no new one, and the containers log to it', () => {
    const stack = new Stack();
    const logGroup = logs.LogGroup.fromLogGroupName(stack, 'Mine', '/shared');
    const taskDef = new FargateTaskDef(stack, 'Task', { logGroup });
    taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx') });
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::Logs::LogGroup', 0);
    expect(taskDef.logGroup).toBe(logGroup);
    t.hasResourceProperties('AWS::ECS::TaskDefinition', {
      ContainerDefinitions: [Match.objectLike({ LogConfiguration: Match.objectLike({ Options: Match.objectLike({ 'awslogs-group': '/shared' }) }) })],
    });
  });

  test('a log group of your own with options for a new one: refused with the fix', () => {
    const stack = new Stack();
    const logGroup = logs.LogGroup.fromLogGroupName(stack, 'Mine', '/shared');
    expect(atSynth(() => new FargateTaskDef(stack, 'Task', { logGroup, logRetention: logs.RetentionDays.ONE_DAY })))
      .toThrow(/FargateTaskDef Default\/Task: \[FGK-LOG-GROUP-OPTIONS\] logGroup is set together with logRetention.*Fix: set them on your log group, or remove logGroup/);
  });
});
