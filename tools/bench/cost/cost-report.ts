import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { createExampleApp, exampleStacks } from '../../../examples/scenarios';
import { FargateVpc, FargateVpcProps, VpcEndpointService, VpcTopology } from '../../../src';
import { countHourlyResources, fargateServices, HourlyResources, publicIpv4Count } from '../../../src/report/cost/hourly-resources';
import { breakEvenGb, CostLine, costAt, fargateServiceMonthly, fargateTaskMonthly, fixedMonthlyCost } from '../../../src/report/cost/monthly-cost';
import { PRICES, Prices } from '../../../src/report/cost/prices';
import { stackMonthlyCost, trafficPricePerGb } from '../../../src/report/cost/stack-cost';
import { fixed, markdownTable, usd } from '../markdown';
import { addOurService } from '../ours';
import { CfnTemplate } from '../template-stats';

/** A generated FargateVpc variant priced by the report. */
interface Variant {
  readonly name: string;
  readonly props: FargateVpcProps;
}

const VARIANTS: Variant[] = [
  { name: 'PUBLIC_ONLY', props: { topology: VpcTopology.PUBLIC_ONLY } },
  { name: 'PRIVATE_WITH_NAT, 1 NAT', props: { topology: VpcTopology.PRIVATE_WITH_NAT, natGateways: 1 } },
  { name: 'PRIVATE_WITH_NAT, NAT per AZ (default)', props: { topology: VpcTopology.PRIVATE_WITH_NAT } },
  { name: 'PRIVATE_ISOLATED, core endpoints', props: { topology: VpcTopology.PRIVATE_ISOLATED } },
  {
    name: 'PRIVATE_ISOLATED, + Secrets Manager, SSM, ECS Exec',
    props: {
      topology: VpcTopology.PRIVATE_ISOLATED,
      vpcEndpoints: [VpcEndpointService.SECRETS_MANAGER, VpcEndpointService.SSM, VpcEndpointService.SSM_MESSAGES],
    },
  },
];

/** A variant's counted templates: network stack and one internet-facing service. */
interface PricedVariant {
  readonly name: string;
  readonly network: HourlyResources;
  readonly service: HourlyResources;
  readonly networkLine: CostLine;
  readonly serviceFixed: number;
  readonly serviceCompute: number;
}

function synthTemplates(app: App): Map<string, CfnTemplate> {
  const assembly = app.synth();
  return new Map(assembly.stacks.map(s => [s.stackName, s.template as CfnTemplate]));
}

