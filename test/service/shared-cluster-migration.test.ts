import { fullDiff } from '@aws-cdk/cloudformation-diff';
import { App, Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import { AlbFrontedService, FargateEnvironment, FargateService, FargateTask, FargateTaskDef, FargateVpc } from '../../src';

// `sharedCluster` is deprecated in favour of a FargateEnvironment. Its deprecation text and
// docs/changes.md ("From sharedCluster to a FargateEnvironment") say what the move does on
// deploy; these tests keep them true.

/** Two services and a task in the network's shared cluster, or in an environment over the same network. */
function template(inEnvironment: boolean, renames: [string, string][] = []): Record<string, any> {
  const app = new App();
  const stack = new Stack(app, 'Shop');
  const network = new FargateVpc(stack, 'Network');
  const taskDef = (id: string, port: number) => {
    const t = new FargateTaskDef(stack, id);
    t.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:stable'), ports: [port] });
    return t;
  };
  const where = inEnvironment ? { environment: new FargateEnvironment(stack, 'Env', { network }) } : { network, sharedCluster: true };
  new FargateService(stack, 'Api', { ...where, taskDef: taskDef('ApiTask', 5000) });
  new AlbFrontedService(stack, 'Web', { ...where, taskDef: taskDef('WebTask', 8080), spot: {} });
  new FargateTask(stack, 'Job', { ...where, taskDef: taskDef('JobTask', 9000), schedule: events.Schedule.cron({ hour: '3', minute: '0' }) });
  for (const [from, to] of renames) stack.renameLogicalId(from, to);
  return app.synth().getStackByName('Shop').template;
}

/** `impact type logicalId` of every resource the change touches. */
function changes(before: Record<string, any>, after: Record<string, any>): string[] {
  const out: string[] = [];
  fullDiff(before, after).resources.forEachDifference((id, c) => {
    out.push(`${c.isAddition ? 'added' : c.isRemoval ? 'removed' : c.changeImpact} ${c.resourceType} ${id}`);
  });
  return out.sort();
}

function logicalIdOf(t: Record<string, any>, type: string): string {
  const ids = Object.entries<any>(t.Resources).filter(([, r]) => r.Type === type).map(([id]) => id);
  expect(ids).toHaveLength(1);
  return ids[0];
}

const before = template(false);
const after = template(true);
const CLUSTER_TYPES = ['AWS::ECS::Cluster', 'AWS::ECS::ClusterCapacityProviderAssociations'];

test('moving from sharedCluster to an environment replaces the cluster and every service in it; a scheduled task updates in place', () => {
  const services = Object.entries<any>(before.Resources).filter(([, r]) => r.Type === 'AWS::ECS::Service').map(([id]) => id);
  expect(services).toHaveLength(2);
  expect(changes(before, after)).toEqual([
    ...CLUSTER_TYPES.map(type => `added ${type} ${logicalIdOf(after, type)}`),
    ...CLUSTER_TYPES.map(type => `removed ${type} ${logicalIdOf(before, type)}`),
    ...services.map(id => `WILL_REPLACE AWS::ECS::Service ${id}`),
    // the scheduled task follows the new cluster in place: its rule's target and its role's RunTask condition
    `WILL_UPDATE AWS::Events::Rule ${logicalIdOf(before, 'AWS::Events::Rule')}`,
    `WILL_UPDATE AWS::IAM::Policy ${Object.keys(before.Resources).find(id => id.startsWith('JobScheduleRoleDefaultPolicy'))}`,
  ].sort());
});

test('with the shared cluster\'s logical IDs kept (Stack.renameLogicalId), the move changes nothing', () => {
  const renames = CLUSTER_TYPES.map(type => [logicalIdOf(after, type), logicalIdOf(before, type)] as [string, string]);
  const kept = template(true, renames);
  expect(changes(before, kept)).toEqual([]);
  expect(fullDiff(before, kept).outputs.differenceCount).toBe(0);
});
