import { Token } from 'aws-cdk-lib';
import { Finding, defineRule, defineRuleOfKinds } from './rule';

/**
 * Fargate task CPU units and the memory sizes (MiB) each allows: `[cpu, first, last, step]`.
 * Re-checked 2026-11-26 against https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html
 * (8 and 16 vCPU need Linux platform 1.4.0: FGK-PLATFORM-FOR-CPU).
 */
const FARGATE_SIZES: ReadonlyArray<readonly [number, number, number, number]> = [
  [256, 512, 2048, 0], // 512, 1024, 2048 (not a regular step)
  [512, 1024, 4096, 1024],
  [1024, 2048, 8192, 1024],
  [2048, 4096, 16384, 1024],
  [4096, 8192, 30720, 1024],
  [8192, 16384, 61440, 4096],
  [16384, 32768, 122880, 8192],
];

/** Task CPU values Fargate accepts for Windows containers (1, 2 and 4 vCPU; same page as FARGATE_SIZES, re-checked 2026-11-26). */
export const WINDOWS_TASK_CPUS: readonly number[] = [1024, 2048, 4096];

/** Every task CPU value Fargate accepts. */
export const FARGATE_TASK_CPUS: readonly number[] = FARGATE_SIZES.map(s => s[0]);

/** The memory sizes (MiB) Fargate accepts with a task CPU value; empty for an invalid CPU. */
export function validMemoryForCpu(cpu: number): number[] {
  const size = FARGATE_SIZES.find(s => s[0] === cpu);
  if (size === undefined) return [];
  const [, first, last, step] = size;
  if (step === 0) return [512, 1024, 2048];
  const sizes: number[] = [];
  for (let m = first; m <= last; m += step) sizes.push(m);
  return sizes;
}

