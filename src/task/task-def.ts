import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { VpcEndpointService } from '../network/topology';

/**
 * A Fargate task definition that services and tasks of this library run: one of this app
 * (`FargateTaskDef`) or one another app owns (`FargateTaskDef.fromFargateTaskDefAttributes`).
 * Granting to it grants to the task role.
 * @experimental
 */
export interface IFargateTaskDef extends IConstruct, iam.IGrantable {
  /** The ARN of the task definition (a revision). */
  readonly taskDefinitionArn: string;
  /** The task definition family. */
  readonly family: string;
  /** ARN pattern matching every revision of this family: `arn:...:task-definition/FAMILY:*`. */
  readonly familyArnPattern: string;
  /** Task-level CPU units. */
  readonly cpu: number;
  /** Task-level memory in MiB. */
  readonly memoryLimitMiB: number;
  /** The CPU architecture the task runs on. */
  readonly cpuArchitecture: ecs.CpuArchitecture;
  /** The operating system family the task runs on. */
  readonly operatingSystemFamily: ecs.OperatingSystemFamily;
  /** The execution role (image pull, logs, secrets), used by the ECS agent. */
  readonly executionRole: iam.IRole;
  /** The task role, assumed by the app's code. */
  readonly taskRole: iam.IRole;
  /** The EFS file systems the task mounts (a service allows NFS, TCP 2049, from its tasks to them). */
  readonly efsFileSystems: efs.IFileSystem[];
  /**
   * The VPC endpoints the task needs beyond image pull and logs when it has no internet
   * route: SECRETS_MANAGER / SSM when its containers reference such secrets.
   */
  readonly requiredVpcEndpoints: VpcEndpointService[];

  /**
   * Lets the grantee run tasks of this family (any revision) on the cluster only, and
   * pass exactly the task's two roles to ECS.
   */
  grantRun(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant;

  /**
   * Lets the grantee list and describe the tasks of the cluster (any family: ECS cannot
   * scope these calls to a task definition).
   */
  grantDescribeTasks(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant;

  /** Lets the grantee stop the tasks of the cluster (any family: ECS cannot scope StopTask to a task definition). */
  grantStopTasks(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant;
}

/**
 * A task definition another app or pipeline owns, for `FargateTaskDef.fromFargateTaskDefAttributes`.
 * @experimental
 */
export interface FargateTaskDefAttributes {
  /** The ARN of the task definition (a revision, `arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION`). */
  readonly taskDefinitionArn: string;
  /**
   * The task definition family.
   * @default - read from `taskDefinitionArn` (required when the ARN is a token)
   */
  readonly family?: string;
  /** Task-level CPU units. */
  readonly cpu: number;
  /** Task-level memory in MiB. */
  readonly memoryLimitMiB: number;
  /**
   * The CPU architecture the task runs on.
   * @default ecs.CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: ecs.CpuArchitecture;
  /**
   * The operating system family the task runs on.
   * @default ecs.OperatingSystemFamily.LINUX
   */
  readonly operatingSystemFamily?: ecs.OperatingSystemFamily;
  /** The execution role of the task definition (passed to ECS by whoever runs the task). */
  readonly executionRole: iam.IRole;
  /** The task role of the task definition. */
  readonly taskRole: iam.IRole;
  /**
   * The EFS file systems the task mounts.
   * @default - none
   */
  readonly efsFileSystems?: efs.IFileSystem[];
  /**
   * The VPC endpoints the task's secrets are read through (SECRETS_MANAGER, SSM), checked
   * against the network when the task has no internet route.
   * @default - none
   */
  readonly requiredVpcEndpoints?: VpcEndpointService[];
}
