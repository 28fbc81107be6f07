export * from './container-props';
export * from './container-secret';
export * from './fargate-task-def';
