import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import * as serviceRules from '../../src/validation/service-rules';
import { isBeforePlatform14 } from '../../src/validation/service-rules';

const {
  checkContainerOverrides, checkDesiredCount, checkPercent, checkPlatformFeatures, checkPlatformForCpu, checkScalingBounds,
  checkScheduleExpression, checkScheduledTaskCount, checkSpotPlatform, checkSpotWeights,
} = asText(serviceRules);

describe('checkDesiredCount', () => {
  test.each([undefined, 0, 2, 100])('valid: %s', v => expect(checkDesiredCount(v)).toBeUndefined());
  test.each([-1, 1.5])('invalid: %s', v => expect(checkDesiredCount(v)).toMatch(new RegExp(`desiredCount ${v} is not valid; .* Fix: set desiredCount`)));
  test('skips tokens', () => expect(checkDesiredCount(Token.asNumber({ Ref: 'X' }))).toBeUndefined());
});

describe('checkScalingBounds', () => {
  test.each([[1, 1, undefined], [0, 3, undefined], [2, 10, 2], [2, 10, 10]])('valid: min %s max %s desired %s', (min, max, d) =>
    expect(checkScalingBounds(min, max, d)).toBeUndefined());
  test('min below 0', () => expect(checkScalingBounds(-1, 3, undefined)).toMatch(/autoScaling.minCapacity -1 is not valid; .*Fix: set minCapacity/));
  test('max below 1', () => expect(checkScalingBounds(0, 0, undefined)).toMatch(/autoScaling.maxCapacity 0 is not valid; .*Fix: set maxCapacity/));
  test('min above max', () => expect(checkScalingBounds(5, 3, undefined)).toMatch(/autoScaling.minCapacity 5 is greater than maxCapacity 3; .*Fix: raise maxCapacity to at least 5/));
  test('desired outside', () => expect(checkScalingBounds(2, 4, 6)).toMatch(/desiredCount 6 is outside the auto scaling range 2..4; .*Fix: remove desiredCount/));
  test('skips tokens', () => expect(checkScalingBounds(Token.asNumber({ Ref: 'X' }), 1, undefined)).toBeUndefined());
});

describe('checkPercent', () => {
  test.each([undefined, 1, 50, 100])('valid: %s', v => expect(checkPercent('p', v)).toBeUndefined());
  test.each([0, 101, -5])('invalid: %s', v => expect(checkPercent('autoScaling.targetCpuPercent', v)).toMatch(new RegExp(`autoScaling.targetCpuPercent ${v} is not a valid utilization percentage; .*Fix:`)));
});

describe('checkSpotWeights', () => {
  test.each([[1, 1, 1], [0, 1, 0], [1, 0, 0], [1, 3, 2]])('valid: onDemand %s spot %s base %s', (o, s, b) => expect(checkSpotWeights(o, s, b)).toBeUndefined());
  test('negative weight', () => expect(checkSpotWeights(1, -1, 0)).toMatch(/spot.spotWeight -1 is not valid; .*Fix:/));
  test('fractional weight', () => expect(checkSpotWeights(0.5, 1, 0)).toMatch(/spot.onDemandWeight 0.5 is not valid/));
  test('both zero', () => expect(checkSpotWeights(0, 0, 1)).toMatch(/both 0; ECS needs at least one capacity provider .*Fix: set spotWeight/));
  test('bad base', () => expect(checkSpotWeights(1, 1, -2)).toMatch(/spot.onDemandBase -2 is not valid; .*Fix:/));
});

describe('checkSpotPlatform', () => {
  test.each([
    [1, false, 'X86_64', undefined], [1, false, 'ARM64', 'LATEST'], [1, false, 'ARM64', '1.4.0'], [1, false, 'X86_64', '1.3.0'], [0, true, 'X86_64', undefined],
  ] as const)('valid: spot %s windows %s %s %s', (w, win, arch, pv) => expect(checkSpotPlatform(w, win, arch, pv)).toBeUndefined());
  test('Windows on Spot', () => expect(checkSpotPlatform(1, true, 'X86_64', undefined)).toMatch(/runs Windows; Fargate Spot runs Linux tasks only. Fix: remove spot/));
  test('ARM64 on Spot before 1.4.0', () => expect(checkSpotPlatform(2, false, 'ARM64', '1.3.0')).toMatch(/ARM64 tasks on FARGATE_SPOT with platformVersion 1.3.0; .*Fix: use platformVersion VERSION1_4 or LATEST/));
});

