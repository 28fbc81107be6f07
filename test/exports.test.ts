import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// The public TypeScript API is the jsii API: src/index.ts exports the public modules and
// nothing else (building code beside each construct, rules in src/validation/). A new export, or a
// helper that leaks, shows up here and must be added on purpose.

const RUNTIME_EXPORTS = [
  'AlbFront',
  'AlbFrontedService',
  'FargateEnvironment',
  'FargateService',
  'FargateTask',
  'FargateTaskDef',
  'FargateVpc',
  'ServiceAlarm',
  'TaskRoles',
  'VpcEndpointService',
  'VpcTopology',
];

const TYPE_EXPORTS = [
  'AlbAlarmOptions',
  'AlbFrontOptions',
  'AlbFrontProps',
  'AlbFrontedServiceProps',
  'AlbRoute',
  'AppContainerOptions',
  'ContainerStartDependency',
  'EfsVolumeOptions',
  'EnvironmentLoadBalancerOptions',
  'EnvironmentServiceConnectOptions',
  'FargateEnvironmentAttributes',
  'FargateEnvironmentProps',
  'FargateNetworkFromVpcProps',
  'FargateServiceAttributes',
  'FargateServiceProps',
  'FargateTaskDefAttributes',
  'FargateTaskDefProps',
  'FargateTaskProps',
  'FargateVpcProps',
  'FargateWorkloadProps',
  'IFargateEnvironment',
  'IFargateNetwork',
  'IFargateService',
  'IFargateTaskDef',
  'RequestCountScalingOptions',
  'ScalingSchedule',
  'ServiceAlarmOptions',
  'ServiceAutoScalingOptions',
  'ServiceConnectOptions',
  'SpotCapacityOptions',
  'TaskRolesProps',
];

test('the runtime exports are exactly the public classes and enums', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect(Object.keys(require('../src')).sort()).toEqual(RUNTIME_EXPORTS);
});

/** The names a module exports: its exported declarations, and what its `export * from` re-exports. */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.Latest);
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      // only `export * from './module'` (named re-exports would need their own bookkeeping)
      expect(statement.exportClause).toBeUndefined();
      const target = (statement.moduleSpecifier as ts.StringLiteral).text;
      names.push(...exportedNames(path.join(path.dirname(file), `${target}.ts`)));
      continue;
    }
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some(m => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      names.push(...statement.declarationList.declarations.map(d => d.name.getText(source)));
    } else if ('name' in statement && statement.name !== undefined) {
      names.push((statement.name as ts.Identifier).text);
    }
  }
  return names;
}

test('the exported names (types included) are exactly the public API', () => {
  const names = exportedNames(path.join(__dirname, '..', 'src', 'index.ts')).sort();
  expect(names).toEqual([...RUNTIME_EXPORTS, ...TYPE_EXPORTS].sort());
});

// The jsii assembly (written by `npx jsii` / `npx projen compile`) sees the same types.
const assembly = path.join(__dirname, '..', '.jsii');
(fs.existsSync(assembly) ? test : test.skip)('the jsii assembly has exactly the same types', () => {
  const types = Object.keys(JSON.parse(fs.readFileSync(assembly, 'utf-8')).types ?? {});
  expect(types.map(fqn => fqn.replace(/^cdk-fargate-kit\./, '')).sort()).toEqual([...RUNTIME_EXPORTS, ...TYPE_EXPORTS].sort());
});
