import { exampleAssembly, facts, stackFacts } from './helpers';
import { mermaidFlowchart } from '../../src/report/mermaid';

const reports = facts(exampleAssembly());
const chart = (name: string) => mermaidFlowchart(stackFacts(reports, name)).split('\n');

test('Scorekeep: subnets per AZ with their NAT gateway, internet → ALB → service → the services its task role is granted', () => {
  const lines = chart('Scorekeep');
  expect(lines[0]).toBe('flowchart LR');
  expect(lines.filter(l => l.trim().startsWith('subgraph')).map(l => l.trim())).toEqual(['subgraph az_Scorekeep_0["AZ 1"]', 'subgraph az_Scorekeep_1["AZ 2"]']);
  expect(lines.filter(l => l.includes('{{"NAT gateway"}}'))).toHaveLength(2);
  expect(lines).toContain('  internet -->|"0.0.0.0/0 on tcp 80"| lb_WebLoadBalancer8E8983B1');
  expect(lines).toContain('  lb_WebLoadBalancer8E8983B1 -->|"tcp 8080, tcp 5000"| w_service_WebServiceService1389D46F');
  expect(lines.filter(l => l.includes('-->|"task role"|')).map(l => l.split(' ').pop())).toEqual(['aws_dynamodb', 'aws_sns']);
  // the tasks are reached through the load balancer only
  expect(lines.filter(l => l.startsWith('  internet -->'))).toHaveLength(1);
});

test('PublicOnly: tasks reach out and are reached through their public IPs', () => {
  const lines = chart('PublicOnly');
  expect(lines).toContain('  internet -->|"tcp 8080"| w_service_WebService6469C718');
  expect(lines.filter(l => l.includes('-->|"public IP"| internet'))).toHaveLength(2);
});

test('IsolatedWithEndpoints: no internet node, the isolated subnets go to the VPC endpoints', () => {
  const lines = chart('IsolatedWithEndpoints');
  expect(lines.some(l => l.includes('internet'))).toBe(false);
  expect(lines.filter(l => l.endsWith('--> endpoints'))).toHaveLength(2);
  expect(lines).toContain('  endpoints["VPC endpoints<br/>ecr.api, ecr.dkr, s3, logs, ssmmessages"]');
});
