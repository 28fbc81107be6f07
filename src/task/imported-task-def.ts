import { Arn, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { FargateTaskDefAttributes, IFargateTaskDef } from './task-def';
import { TASK_GRANTS } from '../iam/cluster-grants';
import { VpcEndpointService } from '../network/topology';
import { reportProblems } from '../validation/errors';
import { IMPORTED_TASK_DEF } from '../validation/task-rules';

const TYPE = 'FargateTaskDef.fromFargateTaskDefAttributes';

/** A task definition another app owns (`FargateTaskDef.fromFargateTaskDefAttributes`). */
export class ImportedFargateTaskDef extends Construct implements IFargateTaskDef {
  /** The imported task definition. */
  public readonly taskDefinition: ecs.IFargateTaskDefinition;
  public readonly taskDefinitionArn: string;
  public readonly family: string;
  public readonly familyArnPattern: string;
  public readonly cpu: number;
  public readonly memoryLimitMiB: number;
  public readonly cpuArchitecture: ecs.CpuArchitecture;
  public readonly operatingSystemFamily: ecs.OperatingSystemFamily;
  public readonly executionRole: iam.IRole;
  public readonly taskRole: iam.IRole;
  public readonly grantPrincipal: iam.IPrincipal;
  public readonly efsFileSystems: efs.IFileSystem[];
  public readonly requiredVpcEndpoints: VpcEndpointService[];

  constructor(scope: Construct, id: string, attrs: FargateTaskDefAttributes) {
    super(scope, id);
    this.taskDefinition = ecs.FargateTaskDefinition.fromFargateTaskDefinitionAttributes(this, 'Resource', {
      taskDefinitionArn: attrs.taskDefinitionArn,
      networkMode: ecs.NetworkMode.AWS_VPC,
      executionRole: attrs.executionRole,
      taskRole: attrs.taskRole,
    });
    this.taskDefinitionArn = attrs.taskDefinitionArn;
    const family = attrs.family ?? familyOf(attrs.taskDefinitionArn);
    reportProblems(TYPE, this, [family === undefined ? IMPORTED_TASK_DEF.problem('family', { arn: attrs.taskDefinitionArn }) : undefined]);
    this.family = family ?? 'unknown';
    this.familyArnPattern = Stack.of(this).formatArn({ service: 'ecs', resource: 'task-definition', resourceName: `${this.family}:*` });
    this.cpu = attrs.cpu;
    this.memoryLimitMiB = attrs.memoryLimitMiB;
    this.cpuArchitecture = attrs.cpuArchitecture ?? ecs.CpuArchitecture.X86_64;
    this.operatingSystemFamily = attrs.operatingSystemFamily ?? ecs.OperatingSystemFamily.LINUX;
    this.executionRole = attrs.executionRole;
    this.taskRole = attrs.taskRole;
    this.grantPrincipal = attrs.taskRole;
    this.efsFileSystems = [...(attrs.efsFileSystems ?? [])];
    this.requiredVpcEndpoints = [...(attrs.requiredVpcEndpoints ?? [])];
  }

  public grantRun(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return TASK_GRANTS.run(this, TYPE, grantee, cluster);
  }

  public grantDescribeTasks(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return TASK_GRANTS.describe(this, TYPE, grantee, cluster);
  }

  public grantStopTasks(grantee: iam.IGrantable, cluster: ecs.ICluster): iam.Grant {
    return TASK_GRANTS.stop(this, TYPE, grantee, cluster);
  }
}

/** The family of a task definition ARN (`.../task-definition/FAMILY:REVISION`), when the ARN is known at synth. */
function familyOf(arn: string): string | undefined {
  if (Token.isUnresolved(arn)) return undefined;
  try {
    const name = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).resourceName;
    return name?.split(':')[0] || undefined;
  } catch {
    return undefined;
  }
}
