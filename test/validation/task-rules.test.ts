import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import * as taskRules from '../../src/validation/task-rules';
import { ContainerSpec } from '../../src/validation/task-rules';
import { runExample } from '../rules/run-example';

const {
  checkContainerCount, checkContainersFitTask, checkDependencies, checkEssentialContainer, checkGrantWritten, checkHostPorts, checkRoleAccount,
  checkSharedPorts, checkTask, checkUniqueContainerNames,
} = asText(taskRules);

function spec(name: string, more: Partial<ContainerSpec> = {}): ContainerSpec {
  return { name, essential: true, portMappings: [], hasHealthCheck: false, dependsOn: [], ...more };
}

describe('checkContainerCount', () => {
  test('1 to 10', () => {
    expect(checkContainerCount(1)).toBeUndefined();
    expect(checkContainerCount(10)).toBeUndefined();
  });
  test('none', () => expect(checkContainerCount(0)).toMatch(/the task definition has no container.*Fix: call addAppContainer/));
  test('11', () => expect(checkContainerCount(11)).toMatch(/the task definition has 11 containers; a task definition holds at most 10/));
});

test('checkUniqueContainerNames', () => {
  expect(checkUniqueContainerNames([spec('a'), spec('b')])).toBeUndefined();
  expect(checkUniqueContainerNames([spec('a'), spec('a')])).toMatch(/container name 'a' is used twice/);
});

test('checkEssentialContainer', () => {
  expect(checkEssentialContainer([spec('a', { essential: false }), spec('b')])).toBeUndefined();
  expect(checkEssentialContainer([spec('a', { essential: false }), spec('b', { essential: false })]))
    .toMatch(/no container of the task is essential \('a', 'b'\); ECS requires at least one essential container/);
});

test('checkSharedPorts: containers share localhost', () => {
  expect(checkSharedPorts([spec('web', { portMappings: [{ containerPort: 8080 }] }), spec('api', { portMappings: [{ containerPort: 5000 }] })])).toBeUndefined();
  expect(checkSharedPorts([spec('web', { portMappings: [{ containerPort: 8080 }] }), spec('api', { portMappings: [{ containerPort: 8080 }] })]))
    .toMatch(/containers 'web' and 'api' both use port 8080; the containers of a Fargate task share one network namespace \(localhost\)/);
});

test('checkHostPorts: awsvpc', () => {
  expect(checkHostPorts([spec('web', { portMappings: [{ containerPort: 80, hostPort: 80 }] })])).toBeUndefined();
  expect(checkHostPorts([spec('web', { portMappings: [{ containerPort: 80, hostPort: 8080 }] })]))
    .toMatch(/container 'web' maps host port 8080 to container port 80; Fargate tasks use network mode awsvpc/);
});

