export * from './alb-alarms';
export * from './routes';
export * from './alb-fronted-service';
