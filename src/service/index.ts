export * from './workload-props';
export * from './spot';
export * from './scaling';
export * from './alarms';
export * from './fargate-service';
export * from './fargate-task';
