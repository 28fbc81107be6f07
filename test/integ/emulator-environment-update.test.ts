/**
 * Day-2 updates of an environment on the local AWS emulator: deploys the change matrix's
 * environment app (web on the shared load balancer, api in Service Connect), then a second
 * service joins the shared load balancer, the web service starts calling the API, and a second
 * Service Connect service is published, as CloudFormation stack updates. After each: the update
 * completes, the live state matches the template, every listener forwards (through its rules)
 * only to target groups a service is attached to, and nothing that carries traffic was replaced
 * - in particular the first service's target group and listener rule.
 */
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DefaultStackSynthesizer } from 'aws-cdk-lib';
import { checkListenersReachServices, checkStack } from './live-checks';
import { Emulator, deployTemplate, emulatorMissing, stackState, startEmulator } from '../../tools/emulator/emulator';
import { BaseAppOptions, synthBaseApp } from '../change-matrix/base-app';

const missing = emulatorMissing();
if (missing) {
  throw new Error(`emulator integration tests cannot run: ${missing}`);
}

const STACK = 'DayTwo';
const STEPS: Array<[string, BaseAppOptions]> = [
  ['environment app', { environment: {} }],
  ['a second service joins the shared load balancer', { environment: { shop: true } }],
  ['the web service starts calling the API', { environment: { shop: true, webCallsApi: true } }],
  ['a second service published in Service Connect', { environment: { shop: true, webCallsApi: true, search: true } }],
];
/** Physical IDs that must survive every update. */
const KEPT_TYPES = [
  'AWS::EC2::VPC', 'AWS::EC2::Subnet', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::EC2::SecurityGroup', 'AWS::ECS::Service',
  'AWS::ECS::Cluster', 'AWS::Logs::LogGroup', 'AWS::ServiceDiscovery::HttpNamespace',
];

let emulator: Emulator;
const dir = mkdtempSync(join(tmpdir(), 'fargate-kit-env-day2-'));
const physical = new Map<string, string>();

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator?.stop();
});

describe('day-2 updates of an environment on the emulator', () => {
  test.each(STEPS.map(([name, opts], i) => [i, name, opts] as const))('%i: %s', (i, _name, opts) => {
    const template = synthBaseApp(opts, new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }));
    const file = join(dir, `step${i}.json`);
    writeFileSync(file, JSON.stringify(template));
    const result = deployTemplate(emulator, STACK, file);
    expect(result).toEqual(expect.objectContaining({ status: i === 0 ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE', failedEvents: [] }));
    const state = stackState(emulator, STACK);
    expect(checkListenersReachServices(state)).toEqual([]);
    expect(checkStack(template, state)).toEqual([]);
    const replaced: string[] = [];
    for (const r of state.resources) {
      if (!KEPT_TYPES.includes(r.type ?? template.Resources[r.logicalId]?.Type)) continue;
      const before = physical.get(r.logicalId);
      if (before !== undefined && before !== r.physicalId) replaced.push(`${r.logicalId}: ${before} -> ${r.physicalId}`);
      physical.set(r.logicalId, r.physicalId);
    }
    expect(replaced).toEqual([]);
    // the web front's rule and target group were there from the start and are still the same
    const webRule = Object.keys(template.Resources).find(id => /^WebFrontRule/.test(id))!;
    expect(physical.get(webRule)).toBeDefined();
  });
});
