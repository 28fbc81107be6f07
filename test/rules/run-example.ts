import { App, CfnParameter, Duration, Lazy, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as cxapi from 'aws-cdk-lib/cx-api';
import * as ts from 'typescript';
import * as kit from '../../src';

/** What an example app reported when it was synthesized. */
export interface ExampleOutcome {
  /** The error aws-cdk-lib threw (every problem of the app), or undefined when it synthesized. */
  readonly error?: string;
  /** The warning annotations of the assembly. */
  readonly warnings: string[];
  /** The rule IDs (`FGK-...`) named by the error and the warnings. */
  readonly ruleIds: string[];
}

/**
 * Runs a rule example (TypeScript statements, see rosetta/rule.ts-fixture) in a new app with
 * the fixture's names in scope, synthesizes the app and returns what it reported.
 */
export function runExample(source: string): ExampleOutcome {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  const network = kit.FargateVpc.fromVpc(stack, 'Network', {
    vpc: ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      publicSubnetIds: ['subnet-0public1', 'subnet-0public2'],
      privateSubnetIds: ['subnet-0private1', 'subnet-0private2'],
      publicSubnetRouteTableIds: ['rtb-0public1', 'rtb-0public2'],
      privateSubnetRouteTableIds: ['rtb-0private1', 'rtb-0private2'],
    }),
    topology: kit.VpcTopology.PRIVATE_WITH_NAT,
  });
  const scope: Record<string, unknown> = {
    ...kit,
    App,
    CfnParameter,
    Duration,
    Lazy,
    RemovalPolicy,
    Stack,
    Token,
    Validations,
    acm,
    cloudwatch,
    ec2,
    ecr,
    ecs,
    efs,
    elbv2,
    events,
    iam,
    logs,
    route53,
    s3,
    secretsmanager,
    ssm,
    app,
    stack,
    network,
  };
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  try {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function(...Object.keys(scope), js)(...Object.values(scope));
  } catch (e) {
    // a mistake no placeholder can stand in for throws while the app is built (still this library's message)
    const error = (e as Error).message;
    return { error, warnings: [], ruleIds: idsIn(error) };
  }
  let assembly: cxapi.CloudAssembly;
  try {
    assembly = app.synth({ force: true });
  } catch (e) {
    const error = (e as Error).message;
    return { error, warnings: [], ruleIds: idsIn(error) };
  }
  const warnings = assembly.stacksRecursively.flatMap(s => s.messages)
    .filter(m => m.level === 'warning').map(m => `${m.id}: ${String(m.entry.data)}`);
  return { warnings, ruleIds: idsIn(warnings.join('\n')) };
}

function idsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\[(FGK-[A-Z0-9-]+)\]/g)].map(m => m[1]))];
}
