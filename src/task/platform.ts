import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';

/** The CPU architecture and operating system family of a task, as the template names them. */
export interface PlatformNames {
  /** `X86_64`, `ARM64`, or `unknown`. */
  readonly architecture: string;
  /** `LINUX`, `WINDOWS_SERVER_2022_CORE`, ..., or `unknown`. */
  readonly operatingSystem: string;
}

/**
 * The platform of a task definition by name, through public API only: for a task definition
 * of this app, the runtime platform aws-cdk-lib rendered into its `AWS::ECS::TaskDefinition`
 * (the L1's public `runtimePlatform`); otherwise (an imported one) the static members of
 * `ecs.CpuArchitecture` / `ecs.OperatingSystemFamily` the given values are. A value made with
 * `.of(...)` on an imported task definition reads `unknown`, and the rules that need it skip.
 */
export function platformNames(
  taskDefinition: ecs.ITaskDefinition | undefined, cpuArchitecture: ecs.CpuArchitecture, operatingSystemFamily: ecs.OperatingSystemFamily,
): PlatformNames {
  const cfn = taskDefinition?.node.defaultChild;
  if (taskDefinition !== undefined && cfn instanceof ecs.CfnTaskDefinition) {
    const platform = cfn.runtimePlatform;
    const rendered = Stack.of(taskDefinition).resolve(platform) as { cpuArchitecture?: string; operatingSystemFamily?: string } | undefined;
    return {
      architecture: rendered?.cpuArchitecture ?? 'X86_64',
      operatingSystem: rendered?.operatingSystemFamily ?? 'LINUX',
    };
  }
  return {
    architecture: staticName(ecs.CpuArchitecture, cpuArchitecture),
    operatingSystem: staticName(ecs.OperatingSystemFamily, operatingSystemFamily),
  };
}

/** The name of the static member of `owner` that `value` is, or `unknown`. */
function staticName(owner: object, value: object): string {
  return Object.entries(owner).find(([, v]) => v === value)?.[0] ?? 'unknown';
}
