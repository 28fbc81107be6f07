import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * An alarm `FargateService` can create.
 */
export enum ServiceAlarm {
  /** Average CPU utilization above `cpuPercent`. */
  HIGH_CPU = 'HIGH_CPU',
  /** Average memory utilization above `memoryPercent`. */
  HIGH_MEMORY = 'HIGH_MEMORY',
  /**
   * Fewer tasks running than desired (Container Insights metrics; the cluster must have
   * Container Insights on, as the clusters this library creates do).
   */
  TASKS_BELOW_DESIRED = 'TASKS_BELOW_DESIRED',
}

/**
 * Opt-in CloudWatch alarms of a service.
 */
export interface ServiceAlarmOptions {
  /**
   * Alarm when average CPU utilization stays above this percentage.
   * @default 80
   */
  readonly cpuPercent?: number;
  /**
   * Alarm when average memory utilization stays above this percentage.
   * @default 80
   */
  readonly memoryPercent?: number;
  /**
   * Which alarms to create.
   * @default - all three: HIGH_CPU, HIGH_MEMORY and TASKS_BELOW_DESIRED
   */
  readonly enabledAlarms?: ServiceAlarm[];
  /**
   * How many consecutive 1-minute periods must breach before an alarm fires.
   * @default 5
   */
  readonly evaluationPeriods?: number;
  /**
   * Actions run when an alarm fires, e.g. `new cw_actions.SnsAction(topic)`.
   * @default - none
   */
  readonly actions?: cloudwatch.IAlarmAction[];
}
