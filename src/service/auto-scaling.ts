import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ServiceAutoScalingOptions } from './scaling';

/** Adds the scalable target, target tracking and schedules to the service. */
export function addAutoScaling(service: ecs.FargateService, opts: ServiceAutoScalingOptions): ecs.ScalableTaskCount {
  const scaling = service.autoScaleTaskCount({ minCapacity: opts.minCapacity, maxCapacity: opts.maxCapacity });
  if (opts.targetCpuPercent !== undefined) {
    scaling.scaleOnCpuUtilization('CpuScaling', { targetUtilizationPercent: opts.targetCpuPercent });
  }
  if (opts.targetMemoryPercent !== undefined) {
    scaling.scaleOnMemoryUtilization('MemoryScaling', { targetUtilizationPercent: opts.targetMemoryPercent });
  }
  for (const s of opts.schedules ?? []) {
    scaling.scaleOnSchedule(s.name, { schedule: s.schedule, minCapacity: s.minCapacity, maxCapacity: s.maxCapacity });
  }
  return scaling;
}
