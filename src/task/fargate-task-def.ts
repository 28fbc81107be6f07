import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { TaskRoles } from '../iam/task-roles';
import { VpcEndpointService } from '../network/topology';

/**
 * Properties of a `FargateTaskDef`.
 */
export interface FargateTaskDefProps {
  /**
   * The task definition family (name shared by all its revisions).
   * @default - a name generated from the construct path
   */
  readonly family?: string;
  /**
   * Task-level CPU units (256 = 0.25 vCPU).
   * @default 256
   */
  readonly cpu?: number;
  /**
   * Task-level memory in MiB; must be valid for the CPU.
   * @default 512
   */
  readonly memoryMiB?: number;
  /**
   * CPU architecture.
   * @default ecs.CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: ecs.CpuArchitecture;
  /**
   * Ephemeral storage in GiB (21-200).
   * @default - 20 GiB, Fargate's default
   */
  readonly ephemeralStorageGiB?: number;
  /**
   * How long container logs are kept.
   * @default logs.RetentionDays.ONE_MONTH
   */
  readonly logRetention?: logs.RetentionDays;
  /**
   * The task's roles.
   * @default - new execution and task roles
   */
  readonly roles?: TaskRoles;
}

/**
 * Options of an app container (see `FargateTaskDef.addAppContainer`).
 */
export interface AppContainerProps {
  /** The container image. */
  readonly image: ecs.ContainerImage;
  /**
   * Container ports (host port always equals container port under awsvpc).
   * @default - none
   */
  readonly ports?: number[];
  /**
   * Environment variables.
   * @default - none
   */
  readonly environment?: Record<string, string>;
  /**
   * Secrets injected as environment variables.
   * @default - none
   */
  readonly secrets?: Record<string, ecs.Secret>;
  /**
   * Whether the task stops when this container stops.
   * @default true
   */
  readonly essential?: boolean;
}

/**
 * A Fargate task definition with its log group and roles, validated at synth.
 */
export class FargateTaskDef extends Construct {
  /** The task definition. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The task's execution and task roles. */
  public readonly roles: TaskRoles;
  /** The log group all containers of the task write to. */
  public readonly logGroup: logs.ILogGroup;
  /** The task definition family. */
  public readonly family: string;
  /** ARN pattern matching every revision of this family: `arn:...:task-definition/FAMILY:*`. */
  public readonly familyArnPattern: string;
  /** Task-level CPU units. */
  public readonly cpu: number;
  /** Task-level memory in MiB. */
  public readonly memoryMiB: number;
  /** The CPU architecture the task runs on. */
  public readonly cpuArchitecture: ecs.CpuArchitecture;
  /** The operating system family the task runs on. */
  public readonly operatingSystemFamily: ecs.OperatingSystemFamily;
  /**
   * The VPC endpoints this task needs beyond image pull and logs when it has no internet
   * route (SECRETS_MANAGER / SSM when its containers reference such secrets).
   */
  public readonly requiredVpcEndpoints: VpcEndpointService[] = [];

  constructor(scope: Construct, id: string, props: FargateTaskDefProps = {}) {
    super(scope, id);
    this.roles = props.roles ?? new TaskRoles(this, 'Roles');
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });
    this.cpu = props.cpu ?? 256;
    this.memoryMiB = props.memoryMiB ?? 512;
    this.cpuArchitecture = props.cpuArchitecture ?? ecs.CpuArchitecture.X86_64;
    this.operatingSystemFamily = ecs.OperatingSystemFamily.LINUX;
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'Resource', {
      family: props.family,
      cpu: this.cpu,
      memoryLimitMiB: this.memoryMiB,
      ephemeralStorageGiB: props.ephemeralStorageGiB,
      runtimePlatform: {
        cpuArchitecture: this.cpuArchitecture,
        operatingSystemFamily: this.operatingSystemFamily,
      },
      executionRole: this.roles.executionRole,
      taskRole: this.roles.taskRole,
    });
    this.family = this.taskDefinition.family;
    this.familyArnPattern = Stack.of(this).formatArn({ service: 'ecs', resource: 'task-definition', resourceName: `${this.family}:*` });
  }

  /** Adds a container with awslogs logging and port mappings wired in. */
  public addAppContainer(name: string, props: AppContainerProps): ecs.ContainerDefinition {
    return this.taskDefinition.addContainer(name, {
      containerName: name,
      image: props.image,
      essential: props.essential ?? true,
      environment: props.environment,
      secrets: props.secrets,
      portMappings: (props.ports ?? []).map(p => ({ containerPort: p, protocol: ecs.Protocol.TCP })),
      logging: ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: name }),
    });
  }

  /**
   * Lets the grantee run tasks of this family (any revision) on the cluster only, and
   * pass exactly this task's two roles to ECS.
   */
  public grantRun(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['ecs:RunTask'],
      resourceArns: [this.familyArnPattern],
      conditions: { ArnEquals: { 'ecs:cluster': cluster.clusterArn } },
    }).combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['iam:PassRole'],
      resourceArns: [this.roles.executionRole.roleArn, this.roles.taskRole.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    }));
  }
}
