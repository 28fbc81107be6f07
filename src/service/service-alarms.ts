import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { ServiceAlarm, ServiceAlarmOptions } from './alarms';

/** The alarms created for a service. */
type ServiceAlarms = { cpu?: cloudwatch.Alarm; memory?: cloudwatch.Alarm; runningTasks?: cloudwatch.Alarm };

/** Creates the alarms under `scope` (IDs `CpuAlarm`, `MemoryAlarm`, `RunningTasksAlarm`). */
export function addServiceAlarms(scope: Construct, service: ecs.FargateService, cluster: ecs.ICluster, opts: ServiceAlarmOptions): ServiceAlarms {
  const periods = opts.evaluationPeriods ?? 5;
  const period = Duration.minutes(1);
  const above = (id: string, what: string, metric: cloudwatch.Metric, threshold: number) => metric.createAlarm(scope, id, {
    threshold,
    evaluationPeriods: periods,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: `${what} of ECS service ${service.node.path} is high`,
  });
  const enabled = new Set(opts.enabledAlarms ?? [ServiceAlarm.HIGH_CPU, ServiceAlarm.HIGH_MEMORY, ServiceAlarm.TASKS_BELOW_DESIRED]);
  const cpu = enabled.has(ServiceAlarm.HIGH_CPU)
    ? above('CpuAlarm', 'CPU utilization', service.metricCpuUtilization({ period }), opts.cpuPercent ?? 80) : undefined;
  const memory = enabled.has(ServiceAlarm.HIGH_MEMORY)
    ? above('MemoryAlarm', 'Memory utilization', service.metricMemoryUtilization({ period }), opts.memoryPercent ?? 80) : undefined;
  let runningTasks: cloudwatch.Alarm | undefined;
  if (enabled.has(ServiceAlarm.TASKS_BELOW_DESIRED)) {
    const insights = (metricName: string) => new cloudwatch.Metric({
      namespace: 'ECS/ContainerInsights',
      metricName,
      dimensionsMap: { ClusterName: cluster.clusterName, ServiceName: service.serviceName },
      statistic: cloudwatch.Stats.MINIMUM,
      period,
    });
    runningTasks = new cloudwatch.MathExpression({
      expression: 'desired - running',
      usingMetrics: { desired: insights('DesiredTaskCount'), running: insights('RunningTaskCount') },
      period,
      label: 'Tasks missing (desired - running)',
    }).createAlarm(scope, 'RunningTasksAlarm', {
      threshold: 0,
      evaluationPeriods: periods,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: `ECS service ${service.node.path} runs fewer tasks than desired`,
    });
  }
  for (const alarm of [cpu, memory, runningTasks]) {
    if (alarm) alarm.addAlarmAction(...(opts.actions ?? []));
  }
  return { cpu, memory, runningTasks };
}
