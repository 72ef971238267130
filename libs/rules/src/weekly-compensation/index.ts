export * from './formula';
export * from './indexation';
export * from './entitlement';
