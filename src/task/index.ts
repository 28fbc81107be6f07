export * from './fargate-task-def';
