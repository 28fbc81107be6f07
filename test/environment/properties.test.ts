import { App, CfnParameter, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as fc from 'fast-check';
import { AlbFront, FargateEnvironment, FargateService, FargateTaskDef } from '../../src';

/** Fixed seed and bounded runs, as test/properties.test.ts. */
const RUN = { seed: Number(process.env.SEED ?? 1313), numRuns: Number(process.env.RUNS ?? 15) };
const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest');
const TYPES = 'FargateEnvironment|FargateService|AlbFront|FargateTaskDef|FargateVpc';

/** A library error (every line with path, rule ID and fix) or a template that keeps the invariants; never another exception. */
function expectLibraryErrorOrTemplate(build: (stack: Stack) => void, invariants: (t: Template) => void): void {
  const stack = new Stack(new App(), 'P');
  let template: Template;
  try {
    build(stack);
    template = Template.fromStack(stack);
  } catch (e) {
    const message = (e as Error).message;
    expect(message).toMatch(/^Validation failed with the following errors:/);
    for (const line of message.split('\n').slice(1).filter(l => l.trim())) {
      expect(line).toMatch(new RegExp(`^\\s+\\[P\\/[^\\]]+\\] (${TYPES}) P\\/\\S+: \\[FGK-[A-Z0-9-]+\\] .*Fix: `));
    }
    return;
  }
  invariants(template);
}

const service = fc.record({
  name: fc.constantFrom('api', 'web', 'orders', 'Api', '9x', ''),
  port: fc.constantFrom(80, 5000, 8080, 0, 70000),
  publish: fc.boolean(),
  calls: fc.array(fc.constantFrom('api', 'web', 'orders', 'nobody'), { maxLength: 2 }),
  hosts: fc.option(fc.array(fc.constantFrom('a.example.com', 'B.example.com', '*.example.com', 'bad host'), { maxLength: 3 })),
  paths: fc.option(fc.array(fc.constantFrom('/*', '/api/*', '/api/?x', 'nope', '/a'), { maxLength: 3 })),
  priority: fc.option(fc.constantFrom(1, 7, 50001, 0.5)),
});

test('environments: fronts on the shared listener and Service Connect names and calls', () => {
  fc.assert(fc.property(fc.array(service, { minLength: 1, maxLength: 4 }), fc.boolean(), (services, sc) => {
    const published = new Map<string, number>();
    expectLibraryErrorOrTemplate(stack => {
      const environment = new FargateEnvironment(stack, 'Env', { vpc: { natGateways: 1, flowLogs: false }, loadBalancer: {}, serviceConnect: sc ? {} : undefined });
      services.forEach((s, i) => {
        const taskDef = new FargateTaskDef(stack, `T${i}`);
        taskDef.addAppContainer(`c${i}`, { image: IMAGE, portMappings: [{ containerPort: s.port, name: `c${i}` }] });
        const svc = new FargateService(stack, `S${i}`, {
          environment, taskDef, serviceConnect: s.publish ? { name: s.name } : undefined, calls: s.calls.length > 0 ? s.calls : undefined,
        });
        if (s.publish) published.set(s.name.toLowerCase(), s.port);
        if (s.hosts !== null || s.paths !== null) {
          new AlbFront(stack, `F${i}`, { service: svc, hostHeaders: s.hosts ?? undefined, pathPatterns: s.paths ?? undefined, priority: s.priority ?? undefined });
        }
      });
    }, t => {
      // every rule of the shared listener has a priority of its own
      const priorities = Object.values(t.findResources('AWS::ElasticLoadBalancingV2::ListenerRule')).map((r: any) => r.Properties.Priority);
      expect(new Set(priorities).size).toBe(priorities.length);
      // no service group is opened to a CIDR; every rule between services is a published container port
      for (const r of Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map((x: any) => x.Properties)) {
        expect(r.CidrIp).toBeUndefined();
        expect(r.FromPort).toBe(r.ToPort);
        if (String(r.Description).startsWith('Service Connect')) expect([...published.values()]).toContain(r.FromPort);
      }
    });
  }), RUN);
});

test('tokens (CloudFormation parameters, Lazy values) in hosts, paths, priorities, names and ports: no crash, no token encoding in a message', () => {
  const stack = new Stack(new App(), 'P');
  const p = (id: string) => new CfnParameter(stack, id, { type: 'String' }).valueAsString;
  const environment = new FargateEnvironment(stack, 'Env', {
    vpc: { natGateways: 1, flowLogs: false }, loadBalancer: {}, serviceConnect: { namespaceName: p('Ns') },
  });
  const taskDef = new FargateTaskDef(stack, 'T');
  taskDef.addAppContainer('api', { image: IMAGE, portMappings: [{ containerPort: 5000, name: 'api' }] });
  const api = new FargateService(stack, 'Api', {
    environment, taskDef, serviceConnect: { name: p('Name'), port: Lazy.number({ produce: () => 80 }) }, // a Lazy port resolves
  });
  new AlbFront(stack, 'F', { service: api, hostHeaders: [p('Host')], pathPatterns: [p('Path')], priority: Lazy.number({ produce: () => 10 }) });
  const webTask = new FargateTaskDef(stack, 'W');
  webTask.addAppContainer('web', { image: IMAGE, ports: [8080] });
  new FargateService(stack, 'Web', { environment, taskDef: webTask, calls: [p('Callee')] });
  let message = '';
  try {
    Template.fromStack(stack);
  } catch (e) {
    message = (e as Error).message;
  }
  // the callee's name is a token: it cannot be matched to a published name at synth
  expect(message).toMatch(/\[FGK-SERVICE-CONNECT-CALLS\] P\/Web calls '\(token\)'/);
  expect(message).not.toMatch(/Token\[|e\+289/);
});

test('a Service Connect port that is a CloudFormation parameter is reported, not a crash', () => {
  const stack = new Stack(new App(), 'P');
  const environment = new FargateEnvironment(stack, 'Env', { vpc: { natGateways: 1, flowLogs: false }, serviceConnect: {} });
  const taskDef = new FargateTaskDef(stack, 'T');
  taskDef.addAppContainer('api', { image: IMAGE, portMappings: [{ containerPort: 5000, name: 'api' }] });
  const port = new CfnParameter(stack, 'Port', { type: 'Number' }).valueAsNumber;
  new FargateService(stack, 'Api', { environment, taskDef, serviceConnect: { name: 'api', port } });
  expect(() => Template.fromStack(stack)).toThrow(/FargateService P\/Api: \[FGK-SERVICE-CONNECT-PORT\] the Service Connect port .* is a token that cannot be resolved at synth;.*Fix: use a number/);
});
