// The public (jsii) API, module by module. Every module listed here holds public API only;
// a construct's building code lives beside it in its domain folder and is never exported.
// test/exports.test.ts pins the exported names.
export * from './network/topology';
export * from './network/network';
export * from './network/fargate-vpc';
export * from './iam/task-roles';
export * from './task/task-def';
export * from './task/container-props';
export * from './task/fargate-task-def';
export * from './service/service';
export * from './service/workload-props';
export * from './service/spot';
export * from './service/scaling';
export * from './service/alarms';
export * from './service/fargate-service';
export * from './service/fargate-task';
export * from './alb/alb-alarms';
export * from './alb/routes';
export * from './alb/alb-fronted-service';
export * from './alb/alb-front-options';
export * from './alb/alb-front';
export * from './service/service-connect';
export * from './environment/environment';
export * from './environment/environment-options';
export * from './environment/fargate-environment';
