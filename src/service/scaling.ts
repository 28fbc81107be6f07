import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';

/**
 * A scheduled change of the scaling bounds (e.g. more tasks during business hours).
 */
export interface ScalingSchedule {
  /** A name for the scheduled action, unique within the service (it is also its construct ID). */
  readonly name: string;
  /** When the action runs, e.g. `appscaling.Schedule.cron({ hour: '8', minute: '0' })`. */
  readonly schedule: appscaling.Schedule;
  /**
   * The new minimum number of tasks.
   * @default - unchanged
   */
  readonly minCapacity?: number;
  /**
   * The new maximum number of tasks.
   * @default - unchanged
   */
  readonly maxCapacity?: number;
}

/**
 * Auto scaling of a service's task count. With auto scaling on, the template no longer
 * sets `DesiredCount`, so a deploy never resets the count the scaler chose.
 */
export interface ServiceAutoScalingOptions {
  /** The minimum number of tasks. */
  readonly minCapacity: number;
  /** The maximum number of tasks. */
  readonly maxCapacity: number;
  /**
   * Keep the service's average CPU utilization near this percentage (target tracking).
   * @default - no CPU target tracking
   */
  readonly targetCpuPercent?: number;
  /**
   * Keep the service's average memory utilization near this percentage (target tracking).
   * @default - no memory target tracking
   */
  readonly targetMemoryPercent?: number;
  /**
   * Scheduled changes of the bounds.
   * @default - none
   */
  readonly schedules?: ScalingSchedule[];
}
