import { Token } from 'aws-cdk-lib';
import { checkEcsName } from './task-size-rules';

/** A volume name is one ECS accepts and is not used twice in a task. */
export function checkVolumeName(name: string, existing: readonly string[]): string | undefined {
  const bad = checkEcsName('volume name', name);
  if (bad !== undefined) return bad;
  if (existing.includes(name)) {
    return `[FGK-VOLUME-NAME] volume '${name}' is already defined in this task; volume names are unique within a task definition. Fix: reuse the existing volume in mounts, or pick another name.`;
  }
  return undefined;
}

/** A mount names a volume of the task. */
export function checkMountVolume(container: string, volumeName: string, volumes: readonly string[]): string | undefined {
  if (!volumes.includes(volumeName)) {
    const known = volumes.length > 0 ? volumes.join(', ') : 'none';
    return `[FGK-MOUNT-VOLUME] container '${container}' mounts volume '${volumeName}', which the task does not define (volumes: ${known}). Fix: call addSharedVolume('${volumeName}') or addEfsVolume('${volumeName}', ...) before adding the container.`;
  }
  return undefined;
}

/** With an access point, the EFS root directory is unset or '/' (the access point sets it). */
export function checkEfsRootDirectory(volume: string, rootDirectory: string | undefined, hasAccessPoint: boolean): string | undefined {
  if (rootDirectory === undefined || Token.isUnresolved(rootDirectory)) return undefined;
  if (hasAccessPoint && rootDirectory !== '/') {
    return `[FGK-EFS-ROOT-DIRECTORY] EFS volume '${volume}' sets rootDirectory '${rootDirectory}' together with an access point; ECS requires the root directory to be omitted or '/' when an access point is used (the access point's path is the root). Fix: remove rootDirectory and set the path on the access point.`;
  }
  if (!rootDirectory.startsWith('/')) {
    return `[FGK-EFS-ROOT-DIRECTORY] EFS volume '${volume}' rootDirectory '${rootDirectory}' is not absolute. Fix: use a path such as '/data'.`;
  }
  return undefined;
}

/** Fargate mounts EFS volumes in Linux tasks only. */
export function checkEfsPlatform(volume: string, windows: boolean): string | undefined {
  if (windows) {
    return `[FGK-EFS-PLATFORM] EFS volume '${volume}' cannot be used by a Windows task; Fargate mounts EFS volumes for Linux containers only. Fix: use operatingSystemFamily LINUX, or FSx for Windows File Server through taskDefinition.addVolume.`;
  }
  return undefined;
}
