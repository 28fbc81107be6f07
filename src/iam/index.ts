export * from './task-roles';
