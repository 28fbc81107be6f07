import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { platformNames } from '../../src/task/platform';

// Platform names are read through public API only: the runtime platform aws-cdk-lib rendered
// into the task definition's L1 (a task definition of this app), or the static members of
// CpuArchitecture / OperatingSystemFamily (an imported one).
test('a task definition of this app: read from its rendered runtime platform, .of() values too', () => {
  const stack = new Stack(new App(), 'S');
  const arm = new ecs.FargateTaskDefinition(stack, 'Arm', { runtimePlatform: { cpuArchitecture: ecs.CpuArchitecture.of('ARM64') } });
  expect(platformNames(arm, ecs.CpuArchitecture.X86_64, ecs.OperatingSystemFamily.LINUX))
    .toEqual({ architecture: 'ARM64', operatingSystem: 'LINUX' });
  const windows = new ecs.FargateTaskDefinition(stack, 'Win', {
    cpu: 1024,
    memoryLimitMiB: 2048,
    runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE, cpuArchitecture: ecs.CpuArchitecture.X86_64 },
  });
  expect(platformNames(windows, ecs.CpuArchitecture.X86_64, ecs.OperatingSystemFamily.LINUX))
    .toEqual({ architecture: 'X86_64', operatingSystem: 'WINDOWS_SERVER_2022_CORE' });
});

test('an imported task definition: by the static member given; a value made with .of() is unknown', () => {
  const stack = new Stack(new App(), 'S');
  const imported = ecs.FargateTaskDefinition.fromFargateTaskDefinitionAttributes(stack, 'Imported', {
    taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    networkMode: ecs.NetworkMode.AWS_VPC,
    taskRole: iam.Role.fromRoleName(stack, 'R', 'r'),
  });
  expect(platformNames(imported, ecs.CpuArchitecture.ARM64, ecs.OperatingSystemFamily.WINDOWS_SERVER_2019_CORE))
    .toEqual({ architecture: 'ARM64', operatingSystem: 'WINDOWS_SERVER_2019_CORE' });
  expect(platformNames(imported, ecs.CpuArchitecture.of('ARM64'), ecs.OperatingSystemFamily.LINUX).architecture).toBe('unknown');
});
