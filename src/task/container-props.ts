import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';

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
 * Options of an app container (see `FargateTaskDef.addAppContainer`): everything
 * `ecs.ContainerDefinitionOptions` takes (entryPoint, user, workingDirectory, stopTimeout,
 * linuxParameters, ulimits, ...), with the library's defaults applied on top (awslogs to
 * the task's log group, TCP port mappings from `ports`, start order by container name,
 * mounts checked against the task's volumes).
 */
export interface AppContainerOptions extends ecs.ContainerDefinitionOptions {
  /**
   * TCP ports the container listens on, a shorthand for `portMappings` of
   * `{ containerPort, protocol: TCP }` (added after any `portMappings`). Under awsvpc the
   * host port always equals the container port, and the containers of a task share
   * localhost, so a port belongs to one container.
   * @default - no port beyond `portMappings`
   */
  readonly ports?: number[];
  /**
   * Containers of the task that must reach a state before this one starts, by name (the
   * container may be added before or after this one).
   * @default - none
   */
  readonly dependsOn?: ContainerStartDependency[];
  /**
   * Task volumes (`addSharedVolume` / `addEfsVolume`) mounted into the container.
   * @default - none
   */
  readonly mountPoints?: ecs.MountPoint[];
}

/**
 * Options of an EFS volume of a task (see `FargateTaskDef.addEfsVolume`). Mounted with encryption in
 * transit and IAM authorization; the task role gets exactly the client permissions.
 */
export interface EfsVolumeOptions {
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
