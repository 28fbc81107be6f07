export * from './network';
export * from './iam';
export * from './task';
export * from './service';
export * from './alb';
