import { grantedServices, StackReport } from './model';

/** Mermaid node IDs: letters, digits and underscores only. */
function nodeId(prefix: string, name: string): string {
  return `${prefix}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** A quoted Mermaid label (double quotes become #quot;). */
function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

/**
 * A Mermaid flowchart of one stack's network: subnets per AZ with their NAT gateways, the
 * VPC endpoints, load balancers → services and tasks → the AWS services their task roles are granted.
 */
export function mermaidFlowchart(s: StackReport): string {
  const lines: string[] = ['flowchart LR'];
  const edges: string[] = [];
  const internet = 'internet';
  let usesInternet = false;
  const azs = new Map<string, string[]>();
  const subnetsInUse = new Set([...s.exposure.workloads.flatMap(w => w.subnetIds), ...s.exposure.loadBalancers.flatMap(l => l.subnetIds)]);
  for (const subnet of s.network.subnets.values()) {
    const list = azs.get(subnet.az) ?? [];
    const kind = subnet.route === 'internet gateway' ? 'public' : subnet.route === 'NAT gateway' ? 'private, NAT' : 'isolated';
    list.push(`    ${nodeId('subnet', subnet.logicalId)}[${label(`${subnet.name.split('/').pop()} (${kind})<br/>${subnet.cidr}`)}]`);
    azs.set(subnet.az, list);
  }
  for (const [natId, subnetId] of s.network.natGateways) {
    const az = subnetId ? s.network.subnets.get(subnetId)?.az : undefined;
    const entry = `    ${nodeId('nat', natId)}{{${label('NAT gateway')}}}`;
    if (az && azs.has(az)) azs.get(az)!.push(entry);
    else lines.push(entry.trim());
    edges.push(`${nodeId('nat', natId)} --> ${internet}`);
    usesInternet = true;
  }
  let i = 0;
  for (const [az, entries] of azs) {
    lines.push(`  subgraph ${nodeId('az', `${s.name}_${i++}`)}[${label(az)}]`, ...entries, '  end');
  }
  for (const subnet of s.network.subnets.values()) {
    if (subnet.route === 'NAT gateway' && subnet.natGateway && subnetsInUse.has(subnet.logicalId)) edges.push(`${nodeId('subnet', subnet.logicalId)} --> ${nodeId('nat', subnet.natGateway)}`);
  }
  const interfaceEndpoints = s.network.endpoints.map(e => e.service);
  const isolatedInUse = [...s.network.subnets.values()].filter(sn => sn.route === 'none' && subnetsInUse.has(sn.logicalId));
  if (interfaceEndpoints.length) {
    lines.push(`  endpoints[${label(`VPC endpoints<br/>${interfaceEndpoints.join(', ')}`)}]`);
    for (const sn of isolatedInUse) edges.push(`${nodeId('subnet', sn.logicalId)} --> endpoints`);
  }
  for (const lb of s.exposure.loadBalancers) {
    const lbNode = nodeId('lb', lb.logicalId);
    lines.push(`  ${lbNode}[${label(`${lb.type === 'network' ? 'NLB' : 'ALB'} ${lb.name}<br/>${lb.listeners.map(l => `${l.protocol} ${l.port}`).join(', ')}`)}]`);
    if (lb.scheme === 'internet-facing') {
      usesInternet = true;
      edges.push(`${internet} -->|${label(lb.allowedCidrs.join(', ') || 'listeners')}| ${lbNode}`);
    }
  }
  const awsServices = new Set<string>();
  for (const w of s.exposure.workloads) {
    const wNode = nodeId('w', `${w.kind}_${w.logicalId}`);
    lines.push(`  ${wNode}([${label(`${w.kind} ${w.name}`)}])`);
    for (const lb of s.exposure.loadBalancers) {
      const ports = w.ingress.filter(r => r.includes(`load balancer ${lb.name} `) || r.endsWith(`load balancer ${lb.name}`)).map(r => r.split(' from ')[0]);
      if (ports.length) edges.push(`${nodeId('lb', lb.logicalId)} -->|${label(ports.join(', '))}| ${wNode}`);
    }
    for (const r of w.ingress.filter(x => /^(0\.0\.0\.0\/0|::\/0) /.test(x.split(' from ')[1] ?? ''))) {
      usesInternet = true;
      edges.push(`${internet} -->|${label(r.split(' from ')[0])}| ${wNode}`);
    }
    for (const sn of w.subnetIds) {
      if (s.network.subnets.has(sn)) edges.push(`${wNode} -.-> ${nodeId('subnet', sn)}`);
      if (w.publicIp && s.network.subnets.get(sn)?.route === 'internet gateway') {
        usesInternet = true;
        edges.push(`${nodeId('subnet', sn)} -->|${label('public IP')}| ${internet}`);
      }
    }
    for (const service of grantedServices(s, w.taskRoleId)) {
      awsServices.add(service);
      edges.push(`${wNode} -->|${label('task role')}| ${nodeId('aws', service)}`);
    }
  }
  for (const service of awsServices) lines.push(`  ${nodeId('aws', service)}[(${label(service === '*' ? 'every AWS service' : service)})]`);
  if (usesInternet) lines.splice(1, 0, `  ${internet}((${label('Internet')}))`);
  return [...lines, ...[...new Set(edges)].map(e => `  ${e}`)].join('\n');
}
