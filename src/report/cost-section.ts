import { publicIpv4Count } from './cost/hourly-resources';
import { Prices } from './cost/prices';
import { markdownTable, usd } from './markdown';
import { StackReport } from './model';

/** The cost section: fixed monthly cost per stack and per service, the per-GB price, and the assumptions. */
export function costSection(stacks: readonly StackReport[], p: Prices): string {
  const out: string[] = ['## Cost', ''];
  out.push(markdownTable(
    ['stack', 'NAT gateways', 'interface endpoint ENIs', 'load balancers', 'public IPv4', 'fixed / month', 'Fargate services / month', 'total / month', 'per GB through NAT or endpoints'],
    stacks.map(s => {
      const c = s.cost;
      return [
        s.name, String(c.resources.natGateways), String(c.resources.interfaceEndpointEnis), String(c.resources.applicationLoadBalancers),
        String(publicIpv4Count(c.resources)), usd(c.fixed.total), usd(c.compute), usd(c.fixed.total + c.compute),
        c.perGb ? `$${c.perGb}/GB (${usd(c.perGb * 100)} per 100 GB)` : '$0 (no NAT or interface endpoints)',
      ];
    }),
  ));
  const services = stacks.flatMap(s => s.cost.services.map(svc => ({ s, svc })));
  if (services.length) {
    out.push('', 'Per service: its running tasks (desired count × task size, with its Spot share), its share of the load balancers '
      + 'that forward to it, and its tasks\' public IPv4 addresses; NAT gateways, endpoints and other Elastic IPs stay with the stack:', '');
    out.push(markdownTable(
      ['stack', 'service', 'tasks / month', 'load balancer share / month', 'task public IPv4 / month', 'total / month'],
      services.map(({ s, svc }) => [
        s.name, s.template.nameOf(svc.logicalId), usd(svc.compute), usd(svc.loadBalancers), usd(svc.publicIpv4), usd(svc.total),
      ]),
    ));
  }
  const total = stacks.reduce((a, s) => a + s.cost.fixed.total + s.cost.compute, 0);
  out.push('', `**All stacks: ${usd(total)} per month** with no traffic.`, '');
  out.push(assumptions(p));
  return out.join('\n');
}

/** The prices and what is not counted. */
export function assumptions(p: Prices): string {
  return `Assumptions: region **${p.region}** list prices recorded ${p.recorded} (not fetched live; the same table as the benchmark, \`src/report/cost/prices.ts\`), ${p.hoursPerMonth} h/month; ` +
    `NAT gateway $${p.natGatewayHour}/h + $${p.natGatewayGb}/GB · interface endpoint $${p.interfaceEndpointAzHour}/h per AZ + $${p.interfaceEndpointGb}/GB · ` +
    `ALB $${p.albHour}/h · public IPv4 $${p.publicIpv4Hour}/h · Fargate x86 $${p.fargateX86VcpuHour}/vCPU-h + $${p.fargateX86GbHour}/GB-h · ` +
    `ARM64 $${p.fargateArmVcpuHour}/vCPU-h + $${p.fargateArmGbHour}/GB-h · Spot ${p.fargateSpotDiscount * 100}% off. ` +
    'Services run at their desired count all month; scheduled and one-off tasks, LCUs, data transfer out, CloudWatch Logs and Container Insights are not counted (they scale with use).';
}
