export * from './aba';
export * from './wrs';
export { readCsv } from './csv';
export type { CsvRecord } from './csv';
export * from './medical-invoices';
export { moneyTextProblem } from './fields';
