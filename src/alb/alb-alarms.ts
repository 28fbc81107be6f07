import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';

/**
 * Opt-in CloudWatch alarms on the load balancer of an `AlbFrontedService`.
 */
export interface AlbAlarmOptions {
  /**
   * Alarm when the 5xx responses (from the targets plus from the load balancer itself,
   * e.g. 502/503 when no task is healthy) exceed this count per minute.
   * @default 10
   */
  readonly http5xxPerMinute?: number;
  /**
   * Roll a deployment back when the 5xx alarm fires during it (ECS deployment alarms).
   * The alarm watches the load balancer, not the service, so there is no circular
   * dependency between the service and its alarm.
   * @default true
   */
  readonly rollbackOnHttp5xx?: boolean;
  /**
   * Alarm when the p95 target response time stays above this.
   * @default Duration.seconds(2)
   */
  readonly targetResponseTime?: Duration;
  /**
   * Alarm when a target group reports unhealthy targets.
   * @default true
   */
  readonly unhealthyHosts?: boolean;
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
