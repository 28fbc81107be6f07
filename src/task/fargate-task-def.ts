import { Annotations, CfnResource, Stack, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { AppContainerOptions, EfsVolumeOptions } from './container-props';
import { TaskRoles } from '../iam/task-roles';
import { VpcEndpointService } from '../network/topology';
import { clusterCondition, grantRunOnCluster } from '../private/cluster-grants';
import { resolveNumber } from '../private/resolve';
import {
  checkContainerCpu, checkContainerMemory, checkHealthCheck, checkMountPath, checkPorts, checkReadonlyRootFilesystem,
} from '../validation/container-rules';
import { reportAtSynth, reportProblems } from '../validation/errors';
import { ContainerSpec, checkContainersFitTask, checkHostPorts, checkTask } from '../validation/task-rules';
import { checkEcsName, checkEphemeralStorage, checkPlatform, checkTaskSize } from '../validation/task-size-rules';
import { checkEfsPlatform, checkEfsRootDirectory, checkMountVolume, checkVolumeName } from '../validation/volume-rules';

const TYPE = 'FargateTaskDef';

/** A dependsOn entry whose target container is not added yet. */
interface PendingDependency {
  readonly container: ecs.ContainerDefinition;
  readonly containerName: string;
  readonly condition: ecs.ContainerDependencyCondition;
}

/**
 * Properties of a `FargateTaskDef`.
 */
export interface FargateTaskDefProps {
  /**
   * The task definition family (name shared by all its revisions): 1-255 letters,
   * digits, '-' and '_'.
   * @default - a name generated from the construct path
   */
  readonly family?: string;
  /**
   * Task-level CPU units (256 = 0.25 vCPU): 256, 512, 1024, 2048, 4096, 8192 or 16384.
   * @default 256
   */
  readonly cpu?: number;
  /**
   * Task-level memory in MiB; must be valid for the CPU (e.g. 512, 1024 or 2048 with 256).
   * @default 512
   */
  readonly memoryLimitMiB?: number;
  /**
   * CPU architecture.
   * @default ecs.CpuArchitecture.X86_64
   */
  readonly cpuArchitecture?: ecs.CpuArchitecture;
  /**
   * Operating system: Linux, or a Windows Server version Fargate runs (X86_64, 1-4 vCPU).
   * @default ecs.OperatingSystemFamily.LINUX
   */
  readonly operatingSystemFamily?: ecs.OperatingSystemFamily;
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
   * The task's roles (e.g. `new TaskRoles(this, 'Roles', { taskRole })` to bring your own).
   * @default - new execution and task roles
   */
  readonly roles?: TaskRoles;
}

/**
 * A Fargate task definition with its log group and roles, validated at synth.
 *
 * Always `requiresCompatibilities: FARGATE` and network mode `awsvpc`. Grantable: granting
 * to it grants to the task role (`table.grantReadData(taskDef)`).
 */
export class FargateTaskDef extends Construct implements iam.IGrantable {
  /** The task definition. */
  public readonly taskDefinition: ecs.FargateTaskDefinition;
  /** The task's execution and task roles. */
  public readonly roles: TaskRoles;
  /** The principal app permissions are granted to: the task role. */
  public readonly grantPrincipal: iam.IPrincipal;
  /** The log group all containers of the task write to. */
  public readonly logGroup: logs.ILogGroup;
  /** The task definition family. */
  public readonly family: string;
  /** ARN pattern matching every revision of this family: `arn:...:task-definition/FAMILY:*`. */
  public readonly familyArnPattern: string;
  /** Task-level CPU units. */
  public readonly cpu: number;
  /** Task-level memory in MiB. */
  public readonly memoryLimitMiB: number;
  /** The CPU architecture the task runs on. */
  public readonly cpuArchitecture: ecs.CpuArchitecture;
  /** The operating system family the task runs on. */
  public readonly operatingSystemFamily: ecs.OperatingSystemFamily;

  private readonly volumeNames: string[] = [];
  private readonly fileSystems: efs.IFileSystem[] = [];
  /** The VPC endpoints the containers' secrets are read through. */
  private readonly secretEndpoints = new Set<VpcEndpointService>();
  /** dependsOn entries naming a container not added yet: wired when it is added. */
  private readonly pendingDependencies: PendingDependency[] = [];

  constructor(scope: Construct, id: string, props: FargateTaskDefProps = {}) {
    super(scope, id);
    this.cpu = props.cpu ?? 256;
    this.memoryLimitMiB = props.memoryLimitMiB ?? 512;
    this.cpuArchitecture = props.cpuArchitecture ?? ecs.CpuArchitecture.X86_64;
    this.operatingSystemFamily = props.operatingSystemFamily ?? ecs.OperatingSystemFamily.LINUX;
    // every problem is reported at synth, all at once; a value the L2 would crash on is kept from it
    const badFamily = reportProblems(TYPE, this, [props.family === undefined ? undefined : checkEcsName('family', props.family)]);
    const badStorage = reportProblems(TYPE, this, [checkEphemeralStorage(props.ephemeralStorageGiB)]);
    // aws-cdk-lib throws on a Windows task of an unsupported size: it gets a placeholder size (the error is reported)
    const os = this.operatingSystemFamily._operatingSystemFamily;
    const badPlatform = checkPlatform(this.cpuArchitecture._cpuArchitecture, os, this.cpu) !== undefined;
    reportAtSynth(TYPE, this, () => [
      checkTaskSize(resolveNumber(this, this.cpu), resolveNumber(this, this.memoryLimitMiB)),
      checkPlatform(this.cpuArchitecture._cpuArchitecture, this.operatingSystemFamily._operatingSystemFamily, resolveNumber(this, this.cpu)),
    ]);
    if (Token.isUnresolved(this.cpu) || Token.isUnresolved(this.memoryLimitMiB)) {
      Annotations.of(this).addWarningV2('cdk-fargate-kit:unresolvedTaskSize',
        'cpu or memoryLimitMiB is an unresolved token, so the CPU/memory combination and whether the containers fit are not checked at synth. Make sure the deployed values are a valid Fargate combination.');
    }

    this.roles = props.roles ?? new TaskRoles(this, 'Roles');
    this.grantPrincipal = this.roles.taskRole;
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
    });
    this.taskDefinition = new ecs.FargateTaskDefinition(this, 'Resource', {
      family: badFamily ? undefined : props.family,
      cpu: badPlatform ? 1024 : this.cpu,
      memoryLimitMiB: badPlatform ? 2048 : this.memoryLimitMiB,
      ephemeralStorageGiB: badStorage ? undefined : props.ephemeralStorageGiB,
      runtimePlatform: {
        cpuArchitecture: this.cpuArchitecture,
        operatingSystemFamily: this.operatingSystemFamily,
      },
      executionRole: this.roles.executionRole,
      taskRole: this.roles.taskRole,
    });
    this.family = this.taskDefinition.family;
    this.familyArnPattern = Stack.of(this).formatArn({ service: 'ecs', resource: 'task-definition', resourceName: `${this.family}:*` });

    // facts of every container, read from the L2 at synth (also containers added with taskDefinition.addContainer)
    reportAtSynth(TYPE, this, () => {
      const specs = this.containerSpecs();
      const cpu = resolveNumber(this, this.cpu);
      const memory = resolveNumber(this, this.memoryLimitMiB);
      return [
        ...specs.flatMap(c => [
          checkEcsName('container name', c.name),
          checkPorts(c.name, c.portMappings.map(pm => pm.containerPort)),
          checkContainerCpu(c.name, c.cpu, cpu),
          checkContainerMemory(c.name, c.memoryLimitMiB, c.memoryReservationMiB, memory),
        ]),
        ...checkTask(specs, cpu, memory),
      ];
    });
  }

  /**
   * The VPC endpoints this task needs beyond image pull and logs when it has no internet
   * route: SECRETS_MANAGER / SSM when its containers reference such secrets.
   */
  public get requiredVpcEndpoints(): VpcEndpointService[] {
    // read from the containers themselves, so that container.addSecret() counts too
    const needed = new Set<VpcEndpointService>(this.secretEndpoints);
    for (const c of this.containers()) {
      for (const secret of l2Secrets(c)) needed.add(secretEndpointOf(this, secret.valueFrom));
    }
    return [VpcEndpointService.SECRETS_MANAGER, VpcEndpointService.SSM].filter(e => needed.has(e));
  }

  /** The EFS file systems the task mounts (the service must allow NFS, TCP 2049, to them). */
  public get efsFileSystems(): efs.IFileSystem[] {
    return [...this.fileSystems];
  }

  /** Whether the task runs Windows containers. */
  private get windows(): boolean {
    return this.operatingSystemFamily.isWindows();
  }

  /**
   * Adds a container with everything `ecs.ContainerDefinitionOptions` offers, and the
   * library's defaults on top: awslogs to the task's log group (stream prefix = container
   * name) unless `logging` is given, TCP port mappings for `ports`, secrets (read access
   * for the execution role on exactly those), start order by container name and mounts of
   * the task's volumes, all validated. Returns the container for further tweaks.
   */
  public addAppContainer(name: string, options: AppContainerOptions): ecs.ContainerDefinition {
    const portMappings: ecs.PortMapping[] = [
      ...(options.portMappings ?? []),
      ...(options.ports ?? []).map(p => ({ containerPort: p, protocol: ecs.Protocol.TCP })),
    ];
    const hc = options.healthCheck;
    // the whole-task rules (names, count, shared ports, fit) run at synth over every container
    reportProblems(TYPE, this, [
      options.containerName !== undefined && options.containerName !== name
        ? `[FGK-CONTAINER-NAME-MISMATCH] containerName '${options.containerName}' differs from the name '${name}' given to addAppContainer(); the name is the container's name. Fix: remove containerName.`
        : undefined,
      checkPorts(name, singlePorts(portMappings).filter(pm => pm.protocol !== ecs.Protocol.UDP).map(pm => pm.containerPort)),
      hc === undefined ? undefined : checkHealthCheck(name, {
        commandLength: hc.command.length,
        intervalSeconds: hc.interval?.toSeconds(),
        timeoutSeconds: hc.timeout?.toSeconds(),
        retries: hc.retries,
        startPeriodSeconds: hc.startPeriod?.toSeconds(),
      }),
      checkHostPorts([this.specOf(name, options, portMappings)]),
      checkContainersFitTask([...this.containerSpecs(), this.specOf(name, options, portMappings)],
        resolveNumber(this, this.cpu), resolveNumber(this, this.memoryLimitMiB)),
      checkReadonlyRootFilesystem(name, options.readonlyRootFilesystem ?? false, this.windows),
      ...(options.mountPoints ?? []).flatMap(m => [
        checkMountVolume(name, m.sourceVolume, this.volumeNames),
        checkMountPath(name, m.containerPath, this.windows),
      ]),
    ]);

    for (const secret of Object.values(options.secrets ?? {})) {
      this.secretEndpoints.add(secretEndpoint(secret));
    }
    const { ports: _ports, dependsOn: _dependsOn, mountPoints: _mountPoints, ...containerOptions } = options;
    // keep what aws-cdk-lib would crash on away from it (reported above or at synth):
    // a second container of the same name, port 0, a host port other than the container port
    const duplicate = this.taskDefinition.node.tryFindChild(name) !== undefined;
    const id = duplicate ? `${name}-duplicate-${this.taskDefinition.node.children.length}` : name;
    const safeMappings = portMappings.filter(pm => pm.containerPortRange !== undefined
      || (Token.isUnresolved(pm.containerPort) || pm.containerPort !== 0)
      && (pm.hostPort === undefined || Token.isUnresolved(pm.hostPort) || pm.hostPort === pm.containerPort));
    // aws-cdk-lib throws on a container cpu above the task's and on a reservation above the limit
    const badCpu = reportProblems(TYPE, this, [checkContainerCpu(name, options.cpu, this.cpu),
      checkContainersFitTask([...this.containerSpecs(), this.specOf(name, options, portMappings)],
        resolveNumber(this, this.cpu), Number.MAX_SAFE_INTEGER)]);
    const badMemory = reportProblems(TYPE, this, [
      checkContainerMemory(name, options.memoryLimitMiB, options.memoryReservationMiB, this.memoryLimitMiB),
    ]);
    const container = this.taskDefinition.addContainer(id, {
      ...containerOptions,
      cpu: badCpu ? undefined : options.cpu,
      memoryReservationMiB: badMemory ? undefined : options.memoryReservationMiB,
      containerName: name,
      essential: options.essential ?? true,
      portMappings: safeMappings,
      logging: options.logging ?? ecs.LogDrivers.awsLogs({ logGroup: this.logGroup, streamPrefix: name }),
    });
    container.addMountPoints(...(options.mountPoints ?? []).map(m => ({ ...m, readOnly: m.readOnly ?? false })));
    for (const dep of options.dependsOn ?? []) {
      const condition = dep.condition ?? ecs.ContainerDependencyCondition.START;
      this.pendingDependencies.push({ container, containerName: dep.containerName, condition });
    }
    this.wireDependencies();
    return container;
  }

  /**
   * Adds a bind-mount volume that the containers of this task share (e.g. a web server and
   * an app server exchanging files). It lives on the task's ephemeral storage and is gone
   * when the task stops. Mount it with `mountPoints: [{ sourceVolume, containerPath, readOnly }]`.
   */
  public addSharedVolume(name: string): void {
    reportProblems(TYPE, this, [checkVolumeName(name, this.volumeNames)]);
    this.taskDefinition.addVolume({ name });
    this.volumeNames.push(name);
  }

  /**
   * Adds an EFS volume for data that must outlive the task: encryption in transit and IAM
   * authorization on, and the task role gets `elasticfilesystem:ClientMount` (plus
   * `ClientWrite` unless read-only) on this file system only (through the access point
   * when one is given). Mount it with `mountPoints: [{ sourceVolume, containerPath, readOnly }]`.
   */
  public addEfsVolume(name: string, props: EfsVolumeOptions): void {
    reportProblems(TYPE, this, [
      checkVolumeName(name, this.volumeNames),
      checkEfsPlatform(name, this.windows),
      checkEfsRootDirectory(name, props.rootDirectory, props.accessPoint !== undefined),
    ]);
    this.taskDefinition.addVolume({
      name,
      efsVolumeConfiguration: {
        fileSystemId: props.fileSystem.fileSystemId,
        rootDirectory: props.accessPoint === undefined ? props.rootDirectory : undefined,
        transitEncryption: 'ENABLED',
        authorizationConfig: { accessPointId: props.accessPoint?.accessPointId, iam: 'ENABLED' },
      },
    });
    this.volumeNames.push(name);
    this.fileSystems.push(props.fileSystem);
    iam.Grant.addToPrincipal({
      grantee: this.roles.taskRole,
      actions: props.readOnly ? ['elasticfilesystem:ClientMount'] : ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
      resourceArns: [props.fileSystem.fileSystemArn],
      conditions: props.accessPoint === undefined ? undefined : { StringEquals: { 'elasticfilesystem:AccessPointArn': props.accessPoint.accessPointArn } },
    });
  }

  /**
   * Lets the grantee run tasks of this family (any revision) on the cluster only, and
   * pass exactly this task's two roles to ECS.
   */
  public grantRun(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return this.checkGrant('grantRun', grantee, grantRunOnCluster(grantee, this.familyArnPattern, this.roles, cluster));
  }

  /**
   * Lets the grantee list, describe and stop the tasks of the cluster (any family: ECS
   * cannot scope these calls to a task definition). `ecs:ListTasks` over a whole cluster
   * is authorized on resource `*`, so it is scoped by the `ecs:cluster` condition only;
   * `ecs:DescribeTasks` and `ecs:StopTask` are scoped to the cluster's task ARNs too.
   */
  public grantDescribeTasks(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return this.checkGrant('grantDescribeTasks', grantee, iam.Grant.addToPrincipal({
      grantee,
      actions: ['ecs:ListTasks'],
      resourceArns: ['*'],
      conditions: clusterCondition(cluster),
    }).combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['ecs:DescribeTasks', 'ecs:StopTask'],
      resourceArns: [Stack.of(this).formatArn({ service: 'ecs', resource: 'task', resourceName: `${cluster.clusterName}/*` })],
      conditions: clusterCondition(cluster),
    })));
  }

  /**
   * A grant to a principal without a policy of this app (e.g. another account's) is written
   * nowhere: report it instead of dropping it silently.
   */
  private checkGrant(method: string, grantee: iam.IGrantable, grant: iam.Grant): iam.Grant {
    reportProblems(TYPE, this, [grant.success ? undefined
      : `[FGK-GRANT-PRINCIPAL] ${method} to ${grantee.grantPrincipal.toString()} was not added to any policy: the principal has no policy this app can write to (e.g. a principal of another account), so the permission would be missing at run time. Fix: grant to a role of this app, or add the permissions in the other account and let it assume a role of this one.`]);
    return grant;
  }

  /** Wires the pending dependsOn entries whose target container now exists. */
  private wireDependencies(): void {
    for (const pending of [...this.pendingDependencies]) {
      const target = this.taskDefinition.findContainer(pending.containerName);
      if (target === undefined) continue;
      pending.container.addContainerDependencies({ container: target, condition: pending.condition });
      this.pendingDependencies.splice(this.pendingDependencies.indexOf(pending), 1);
    }
  }

  /** Every container of the task definition, also those added through `taskDefinition.addContainer`. */
  private containers(): ecs.ContainerDefinition[] {
    return this.taskDefinition.node.children.filter((c): c is ecs.ContainerDefinition => c instanceof ecs.ContainerDefinition);
  }

  /** Every container of the task, as the rules see them: facts read from the L2 containers, Lazy values resolved. */
  private containerSpecs(): ContainerSpec[] {
    return this.containers()
      .map(c => {
        const props = l2Props(c);
        return {
          name: c.containerName,
          essential: c.essential,
          cpu: resolveNumber(this, c.cpu),
          memoryLimitMiB: resolveNumber(this, props.memoryLimitMiB),
          memoryReservationMiB: resolveNumber(this, props.memoryReservationMiB),
          hasHealthCheck: props.healthCheck !== undefined,
          portMappings: singlePorts(c.portMappings)
            .map(pm => ({ containerPort: resolveNumber(this, pm.containerPort)!, hostPort: resolveNumber(this, pm.hostPort) })),
          dependsOn: [
            ...c.containerDependencies.map(d => ({ containerName: d.container.containerName, condition: d.condition ?? 'HEALTHY' })),
            ...this.pendingDependencies.filter(p => p.container === c).map(p => ({ containerName: p.containerName, condition: p.condition })),
          ],
        };
      });
  }

  /** The spec of a container about to be added. */
  private specOf(name: string, options: AppContainerOptions, portMappings: ecs.PortMapping[]): ContainerSpec {
    return {
      name,
      essential: options.essential ?? true,
      cpu: options.cpu,
      memoryLimitMiB: options.memoryLimitMiB,
      memoryReservationMiB: options.memoryReservationMiB,
      hasHealthCheck: options.healthCheck !== undefined,
      portMappings: singlePorts(portMappings).map(pm => ({ containerPort: pm.containerPort, hostPort: pm.hostPort })),
      dependsOn: [],
    };
  }
}