describe('checkContainersFitTask', () => {
  test('fits', () => {
    expect(checkContainersFitTask([spec('a', { cpu: 128, memoryLimitMiB: 256 }), spec('b', { cpu: 128, memoryReservationMiB: 256 })], 256, 512)).toBeUndefined();
    expect(checkContainersFitTask([spec('a'), spec('b')], 256, 512)).toBeUndefined();
  });
  test('CPU sum too large', () => {
    expect(checkContainersFitTask([spec('a', { cpu: 200 }), spec('b', { cpu: 100 })], 256, 512))
      .toMatch(/the containers' cpu adds up to 300 \(a 200 \+ b 100\), more than the task's cpu 256/);
  });
  test('memory reservations too large (reservation preferred over limit)', () => {
    expect(checkContainersFitTask([spec('a', { memoryLimitMiB: 512, memoryReservationMiB: 128 }), spec('b', { memoryLimitMiB: 384 })], 256, 512))
      .toBeUndefined();
    expect(checkContainersFitTask([spec('a', { memoryLimitMiB: 300 }), spec('b', { memoryReservationMiB: 300 })], 256, 512))
      .toMatch(/the containers reserve 600 MiB of memory \(a 300 \+ b 300; .*more than the task's memoryLimitMiB 512/);
  });
  test('a container above the task on its own is left to FGK-CONTAINER-CPU / FGK-CONTAINER-MEMORY (one mistake, one report)', () => {
    expect(checkContainersFitTask([spec('a', { cpu: 512 })], 256, 512)).toBeUndefined();
    expect(checkContainersFitTask([spec('a', { memoryLimitMiB: 1024 })], 256, 512)).toBeUndefined();
    expect(checkContainersFitTask([spec('a', { memoryLimitMiB: 1024, memoryReservationMiB: 768 })], 256, 512)).toBeUndefined();
    // the containers that fit on their own are still summed
    expect(checkContainersFitTask([spec('a', { cpu: 512 }), spec('b', { cpu: 200 }), spec('c', { cpu: 100 })], 256, 512))
      .toMatch(/the containers' cpu adds up to 300 \(b 200 \+ c 100\), more than the task's cpu 256/);
    expect(checkContainersFitTask([spec('a', { memoryLimitMiB: 1024 }), spec('b', { memoryLimitMiB: 300 }), spec('c', { memoryReservationMiB: 300 })], 256, 512))
      .toMatch(/the containers reserve 600 MiB of memory \(b 300 \+ c 300; /);
  });
  test('tokens are skipped', () => {
    const t = Token.asNumber({ Ref: 'T' });
    expect(checkContainersFitTask([spec('a', { cpu: 9999, memoryLimitMiB: 9999 })], t, t)).toBeUndefined();
    expect(checkContainersFitTask([spec('a', { cpu: t }), spec('b', { cpu: 100 })], 256, 512)).toBeUndefined();
  });
});

describe('checkDependencies', () => {
  test('valid start order', () => {
    expect(checkDependencies([
      spec('init', { essential: false }),
      spec('db', { hasHealthCheck: true }),
      spec('app', { dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }, { containerName: 'db', condition: 'HEALTHY' }] }),
    ])).toBeUndefined();
  });
  test('unknown container', () => {
    expect(checkDependencies([spec('app', { dependsOn: [{ containerName: 'db', condition: 'START' }] })]))
      .toMatch(/container 'app' depends on 'db', which is not a container of this task \(containers: app\)/);
  });
  test('HEALTHY on a container without health check', () => {
    expect(checkDependencies([spec('db'), spec('app', { dependsOn: [{ containerName: 'db', condition: 'HEALTHY' }] })]))
      .toMatch(/container 'app' waits for 'db' to be HEALTHY, but 'db' has no health check/);
  });
  test('COMPLETE / SUCCESS on an essential container', () => {
    expect(checkDependencies([spec('init'), spec('app', { dependsOn: [{ containerName: 'init', condition: 'SUCCESS' }] })]))
      .toMatch(/container 'app' waits for 'init' to succeed, but 'init' is essential/);
    expect(checkDependencies([spec('init'), spec('app', { dependsOn: [{ containerName: 'init', condition: 'COMPLETE' }] })]))
      .toMatch(/waits for 'init' to complete/);
  });
  test('cycles', () => {
    expect(checkDependencies([
      spec('a', { dependsOn: [{ containerName: 'b', condition: 'START' }] }),
      spec('b', { dependsOn: [{ containerName: 'c', condition: 'START' }] }),
      spec('c', { dependsOn: [{ containerName: 'a', condition: 'START' }] }),
    ])).toMatch(/container dependencies form a cycle \(a -> b -> c -> a\)/);
    expect(checkDependencies([spec('a', { dependsOn: [{ containerName: 'a', condition: 'START' }] })])).toMatch(/cycle \(a -> a\)/);
  });
});

test('checkTask collects every problem', () => {
  expect(checkTask([spec('a')], 256, 512)).toEqual([]);
  expect(checkTask([], 256, 512)).toHaveLength(1);
  expect(checkTask([spec('a', { essential: false, cpu: 200 }), spec('b', { essential: false, cpu: 100 })], 256, 512)).toHaveLength(2);
});

describe('FGK-ROLE-ACCOUNT', () => {
  test('a role of the stack\'s account, or an account not known at synth, is fine', () => {
    expect(checkRoleAccount('roles.executionRole', '111111111111', '111111111111')).toBeUndefined();
    expect(checkRoleAccount('roles.executionRole', '999999999999', Token.asString({ Ref: 'AWS::AccountId' }))).toBeUndefined();
    expect(checkRoleAccount('roles.executionRole', undefined, '111111111111')).toBeUndefined();
    expect(checkRoleAccount('roles.executionRole', '', '111111111111')).toBeUndefined();
  });
  test('a role of another account is refused, with both accounts and the fix', () => {
    expect(checkRoleAccount('roles.taskRole', '999999999999', '111111111111')).toMatch(
      /^\[FGK-ROLE-ACCOUNT\] roles\.taskRole is a role of account 999999999999, but the stack deploys to account 111111111111; .*dropped silently.*Fix: use a role of account 111111111111/);
  });
});

describe('FGK-GRANT-PRINCIPAL', () => {
  test('a grant written into a policy is fine: created principals, imported ones of the stack\'s account, accounts not known at synth', () => {
    expect(checkGrantWritten('grantRun', 'Stack/Runner', true)).toBeUndefined();
    expect(checkGrantWritten('grantRun', 'Stack/Runner', true, '111111111111', '111111111111')).toBeUndefined();
    expect(checkGrantWritten('grantRun', 'Stack/Runner', true, '999999999999', Token.asString({ Ref: 'AWS::AccountId' }))).toBeUndefined();
    expect(checkGrantWritten('grantRun', 'Stack/Runner', true, Token.asString({ Ref: 'AWS::AccountId' }), '111111111111')).toBeUndefined();
    expect(checkGrantWritten('grantRun', 'Stack/Runner', true, '', '111111111111')).toBeUndefined();
  });
  test('a grant aws-cdk-lib did not add is refused', () => {
    expect(checkGrantWritten('grantDescribeTasks', 'AccountPrincipal(999999999999)', false)).toMatch(
      /^\[FGK-GRANT-PRINCIPAL\] grantDescribeTasks to AccountPrincipal\(999999999999\) was not added to any policy/);
  });
  test('a grant to an imported principal of another account is refused although aws-cdk-lib reports it added (was: dropped silently)', () => {
    expect(checkGrantWritten('grantRun', 'Stack/Scheduler', true, '999999999999', '111111111111')).toMatch(
      /^\[FGK-GRANT-PRINCIPAL\] grantRun to Stack\/Scheduler was not added to any policy: .*Fix: grant to a role of this app/);
  });
  test('FargateTaskDef: a role imported by ARN of another account is reported; one of the stack\'s account, or created by the app, is not', () => {
    const grantRunTo = (grantee: string) => runExample(`
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc: network.vpc });
taskDef.grantRun(${grantee}, cluster);`);
    expect(grantRunTo('iam.Role.fromRoleArn(stack, \'Scheduler\', \'arn:aws:iam::999999999999:role/scheduler\')').ruleIds).toEqual(['FGK-GRANT-PRINCIPAL']);
    for (const grantee of [
      'iam.Role.fromRoleArn(stack, \'Scheduler\', \'arn:aws:iam::123456789012:role/scheduler\')',
      'new iam.Role(stack, \'Scheduler\', { assumedBy: new iam.ServicePrincipal(\'events.amazonaws.com\') })',
    ]) {
      const outcome = grantRunTo(grantee);
      expect(outcome.error).toBeUndefined();
      expect(outcome.ruleIds).toEqual([]);
    }
  });
});
