export * from './topology';
export * from './network';
export * from './fargate-vpc';
