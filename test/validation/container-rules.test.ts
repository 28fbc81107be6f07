import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import * as containerRules from '../../src/validation/container-rules';
import * as environmentRules from '../../src/validation/environment-rules';

const { checkContainerCpu, checkContainerMemory, checkHealthCheck, checkMountPath, checkPorts, checkReadonlyRootFilesystem } = asText(containerRules);

describe('checkPorts', () => {
  test('valid ports', () => expect(checkPorts('web', [1, 80, 8080, 65535])).toBeUndefined());
  test.each([0, 65536, -1, 80.5])('port %d is out of range', p =>
    expect(checkPorts('web', [p])).toMatch(new RegExp(`container 'web' port ${p} is out of range; a port is a whole number from 1 to 65535. Fix:`)));
  test('a port listed twice', () => expect(checkPorts('web', [80, 80])).toMatch(/container 'web' lists port 80 twice/));
  test('tokens are skipped', () => expect(checkPorts('web', [Token.asNumber({ Ref: 'P' })])).toBeUndefined());
});

describe('checkContainerCpu', () => {
  test('fits', () => {
    expect(checkContainerCpu('web', 256, 256)).toBeUndefined();
    expect(checkContainerCpu('web', 0, 256)).toBeUndefined();
    expect(checkContainerCpu('web', undefined, 256)).toBeUndefined();
  });
  test('above the task', () => expect(checkContainerCpu('web', 512, 256)).toMatch(/container 'web' cpu 512 exceeds the task's cpu 256.*Fix: lower the container cpu to 256 or less/));
  test('negative', () => expect(checkContainerCpu('web', -1, 256)).toMatch(/container 'web' cpu -1 is not valid/));
  test('tokens', () => expect(checkContainerCpu('web', Token.asNumber({ Ref: 'C' }), 256)).toBeUndefined());
});

describe('checkContainerMemory', () => {
  test('fits', () => {
    expect(checkContainerMemory('web', 512, 256, 512)).toBeUndefined();
    expect(checkContainerMemory('web', undefined, undefined, 512)).toBeUndefined();
  });
  test('reservation above the limit', () =>
    expect(checkContainerMemory('web', 256, 384, 512)).toMatch(/container 'web' memoryReservationMiB 384 is above its memoryLimitMiB 256; .*Fix:/));
  test('limit above the task', () =>
    expect(checkContainerMemory('web', 1024, undefined, 512)).toMatch(/container 'web' memoryLimitMiB 1024 exceeds the task's memoryLimitMiB 512/));
  test('reservation above the task', () =>
    expect(checkContainerMemory('web', undefined, 1024, 512)).toMatch(/memoryReservationMiB 1024 exceeds the task's memoryLimitMiB 512/));
  test('below Docker\'s minimum', () =>
    expect(checkContainerMemory('web', 4, undefined, 512)).toMatch(/memoryLimitMiB 4 is not valid; Docker needs a whole number of at least 6 MiB/));
  test('tokens', () => expect(checkContainerMemory('web', Token.asNumber({ Ref: 'M' }), 1024, Token.asNumber({ Ref: 'T' }))).toBeUndefined());
});

describe('checkHealthCheck', () => {
  const ok = { commandLength: 2, intervalSeconds: 30, timeoutSeconds: 5, retries: 3, startPeriodSeconds: 0 };
  test('valid and defaults', () => {
    expect(checkHealthCheck('web', ok)).toBeUndefined();
    expect(checkHealthCheck('web', { commandLength: 1 })).toBeUndefined();
  });
  test('empty command', () => expect(checkHealthCheck('web', { commandLength: 0 })).toMatch(/container 'web' health check has an empty command/));
  test.each([
    ['interval', { intervalSeconds: 4 }, /health check interval 4 seconds is out of range; ECS accepts 5 to 300 seconds/],
    ['timeout', { timeoutSeconds: 121 }, /health check timeout 121 seconds is out of range; ECS accepts 2 to 120 seconds/],
    ['retries', { retries: 11 }, /health check retries 11 is out of range; ECS accepts 1 to 10/],
    ['startPeriod', { startPeriodSeconds: 301 }, /health check startPeriod 301 seconds is out of range; ECS accepts 0 to 300 seconds/],
    ['timeout >= interval', { intervalSeconds: 10, timeoutSeconds: 10 }, /timeout 10 seconds is not shorter than its interval 10 seconds/],
  ])('%s', (_name, bad, message) => expect(checkHealthCheck('web', { ...ok, ...bad })).toMatch(message));
});

describe('checkMountPath', () => {
  test('absolute Linux and Windows paths', () => {
    expect(checkMountPath('web', '/data', false)).toBeUndefined();
    expect(checkMountPath('web', 'C:\\data', true)).toBeUndefined();
  });
  test('relative paths', () => {
    expect(checkMountPath('web', 'data', false)).toMatch(/container 'web' mount path 'data' is not absolute.*'\/data'/);
    expect(checkMountPath('web', '/data', true)).toMatch(/is not absolute.*C:\\data/);
  });
});

describe('checkReadonlyRootFilesystem', () => {
  test('Linux may, Windows may not', () => {
    expect(checkReadonlyRootFilesystem('web', true, false)).toBeUndefined();
    expect(checkReadonlyRootFilesystem('web', false, true)).toBeUndefined();
    expect(checkReadonlyRootFilesystem('web', true, true)).toMatch(/container 'web' sets readonlyRootFilesystem on a Windows task/);
  });
});

describe('checkPortMappingNames', () => {
  const { checkPortMappingNames } = asText(containerRules);
  test('lowercase letters, digits, _ and -, not starting with -, up to 64', () => {
    expect(checkPortMappingNames('web', ['web', 'web_http', 'api-1', undefined, 'x'.repeat(64)])).toBeUndefined();
    expect(checkPortMappingNames('web', ['Web'])).toBe(
      "[FGK-PORTS] container 'web' port mapping name 'Web' is not valid; ECS takes up to 64 lowercase letters, digits, underscores or hyphens, not starting with a hyphen (Service Connect refers to the mapping by it). Fix: name it like 'web'.");
    expect(checkPortMappingNames('web', ['-web'])).toMatch(/name it like 'web'/);
    expect(checkPortMappingNames('web', ['x'.repeat(65)])).toMatch(/is not valid/);
  });
});

describe('Service Connect names are lowercase DNS labels', () => {
  test('valid and invalid', () => {
    const { checkServiceConnectName } = asText(environmentRules);
    for (const ok of ['api', 'orders-api', '1st']) expect(checkServiceConnectName(ok)).toBeUndefined();
    for (const bad of ['Api', 'orders_api', '-api', 'x'.repeat(65)]) expect(checkServiceConnectName(bad)).toMatch(/^\[FGK-SERVICE-CONNECT-NAME\] serviceConnect.name/);
  });
});
