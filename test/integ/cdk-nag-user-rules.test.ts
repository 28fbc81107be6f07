import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AlbFrontedService, FargateTaskDef, FargateVpc } from '../../src';

interface Violation {
  readonly ruleName: string;
  readonly violatingConstructs: { readonly constructPath: string }[];
}

/**
 * The library acknowledges AwsSolutions-EC23 only for what it created itself: a world-open
 * port a user adds to any of its security groups is still reported by cdk-nag.
 */
function ec23Paths(mutate: (web: AlbFrontedService) => void): string[] {
  const outdir = mkdtempSync(join(tmpdir(), 'fargate-kit-nag-'));
  const app = new App({ outdir, context: { '@aws-cdk/core:failSynthOnValidationErrors': false } });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const stack = new Stack(app, 'Nag', { env: { account: '123456789012', region: 'us-east-1' } });
  const network = new FargateVpc(stack, 'Network');
  const taskDef = new FargateTaskDef(stack, 'TaskDef');
  taskDef.addAppContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), ports: [8080] });
  const web = new AlbFrontedService(stack, 'Web', { network, taskDef });
  mutate(web);
  app.synth();
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf-8')) as { pluginReports: { violations: Violation[] }[] };
  return report.pluginReports.flatMap(r => r.violations)
    .filter(v => v.ruleName === 'AwsSolutions-EC23')
    .flatMap(v => v.violatingConstructs.map(c => c.constructPath));
}

describe('cdk-nag acknowledgements cover only what the library creates', () => {
  test('the library\'s own listener port 80 from anywhere is acknowledged', () => {
    expect(ec23Paths(() => undefined)).toEqual([]);
  });

  test('port 22 from 0.0.0.0/0 added to the load balancer security group is reported', () => {
    const paths = ec23Paths(web => (web.loadBalancerSecurityGroup as ec2.SecurityGroup).addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'ssh'));
    expect(paths).toEqual([expect.stringContaining('Nag/Web/LoadBalancerSecurityGroup')]);
  });

  test('port 22 from ::/0 added to the load balancer security group is reported', () => {
    const paths = ec23Paths(web => (web.loadBalancerSecurityGroup as ec2.SecurityGroup).addIngressRule(ec2.Peer.anyIpv6(), ec2.Port.tcp(22), 'ssh'));
    expect(paths).toEqual([expect.stringContaining('Nag/Web/LoadBalancerSecurityGroup')]);
  });

  test('port 22 from 0.0.0.0/0 added to the tasks\' security group is reported', () => {
    const paths = ec23Paths(web => web.securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'ssh'));
    expect(paths).toEqual([expect.stringContaining('Nag/Web/Service/SecurityGroup')]);
  });

  test('port 22 from 0.0.0.0/0 added to every security group the library creates is reported on each', () => {
    const groups: string[] = [];
    const paths = ec23Paths(web => {
      for (const sg of web.node.root.node.findAll().filter((c): c is ec2.SecurityGroup => c instanceof ec2.SecurityGroup)) {
        sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'ssh');
        groups.push(sg.node.path);
      }
    });
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const g of groups) expect(paths).toContainEqual(expect.stringContaining(g));
  });
});
