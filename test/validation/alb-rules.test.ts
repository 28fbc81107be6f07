import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import * as albRules from '../../src/validation/alb-rules';
import { TargetContainerSpec } from '../../src/validation/alb-rules';

const {
  checkAccessLogsRegion, checkAllowedCidrs, checkAzCoverage, checkDeregistrationDelay, checkHasTargetContainer, checkHealthCheckPath,
  checkHttpsOptions, checkLoadBalancerSubnets, checkPathPattern, checkRequestCountScaling, checkRoutePatterns, checkTargetContainer, checkTargetCount,
} = asText(albRules);

const scorekeep: TargetContainerSpec[] = [{ name: 'scorekeep-api', ports: [5000] }, { name: 'scorekeep-frontend', ports: [8080] }];

describe('checkHealthCheckPath', () => {
  test.each([undefined, '/', '/health', '/api/ping?x=1'])('valid: %s', p => expect(checkHealthCheckPath('healthCheckPath', p)).toBeUndefined());
  test('no leading slash', () => expect(checkHealthCheckPath('healthCheckPath', 'health')).toMatch(
    /^\[FGK-[A-Z0-9-]+\] healthCheckPath 'health' is not a valid health check path; .*starts with '\/'.*Fix: use a path such as '\/health'/));
  test('too long', () => expect(checkHealthCheckPath('routes[0].healthCheckPath', '/' + 'a'.repeat(1024))).toMatch(/^\[FGK-[A-Z0-9-]+\] routes\[0\].healthCheckPath .*at most 1024/));
  test('skips tokens', () => expect(checkHealthCheckPath('p', Token.asString({ Ref: 'X' }))).toBeUndefined());
});

describe('checkPathPattern', () => {
  test.each(['/api/*', '/', '*.png', '/v?/x'])('valid: %s', p => expect(checkPathPattern('routes[0].pathPattern', p)).toBeUndefined());
  test.each(['api/*', '/a b', '/' + 'x'.repeat(128)])('invalid: %s', p => expect(checkPathPattern('routes[0].pathPattern', p)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] routes\[0\].pathPattern '.*' is not a valid ALB path pattern; .*Fix: write it like '\/api\/\*'/));
});

describe('checkRoutePatterns', () => {
  const patterns = (n: number) => Array.from({ length: n }, (_, i) => `/r${i}/*`);
  test('valid', () => expect(checkRoutePatterns(patterns(100))).toBeUndefined());
  test('a pattern twice', () => expect(checkRoutePatterns(['/api/*', '/web/*', '/api/*'])).toMatch(
    /^\[FGK-ROUTES\] routes use path pattern '\/api\/\*' twice; .*Fix: remove the duplicate route/));
  test('more routes than a load balancer of its own holds', () => expect(checkRoutePatterns(patterns(101))).toMatch(
    /^\[FGK-ROUTES\] routes has 101 entries; .*at most 100 rules/));
  test('on the shared load balancer the environment counts the rules (FGK-LISTENER-RULE-QUOTA): only duplicates here', () => {
    expect(checkRoutePatterns(patterns(101), false)).toBeUndefined();
    expect(checkRoutePatterns([...patterns(101), '/r0/*'], false)).toMatch(/^\[FGK-ROUTES\] routes use path pattern '\/r0\/\*' twice/);
  });
});

describe('checkTargetContainer', () => {
  test.each([['scorekeep-api', 5000], ['scorekeep-frontend', 8080], ['scorekeep-api', undefined]] as const)('valid: %s:%s', (n, p) =>
    expect(checkTargetContainer('', n, p, scorekeep)).toBeUndefined());
  test('unknown container', () => expect(checkTargetContainer('routes[1].', 'worker', 80, scorekeep)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] routes\[1\].containerName 'worker' is not a container of the task \(containers: 'scorekeep-api', 'scorekeep-frontend'\); .*Fix: use one of the task's containers/));
  test('unknown port', () => expect(checkTargetContainer('', 'scorekeep-api', 8080, scorekeep)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] containerPort 8080 is not a port of container 'scorekeep-api' \(its ports: 5000\); .*Fix: use one of its ports/));
  test('container without ports', () => expect(checkTargetContainer('', 'sidecar', undefined, [{ name: 'sidecar', ports: [] }])).toMatch(
    /^\[FGK-[A-Z0-9-]+\] containerName 'sidecar' has no ports; .*Fix: give the container ports/));
});

describe('checkHasTargetContainer', () => {
  test('valid', () => expect(checkHasTargetContainer(scorekeep)).toBeUndefined());
  test.each([[[]], [[{ name: 'job', ports: [] }]]])('invalid: %j', cs => expect(checkHasTargetContainer(cs)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] the task has no container with a port .*Fix: add the containers first, with ports/));
});

describe('checkTargetCount', () => {
  test('valid', () => expect(checkTargetCount(['a:1', 'a:2', 'b:3', 'c:4', 'd:5'])).toBeUndefined());
  test('invalid', () => expect(checkTargetCount(['a:1', 'a:2', 'b:3', 'c:4', 'd:5', 'e:6'])).toMatch(
    /^\[FGK-TARGET-COUNT\] routes send traffic through 6 target groups .*at most 5 .*Fix: use fewer routes/));
});

