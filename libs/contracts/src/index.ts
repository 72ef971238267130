export * from './primitives';
export * from './notification';
export * from './claim-events';
export * from './scenario';
export * from './problems';
export * from './events';
export * from './parties';
export * from './medical-batch';
