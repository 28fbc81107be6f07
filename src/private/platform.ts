import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * The names of a CPU architecture and an operating system family (`ARM64`, `LINUX`,
 * `WINDOWS_SERVER_2022_CORE`), for the rules. aws-cdk-lib exposes them only as the
 * underscore members `_cpuArchitecture` / `_operatingSystemFamily` (declared public, outside
 * the jsii API); this is the one place that reads them, and it fails loudly if a later
 * aws-cdk-lib renames them (test/private/platform.test.ts), instead of checks going quiet.
 */
export function architectureName(architecture: ecs.CpuArchitecture): string {
  return nameOf(architecture._cpuArchitecture, 'CpuArchitecture._cpuArchitecture');
}

/** The name of an operating system family (see `architectureName`). */
export function operatingSystemName(os: ecs.OperatingSystemFamily): string {
  return nameOf(os._operatingSystemFamily, 'OperatingSystemFamily._operatingSystemFamily');
}

function nameOf(value: unknown, member: string): string {
  if (typeof value !== 'string') {
    throw new Error(`cdk-fargate-kit: aws-cdk-lib's ${member} is no longer a string; this version of cdk-fargate-kit does not support this aws-cdk-lib. Please report it.`);
  }
  return value;
}
