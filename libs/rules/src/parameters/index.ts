export * from './tables';
export * from './statutory-periods';
