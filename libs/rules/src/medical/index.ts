export * from './s59a-period';