function withTempDir<T>(fn: (outdir: string) => T): T {
  const outdir = mkdtempSync(join(tmpdir(), 'cfk-cost-'));
  try {
    return fn(outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function priceVariant(v: Variant, p: Prices): PricedVariant {
  const templates = withTempDir(outdir => {
    const app = new App({ outdir });
    const network = new FargateVpc(new Stack(app, 'Network'), 'Network', v.props);
    const services = new Stack(app, 'Services');
    const cluster = new ecs.Cluster(services, 'Cluster', { vpc: network.vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
    addOurService(services, 'Service0', network, cluster);
    return synthTemplates(app);
  });
  const networkT = [templates.get('Network')!];
  const serviceT = [templates.get('Services')!];
  const network = countHourlyResources(networkT);
  const service = countHourlyResources(serviceT);
  const perGb = trafficPricePerGb(network, p);
  return {
    name: v.name,
    network,
    service,
    networkLine: { fixed: fixedMonthlyCost(network, p).total, perGb },
    serviceFixed: fixedMonthlyCost(service, p).total,
    serviceCompute: fargateServices(serviceT).reduce((a, s) => a + fargateServiceMonthly(s, p), 0),
  };
}

function gbText(gb: number | undefined): string {
  return gb === undefined ? 'never' : `${fixed(gb, 0)} GB`;
}

const SERVICE_COUNTS = [1, 10, 50];
const VOLUMES_GB = [0, 100, 500, 1000, 5000];
const TASK_SIZES: Array<[number, number]> = [[0.25, 0.5], [0.5, 1], [1, 2], [2, 4], [4, 8]];

/** Builds the cost section of BENCHMARKS.md (Markdown). */
export function costReport(p: Prices = PRICES): string {
  const priced = VARIANTS.map(v => priceVariant(v, p));
  const out: string[] = [];
  out.push(`Region **${p.region}**, on-demand list prices (Linux), recorded ${p.recorded} from the published AWS pricing pages as known — not fetched live; check them before relying on a figure: ${p.sources.join('; ')}.`);
  out.push('');
  out.push(`Unit prices: NAT gateway $${p.natGatewayHour}/h + $${p.natGatewayGb}/GB processed · interface endpoint $${p.interfaceEndpointAzHour}/h per AZ + $${p.interfaceEndpointGb}/GB · ALB $${p.albHour}/h + $${p.albLcuHour}/LCU-h · public IPv4 $${p.publicIpv4Hour}/h · Fargate x86 $${p.fargateX86VcpuHour}/vCPU-h + $${p.fargateX86GbHour}/GB-h · Fargate ARM64 $${p.fargateArmVcpuHour}/vCPU-h + $${p.fargateArmGbHour}/GB-h · Fargate Spot ≈ ${p.fargateSpotDiscount * 100}% off · ${p.hoursPerMonth} h/month. Not counted: data transfer out, LCUs, CloudWatch Logs ingestion (flow logs, container logs), Container Insights metrics — they scale with traffic, not with the clock.`);
  out.push('');
  out.push('### Fixed monthly cost of each topology (network stack, counted from its synthesized template)');
  out.push('');
  out.push(markdownTable(
    ['topology (FargateVpc, 2 AZs)', 'NAT gateways', 'interface endpoints × AZs', 'public IPv4', 'fixed / month', 'per GB to AWS/internet'],
    priced.map(v => [
      v.name,
      String(v.network.natGateways),
      `${v.network.interfaceEndpoints} × ${v.network.interfaceEndpoints ? v.network.interfaceEndpointEnis / v.network.interfaceEndpoints : 0} = ${v.network.interfaceEndpointEnis}`,
      String(publicIpv4Count(v.network)),
      usd(v.networkLine.fixed),
      v.networkLine.perGb ? `$${v.networkLine.perGb}` : '$0 (tasks use their own public IP)',
    ]),
  ));
  out.push('');
  out.push('### Per internet-facing service (one ALB, 2 tasks of 0.25 vCPU / 0.5 GB x86, counted from its synthesized template)');
  out.push('');
  out.push(markdownTable(
    ['topology', 'ALBs', 'public IPv4 (ALB nodes + tasks)', 'fixed / month', 'Fargate compute / month (on-demand)'],
    priced.map(v => [
      v.name,
      String(v.service.applicationLoadBalancers),
      `${v.service.publicIpv4.loadBalancerNodes} + ${v.service.publicIpv4.publicTasks}`,
      usd(v.serviceFixed),
      usd(v.serviceCompute),
    ]),
  ));
  out.push('');
  out.push('### What the app costs per month with no traffic: network + N services (fixed + compute)');
  out.push('');
  out.push(markdownTable(
    ['topology', ...SERVICE_COUNTS.map(n => `${n} service${n > 1 ? 's' : ''}`)],
    priced.map(v => [v.name, ...SERVICE_COUNTS.map(n => usd(v.networkLine.fixed + n * (v.serviceFixed + v.serviceCompute)))]),
  ));
  out.push('');
  out.push('### Which private topology is cheaper for my traffic: network cost per month by GB that tasks send to AWS APIs and the internet');
  out.push('');
  out.push('GB processed by the NAT gateways, or by the interface endpoints in PRIVATE_ISOLATED. Image layers come from S3: free through the S3 gateway endpoint that PRIVATE_ISOLATED has (a NAT VPC can add it too). PRIVATE_ISOLATED reaches AWS services only — an app that calls third-party APIs needs NAT. The cheapest at each volume is in bold.');
  out.push('');
  const privateVariants = priced.filter(v => !v.name.startsWith('PUBLIC_ONLY'));
  out.push(markdownTable(
    ['topology', ...VOLUMES_GB.map(gb => `${gb} GB`)],
    privateVariants.map(v => [v.name, ...VOLUMES_GB.map(gb => {
      const cost = costAt(v.networkLine, gb);
      const cheapest = Math.min(...privateVariants.map(o => costAt(o.networkLine, gb)));
      return cost === cheapest ? `**${usd(cost)}**` : usd(cost);
    })]),
  ));
  out.push('');
  const nat = privateVariants.filter(v => v.network.natGateways > 0);
  const endpoints = privateVariants.filter(v => v.network.interfaceEndpoints > 0);
  out.push(markdownTable(
    ['NAT topology', 'endpoint topology', 'break-even (GB / month)', 'below it', 'above it'],
    nat.flatMap(a => endpoints.map(b => {
      const gb = breakEvenGb(a.networkLine, b.networkLine);
      const cheaperAtZero = a.networkLine.fixed <= b.networkLine.fixed ? a.name : b.name;
      return [a.name, b.name, gbText(gb), gb === undefined ? `${cheaperAtZero} at every volume` : cheaperAtZero, gb === undefined ? '' : (cheaperAtZero === a.name ? b.name : a.name)];
    })),
  ));
  out.push('');
  out.push('### Fargate compute per task per month (730 h), by size, architecture and Spot share');
  out.push('');
  out.push(markdownTable(
    ['vCPU / GB', 'x86 on-demand', 'x86 50% Spot', 'x86 100% Spot', 'ARM64 on-demand', 'ARM64 50% Spot', 'ARM64 100% Spot'],
    TASK_SIZES.map(([vcpu, memoryGb]) => [
      `${vcpu} / ${memoryGb}`,
      ...[false, true].flatMap(arm64 => [0, 0.5, 1].map(spotShare => usd(fargateTaskMonthly({ vcpu, memoryGb, arm64, spotShare }, p)))),
    ]),
  ));
  out.push('');
  out.push('### Example stacks (examples/scenarios.ts), fixed monthly cost from their templates');
  out.push('');
  const exampleTemplates = withTempDir(outdir => {
    const app = createExampleApp({ outdir });
    const assembly = app.synth();
    return exampleStacks(app).map(s => [s.stackName, assembly.getStackByName(s.stackName).template as CfnTemplate] as const);
  });
  out.push(markdownTable(
    ['stack', 'NAT gateways', 'endpoint ENIs', 'ALBs', 'public IPv4', 'Fargate services', 'fixed / month', 'compute / month'],
    exampleTemplates.map(([name, t]) => exampleStackRow(name, t, p)),
  ));
  return out.join('\n');
}

/** One row of the example-stacks table: the same figures `npx cdk-fargate-kit report` prints for the stack. */
export function exampleStackRow(name: string, template: CfnTemplate, p: Prices = PRICES): string[] {
  const c = stackMonthlyCost(template, p);
  const r = c.resources;
  return [
    name, String(r.natGateways), String(r.interfaceEndpointEnis), String(r.applicationLoadBalancers), String(publicIpv4Count(r)),
    String(c.services.length), usd(c.fixed.total), usd(c.compute),
  ];
}