describe('checkAzCoverage', () => {
  test.each([[['a', 'b'], ['a', 'b']], [['a'], ['a', 'b']], [['a', 'b'], ['b', 'a', 'c']]])('valid: tasks %j, LB %j', (tasks, lb) =>
    expect(checkAzCoverage(tasks, lb)).toBeUndefined());
  test('a task AZ without LB subnet', () => expect(checkAzCoverage(['a', 'b', 'c'], ['a', 'b'])).toMatch(
    /^\[FGK-[A-Z0-9-]+\] the load balancer subnets cover availability zones a, b but tasks also run in c; .*Fix: select load balancer subnets in c too/));
  test('subnets imported by ID (AZs not known): two or more subnets pass, one is refused', () => {
    expect(checkAzCoverage(undefined, undefined, 2)).toBeUndefined();
    expect(checkAzCoverage(['a'], undefined, 3)).toBeUndefined();
    expect(checkAzCoverage(undefined, undefined, 1)).toMatch(/^\[FGK-AZ-COVERAGE\] the load balancer has 1 subnet\(s\); an Application Load Balancer needs subnets in at least two AZs\. Fix: /);
  });
  test('task AZs not known: the load balancer still needs two AZs', () => {
    expect(checkAzCoverage(undefined, ['a', 'b'])).toBeUndefined();
    expect(checkAzCoverage(undefined, ['a'])).toMatch(/cover 1 availability zone\(s\) \(a\)/);
  });
  test('one AZ', () => expect(checkAzCoverage(['a'], ['a', 'a'])).toMatch(/cover 1 availability zone\(s\) \(a\); .*at least two AZs. Fix:/));
});

describe('checkLoadBalancerSubnets', () => {
  test.each([[true, 2, 0], [false, 0, 2]] as const)('valid: internetFacing %s, %s public, %s other', (f, p, o) =>
    expect(checkLoadBalancerSubnets(f, p, o)).toBeUndefined());
  test('internet-facing in private subnets', () => expect(checkLoadBalancerSubnets(true, 0, 2)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] internetFacing is true but 2 of the load balancer subnets are not public; .*Fix: select public subnets/));
  test('internal in public subnets', () => expect(checkLoadBalancerSubnets(false, 2, 0)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] internetFacing is false but 2 of the load balancer subnets are public; .*Fix: select private or isolated subnets/));
});

describe('checkHttpsOptions', () => {
  test.each([[false, false, undefined, false], [true, true, undefined, false], [true, false, 'a.example.com', true], [false, false, 'a.example.com', true]] as const)(
    'valid: cert %s, sslPolicy %s, domain %s, zone %s', (c, s, d, z) => expect(checkHttpsOptions(c, s, d, z)).toBeUndefined());
  test('TLS policy without certificate', () => expect(checkHttpsOptions(false, true, undefined, false)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] sslPolicy is set but there is no certificate; .*Fix: add certificate/));
  test('domain without zone', () => expect(checkHttpsOptions(true, false, 'a.example.com', false)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] domainName 'a.example.com' is set without hostedZone; .*Fix: add hostedZone/));
  test('zone without domain', () => expect(checkHttpsOptions(true, false, undefined, true)).toMatch(/^\[FGK-[A-Z0-9-]+\] hostedZone is set without domainName; .*Fix: add domainName/));
});

describe('checkAllowedCidrs', () => {
  test.each([[undefined, false], [['10.0.0.0/8', '203.0.113.7/32'], false], [['0.0.0.0/0', '::/0', '2001:db8::/32'], true]] as const)(
    'valid: %j dual-stack %s', (c, d) => expect(checkAllowedCidrs(c as string[] | undefined, d, false)).toBeUndefined());
  test('with a user security group', () => expect(checkAllowedCidrs(['10.0.0.0/8'], false, true)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] allowedCidrs \(10.0.0.0\/8\) is set together with loadBalancerSecurityGroup; .*never adds ingress rules to a security group you bring.*Fix:/));
  test('empty', () => expect(checkAllowedCidrs([], false, false)).toMatch(/^\[FGK-[A-Z0-9-]+\] allowedCidrs is empty; .*Fix:/));
  test.each(['10.0.0.0', '300.1.1.1/8', '10.0.0.0/33', 'everyone', '10.1/16', '2001:db8::/129', 'zz::/8'])('not a CIDR: %s', c => expect(checkAllowedCidrs([c], true, false)).toMatch(
    /is not a CIDR block; .*Fix: write it as address\/prefix/));
  test('IPv6 on an IPv4 ALB', () => expect(checkAllowedCidrs(['::/0'], false, false)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] allowedCidrs entry '::\/0' is IPv6 but the load balancer is IPv4 only .*Fix: set ipAddressType DUAL_STACK/));
});

describe('checkRequestCountScaling', () => {
  test.each([[false, undefined], [true, 1000]] as const)('valid: autoScaling %s, %s', (a, r) => expect(checkRequestCountScaling(a, r)).toBeUndefined());
  test('without autoScaling', () => expect(checkRequestCountScaling(false, 100)).toMatch(
    /^\[FGK-[A-Z0-9-]+\] requestCountScaling.requestsPerTarget 100 is set without autoScaling; .*Fix: add autoScaling/));
  test.each([0, 1.5])('invalid: %s', r => expect(checkRequestCountScaling(true, r)).toMatch(/is not valid; .*Fix: set it to at least 1/));
});

describe('checkAccessLogsRegion', () => {
  test.each([[false, false], [true, true]] as const)('valid: %s %s', (a, r) => expect(checkAccessLogsRegion(a, r)).toBeUndefined());
  test('no region', () => expect(checkAccessLogsRegion(true, false)).toMatch(/^\[FGK-[A-Z0-9-]+\] accessLogs is true but the stack has no region; .*Fix: set the stack's env/));
});

describe('checkDeregistrationDelay', () => {
  test.each([undefined, 0, 30, 3600])('valid: %s', s => expect(checkDeregistrationDelay(s)).toBeUndefined());
  test.each([3601, 1.5])('invalid: %s', s => expect(checkDeregistrationDelay(s)).toMatch(/^\[FGK-[A-Z0-9-]+\] deregistrationDelay .* is not valid; .*Fix: use a Duration between 0 and 3600/));
});
