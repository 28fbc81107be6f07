import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import * as taskSizeRules from '../../src/validation/task-size-rules';
import { validMemoryForCpu } from '../../src/validation/task-size-rules';

const { checkEcsName, checkEphemeralStorage, checkPlatform, checkTaskSize } = asText(taskSizeRules);

describe('checkTaskSize: the whole Fargate CPU x memory table', () => {
  const table: Array<[number, number[]]> = [
    [256, [512, 1024, 2048]],
    [512, [1024, 2048, 3072, 4096]],
    [1024, [2048, 3072, 4096, 5120, 6144, 7168, 8192]],
    [2048, range(4096, 16384, 1024)],
    [4096, range(8192, 30720, 1024)],
    [8192, range(16384, 61440, 4096)],
    [16384, range(32768, 122880, 8192)],
  ];

  test.each(table)('cpu %d accepts exactly its memory sizes', (cpu, sizes) => {
    expect(validMemoryForCpu(cpu)).toEqual(sizes);
    for (const m of sizes) expect(checkTaskSize(cpu, m)).toBeUndefined();
    const first = sizes[0];
    const last = sizes[sizes.length - 1];
    expect(checkTaskSize(cpu, first - 1)).toContain(`valid: ${sizes.join(', ')}`);
    expect(checkTaskSize(cpu, last + 1024)).toContain(`memoryLimitMiB ${last + 1024} is not valid with cpu ${cpu}`);
  });

  test('the example of DESIGN.md: 512 CPU with 3000 MiB lists the valid sizes', () => {
    expect(checkTaskSize(512, 3000)).toBe(
      '[FGK-TASK-SIZE] memoryLimitMiB 3000 is not valid with cpu 512; valid: 1024, 2048, 3072, 4096. Fargate only accepts fixed CPU/memory combinations. Fix: set memoryLimitMiB to one of those values, or change cpu.',
    );
  });

  test('8 vCPU steps by 4096 and 16 vCPU by 8192', () => {
    expect(checkTaskSize(8192, 20480)).toBeUndefined();
    expect(checkTaskSize(8192, 17408)).toMatch(/not valid with cpu 8192/);
    expect(checkTaskSize(16384, 40960)).toBeUndefined();
    expect(checkTaskSize(16384, 36864)).toMatch(/not valid with cpu 16384/);
  });

  test('a CPU value Fargate does not offer', () => {
    expect(checkTaskSize(300, 512)).toMatch(/cpu 300 is not a Fargate task size; Fargate accepts only 256, 512, 1024, 2048, 4096, 8192, 16384 CPU units.*Fix:/);
  });

  test('tokens are skipped, never crash', () => {
    expect(checkTaskSize(Token.asNumber({ Ref: 'Cpu' }), 3000)).toBeUndefined();
    expect(checkTaskSize(512, Token.asNumber({ Ref: 'Mem' }))).toBeUndefined();
    expect(checkTaskSize(300, Token.asNumber({ Ref: 'Mem' }))).toMatch(/cpu 300/);
  });
});

describe('checkEphemeralStorage', () => {
  test.each([21, 100, 200])('%d GiB is valid', gib => expect(checkEphemeralStorage(gib)).toBeUndefined());
  test.each([20, 201, 0, 30.5])('%d GiB is rejected', gib =>
    expect(checkEphemeralStorage(gib)).toMatch(new RegExp(`ephemeralStorageGiB ${gib} is out of range; .*between 21 and 200 GiB.*Fix:`)));
  test('unset and tokens are fine', () => {
    expect(checkEphemeralStorage(undefined)).toBeUndefined();
    expect(checkEphemeralStorage(Token.asNumber({ Ref: 'X' }))).toBeUndefined();
  });
});