/** FGK-TASK-SIZE: task CPU and memory form one of Fargate's combinations (DESIGN.md's table). */
export const TASK_SIZE = defineRuleOfKinds({
  id: 'FGK-TASK-SIZE',
  acknowledgeable: true,
  checkedBy: 'FargateTaskDef',
  fact: 'Task CPU and memory form one of the fixed combinations Fargate accepts.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html',
  kinds: {
    cpu: {
      message: (d: { cpu: number }) => `cpu ${d.cpu} is not a Fargate task size; Fargate accepts only ${FARGATE_TASK_CPUS.join(', ')} CPU units (1024 = 1 vCPU).`,
      fix: () => 'pick one of those values.',
    },
    memory: {
      message: (d: { cpu: number; memoryMiB: number; valid: readonly number[] }) =>
        `memoryLimitMiB ${d.memoryMiB} is not valid with cpu ${d.cpu}; valid: ${d.valid.join(', ')}. Fargate only accepts fixed CPU/memory combinations.`,
      fix: () => 'set memoryLimitMiB to one of those values, or change cpu.',
    },
  },
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 512, memoryLimitMiB: 3000 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', { cpu: 512, memoryLimitMiB: 3072 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** Task CPU and memory must be one of Fargate's combinations (DESIGN.md's table). */
export function checkTaskSize(cpu: number, memoryMiB: number): Finding {
  if (Token.isUnresolved(cpu)) return undefined;
  const valid = validMemoryForCpu(cpu);
  if (valid.length === 0) return TASK_SIZE.problem('cpu', { cpu });
  if (Token.isUnresolved(memoryMiB)) return undefined;
  if (!valid.includes(memoryMiB)) return TASK_SIZE.problem('memory', { cpu, memoryMiB, valid });
  return undefined;
}

/** FGK-EPHEMERAL-STORAGE: ephemeral storage is 21-200 GiB. */
export const EPHEMERAL_STORAGE = defineRule<{ gib: number }>({
  id: 'FGK-EPHEMERAL-STORAGE',
  acknowledgeable: true,
  checkedBy: 'FargateTaskDef',
  fact: 'Ephemeral storage is a whole number of GiB from 21 to 200 (20 GiB when not set).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html',
  message: d => `ephemeralStorageGiB ${d.gib} is out of range; Fargate ephemeral storage is a whole number between 21 and 200 GiB (20 GiB when not set).`,
  fix: () => 'set a value from 21 to 200, or leave it unset for the 20 GiB default.',
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', { ephemeralStorageGiB: 250 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', { ephemeralStorageGiB: 200 });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** Ephemeral storage, when set, is a whole number of GiB between 21 and 200. */
export function checkEphemeralStorage(gib: number | undefined): Finding {
  if (gib === undefined || Token.isUnresolved(gib)) return undefined;
  if (!Number.isInteger(gib) || gib < 21 || gib > 200) return EPHEMERAL_STORAGE.problem({ gib });
  return undefined;
}

/** Names of the operating systems of `ecs.OperatingSystemFamily` that Fargate runs. */
export const FARGATE_OPERATING_SYSTEMS: readonly string[] = [
  'LINUX',
  'WINDOWS_SERVER_2019_FULL',
  'WINDOWS_SERVER_2019_CORE',
  'WINDOWS_SERVER_2022_FULL',
  'WINDOWS_SERVER_2022_CORE',
  'WINDOWS_SERVER_2025_FULL',
  'WINDOWS_SERVER_2025_CORE',
];

/** FGK-PLATFORM: the operating system and architecture run on Fargate. */
export const PLATFORM = defineRuleOfKinds({
  id: 'FGK-PLATFORM',
  acknowledgeable: true,
  checkedBy: 'FargateTaskDef',
  fact: 'The operating system runs on Fargate; Windows only on X86_64 with 1, 2 or 4 vCPU.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html',
  kinds: {
    os: {
      message: (d: { os: string }) => `operatingSystemFamily ${d.os} does not run on Fargate; Fargate runs ${FARGATE_OPERATING_SYSTEMS.join(', ')}.`,
      fix: () => 'use LINUX or a supported Windows Server version.',
    },
    windowsArchitecture: {
      message: (d: { architecture: string; os: string }) =>
        `cpuArchitecture ${d.architecture} with operatingSystemFamily ${d.os} is not supported; Windows containers on Fargate run on X86_64 only.`,
      fix: () => 'use cpuArchitecture X86_64, or operatingSystemFamily LINUX for ARM64.',
    },
    windowsCpu: {
      message: (d: { cpu: number }) =>
        `cpu ${d.cpu} is not supported for Windows containers; Windows tasks on Fargate take ${WINDOWS_TASK_CPUS.join(', ')} CPU units only.`,
      fix: () => 'set cpu to one of those values (with a matching memoryLimitMiB), or use LINUX.',
    },
  },
  examples: {
    nonCompliant: `// a Windows task of the default size (cpu 256)
const taskDef = new FargateTaskDef(stack, 'Task', { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022') });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', {
  operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE,
  cpu: 1024,
  memoryLimitMiB: 2048,
});
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022') });`,
  },
});

/**
 * The platform must be one Fargate runs: a supported operating system, and Windows only
 * on X86_64 with 1, 2 or 4 vCPU.
 * @param architecture `ecs.CpuArchitecture` value (`X86_64` / `ARM64`)
 * @param operatingSystem `ecs.OperatingSystemFamily` value (`LINUX`, `WINDOWS_SERVER_2022_CORE`, ...)
 */
export function checkPlatform(architecture: string, operatingSystem: string, cpu: number): Finding {
  if (Token.isUnresolved(architecture) || Token.isUnresolved(operatingSystem)) return undefined;
  if (!FARGATE_OPERATING_SYSTEMS.includes(operatingSystem)) return PLATFORM.problem('os', { os: operatingSystem });
  const windows = operatingSystem !== 'LINUX';
  if (windows && architecture !== 'X86_64') return PLATFORM.problem('windowsArchitecture', { architecture, os: operatingSystem });
  if (windows && !Token.isUnresolved(cpu) && !WINDOWS_TASK_CPUS.includes(cpu)) return PLATFORM.problem('windowsCpu', { cpu });
  return undefined;
}

/** FGK-ECS-NAME: names ECS accepts. */
export const ECS_NAME = defineRule<{ what: string; name: string }>({
  id: 'FGK-ECS-NAME',
  acknowledgeable: false,
  checkedBy: 'FargateTaskDef, FargateService',
  fact: 'Family, container, volume and service names are 1-255 letters, digits, hyphens or underscores, as ECS requires.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  message: d => `${d.what} '${d.name}' is not a name ECS accepts; it must be 1 to 255 letters, digits, hyphens (-) or underscores (_).`,
  fix: d => `rename it, e.g. '${suggestName(d.name)}'.`,
  examples: {
    nonCompliant: `const taskDef = new FargateTaskDef(stack, 'Task', { family: 'shop.web' });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
    compliant: `const taskDef = new FargateTaskDef(stack, 'Task', { family: 'shop-web' });
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });`,
  },
});

/** Names ECS accepts for families, containers and volumes: 1-255 letters, digits, '-' and '_'. */
export function checkEcsName(what: string, name: string): Finding {
  if (Token.isUnresolved(name)) return undefined;
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) return ECS_NAME.problem({ what, name });
  return undefined;
}

function suggestName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 255);
  return cleaned.length > 0 ? cleaned : 'app';
}
