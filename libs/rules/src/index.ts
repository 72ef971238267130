export * from './money';
export * from './calendar';
export * from './parameters';
export * from './triage';
export * from './obligations';
export * from './weekly-compensation';
export * from './excess';