describe('checkPlatformForCpu', () => {
  test.each([[4096, '1.3.0'], [8192, undefined], [8192, 'LATEST'], [16384, '1.4.0']] as const)('valid: cpu %s on %s', (cpu, pv) => expect(checkPlatformForCpu(cpu, pv)).toBeUndefined());
  test.each([[8192, '1.3.0'], [16384, '1.0.0']] as const)('invalid: cpu %s on %s', (cpu, pv) =>
    expect(checkPlatformForCpu(cpu, pv)).toMatch(new RegExp(`platformVersion ${pv.replace(/\./g, '\\.')} cannot run a task with cpu ${cpu} .*need platform version 1.4.0 or later. Fix:`)));
});

describe('checkContainerOverrides', () => {
  test('valid: names of the task\'s containers', () => expect(checkContainerOverrides(['job'], ['job', 'sidecar'])).toBeUndefined());
  test('invalid: names what is unknown and what exists', () => expect(checkContainerOverrides(['jbo'], ['job']))
    .toMatch(/containerOverrides name container\(s\) 'jbo', which the task does not have \(containers: 'job'\).*Fix:/));
});

describe('FGK-SCHEDULED-TASK-COUNT', () => {
  test.each([1, 5, 10, undefined])('%s is fine', n => expect(checkScheduledTaskCount(n)).toBeUndefined());
  test.each([0, -1, 11, 1.5])('%s is refused, with the value, the range and the fix', n => {
    expect(checkScheduledTaskCount(n)).toMatch(new RegExp(`^\\[FGK-SCHEDULED-TASK-COUNT\\] scheduledTaskCount ${n} is not valid; each scheduled run starts 1 to 10 tasks.*Fix: set scheduledTaskCount from 1 to 10`));
  });
  test('a token is not known at synth', () => expect(checkScheduledTaskCount(Token.asNumber({ Ref: 'N' }))).toBeUndefined());
});

