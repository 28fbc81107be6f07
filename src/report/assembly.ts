import * as fs from 'fs';
import * as path from 'path';
import { CloudAssembly, CloudFormationStackArtifact } from 'aws-cdk-lib/cx-api';
import { CfnTemplate } from './cost/template';
import { oneLine, ReportError } from './errors';
import { StackTemplate } from './template';

/** The metadata type `Validations.of(scope).acknowledge()` (and this library) records acknowledgements under. */
export const ACKNOWLEDGED_RULES = 'aws:cdk:acknowledged-rules';

/** The metadata type that maps construct paths to logical IDs. */
const LOGICAL_ID = 'aws:cdk:logicalId';

/** One stack of a cloud assembly, as the report reads it. */
export interface AssemblyStack {
  /** The stack's construct path (`Stage/Stack` inside a stage). */
  readonly name: string;
  /** Its region, or `region-agnostic` for an environment-agnostic stack. */
  readonly region: string;
  readonly template: StackTemplate;
  /** Acknowledged rules by construct path: rule ID (`AwsSolutions-IAM5[Resource::*]`) → reason. */
  readonly acknowledgements: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

/**
 * Reads the stacks of the cloud assembly in `dir` (cdk.out) with aws-cdk-lib's own reader,
 * stages included. Every problem becomes a ReportError naming the file.
 */
export function readAssembly(dir: string): AssemblyStack[] {
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(dir)) throw new ReportError(`${dir}: no such directory (run \`cdk synth\` first, or name the cloud assembly directory)`);
  if (!fs.statSync(dir).isDirectory()) throw new ReportError(`${dir}: not a directory (name the cloud assembly directory, such as cdk.out)`);
  if (!fs.existsSync(manifest)) throw new ReportError(`${manifest}: not found; ${dir} is not a cloud assembly (run \`cdk synth\` first)`);
  let assembly: CloudAssembly;
  try {
    // The report reads; a manifest from a newer or older CDK still has what it needs.
    assembly = new CloudAssembly(dir, { skipVersionCheck: true, skipEnumCheck: true, topoSort: false });
  } catch (err) {
    const missing = err as NodeJS.ErrnoException;
    if (missing.code === 'ENOENT' && missing.path) throw new ReportError(`${missing.path}: not found (${manifest} names it; synthesize again)`);
    throw new ReportError(`${manifest}: cannot be read as a cloud assembly manifest: ${oneLine(err)}`);
  }
  let artifacts: CloudFormationStackArtifact[];
  try {
    artifacts = assembly.stacksRecursively;
  } catch (err) {
    throw new ReportError(`${dir}: a nested cloud assembly cannot be read: ${oneLine(err)}`);
  }
  return artifacts.map(a => readStack(a));
}

function readStack(a: CloudFormationStackArtifact): AssemblyStack {
  const file = a.templateFullPath;
  if (!fs.existsSync(file)) throw new ReportError(`${file}: template of stack ${a.displayName} not found (the manifest names it; synthesize again)`);
  let template: CfnTemplate;
  try {
    template = a.template as CfnTemplate;
  } catch (err) {
    throw new ReportError(`${file}: not a JSON template: ${oneLine(err)}`);
  }
  if (template === null || typeof template !== 'object') throw new ReportError(`${file}: not a CloudFormation template (no object)`);
  const acknowledgements = new Map<string, Map<string, string>>();
  let entries;
  const paths = new Map<string, string>();
  try {
    entries = a.findMetadataByType(ACKNOWLEDGED_RULES);
    for (const e of a.findMetadataByType(LOGICAL_ID)) {
      if (typeof e.data === 'string') paths.set(e.data, e.path.replace(/^\//, ''));
    }
  } catch (err) {
    throw new ReportError(`${path.join(a.assembly.directory, a.manifest.additionalMetadataFile ?? 'manifest.json')}: metadata of stack ${a.displayName} cannot be read: ${oneLine(err)}`);
  }
  for (const e of entries) {
    const rules = acknowledgements.get(e.path) ?? new Map<string, string>();
    for (const [key, reason] of Object.entries((e.data ?? {}) as Record<string, unknown>)) {
      rules.set(key.replace(/^annotation::/, ''), String(reason));
    }
    acknowledgements.set(e.path, rules);
  }
  const region = a.environment.region;
  return {
    name: a.hierarchicalId,
    region: region && region !== 'unknown-region' ? region : 'region-agnostic',
    template: new StackTemplate(a.hierarchicalId, template, paths),
    acknowledgements,
  };
}