/** The port mappings of single ports (not `containerPortRange`). */
function singlePorts(portMappings: ecs.PortMapping[]): ecs.PortMapping[] {
  return portMappings.filter(pm => pm.containerPortRange === undefined);
}

/**
 * The VPC endpoint a container secret is read through: SSM for `ecs.Secret.fromSsmParameter`
 * (the only factory that leaves `hasField` unset), Secrets Manager otherwise.
 */
function secretEndpoint(secret: ecs.Secret): VpcEndpointService {
  return secret.hasField === undefined ? VpcEndpointService.SSM : VpcEndpointService.SECRETS_MANAGER;
}

/** The props a container was created with (aws-cdk-lib keeps them, privately: the one source of its memory and health check). */
function l2Props(c: ecs.ContainerDefinition): ecs.ContainerDefinitionProps {
  return (c as unknown as { props?: ecs.ContainerDefinitionProps }).props ?? ({} as ecs.ContainerDefinitionProps);
}

/** The secrets of a container, however they were added (options, or container.addSecret). */
function l2Secrets(c: ecs.ContainerDefinition): Array<{ valueFrom: string }> {
  return (c as unknown as { secrets?: Array<{ valueFrom: string }> }).secrets ?? [];
}

/**
 * The VPC endpoint a secret reference (its `valueFrom` ARN) is read through: SSM for
 * parameters, Secrets Manager otherwise; a reference to a resource of the stack is
 * classified by that resource's type.
 */
function secretEndpointOf(scope: Construct, valueFrom: string): VpcEndpointService {
  const stack = Stack.of(scope);
  const resolved = JSON.stringify(stack.resolve(valueFrom));
  if (/:ssm:|:parameter\/|parameter\//.test(resolved)) return VpcEndpointService.SSM;
  const refs = [...resolved.matchAll(/"(?:Ref|Fn::GetAtt)":(?:\["|")([A-Za-z0-9]+)"/g)].map(m => m[1]);
  if (refs.length > 0) {
    for (const r of stack.node.findAll()) {
      if (CfnResource.isCfnResource(r) && refs.includes(stack.resolve(r.logicalId)) && r.cfnResourceType === 'AWS::SSM::Parameter') {
        return VpcEndpointService.SSM;
      }
    }
  }
  return VpcEndpointService.SECRETS_MANAGER;
}
