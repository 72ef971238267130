export * from './logger';
export * from './kafka';
export * from './envelope';
export * from './outbox';
export * from './inbox';
export * from './parking';
export * from './outbox-runner';
