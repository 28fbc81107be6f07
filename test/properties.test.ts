import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as fc from 'fast-check';
import {
  RUN, buildImported, buildNumbers, buildRoles, buildTask, expectLibraryInvariants, importedCase, numbersCase, rolesCase, taskCase,
} from './property-builders';
import { AlbFrontedService, FargateService, FargateTaskDef, FargateVpc, VpcTopology } from '../src';
import { validMemoryForCpu } from '../src/validation/task-size-rules';
const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest');

/** The one allowed failure: the library's own synth error, each problem with path, rule ID and fix. */
function expectLibraryErrorOrTemplate(build: (stack: Stack) => void, invariants: (t: Template) => void): void {
  const app = new App();
  const stack = new Stack(app, 'P');
  let template: Template;
  try {
    build(stack);
    template = Template.fromStack(stack);
  } catch (e) {
    const message = (e as Error).message;
    expect(message).toMatch(/^Validation failed with the following errors:/);
    for (const line of message.split('\n').slice(1).filter(l => l.trim())) {
      expect(line).toMatch(/^\s+\[P\/[^\]]+\] (FargateVpc|FargateTaskDef|FargateService|FargateTask|AlbFrontedService)(\.fromVpc)? P\/\S+: \[FGK-[A-Z0-9-]+\] .*Fix: /);
    }
    expect(message).not.toMatch(/e\+289|Token\[/);
    return;
  }
  invariants(template);
}

const num = (n: number, lazy: boolean) => (lazy ? Lazy.number({ produce: () => n }) : n);

