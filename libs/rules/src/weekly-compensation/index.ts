export * from './formula';
export * from './indexation';
export * from './entitlement';
export * from './s80-notice-period';
export * from './s48a-suspension';
