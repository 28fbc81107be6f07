import * as ecs from 'aws-cdk-lib/aws-ecs';
import { architectureName, operatingSystemName } from '../../src/private/platform';

// aws-cdk-lib names architectures and operating systems only through underscore members:
// if an upgrade renames them, this fails instead of every platform rule going quiet.
test('platform names of aws-cdk-lib', () => {
  expect(architectureName(ecs.CpuArchitecture.ARM64)).toBe('ARM64');
  expect(architectureName(ecs.CpuArchitecture.of('X86_64'))).toBe('X86_64');
  expect(operatingSystemName(ecs.OperatingSystemFamily.LINUX)).toBe('LINUX');
  expect(operatingSystemName(ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE)).toBe('WINDOWS_SERVER_2022_CORE');
});

test('a renamed member fails loudly', () => {
  expect(() => architectureName({} as ecs.CpuArchitecture)).toThrow(/no longer a string/);
  expect(() => operatingSystemName({} as ecs.OperatingSystemFamily)).toThrow(/no longer a string/);
});
