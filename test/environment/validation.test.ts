import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { envFixture, taskDef } from './helpers';
import { AlbFront, AlbFrontedService, FargateEnvironment, FargateService, FargateVpc, VpcTopology } from '../../src';
import * as environmentRules from '../../src/validation/environment-rules';
import { domainCovers, validHostCondition } from '../../src/validation/environment-rules';
import { patternsOverlap } from '../../src/validation/pattern-match';
import { derivedSharedRulePriority } from '../../src/validation/route-rules';
import { atSynth } from '../at-synth';
import { asText } from '../validation/as-text';

const { checkCertificateCoversHosts, checkSharedFrontConditions, checkSharedListenerRules, checkTargetGroupQuota } = asText(environmentRules);

const FIX = '.*Fix: ';

describe('FargateEnvironment and its services, caught at synth', () => {
  describe('FGK-ENVIRONMENT-CONFLICT', () => {
    test('network and vpc options both given', () => {
      const { stack } = envFixture();
      const network = new FargateVpc(stack, 'Net', { flowLogs: false });
      expect(atSynth(() => new FargateEnvironment(stack, 'E', { network, vpc: { maxAzs: 3 } }))).toThrow(
        new RegExp(`FargateEnvironment Stack/E: \\[FGK-ENVIRONMENT-CONFLICT\\] network and vpc are both set;${FIX}remove one of them`));
    });

    test('environment with cluster, sharedCluster or another network', () => {
      const { stack, environment } = envFixture();
      const network = new FargateVpc(stack, 'Net', { flowLogs: false });
      const cluster = new ecs.Cluster(stack, 'C', { vpc: network.vpc });
      expect(atSynth(() => new FargateService(stack, 'S', { environment, network, cluster, sharedCluster: true, taskDef: taskDef(stack, 'T', 'web', 80) }))).toThrow(
        /FargateService Stack\/S: \[FGK-ENVIRONMENT-CONFLICT\] environment is set together with network \(another one\), cluster, sharedCluster;.*Fix: remove network \(another one\), cluster, sharedCluster, or remove environment/);
    });

    test('the environment\'s own network may be repeated', () => {
      const { stack, environment } = envFixture();
      expect(atSynth(() => new FargateService(stack, 'S', { environment, network: environment.network, taskDef: taskDef(stack, 'T', 'web', 80) }))).not.toThrow();
    });

    test('neither network nor environment: thrown at once (nothing can be built without a VPC)', () => {
      const { stack } = envFixture();
      expect(() => new FargateService(stack, 'S', { taskDef: taskDef(stack, 'T', 'web', 80) })).toThrow(
        /FargateService Stack\/S: \[FGK-ENVIRONMENT-CONFLICT\] neither network nor environment is set;.*Fix: pass environment/);
    });
  });

  describe('fronts on the shared load balancer', () => {
    function front(extra: Partial<ConstructorParameters<typeof AlbFront>[2]>, envProps = { loadBalancer: {} }) {
      const { stack, environment } = envFixture(envProps);
      const service = new FargateService(stack, 'S', { environment, taskDef: taskDef(stack, 'T', 'web', 8080) });
      return atSynth(() => new AlbFront(stack, 'F', { service, ...extra }));
    }

    test('FGK-SHARED-FRONT-OPTIONS: the load balancer\'s own settings on a front of the shared one', () => {
      const cert = (s: any) => acm.Certificate.fromCertificateArn(s, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/x');
      const { stack, environment } = envFixture({ loadBalancer: {} });
      const service = new FargateService(stack, 'S', { environment, taskDef: taskDef(stack, 'T', 'web', 8080) });
      expect(atSynth(() => new AlbFront(stack, 'F', { service, pathPatterns: ['/*'], certificate: cert(stack), allowedCidrs: ['10.0.0.0/8'], accessLogs: true }))).toThrow(
        /AlbFront Stack\/F: \[FGK-SHARED-FRONT-OPTIONS\] certificate, allowedCidrs, accessLogs are set on a front that joins the environment's shared load balancer;.*Fix: set them in the FargateEnvironment's loadBalancer options/);
    });

    test('FGK-SHARED-FRONT-OPTIONS: sharedLoadBalancer true in an environment without one', () => {
      expect(front({ sharedLoadBalancer: true, pathPatterns: ['/*'] }, {} as any)).toThrow(
        /\[FGK-SHARED-FRONT-OPTIONS\] sharedLoadBalancer is true but the service's environment has no shared load balancer\..*Fix: create the FargateEnvironment with loadBalancer/);
    });

    test('FGK-SHARED-LISTENER-CONDITIONS: no host and no path', () => {
      expect(front({})).toThrow(/AlbFront Stack\/F: \[FGK-SHARED-LISTENER-CONDITIONS\] the front joins the environment's shared listener without hostHeaders or pathPatterns;.*Fix: set hostHeaders/);
    });

    test('FGK-SHARED-LISTENER-CONDITIONS: more than 5 condition values, a bad host', () => {
      expect(front({ hostHeaders: ['a.example.com', 'b.example.com', 'c.example.com'], pathPatterns: ['/a', '/b', '/c'] })).toThrow(
        /\[FGK-SHARED-LISTENER-CONDITIONS\] a rule would hold 6 condition values .* at most 5\..*Fix: use wildcards/);
      expect(front({ hostHeaders: ['bad host!'] })).toThrow(/\[FGK-SHARED-LISTENER-CONDITIONS\] hostHeaders entry 'bad host!' is not a valid host condition;.*Fix:/);
    });

    test('FGK-SHARED-LISTENER-CONDITIONS: host/path conditions on a front with a load balancer of its own', () => {
      expect(front({ sharedLoadBalancer: false, hostHeaders: ['a.example.com'] })).toThrow(
        /\[FGK-SHARED-LISTENER-CONDITIONS\] hostHeaders, pathPatterns and priority place a front on an environment's shared listener, but this front has a load balancer of its own.*Fix: remove them/);
    });

    test('FGK-TARGET-COUNT across the fronts of one service (ECS registers at most 5 target groups per service)', () => {
      const { stack, environment } = envFixture({ loadBalancer: {} });
      const service = new FargateService(stack, 'S', { environment, taskDef: taskDef(stack, 'T', 'web', 8080) });
      expect(atSynth(() => {
        for (let i = 0; i < 6; i++) new AlbFront(stack, `F${i}`, { service, hostHeaders: [`h${i}.example.com`] });
      }, stack)).toThrow(/AlbFront Stack\/F0: \[FGK-TARGET-COUNT\] the fronts of the service send traffic through 6 target groups .* at most 5 target groups/);
    });

    test('FGK-PATH-PATTERN on pathPatterns', () => {
      expect(front({ pathPatterns: ['api/*'] })).toThrow(/\[FGK-PATH-PATTERN\] pathPatterns\[0\] 'api\/\*' is not a valid ALB path pattern/);
    });
  });

  describe('rules across services (the environment checks at synth)', () => {
    function two(a: Partial<ConstructorParameters<typeof AlbFront>[2]>, b: Partial<ConstructorParameters<typeof AlbFront>[2]>) {
      const { stack, environment } = envFixture({ loadBalancer: {} });
      const s1 = new FargateService(stack, 'S1', { environment, taskDef: taskDef(stack, 'T1', 'one', 8080) });
      const s2 = new FargateService(stack, 'S2', { environment, taskDef: taskDef(stack, 'T2', 'two', 8080) });
      return atSynth(() => {
        new AlbFront(stack, 'A', { service: s1, ...a });
        new AlbFront(stack, 'B', { service: s2, ...b });
      }, stack);
    }

    test('FGK-SHARED-LISTENER-OVERLAP: the same conditions', () => {
      expect(two({ hostHeaders: ['App.example.com'] }, { hostHeaders: ['app.example.com'] })).toThrow(
        /FargateEnvironment Stack\/Env: \[FGK-SHARED-LISTENER-OVERLAP\] Stack\/A \(host App.example.com, any path, priority \d+\) and Stack\/B \(host app.example.com, any path, priority \d+\) have the same conditions on the shared listener;.*Fix: give one of them another host or path condition/);
    });

    test('FGK-SHARED-LISTENER-OVERLAP: overlapping, neither more specific, order left to derived priorities', () => {
      expect(two({ pathPatterns: ['/api/*x'] }, { pathPatterns: ['/api/?y'] })).toThrow(
        /\[FGK-SHARED-LISTENER-OVERLAP\] .* overlap on the shared listener and neither is more specific.*Fix: make the conditions disjoint, or set priority/);
    });

    test('overlaps ordered by specificity or by explicit priority are fine', () => {
      expect(two({ hostHeaders: ['app.example.com'] }, { hostHeaders: ['app.example.com'], pathPatterns: ['/api/*'] })).not.toThrow();
      expect(two({ pathPatterns: ['/api/*'], priority: 5 }, { pathPatterns: ['/api*'] })).not.toThrow();
      expect(two({ hostHeaders: ['a.example.com'] }, { hostHeaders: ['b.example.com'] })).not.toThrow();
      // a literal host is more specific than a wildcard one (its derived priority comes first)
      expect(two({ hostHeaders: ['*.example.com'] }, { hostHeaders: ['a.example.com'] })).not.toThrow();
    });

    test('a rule that matches every request comes last: a wildcard host before it', () => {
      expect(two({ hostHeaders: ['*.example.com'] }, { pathPatterns: ['*'] })).not.toThrow();
    });

    test('FGK-SHARED-LISTENER-OVERLAP: an explicit priority that puts a broader rule first shadows the narrower one (also a route of the same front)', () => {
      expect(two({ pathPatterns: ['/api*'], priority: 5 }, { pathPatterns: ['/api/*'] })).toThrow(
        /\[FGK-SHARED-LISTENER-OVERLAP\] Stack\/B \(any host, path \/api\/\*, priority \d+\) is never reached on the shared listener: Stack\/A \(any host, path \/api\*, priority 5\) is evaluated first.*Fix: give the more specific rule the lower priority number/);
      const { stack, environment } = envFixture({ loadBalancer: {} });
      const td = taskDef(stack, 'T', 'web', 8080);
      td.addAppContainer('admin', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), ports: [7000] });
      const svc = new FargateService(stack, 'Svc', { environment, taskDef: td });
      new AlbFront(stack, 'Front', { service: svc, hostHeaders: ['a.example.com'], priority: 1, routes: [{ pathPattern: '/admin/*', containerName: 'admin' }] });
      expect(atSynth(() => stack)).toThrow(/\[FGK-SHARED-LISTENER-OVERLAP\] Stack\/Front route \/admin\/\* .* is never reached on the shared listener: Stack\/Front \(host a.example.com, any path, priority 1\)/);
    });

    test('FGK-SHARED-LISTENER-PRIORITY: two rules with one priority; a priority out of range', () => {
      expect(two({ hostHeaders: ['a.example.com'], priority: 7 }, { hostHeaders: ['b.example.com'], priority: 7 })).toThrow(
        /\[FGK-SHARED-LISTENER-PRIORITY\] Stack\/A .* and Stack\/B .* have the same priority 7 on the shared listener.*Fix: set priority: 8 on Stack\/B \(a free number/);
      expect(two({ hostHeaders: ['a.example.com'], priority: 50001 }, { hostHeaders: ['b.example.com'] })).toThrow(
        /\[FGK-SHARED-LISTENER-PRIORITY\] Stack\/A: priority 50001 is not valid;.*Fix: choose one in that range/);
    });

    test('FGK-SHARED-LISTENER-PRIORITY: two derived priorities collide; nothing moves, the fix names a free priority of the band', () => {
      // two hosts whose derived priorities collide, found by search (the derivation is pinned in route-rules.test.ts)
      const seen = new Map<number, string>();
      let pair: [string, string] | undefined;
      for (let i = 0; pair === undefined; i++) {
        const h = `h${i}.example.com`;
        const p = derivedSharedRulePriority([h], []);
        if (seen.has(p)) pair = [seen.get(p)!, h];
        seen.set(p, h);
      }
      const p = derivedSharedRulePriority([pair[0]], []);
      expect(two({ hostHeaders: [pair[0]] }, { hostHeaders: [pair[1]] })).toThrow(new RegExp(
        `\\[FGK-SHARED-LISTENER-PRIORITY\\] Stack/A .* and Stack/B .* have the same priority ${p} .*Fix: set priority: ${p + 1} on Stack/B`));
      expect(two({ hostHeaders: [pair[0]] }, { hostHeaders: [pair[1]], priority: p + 1 })).not.toThrow();
    });

    test('FGK-LISTENER-RULE-QUOTA and FGK-TARGET-GROUP-QUOTA: 101 fronts on one listener', () => {
      const { stack, environment } = envFixture({ loadBalancer: {} });
      const service = new FargateService(stack, 'S', { environment, taskDef: taskDef(stack, 'T', 'web', 8080) });
      const build = atSynth(() => {
        for (let i = 0; i < 101; i++) new AlbFront(stack, `F${i}`, { service, hostHeaders: [`h${i}.example.com`] });
      }, stack);
      let error = '';
      try {
        build();
      } catch (e) {
        error = String(e);
      }
      expect(error).toMatch(/\[FGK-LISTENER-RULE-QUOTA\] the shared listener has 101 rules .* at most 100 rules besides its default action\..*Fix:/);
      expect(error).toMatch(/\[FGK-TARGET-GROUP-QUOTA\] the shared load balancer routes to 101 target groups; .* at most 100\..*Fix:/);
    });

    test('FGK-SHARED-LISTENER-CERTIFICATE: a host no certificate of the HTTPS listener covers', () => {
      const { stack } = envFixture();
      const cert = new acm.Certificate(stack, 'Cert', { domainName: 'app.example.com', subjectAlternativeNames: ['*.shop.example.com'] });
      const environment = new FargateEnvironment(stack, 'Env2', { vpc: { natGateways: 1, flowLogs: false }, loadBalancer: { certificates: [cert] } });
      const svc = (id: string) => new FargateService(stack, id, { environment, taskDef: taskDef(stack, `${id}T`, 'web', 8080) });
      const ok1 = svc('Ok1');
      const ok2 = svc('Ok2');
      const bad = svc('Bad');
      expect(atSynth(() => {
        new AlbFront(stack, 'OkFront1', { service: ok1, hostHeaders: ['app.example.com'] });
        new AlbFront(stack, 'OkFront2', { service: ok2, hostHeaders: ['eu.shop.example.com'] });
        new AlbFront(stack, 'BadFront', { service: bad, hostHeaders: ['api.example.com'] });
      }, stack)).toThrow(/FargateEnvironment Stack\/Env2: \[FGK-SHARED-LISTENER-CERTIFICATE\] Stack\/BadFront: host 'api.example.com' is served on the shared HTTPS listener but no certificate of the listener covers it \(domains: app.example.com, \*.shop.example.com\);.*Fix: add a certificate for it/);
    });

    test('imported certificates (domains unknown at synth) are not checked', () => {
      const { stack } = envFixture();
      const cert = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/x');
      const environment = new FargateEnvironment(stack, 'Env2', { vpc: { natGateways: 1, flowLogs: false }, loadBalancer: { certificates: [cert] } });
      const s = new FargateService(stack, 'S', { environment, taskDef: taskDef(stack, 'T', 'web', 8080) });
      expect(atSynth(() => new AlbFront(stack, 'F', { service: s, hostHeaders: ['anything.example.org'] }))).not.toThrow();
    });
  });

  describe('Service Connect', () => {
    test('FGK-SERVICE-CONNECT-NAMESPACE: without an environment, in an environment without a namespace, a bad namespace name', () => {
      const { stack, environment } = envFixture();
      const network = environment.network;
      expect(atSynth(() => new FargateService(stack, 'A', { network, taskDef: taskDef(stack, 'TA', 'a', 80), serviceConnect: { name: 'a' } }))).toThrow(
        /FargateService Stack\/A: \[FGK-SERVICE-CONNECT-NAMESPACE\] serviceConnect or calls is set on a service without an environment;.*Fix: pass environment/);
      expect(atSynth(() => new FargateService(stack, 'B', { environment, taskDef: taskDef(stack, 'TB', 'b', 80), calls: ['a'] }))).toThrow(
        /FargateService Stack\/B: \[FGK-SERVICE-CONNECT-NAMESPACE\] serviceConnect or calls is set but the environment has no Service Connect namespace\..*Fix: create the FargateEnvironment with serviceConnect/);
      expect(atSynth(() => new FargateEnvironment(stack, 'E3', { network, serviceConnect: { namespaceName: 'bad name' } }))).toThrow(
        /FargateEnvironment Stack\/E3: \[FGK-SERVICE-CONNECT-NAMESPACE\] serviceConnect.namespaceName 'bad name' is not a valid Cloud Map namespace name;.*Fix:/);
    });

    test('FGK-SERVICE-CONNECT-NAME: not a DNS label; published twice', () => {
      const { stack, environment } = envFixture({ serviceConnect: {} });
      expect(atSynth(() => new FargateService(stack, 'A', { environment, taskDef: taskDef(stack, 'TA', 'a', 80), serviceConnect: { name: '1st_api' } }))).toThrow(
        /\[FGK-SERVICE-CONNECT-NAME\] serviceConnect.name '1st_api' is not a valid Service Connect name;.*Fix:/);
      const other = envFixture({ serviceConnect: {} });
      expect(atSynth(() => {
        new FargateService(other.stack, 'X', { environment: other.environment, taskDef: taskDef(other.stack, 'TX', 'x', 80), serviceConnect: { name: 'api' } });
        new FargateService(other.stack, 'Y', { environment: other.environment, taskDef: taskDef(other.stack, 'TY', 'y', 81), serviceConnect: { name: 'API' } });
      }, other.stack)).toThrow(/FargateEnvironment Stack\/Env: \[FGK-SERVICE-CONNECT-NAME\] services Stack\/X and Stack\/Y publish the same Service Connect name 'api';.*Fix: give each service its own serviceConnect.name/);
    });

    test('FGK-SERVICE-CONNECT-PORT: a bad client port, a container port the task does not map, an unnamed port mapping', () => {
      const { stack, environment } = envFixture({ serviceConnect: {} });
      expect(atSynth(() => new FargateService(stack, 'A', { environment, taskDef: taskDef(stack, 'TA', 'a', 80), serviceConnect: { name: 'a', port: 70000 } }))).toThrow(
        /\[FGK-SERVICE-CONNECT-PORT\] serviceConnect.port 70000 is not a valid port;.*Fix:/);
      expect(atSynth(() => new FargateService(stack, 'B', { environment, taskDef: taskDef(stack, 'TB', 'b', 80), serviceConnect: { name: 'b', containerPort: 81 } }))).toThrow(
        /\[FGK-SERVICE-CONNECT-PORT\] serviceConnect.containerPort 81 is not a TCP port of container 'b' \(its ports: 80\);.*Fix:/);
      const td = taskDef(stack, 'TC', 'c');
      td.addAppContainer('unnamed', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest'), ports: [5000] });
      expect(atSynth(() => new FargateService(stack, 'C', { environment, taskDef: td, serviceConnect: { name: 'c' } }))).toThrow(
        /\[FGK-SERVICE-CONNECT-PORT\] serviceConnect publishes unnamed:5000, whose port mapping has no name;.*Fix: declare the port with a name in addAppContainer, e.g. portMappings: \[\{ containerPort: 5000, name: 'unnamed' \}\]/);
    });

    test('FGK-SERVICE-CONNECT-CALLS: a caller names a service nobody publishes', () => {
      const { stack, environment } = envFixture({ serviceConnect: {} });
      expect(atSynth(() => {
        new FargateService(stack, 'Api', { environment, taskDef: taskDef(stack, 'TA', 'api', 80), serviceConnect: { name: 'api' } });
        new FargateService(stack, 'Web', { environment, taskDef: taskDef(stack, 'TW', 'web', 80), calls: ['api', 'orders'] });
      }, stack)).toThrow(/FargateEnvironment Stack\/Env: \[FGK-SERVICE-CONNECT-CALLS\] Stack\/Web calls 'orders', but no service of the environment publishes that Service Connect name \(published: 'api'\);.*Fix: set serviceConnect: \{ name: 'orders' \}/);
    });
  });

  test('every problem at once: the service\'s, the front\'s and the environment\'s', () => {
    const { stack, environment } = envFixture({ loadBalancer: {}, serviceConnect: {} });
    let error = '';
    try {
      atSynth(() => {
        const s = new AlbFrontedService(stack, 'Web', { environment, taskDef: taskDef(stack, 'T', 'web', 8080), calls: ['nobody'], healthCheckPath: 'health' });
        new AlbFront(stack, 'Again', { service: s.fargateService, pathPatterns: ['/*'] });
      }, stack)();
    } catch (e) {
      error = String(e);
    }
    expect(error).toMatch(/AlbFrontedService Stack\/Web: \[FGK-HEALTH-CHECK-PATH\]/);
    expect(error).toMatch(/AlbFrontedService Stack\/Web: \[FGK-SHARED-LISTENER-CONDITIONS\]/);
    expect(error).toMatch(/FargateEnvironment Stack\/Env: \[FGK-SERVICE-CONNECT-CALLS\] Stack\/Web\/Service calls 'nobody'/);
  });
});

describe('the environment rules as functions', () => {
  test.each([
    ['/api/*', '/api/v1', true],
    ['/api/*', '/web/*', false],
    ['/api*', '/api/*', true],
    ['/a', '/a', true],
    ['/a', '/b', false],
    ['*.example.com', 'a.example.com', true],
    ['a.example.com', 'b.example.com', false],
  ])('patternsOverlap(%s, %s) = %s', (a, b, want) => {
    expect(patternsOverlap(a, b)).toBe(want);
  });

  test.each([
    ['app.example.com', 'app.example.com', true],
    ['*.example.com', 'app.example.com', true],
    ['*.example.com', 'a.b.example.com', false],
    ['*.example.com', 'example.com', false],
    ['App.Example.com', 'app.example.COM', true],
  ])('domainCovers(%s, %s) = %s', (d, h, want) => {
    expect(domainCovers(d, h)).toBe(want);
  });

  test('quotas', () => {
    expect(checkTargetGroupQuota(100)).toBeUndefined();
    expect(checkTargetGroupQuota(101)).toMatch(/^\[FGK-TARGET-GROUP-QUOTA\]/);
    const rules = Array.from({ length: 100 }, (_, i) => ({ owner: `s${i}`, hosts: [`h${i}`], paths: [], priority: i + 1, explicit: true }));
    expect(checkSharedListenerRules(rules)).toEqual([]);
    expect(checkSharedListenerRules([...rules, { owner: 'x', hosts: ['x'], paths: [], priority: 200, explicit: true }])[0]).toMatch(/^\[FGK-LISTENER-RULE-QUOTA\]/);
  });

  test('certificates unknown at synth are not checked; wildcard hosts need a wildcard certificate of their parent domain', () => {
    expect(checkCertificateCoversHosts('o', ['a.example.com'], undefined)).toBeUndefined();
    expect(checkCertificateCoversHosts('o', ['*.example.com'], [['x.org']])).toMatch(/^\[FGK-SHARED-LISTENER-CERTIFICATE\] o: host '\*\.example\.com' is served/);
    expect(checkCertificateCoversHosts('o', ['*.example.com', 'api-?.example.com'], [['*.example.com']])).toBeUndefined();
    expect(checkCertificateCoversHosts('o', ['*.example.com'], [['example.com', 'www.example.com']])).toMatch(/FGK-SHARED-LISTENER-CERTIFICATE/);
    // a wildcard beyond the first label: no certificate covers it
    expect(checkCertificateCoversHosts('o', ['api.*.example.com'], [['*.example.com']])).toMatch(/FGK-SHARED-LISTENER-CERTIFICATE/);
  });

  test('host conditions: a \'.\', letters only after the last one, at most 128 characters', () => {
    for (const ok of ['app.example.com', '*.example.com', 'a-b.example.co', 'api-?.example.com']) expect(validHostCondition(ok)).toBe(true);
    for (const bad of ['localhost', 'example.123', 'app.example.*', 'app_1.example.com', '', `${'a'.repeat(125)}.com`]) expect(validHostCondition(bad)).toBe(false);
  });

  test('shared-listener conditions: at most 3 values per condition, 5 per rule, 5 wildcards per rule', () => {
    expect(checkSharedFrontConditions(['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'], [], [])).toEqual([
      expect.stringMatching(/^\[FGK-SHARED-LISTENER-CONDITIONS\] hostHeaders has 4 values; a condition of an ALB listener rule holds at most 3\./),
    ]);
    expect(checkSharedFrontConditions(['a.example.com'], ['/a', '/b', '/c', '/d'], [])).toEqual([expect.stringMatching(/pathPatterns has 4 values/)]);
    expect(checkSharedFrontConditions(['*.a.com', '*.b.com'], ['/x/*/*', '/*/y*'], [])).toEqual([
      expect.stringMatching(/the default rule holds 6 wildcards \(\* and \?\) across its host and path conditions; an ALB listener rule holds at most 5/),
    ]);
    expect(checkSharedFrontConditions(['*.a.com', '*.b.com', '*.c.com'], [], ['/x/*?*'])).toEqual([
      expect.stringMatching(/the rule of route \/x\/\*\?\* holds 6 wildcards/),
    ]);
    expect(checkSharedFrontConditions(['a.example.com', 'b.example.com', 'c.example.com'], ['/a/*', '/b/*'], [])).toEqual([]);
  });
});

describe('the shared load balancer covers the tasks\' AZs', () => {
  test('FGK-AZ-COVERAGE: load balancer subnets of an imported network miss an AZ the tasks run in', () => {
    const { stack } = envFixture();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
    const network = FargateVpc.fromVpc(stack, 'Net', {
      vpc,
      topology: VpcTopology.PRIVATE_WITH_NAT,
      loadBalancerSubnets: { subnets: vpc.publicSubnets.slice(0, 1) },
    });
    expect(atSynth(() => new FargateEnvironment(stack, 'E', { network, loadBalancer: {} }))).toThrow(
      /FargateEnvironment Stack\/E: \[FGK-AZ-COVERAGE\] the load balancer subnets cover availability zones .* but tasks also run in/);
  });
});
