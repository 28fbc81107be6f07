import { CfnOutput, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { hasFargateCapacityProviders, safePlatformVersion } from './placement';
import { SpotCapacityOptions } from './spot';
import { capacityProviderStrategies, resolveTaskSpotWeights } from './spot-strategy';
import { setUpWorkload } from './workload';
import { FargateWorkloadProps } from './workload-props';
import { grantRunOnCluster } from '../iam/cluster-grants';
import { IFargateNetwork } from '../network/network';
import { resolveNumber } from '../shared/resolve';
import { containersOf } from '../task/containers';
import { IFargateTaskDef } from '../task/task-def';
import { ownTaskDefinition, platformOf, taskDefinitionOf } from '../task/task-definition-of';
import { reportAtSynth, reportProblems } from '../validation/errors';
import {
  SPOT_IMPORTED_CLUSTER, checkContainerOverrides, checkScheduleExpression, checkScheduleOnlySettings, checkScheduledTaskCount,
  checkSpotPlatform, checkSpotWeights,
} from '../validation/service-rules';

/**
 * Properties of a `FargateTask`.
 */
export interface FargateTaskProps extends FargateWorkloadProps {
  /**
   * Run the task on a schedule from EventBridge, e.g.
   * `events.Schedule.cron({ hour: '3', minute: '0' })` or `events.Schedule.rate(Duration.hours(1))`.
   * @default - no schedule: run it with `runTaskCommand`
   */
  readonly schedule?: events.Schedule;
  /**
   * How many tasks each scheduled run starts.
   * @default 1
   */
  readonly scheduledTaskCount?: number;
  /**
   * Overrides of the scheduled runs, per container: command, environment, CPU and memory
   * (the task definition stays as it is; `runTaskCommand` runs it without overrides).
   * @default - none: scheduled runs use the task definition as it is
   */
  readonly containerOverrides?: targets.ContainerOverride[];
  /**
   * Run the tasks (by hand and on the schedule) on Fargate Spot: cheaper, but a task can
   * be stopped with a two-minute warning, so the job must be safe to retry. Unset
   * weights default to all tasks on FARGATE_SPOT (spotWeight 1, onDemandWeight 0, onDemandBase 0).
   * @default - on demand (launch type FARGATE)
   */
  readonly spot?: SpotCapacityOptions;
  /**
   * Whether to emit `runTaskCommand` and `runTaskNetworkConfiguration` as stack outputs.
   * @default true
   */
  readonly outputs?: boolean;
}

/**
 * A task that runs and exits: started by hand with the emitted `aws ecs run-task`
 * command, or on a schedule from EventBridge. It has its own security group and runs
 * in the network's task subnets.
 */
export class FargateTask extends Construct implements ec2.IConnectable {
  /** The cluster the task runs in. */
  public readonly cluster: ecs.ICluster;
  /** The task's own security group (no ingress, all egress). */
  public readonly securityGroup: ec2.SecurityGroup;
  /** The network connections of the task. */
  public readonly connections: ec2.Connections;
  /** The task definition. */
  public readonly taskDef: IFargateTaskDef;
  /** The EventBridge rule, when `schedule` is set. */
  public readonly rule?: events.Rule;
  /** The role EventBridge uses to run the task, when `schedule` is set. */
  public readonly scheduleRole?: iam.Role;
  /**
   * The copy-pasteable `aws ecs run-task` command that starts one task, with the real
   * subnet and security group IDs once deployed (also a stack output).
   */
  public readonly runTaskCommand: string;
  /** The `networkConfiguration` of that run as JSON, for SDK users (also a stack output). */
  public readonly runTaskNetworkConfiguration: string;

  constructor(scope: Construct, id: string, props: FargateTaskProps) {
    super(scope, id);
    const { taskDef } = props;
    this.taskDef = taskDef;
    const spot = props.spot ? resolveTaskSpotWeights(props.spot) : undefined;
    reportProblems('FargateTask', this, [
      spot && checkSpotWeights(spot.onDemandWeight, spot.spotWeight, spot.onDemandBase),
      spot && checkSpotPlatform(spot.spotWeight, taskDef.operatingSystemFamily.isWindows(),
        platformOf(taskDef).architecture, props.platformVersion),
      props.schedule && checkScheduleExpression(props.schedule.expressionString),
      ...checkScheduleOnlySettings(props.schedule !== undefined, props.scheduledTaskCount !== undefined, props.containerOverrides !== undefined),
    ]);
    const strategies = spot ? capacityProviderStrategies(spot) : undefined;
    const base = setUpWorkload('FargateTask', this, props, { spot: spot !== undefined, runTaskStrategies: strategies });
    this.cluster = base.cluster;
    const network = base.network;
    if (spot && !hasFargateCapacityProviders(this.cluster, props.environment)) {
      reportProblems('FargateTask', this, [SPOT_IMPORTED_CLUSTER.problem({ constructType: 'FargateTask' })]);
    }
    this.securityGroup = base.securityGroup;
    this.connections = new ec2.Connections({ securityGroups: base.securityGroups });
    this.runTaskCommand = base.runTaskCommand;
    this.runTaskNetworkConfiguration = base.runTaskNetworkConfiguration;
    if (props.outputs ?? true) {
      new CfnOutput(this, 'RunTaskCommand', {
        value: this.runTaskCommand,
        description: `Starts one task of ${this.node.path}`,
      });
      new CfnOutput(this, 'RunTaskNetworkConfiguration', {
        value: this.runTaskNetworkConfiguration,
        description: `networkConfiguration of ${this.node.path} for ecs:RunTask (SDK)`,
      });
    }

    if (props.schedule) {
      reportAtSynth('FargateTask', this, () => [checkScheduledTaskCount(resolveNumber(this, props.scheduledTaskCount))]);
      this.scheduleRole = new iam.Role(this, 'ScheduleRole', {
        assumedBy: new iam.ServicePrincipal('events.amazonaws.com').withConditions({
          StringEquals: { 'aws:SourceAccount': Stack.of(this).account },
        }),
        description: `EventBridge runs ${this.node.path} on its schedule`,
      });
      this.rule = new events.Rule(this, 'Schedule', {
        schedule: props.schedule,
        description: `Runs ${this.node.path}`,
      });
      // The role may run this task definition revision, only on this cluster, and pass
      // exactly the task's two roles to ECS. EcsTask would also grant ecs:TagResource on
      // every task of the cluster (task/CLUSTER/*), needed only for tags this target does
      // not set, so it gets the role without policy updates.
      grantRunOnCluster(this.scheduleRole, taskDef.taskDefinitionArn, taskDef, this.cluster);
      this.rule.addTarget(new targets.EcsTask({
        cluster: this.cluster,
        taskDefinition: taskDefinitionOf(taskDef),
        taskCount: props.scheduledTaskCount ?? 1,
        role: this.scheduleRole.withoutPolicyUpdates(),
        securityGroups: base.securityGroups,
        subnetSelection: eventsSubnetSelection(network, base.placement.subnets),
        assignPublicIp: base.assignPublicIp,
        // aws-cdk-lib throws on ephemeral storage before platform 1.4.0 (FGK-PLATFORM-FEATURES reports it)
        platformVersion: safePlatformVersion(props.platformVersion, taskDefinitionOf(taskDef)),
        launchType: ecs.LaunchType.FARGATE,
        containerOverrides: props.containerOverrides,
      }));
      if (strategies) {
        // EcsTask has no capacity provider strategy: set it on the rule's target, which
        // then must not name a launch type.
        const cfnRule = this.rule.node.defaultChild as events.CfnRule;
        cfnRule.addPropertyDeletionOverride('Targets.0.EcsParameters.LaunchType');
        cfnRule.addPropertyOverride('Targets.0.EcsParameters.CapacityProviderStrategy', strategies.map(st => ({
          CapacityProvider: st.capacityProvider, Weight: st.weight, Base: st.base,
        })));
      }
      const overrides = props.containerOverrides ?? [];
      // the containers of an imported task definition are not known here: their names are not checked
      const own = ownTaskDefinition(taskDef);
      if (overrides.length > 0 && own !== undefined) {
        reportAtSynth('FargateTask', this, () => {
          const containers = containersOf(own).map(c => c.containerName);
          return [checkContainerOverrides(overrides.map(o => o.containerName), containers)];
        });
      }
    }
  }
}

/**
 * EcsTask accepts a public IP only with `subnetType: PUBLIC`; a selection of explicit
 * public subnets is expressed that way.
 */
function eventsSubnetSelection(network: IFargateNetwork, selected: ec2.SelectedSubnets): ec2.SubnetSelection {
  if (!network.assignPublicIp || network.taskSubnets.subnetType === ec2.SubnetType.PUBLIC) return network.taskSubnets;
  return { subnetType: ec2.SubnetType.PUBLIC, subnetFilters: [ec2.SubnetFilter.byIds(selected.subnetIds)] };
}
