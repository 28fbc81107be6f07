import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import { ContainerSecret } from './container-secret';

/**
 * A container this one waits for before it starts (`dependsOn`).
 */
export interface ContainerStartDependency {
  /** Name of the container to wait for (added to the same task before or after this one). */
  readonly containerName: string;
  /**
   * What to wait for.
   * @default ecs.ContainerDependencyCondition.START
   */
  readonly condition?: ecs.ContainerDependencyCondition;
}

/**
 * A volume of the task mounted into a container.
 */
export interface ContainerMount {
  /** Name of the volume (`addSharedVolume` / `addEfsVolume`). */
  readonly volumeName: string;
  /** Absolute path inside the container, e.g. `/data`. */
  readonly containerPath: string;
  /**
   * Mount the volume read-only.
   * @default false
   */
  readonly readOnly?: boolean;
}

/**
 * Options of an app container (see `FargateTaskDef.addAppContainer`).
 */
export interface AppContainerProps {
  /** The container image (`ecs.ContainerImage.fromEcrRepository(...)`, `fromRegistry(...)`, `fromAsset(...)`). */
  readonly image: ecs.ContainerImage;
  /**
   * TCP ports the container listens on. Under awsvpc the host port always equals the
   * container port, and the containers of a task share localhost, so a port belongs to
   * one container.
   * @default - no port
   */
  readonly ports?: number[];
  /**
   * CPU units reserved for the container.
   * @default - none: the containers share the task's CPU
   */
  readonly cpu?: number;
  /**
   * Hard memory limit (MiB): the container is killed above it.
   * @default - none: the task's memory is the limit
   */
  readonly memoryLimitMiB?: number;
  /**
   * Soft memory limit (MiB) reserved for the container.
   * @default - none
   */
  readonly memoryReservationMiB?: number;
  /**
   * Whether the task stops when this container stops. Every task needs at least one
   * essential container.
   * @default true
   */
  readonly essential?: boolean;
  /**
   * Environment variables.
   * @default - none
   */
  readonly environment?: Record<string, string>;
  /**
   * Secrets injected as environment variables; the execution role may read exactly these.
   * @default - none
   */
  readonly secrets?: Record<string, ContainerSecret>;
  /**
   * Command that overrides the image's CMD.
   * @default - the image's CMD
   */
  readonly command?: string[];
  /**
   * Container health check.
   * @default - none (the image's HEALTHCHECK is ignored by ECS)
   */
  readonly healthCheck?: ecs.HealthCheck;
  /**
   * Containers of the task that must reach a state before this one starts.
   * @default - none
   */
  readonly dependsOn?: ContainerStartDependency[];
  /**
   * Mount the container's root filesystem read-only (Linux only); write to mounted volumes.
   * @default false
   */
  readonly readonlyRootFilesystem?: boolean;
  /**
   * Task volumes mounted into the container.
   * @default - none
   */
  readonly mounts?: ContainerMount[];
}

/**
 * An EFS volume of a task (see `FargateTaskDef.addEfsVolume`). Mounted with encryption in
 * transit and IAM authorization; the task role gets exactly the client permissions.
 */
export interface EfsVolumeProps {
  /** The file system. Allow NFS (TCP 2049) from the service's security group to it. */
  readonly fileSystem: efs.IFileSystem;
  /**
   * Access point to mount through (enforces its user and root directory).
   * @default - none: the file system's root directory
   */
  readonly accessPoint?: efs.IAccessPoint;
  /**
   * Directory of the file system to mount; must be unset or '/' with an access point.
   * @default '/'
   */
  readonly rootDirectory?: string;
  /**
   * Grant the task role read access only (no `elasticfilesystem:ClientWrite`).
   * @default false
   */
  readonly readOnly?: boolean;
}
