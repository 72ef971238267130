export * from './claim/definitions';
export * from './claim/activities';
export * from './bundle';
export * from './simulate/simulate';
export * from './runtime';
