export * from './aba';
export * from './wrs';
export { readCsv } from './csv';
export type { CsvRecord } from './csv';