describe('properties: a library error or a template that keeps the invariants, never another exception', () => {
  test('FargateVpc: odd CIDRs, maxAzs, natGateways, topologies', () => {
    fc.assert(fc.property(
      fc.constantFrom(...Object.values(VpcTopology)),
      fc.option(fc.oneof(fc.constantFrom('10.0.0.0/16', '10.0.0.1/16', '10.0.0.0/28', '10.0.0.0/8', 'fd00::/56', '10.1/16', 'x'),
        fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 8, max: 30 })).map(([a, b, p]) => `10.${a}.${b}.0/${p}`))),
      fc.option(fc.integer({ min: -1, max: 4 })),
      fc.option(fc.integer({ min: -1, max: 3 })),
      (topology, cidr, maxAzs, natGateways) => {
        expectLibraryErrorOrTemplate(stack => {
          new FargateVpc(stack, 'Net', { topology, cidr: cidr ?? undefined, maxAzs: maxAzs ?? undefined, natGateways: natGateways ?? undefined, flowLogs: false });
        }, t => {
          expectLibraryInvariants(t);
          // private subnets always have a default route to a NAT gateway
          if (topology === VpcTopology.PRIVATE_WITH_NAT) expect(Object.keys(t.findResources('AWS::EC2::NatGateway')).length).toBeGreaterThan(0);
          if (topology === VpcTopology.PRIVATE_ISOLATED || topology === VpcTopology.ISOLATED_ONLY) {
            expect(Object.keys(t.findResources('AWS::EC2::VPCEndpoint')).length).toBeGreaterThanOrEqual(4);
          }
        });
      }), RUN);
  });

  test('FargateTaskDef + addAppContainer + FargateService: sizes, ports, counts, Lazy values', () => {
    fc.assert(fc.property(
      fc.constantFrom(256, 512, 1024, 300, 8192),
      fc.constantFrom(512, 1024, 3000, 16384),
      fc.array(fc.integer({ min: -1, max: 70000 }), { maxLength: 3 }),
      fc.integer({ min: -2, max: 5 }),
      fc.boolean(),
      (cpu, memoryLimitMiB, ports, desiredCount, lazy) => {
        expectLibraryErrorOrTemplate(stack => {
          const network = new FargateVpc(stack, 'Net', { flowLogs: false });
          const taskDef = new FargateTaskDef(stack, 'Task', { cpu, memoryLimitMiB });
          taskDef.addAppContainer('web', { image: IMAGE, ports: ports.map(p => num(p, lazy)) });
          new FargateService(stack, 'Svc', { network, taskDef, desiredCount: num(desiredCount, lazy) });
        }, t => {
          expectLibraryInvariants(t);
          const td = Object.values(t.findResources('AWS::ECS::TaskDefinition'))[0].Properties;
          expect(validMemoryForCpu(Number(td.Cpu))).toContain(Number(td.Memory));
          expect(Object.values(t.findResources('AWS::ECS::Service'))[0].Properties.DesiredCount).toBeGreaterThanOrEqual(0);
        });
      }), RUN);
  });

  test('AlbFrontedService: targets, routes, health checks, CIDRs; task SG ingress only from the ALB SG to container ports', () => {
    fc.assert(fc.property(
      fc.option(fc.constantFrom('web', 'api', 'nope')),
      fc.option(fc.constantFrom(8080, 5000, 9999)),
      fc.array(fc.constantFrom('/api/*', '/x', 'bad', '/api/*'), { maxLength: 3 }),
      fc.option(fc.constantFrom('200', '200-299', '200-600', 'abc')),
      fc.option(fc.array(fc.constantFrom('0.0.0.0/0', '203.0.113.0/24', '2001:db8:::/32', '::/0', '10.0.0.1/33'), { maxLength: 2 })),
      (containerName, containerPort, patterns, healthyHttpCodes, allowedCidrs) => {
        expectLibraryErrorOrTemplate(stack => {
          const network = new FargateVpc(stack, 'Net', { flowLogs: false });
          const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 512, memoryLimitMiB: 1024 });
          taskDef.addAppContainer('web', { image: IMAGE, ports: [8080] });
          taskDef.addAppContainer('api', { image: IMAGE, ports: [5000] });
          new AlbFrontedService(stack, 'Web', {
            network,
            taskDef,
            containerName: containerName ?? undefined,
            containerPort: containerPort ?? undefined,
            routes: patterns.map(p => ({ pathPattern: p, containerName: 'api' })),
            healthyHttpCodes: healthyHttpCodes ?? undefined,
            allowedCidrs: allowedCidrs ?? undefined,
          });
        }, t => {
          expectLibraryInvariants(t);
          for (const r of Object.values(t.findResources('AWS::EC2::SecurityGroupIngress'))) {
            expect([8080, 5000]).toContain(r.Properties.FromPort);
            expect(r.Properties.SourceSecurityGroupId).toBeDefined();
          }
        });
      }), RUN);
  });

  test('TaskRoles: bring-your-own, imported, immutable and other-account roles, with images, secrets and grantRun', () => {
    fc.assert(fc.property(rolesCase(), c => {
      expectLibraryErrorOrTemplate(stack => buildRoles(stack, c), t => {
        expectLibraryInvariants(t);
        const td = Object.values(t.findResources('AWS::ECS::TaskDefinition'))[0].Properties;
        expect(td.ExecutionRoleArn).toBeDefined();
        expect(td.TaskRoleArn).toBeDefined();
      });
    }), RUN);
  });

  test('FargateVpc.fromVpc: imported VPCs, subnets by ID or attributes, mixed and empty selections', () => {
    fc.assert(fc.property(importedCase(), c => {
      expectLibraryErrorOrTemplate(stack => buildImported(stack, c), t => {
        expectLibraryInvariants(t);
        const svc = Object.values(t.findResources('AWS::ECS::Service'))[0].Properties;
        const vpcConfig = svc.NetworkConfiguration.AwsvpcConfiguration;
        expect(vpcConfig.Subnets.length).toBeGreaterThan(0);
        expect(vpcConfig.AssignPublicIp).toBe(c.topology === VpcTopology.PUBLIC_ONLY ? 'ENABLED' : 'DISABLED');
      });
    }), RUN);
  });

  test('FargateTask: schedules, scheduled task counts, Spot weights, overrides, platform versions', () => {
    fc.assert(fc.property(taskCase(), c => {
      expectLibraryErrorOrTemplate(stack => buildTask(stack, c), t => {
        expectLibraryInvariants(t);
        for (const rule of Object.values(t.findResources('AWS::Events::Rule'))) {
          const ecsParameters = rule.Properties.Targets[0].EcsParameters;
          if (typeof ecsParameters.TaskCount === 'number') expect(ecsParameters.TaskCount).toBeGreaterThanOrEqual(1);
        }
      });
    }), RUN);
  });

  test('numeric props as literals, Lazy values and CfnParameters: checked when known, never a crash', () => {
    fc.assert(fc.property(numbersCase(), c => {
      expectLibraryErrorOrTemplate(stack => buildNumbers(stack, c), t => expectLibraryInvariants(t));
    }), RUN);
  });
});
