import { Stack, StackProps } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { FargateTask, FargateTaskDef, FargateVpc, VpcTopology } from '../../src';

/**
 * BatchJob — work that runs and exits: a one-off task started with the emitted
 * `aws ecs run-task` command, and the same task run nightly by EventBridge.
 */
export class BatchJobStack extends Stack {
  /** The network. */
  public readonly network: FargateVpc;
  /** The one-off task (run by hand). */
  public readonly oneOff: FargateTask;
  /** The scheduled task. */
  public readonly nightly: FargateTask;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.network = new FargateVpc(this, 'Network', { topology: VpcTopology.PRIVATE_WITH_NAT, natGateways: 1 });
    const taskDef = new FargateTaskDef(this, 'JobTask', { family: 'batch-job' });
    taskDef.addAppContainer('job', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:stable'),
      command: ['sh', '-c', 'echo generating the nightly report'],
    });
    this.oneOff = new FargateTask(this, 'OneOff', { network: this.network, taskDef });
    this.nightly = new FargateTask(this, 'Nightly', {
      network: this.network,
      taskDef,
      cluster: this.oneOff.cluster,
      schedule: events.Schedule.cron({ hour: '3', minute: '0' }),
      outputs: false,
    });
  }
}