describe('checkPlatform', () => {
  test('Linux on X86_64 and ARM64 at any size', () => {
    expect(checkPlatform('X86_64', 'LINUX', 256)).toBeUndefined();
    expect(checkPlatform('ARM64', 'LINUX', 16384)).toBeUndefined();
  });
  test('Windows on X86_64 with 1, 2 or 4 vCPU', () => {
    expect(checkPlatform('X86_64', 'WINDOWS_SERVER_2022_CORE', 1024)).toBeUndefined();
    expect(checkPlatform('X86_64', 'WINDOWS_SERVER_2019_FULL', 4096)).toBeUndefined();
  });
  test('ARM64 with Windows is rejected', () => {
    expect(checkPlatform('ARM64', 'WINDOWS_SERVER_2022_CORE', 1024)).toMatch(/cpuArchitecture ARM64 with operatingSystemFamily WINDOWS_SERVER_2022_CORE is not supported; Windows containers on Fargate run on X86_64 only/);
  });
  test('Windows below 1 vCPU or above 4 vCPU is rejected', () => {
    expect(checkPlatform('X86_64', 'WINDOWS_SERVER_2022_CORE', 512)).toMatch(/cpu 512 is not supported for Windows containers; .*1024, 2048, 4096/);
    expect(checkPlatform('X86_64', 'WINDOWS_SERVER_2022_CORE', 8192)).toMatch(/cpu 8192 is not supported for Windows/);
  });
  test('Windows versions Fargate does not run are rejected', () => {
    expect(checkPlatform('X86_64', 'WINDOWS_SERVER_2016_FULL', 1024)).toMatch(/operatingSystemFamily WINDOWS_SERVER_2016_FULL does not run on Fargate/);
    expect(checkPlatform('X86_64', 'WINDOWS_SERVER_20H2_CORE', 1024)).toMatch(/does not run on Fargate/);
  });
});

describe('checkEcsName', () => {
  test.each(['web', 'scorekeep-api', 'A_1', 'x'.repeat(255)])('%s is valid', n => expect(checkEcsName('family', n)).toBeUndefined());
  test('too long', () => expect(checkEcsName('family', 'x'.repeat(256))).toMatch(/is not a name ECS accepts; it must be 1 to 255 letters/));
  test('empty', () => expect(checkEcsName('container name', '')).toMatch(/container name '' is not a name ECS accepts.*Fix: rename it, e.g. 'app'/));
  test('bad characters, with a suggestion', () =>
    expect(checkEcsName('container name', 'my app.v2')).toMatch(/container name 'my app.v2' is not a name ECS accepts.*Fix: rename it, e.g. 'my-app-v2'/));
  test('tokens are skipped', () => expect(checkEcsName('family', Token.asString({ Ref: 'F' }))).toBeUndefined());
});

function range(first: number, last: number, step: number): number[] {
  const r: number[] = [];
  for (let v = first; v <= last; v += step) r.push(v);
  return r;
}

// Boundary tests that kill the mutants Stryker left alive in task-size-rules.ts (issue #13):
// every Windows version on the list, tokens in either platform field, the list in the message,
// and the suggested name.
describe('task-size-rules boundaries (mutation testing)', () => {
  test.each(['WINDOWS_SERVER_2019_FULL', 'WINDOWS_SERVER_2019_CORE', 'WINDOWS_SERVER_2022_FULL', 'WINDOWS_SERVER_2022_CORE',
    'WINDOWS_SERVER_2025_FULL', 'WINDOWS_SERVER_2025_CORE'])('%s runs on Fargate (X86_64, 1 vCPU)', os => {
    expect(checkPlatform('X86_64', os, 1024)).toBeUndefined();
  });

  test('an unsupported OS lists every supported one, comma-separated', () => {
    expect(checkPlatform('X86_64', 'WINDOWS_SERVER_2016_FULL', 1024)).toContain('Fargate runs LINUX, WINDOWS_SERVER_2019_FULL, WINDOWS_SERVER_2019_CORE, '
      + 'WINDOWS_SERVER_2022_FULL, WINDOWS_SERVER_2022_CORE, WINDOWS_SERVER_2025_FULL, WINDOWS_SERVER_2025_CORE. Fix:');
  });

  test('a token in either platform field is not checked', () => {
    expect(checkPlatform(Token.asString({ Ref: 'Arch' }), 'WINDOWS_SERVER_2022_CORE', 512)).toBeUndefined();
    expect(checkPlatform('ARM64', Token.asString({ Ref: 'Os' }), 512)).toBeUndefined();
  });

  test.each([
    ['my  service', 'my-service'],
    ['--web!', 'web'],
    ['web!--', 'web'],
    ['!!!', 'app'],
    [`${'a'.repeat(300)}`, 'a'.repeat(255)],
  ])('a bad name %s is refused with the suggestion %s', (name, suggestion) => {
    expect(checkEcsName('family', name)).toMatch(new RegExp(`Fix: rename it, e\\.g\\. '${suggestion}'\\.$`));
  });
});
