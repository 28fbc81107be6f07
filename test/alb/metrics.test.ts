import { App, Stack } from 'aws-cdk-lib';
import { AlbFront, AlbFrontedService, FargateEnvironment, FargateService, VpcTopology } from '../../src';
import { taskDef } from '../environment/helpers';

// On a shared load balancer a service's metrics are its own: they read its target group, never the whole load balancer.
test('AlbFrontedService and AlbFront metrics are per service (target group), also on the shared load balancer', () => {
  const stack = new Stack(new App(), 'S');
  const env = new FargateEnvironment(stack, 'Env', { vpc: { topology: VpcTopology.PUBLIC_ONLY, flowLogs: false }, loadBalancer: {} });
  const web = new AlbFrontedService(stack, 'Web', { environment: env, taskDef: taskDef(stack, 'WebTask', 'web', 8080), hostHeaders: ['web.example.com'] });
  const api = new FargateService(stack, 'Api', { environment: env, taskDef: taskDef(stack, 'ApiTask', 'api', 8080) });
  const front = new AlbFront(stack, 'ApiFront', { service: api, hostHeaders: ['api.example.com'] });
  for (const [owner, tg] of [[web, web.targetGroup], [front, front.targetGroup]] as const) {
    const dims = (m: { dimensions?: Record<string, unknown> }) => Object.keys(m.dimensions ?? {}).sort();
    expect(dims(owner.metricTargetHttp5xxCount())).toEqual(['LoadBalancer', 'TargetGroup']);
    expect(dims(owner.metricTargetResponseTime())).toEqual(['LoadBalancer', 'TargetGroup']);
    expect(owner.metricTargetHttp5xxCount().dimensions?.TargetGroup).toBe(tg.targetGroupFullName);
  }
  // the load balancer's own 5xx exist per load balancer only (documented as such)
  expect(Object.keys(web.metricElbHttp5xxCount().dimensions ?? {})).toEqual(['LoadBalancer']);
});
