export * from './config';
export * from './logger';
export * from './auth';
export * from './validation';
export * from './health';
export * from './database';
export * from './bootstrap';
export * from './documents-client';
