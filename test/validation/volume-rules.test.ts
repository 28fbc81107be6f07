import { asText } from './as-text';
import * as volumeRules from '../../src/validation/volume-rules';

const { checkEfsPlatform, checkEfsRootDirectory, checkMountVolume, checkVolumeName } = asText(volumeRules);

describe('volume rules', () => {
  test('checkVolumeName', () => {
    expect(checkVolumeName('shared', ['other'])).toBeUndefined();
    expect(checkVolumeName('shared', ['shared'])).toMatch(/volume 'shared' is already defined in this task/);
    expect(checkVolumeName('my vol', [])).toMatch(/volume name 'my vol' is not a name ECS accepts/);
  });
  test('checkMountVolume', () => {
    expect(checkMountVolume('web', 'shared', ['shared'])).toBeUndefined();
    expect(checkMountVolume('web', 'data', [])).toMatch(/container 'web' mounts volume 'data', which the task does not define \(volumes: none\). Fix: call addSharedVolume\('data'\)/);
  });
  test('checkEfsRootDirectory', () => {
    expect(checkEfsRootDirectory('v', undefined, true)).toBeUndefined();
    expect(checkEfsRootDirectory('v', '/', true)).toBeUndefined();
    expect(checkEfsRootDirectory('v', '/data', false)).toBeUndefined();
    expect(checkEfsRootDirectory('v', '/data', true)).toMatch(/EFS volume 'v' sets rootDirectory '\/data' together with an access point/);
    expect(checkEfsRootDirectory('v', 'data', false)).toMatch(/rootDirectory 'data' is not absolute/);
  });
  test('checkEfsPlatform', () => {
    expect(checkEfsPlatform('v', false)).toBeUndefined();
    expect(checkEfsPlatform('v', true)).toMatch(/EFS volume 'v' cannot be used by a Windows task/);
  });
});
