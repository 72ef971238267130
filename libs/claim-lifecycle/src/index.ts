export * from './state';
export * from './lifecycle';
export * from './timeline';
export { refusal } from './refusals';
export * from './scenario-driver';
export * from './parts';
export * from './entitlement-facts';
export * from './decisions';
