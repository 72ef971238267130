export * from './piawe';