describe('FGK-SCHEDULE-EXPRESSION', () => {
  test.each(['rate(1 minute)', 'rate(5 minutes)', 'rate(1 hour)', 'rate(2 days)', 'cron(0 3 * * ? *)', 'cron(0 18 ? * MON-FRI *)', 'cron(0/15 * ? * * *)'])(
    '%s is fine', e => expect(checkScheduleExpression(e)).toBeUndefined());
  test.each([
    ['rate(0 minutes)', /is not a rate EventBridge accepts/],
    ['rate(1 minutes)', /singular unit for 1/],
    ['rate(5 minute)', /is not a rate EventBridge accepts/],
    ['cron(0 3 * * * *)', /exactly one of day-of-month and day-of-week is '\?'/],
    ['cron(0 3 ? * ? *)', /exactly one of day-of-month and day-of-week/],
    ['cron(0 3 * * ?)', /six fields/],
    ['at(2027-01-01T00:00:00)', /at\(\.\.\.\) is for EventBridge Scheduler/],
    ['every day', /is not a schedule expression of an EventBridge rule/],
  ])('%s is refused', (e, why) => {
    const problem = checkScheduleExpression(e);
    expect(problem).toMatch(/^\[FGK-SCHEDULE-EXPRESSION\] schedule '/);
    expect(problem).toMatch(why);
    expect(problem).toMatch(/Fix: use events\.Schedule\.rate/);
  });
  test('a token is not known at synth', () => expect(checkScheduleExpression(Token.asString({ Ref: 'S' }))).toBeUndefined());
});

// Boundary tests that kill the mutants Stryker left alive (or uncovered) in service-rules.ts.
describe('service-rules boundaries (mutation testing)', () => {
  test('isBeforePlatform14: every version before 1.4.0, and nothing else', () => {
    for (const v of ['1.0.0', '1.1.0', '1.2.0', '1.3.0']) expect(isBeforePlatform14(v)).toBe(true);
    for (const v of [undefined, '1.4.0', 'LATEST', '']) expect(isBeforePlatform14(v)).toBe(false);
  });

  test('checkPlatformFeatures: what each pre-1.4.0 Linux version cannot run, listed together', () => {
    const none = { arm64: false, windows: false, efs: false, ephemeralStorage: false };
    for (const v of [undefined, 'LATEST', '1.4.0', Token.asString({ Ref: 'P' })]) {
      expect(checkPlatformFeatures(v, { ...none, arm64: true, efs: true })).toBeUndefined();
    }
    expect(checkPlatformFeatures('1.3.0', none)).toBeUndefined();
    expect(checkPlatformFeatures('1.3.0', { ...none, arm64: true })).toBe('[FGK-PLATFORM-FEATURES] platformVersion 1.3.0 cannot run this task: '
      + 'cpuArchitecture ARM64 need(s) Linux platform version 1.4.0 or later. Fix: use platformVersion VERSION1_4 or LATEST (the default).');
    expect(checkPlatformFeatures('1.0.0', { ...none, efs: true })).toContain('cannot run this task: EFS volumes need(s)');
    expect(checkPlatformFeatures('1.2.0', { ...none, ephemeralStorage: true })).toContain('cannot run this task: ephemeralStorageGiB need(s)');
    expect(checkPlatformFeatures('1.1.0', { arm64: true, windows: false, efs: true, ephemeralStorage: true }))
      .toContain('cannot run this task: cpuArchitecture ARM64, EFS volumes, ephemeralStorageGiB need(s)');
  });

  test('checkPlatformFeatures: Windows runs on 1.0.0 (or LATEST) only', () => {
    const windows = { arm64: false, windows: true, efs: false, ephemeralStorage: false };
    expect(checkPlatformFeatures('1.0.0', windows)).toBeUndefined();
    expect(checkPlatformFeatures('LATEST', windows)).toBeUndefined();
    expect(checkPlatformFeatures(undefined, windows)).toBeUndefined();
    expect(checkPlatformFeatures(Token.asString({ Ref: 'P' }), windows)).toBeUndefined();
    expect(checkPlatformFeatures('1.4.0', windows)).toBe('[FGK-PLATFORM-FEATURES] platformVersion 1.4.0 does not exist for Windows tasks; '
      + 'Fargate runs Windows containers on platform version 1.0.0 only. Fix: leave platformVersion unset (LATEST), or use VERSION1_0.');
  });

  test('checkScalingBounds: a bound not known at synth skips only what needs it', () => {
    const param = Token.asNumber({ Ref: 'N' });
    expect(checkScalingBounds(5, param, undefined)).toBeUndefined();
    expect(checkScalingBounds(param, 2, undefined)).toBeUndefined();
    expect(checkScalingBounds(param, 0, undefined)).toMatch(/maxCapacity 0 is not valid/);
    expect(checkScalingBounds(-1, param, undefined)).toMatch(/minCapacity -1 is not valid/);
    expect(checkScalingBounds(1, 4, param)).toBeUndefined();
    expect(checkScalingBounds(2, 4, 1)).toMatch(/desiredCount 1 is outside the auto scaling range 2\.\.4/);
    expect(checkScalingBounds(2, 4, 4)).toBeUndefined();
  });

  test('checkSpotWeights: the exact bounds, and a token in any one field skips the check', () => {
    expect(checkSpotWeights(0, 1000, 100000)).toBeUndefined();
    expect(checkSpotWeights(0, 1001, 0)).toMatch(/spot\.spotWeight 1001 is not valid/);
    expect(checkSpotWeights(1001, 1, 0)).toMatch(/spot\.onDemandWeight 1001 is not valid/);
    expect(checkSpotWeights(1, 1, 100001)).toMatch(/spot\.onDemandBase 100001 is not valid/);
    const t = Token.asNumber({ Ref: 'W' });
    expect(checkSpotWeights(t, 0, 0)).toBeUndefined();
    expect(checkSpotWeights(0, t, 0)).toBeUndefined();
    expect(checkSpotWeights(0, 0, t)).toBeUndefined();
  });

  test('checkPlatformForCpu: a token cpu is skipped; the message gives the vCPU', () => {
    expect(checkPlatformForCpu(Token.asNumber({ Ref: 'C' }), '1.3.0')).toBeUndefined();
    expect(checkPlatformForCpu(16384, '1.3.0')).toContain('cpu 16384 (16 vCPU)');
  });

  test('checkScheduleExpression: anchored patterns, multi-digit rates, any spacing in cron', () => {
    expect(checkScheduleExpression('rate(10 minutes)')).toBeUndefined();
    expect(checkScheduleExpression('xrate(5 minutes)')).toMatch(/is not a schedule expression of an EventBridge rule/);
    expect(checkScheduleExpression('rate(5 minutes)x')).toMatch(/is not a schedule expression of an EventBridge rule/);
    expect(checkScheduleExpression('xcron(0 3 * * ? *)')).toMatch(/is not a schedule expression of an EventBridge rule/);
    expect(checkScheduleExpression('cron(0 3 * * ? *)x')).toMatch(/is not a schedule expression of an EventBridge rule/);
    expect(checkScheduleExpression('cron( 0  3 * * ? * )')).toBeUndefined();
  });

  test('checkContainerOverrides names every unknown container and the task\'s containers', () => {
    expect(checkContainerOverrides(['a', 'b'], ['web', 'api'])).toContain('name container(s) \'a\', \'b\', which the task does not have (containers: \'web\', \'api\')');
    expect(checkContainerOverrides(['a'], [])).toContain('(containers: none)');
  });
});
