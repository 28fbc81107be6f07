import { readFileSync } from 'fs';
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { cli, exampleAssembly, facts, synthToDir } from './helpers';
import { PRICES } from '../../src/report/cost/prices';
import { exampleStackRow } from '../../tools/bench/cost/cost-report';

// The report prices a stack exactly as the benchmark (BENCHMARKS.md) does: same price table,
// same counting, same rounding.
const dir = exampleAssembly();
const reports = facts(dir);
const output = cli('report', dir).stdout;

/** The cells of the report's cost table row for a stack. */
function costRow(stack: string): string[] {
  const costPart = output.slice(output.indexOf('## Cost'));
  const line = costPart.split('\n').find(l => l.startsWith(`| ${stack} |`));
  if (!line) throw new Error(`no cost row for ${stack}`);
  return line.split(' | ').map(c => c.replace(/^\| | \|$/g, ''));
}

describe.each(reports.map(r => [r.name, r] as const))('stack %s', (name) => {
  const template = JSON.parse(readFileSync(join(dir, `${name}.template.json`), 'utf-8'));
  const [, nat, enis, albs, ipv4, services, fixedMonthly, computeMonthly] = exampleStackRow(name, template, PRICES);

  test('the counts and the fixed and compute figures equal the benchmark\'s for the same template', () => {
    const [, rNat, rEnis, rAlbs, rIpv4, rFixed, rCompute] = costRow(name);
    expect([rNat, rEnis, rAlbs, rIpv4, rFixed, rCompute]).toEqual([nat, enis, albs, ipv4, fixedMonthly, computeMonthly]);
    expect(reports.find(r => r.name === name)!.cost.services).toHaveLength(Number(services));
  });
});

test('the figures of the example app (us-east-1 list prices, 730 h)', () => {
  expect(costRow('Scorekeep').slice(1, 8)).toEqual(['2', '0', '1', '4', '$96.73', '$18.02', '$114.75']);
  expect(costRow('IsolatedWithEndpoints').slice(1, 8)).toEqual(['0', '8', '0', '0', '$58.40', '$9.01', '$67.41']);
  expect(costRow('Scorekeep')[8]).toBe('$0.045/GB ($4.50 per 100 GB)');
  expect(output).toContain('Assumptions: region **us-east-1**');
  expect(output).toContain('730 h/month');
});

describe('per service', () => {
  const p = PRICES;
  const h = p.hoursPerMonth;

  test('Scorekeep\'s service carries its ALB (hours and two node IPv4); PublicOnly\'s its two tasks\' IPv4', () => {
    const [web] = reports.find(r => r.name === 'Scorekeep')!.cost.services;
    expect(web.loadBalancers).toBeCloseTo((p.albHour + 2 * p.publicIpv4Hour) * h, 9);
    expect(web.publicIpv4).toBe(0);
    expect(web.total).toBeCloseTo(web.compute + web.loadBalancers, 9);
    const [pub] = reports.find(r => r.name === 'PublicOnly')!.cost.services;
    expect(pub).toMatchObject({ loadBalancers: 0 });
    expect(pub.publicIpv4).toBeCloseTo(2 * p.publicIpv4Hour * h, 9);
  });

  test('two services behind one shared ALB split it evenly', () => {
    const sharedDir = synthToDir(outdir => {
      const app = new App({ outdir });
      const stack = new Stack(app, 'Shared');
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
      const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: true });
      const listener = alb.addListener('Http', { port: 80 });
      ['A', 'B'].forEach((name, i) => {
        const taskDefinition = new ecs.FargateTaskDefinition(stack, `${name}Task`);
        taskDefinition.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx'), portMappings: [{ containerPort: 80 }] });
        const service = new ecs.FargateService(stack, name, { cluster, taskDefinition });
        listener.addTargets(name, {
          port: 80,
          targets: [service],
          ...(i === 0 ? {} : { priority: 10, conditions: [elbv2.ListenerCondition.pathPatterns(['/b/*'])] }),
        });
      });
      return app;
    });
    const shared = facts(sharedDir)[0].cost;
    expect(shared.services.map(s => s.loadBalancers)).toEqual([0, 0].map(() => expect.closeTo((p.albHour + 2 * p.publicIpv4Hour) * h / 2, 9)));
  });
});
