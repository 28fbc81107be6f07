import { Token } from 'aws-cdk-lib';
import {
  checkContainerOverrides, checkDesiredCount, checkPercent, checkPlatformForCpu, checkScalingBounds, checkScheduleExpression,
  checkScheduledTaskCount, checkSpotPlatform, checkSpotWeights,
} from '../../src/validation/service-rules';

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
