import { Token } from 'aws-cdk-lib';
import { Finding, defineRule, defineRuleOfKinds } from './rule';
import { checkEcsName } from './task-size-rules';

/** FGK-VOLUME-NAME: volume names are valid and unique in the task. */
export const VOLUME_NAME = defineRule<{ name: string }>({
  id: 'FGK-VOLUME-NAME',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'Volume names are valid ECS names, unique in the task.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html',
  message: d => `volume '${d.name}' is already defined in this task; volume names are unique within a task definition.`,
  fix: () => 'reuse the existing volume in mounts, or pick another name.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addSharedVolume('cache');
taskDef.addSharedVolume('cache');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addSharedVolume('cache');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** A volume name is one ECS accepts and is not used twice in a task. */
export function checkVolumeName(name: string, existing: readonly string[]): Finding {
  return checkEcsName('volume name', name) ?? (existing.includes(name) ? VOLUME_NAME.problem({ name }) : undefined);
}

/** FGK-MOUNT-VOLUME: a mount names a volume of the task. */
export const MOUNT_VOLUME = defineRule<{ container: string; volume: string; volumes: readonly string[] }>({
  id: 'FGK-MOUNT-VOLUME',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'A mount point names a volume of the task.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html',
  message: d => `container '${d.container}' mounts volume '${d.volume}', which the task does not define (volumes: ${d.volumes.length > 0 ? d.volumes.join(', ') : 'none'}).`,
  fix: d => `call addSharedVolume('${d.volume}') or addEfsVolume('${d.volume}', ...) before adding the container.`,
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  mountPoints: [{ sourceVolume: 'cache', containerPath: '/var/cache/nginx', readOnly: false }],
});`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addSharedVolume('cache');
taskDef.addAppContainer('app', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'),
  mountPoints: [{ sourceVolume: 'cache', containerPath: '/var/cache/nginx', readOnly: false }],
});`,
  },
});

/** A mount names a volume of the task. */
export function checkMountVolume(container: string, volumeName: string, volumes: readonly string[]): Finding {
  return volumes.includes(volumeName) ? undefined : MOUNT_VOLUME.problem({ container, volume: volumeName, volumes });
}

/** FGK-EFS-ROOT-DIRECTORY: the EFS root directory is absolute, and unset or '/' with an access point. */
export const EFS_ROOT_DIRECTORY = defineRuleOfKinds({
  id: 'FGK-EFS-ROOT-DIRECTORY',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef',
  fact: 'With an access point the EFS root directory is unset or \'/\'; otherwise it is absolute.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSVolumeConfiguration.html',
  kinds: {
    withAccessPoint: {
      message: (d: { volume: string; rootDirectory: string }) =>
        `EFS volume '${d.volume}' sets rootDirectory '${d.rootDirectory}' together with an access point; ECS requires the root directory to be omitted or '/' when an access point is used (the access point's path is the root).`,
      fix: () => 'remove rootDirectory and set the path on the access point.',
    },
    relative: {
      message: (d: { volume: string; rootDirectory: string }) => `EFS volume '${d.volume}' rootDirectory '${d.rootDirectory}' is not absolute.`,
      fix: () => 'use a path such as \'/data\'.',
    },
  },
  examples: {
    nonCompliant: `const fileSystem = new efs.FileSystem(stack, 'Files', { vpc: network.vpc });
const accessPoint = fileSystem.addAccessPoint('App', { path: '/app' });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addEfsVolume('data', { fileSystem, accessPoint, rootDirectory: '/app' });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const fileSystem = new efs.FileSystem(stack, 'Files', { vpc: network.vpc });
const accessPoint = fileSystem.addAccessPoint('App', { path: '/app' });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addEfsVolume('data', { fileSystem, accessPoint });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** With an access point, the EFS root directory is unset or '/' (the access point sets it). */
export function checkEfsRootDirectory(volume: string, rootDirectory: string | undefined, hasAccessPoint: boolean): Finding {
  if (rootDirectory === undefined || Token.isUnresolved(rootDirectory)) return undefined;
  if (hasAccessPoint && rootDirectory !== '/') return EFS_ROOT_DIRECTORY.problem('withAccessPoint', { volume, rootDirectory });
  if (!rootDirectory.startsWith('/')) return EFS_ROOT_DIRECTORY.problem('relative', { volume, rootDirectory });
  return undefined;
}

/** FGK-EFS-PLATFORM: Fargate mounts EFS in Linux tasks only. */
export const EFS_PLATFORM = defineRule<{ volume: string }>({
  id: 'FGK-EFS-PLATFORM',
  acknowledgeable: true,
  checkedBy: 'FargateTaskDef',
  fact: 'Fargate mounts EFS volumes in Linux tasks only.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html',
  message: d => `EFS volume '${d.volume}' cannot be used by a Windows task; Fargate mounts EFS volumes for Linux containers only.`,
  fix: () => 'use operatingSystemFamily LINUX, or FSx for Windows File Server through taskDefinition.addVolume.',
  examples: {
    nonCompliant: `const fileSystem = new efs.FileSystem(stack, 'Files', { vpc: network.vpc });
const taskDef = new FargateTaskDef(stack, 'Task', {
  cpu: 1024,
  memoryLimitMiB: 2048,
  operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
});
taskDef.addEfsVolume('data', { fileSystem });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const fileSystem = new efs.FileSystem(stack, 'Files', { vpc: network.vpc });
const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 1024, memoryLimitMiB: 2048 });
taskDef.addEfsVolume('data', { fileSystem });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** Fargate mounts EFS volumes in Linux tasks only. */
export function checkEfsPlatform(volume: string, windows: boolean): Finding {
  return windows ? EFS_PLATFORM.problem({ volume }) : undefined;
}
