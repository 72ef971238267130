export * from './catalogue';
export * from './due-date';
export * from './escalation-policy';
