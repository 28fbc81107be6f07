import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';
import { FargateServiceAttributes, IFargateService } from './service';
import { formatProblem } from '../validation/errors';
import { IMPORTED_SERVICE } from '../validation/service-rules';

/** A service another app owns (`FargateService.fromFargateServiceAttributes`). */
export class ImportedFargateService extends Construct implements IFargateService {
  /** The imported ECS service. */
  public readonly service: ecs.IService;
  public readonly cluster: ecs.ICluster;
  public readonly serviceArn: string;
  public readonly serviceName: string;
  public readonly connections: ec2.Connections;

  constructor(scope: Construct, id: string, attrs: FargateServiceAttributes) {
    super(scope, id);
    if ((attrs.serviceArn === undefined) === (attrs.serviceName === undefined)) {
      // aws-cdk-lib throws on it; no placeholder can stand for a service's identity
      throw new Error(formatProblem('FargateService.fromFargateServiceAttributes', this, IMPORTED_SERVICE.problem()));
    }
    this.service = ecs.FargateService.fromFargateServiceAttributes(this, 'Resource', {
      cluster: attrs.cluster,
      serviceArn: attrs.serviceArn,
      serviceName: attrs.serviceName,
    });
    this.cluster = attrs.cluster;
    this.serviceArn = this.service.serviceArn;
    this.serviceName = this.service.serviceName;
    this.connections = new ec2.Connections({ securityGroups: attrs.securityGroups ?? [] });
  }

  public metricCpuUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CPUUtilization', props);
  }

  public metricMemoryUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('MemoryUtilization', props);
  }

  /** The service's metric in AWS/ECS, as aws-cdk-lib's `BaseService.metric` defines it (average over 5 minutes). */
  private metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/ECS',
      metricName,
      dimensionsMap: { ClusterName: this.cluster.clusterName, ServiceName: this.serviceName },
      statistic: cloudwatch.Stats.AVERAGE,
      ...props,
    });
  }
}
