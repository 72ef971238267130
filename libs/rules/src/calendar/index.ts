export * from './local-date';
export * from './easter';
export * from './nsw-holidays';
export * from './business-calendar';
export * from './sydney-time';
