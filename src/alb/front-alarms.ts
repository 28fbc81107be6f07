import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { AlbAlarmOptions } from './alb-alarms';

/** The alarms of an ALB-fronted service. */
type AlbAlarms = { http5xx: cloudwatch.Alarm; targetResponseTime: cloudwatch.Alarm; unhealthyHosts: cloudwatch.Alarm[] };

const PERIOD = Duration.minutes(1);

/** 5xx responses of the targets plus those of the load balancer, per period. */
export function http5xxMetric(lb: elbv2.IApplicationLoadBalancer, period: Duration = PERIOD): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: 'FILL(target5xx, 0) + FILL(elb5xx, 0)',
    usingMetrics: {
      target5xx: lb.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period }),
      elb5xx: lb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT, { period }),
    },
    period,
    label: '5xx responses (targets + load balancer)',
  });
}

/** 5xx responses of the targets of these target groups, per period. */
export function targetGroupHttp5xxMetric(targetGroups: elbv2.ApplicationTargetGroup[], period: Duration = PERIOD): cloudwatch.MathExpression {
  const usingMetrics: Record<string, cloudwatch.IMetric> = {};
  targetGroups.forEach((tg, i) => { usingMetrics[`tg${i}`] = tg.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT, { period }); });
  return new cloudwatch.MathExpression({
    expression: Object.keys(usingMetrics).map(k => `FILL(${k}, 0)`).join(' + '),
    usingMetrics,
    period,
    label: '5xx responses of the service\'s targets',
  });
}

/**
 * Creates the alarms under `scope` (IDs `Http5xxAlarm`, `TargetResponseTimeAlarm`,
 * `UnhealthyHostsAlarm` + what the target group serves, e.g. `UnhealthyHostsAlarm` for `TargetGroup`
 * and `SharedTargetGroup`, `UnhealthyHostsAlarm /api/*` for `TargetGroup /api/*`: keyed like the groups). They depend on the load balancer and target groups only.
 */
export function addAlbAlarms(
  scope: Construct, lb: elbv2.IApplicationLoadBalancer, targetGroups: elbv2.ApplicationTargetGroup[], targetGroupIds: string[], opts: AlbAlarmOptions,
  perTargetGroup = false,
): AlbAlarms {
  const evaluationPeriods = opts.evaluationPeriods ?? 5;
  const common = {
    evaluationPeriods,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  };
  // on a shared load balancer the load balancer's metrics are every service's: watch the
  // service's own target groups instead (5xx of its targets; ELB-made 5xx have no target group)
  const http5xx = (perTargetGroup ? targetGroupHttp5xxMetric(targetGroups) : http5xxMetric(lb)).createAlarm(scope, 'Http5xxAlarm', {
    ...common,
    threshold: opts.http5xxPerMinute ?? 10,
    alarmDescription: perTargetGroup ? `Tasks of ${scope.node.path} return 5xx responses` : `Load balancer of ${scope.node.path} returns 5xx responses`,
  });
  const responseTime = opts.targetResponseTime ?? Duration.seconds(2);
  const responseTimeMetric = perTargetGroup
    ? targetGroups[0].metrics.targetResponseTime({ period: PERIOD, statistic: 'p95' })
    : lb.metrics.targetResponseTime({ period: PERIOD, statistic: 'p95' });
  const targetResponseTime = responseTimeMetric.createAlarm(scope, 'TargetResponseTimeAlarm', {
    ...common,
    threshold: responseTime.toMilliseconds() / 1000,
    alarmDescription: `p95 target response time of ${scope.node.path} is above ${responseTime.toHumanString()}`,
  });
  const unhealthyHosts = (opts.unhealthyHosts ?? true)
    ? targetGroups.map((tg, i) => tg.metrics.unhealthyHostCount({ period: PERIOD, statistic: cloudwatch.Stats.MAXIMUM })
      .createAlarm(scope, `UnhealthyHostsAlarm${targetGroupIds[i].replace(/^(Shared)?TargetGroup/, '')}`, {
        ...common,
        threshold: 0,
        alarmDescription: `Target group ${tg.node.path} has unhealthy targets`,
      }))
    : [];
  for (const alarm of [http5xx, targetResponseTime, ...unhealthyHosts]) {
    alarm.addAlarmAction(...(opts.actions ?? []));
  }
  return { http5xx, targetResponseTime, unhealthyHosts };
}
