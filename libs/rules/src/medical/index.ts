export * from './s59a-period';
export * from './assessment';
