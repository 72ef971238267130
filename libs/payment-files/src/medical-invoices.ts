import { Dec, formatMoney, isLocalDate, isValidAbn, money, sum } from '@wc/rules';
import { readCsv } from './csv';
import type { CsvRecord } from './csv';

/**
 * Medical invoice lines in bulk: the CSV a treatment provider (or a worker claiming back what they
 * paid) sends (docs/medical-invoices.md). Read and reported exactly like the wage reimbursement
 * schedule (wrs.ts): the same CSV reader, `line N: column: problem`, every problem in line order and
 * nothing accepted while any remains. Each accepted line is then assessed as docs/medical-assessment.md says.
 */

export const MEDICAL_INVOICE_COLUMNS = ['claim_number', 'invoice_number', 'provider_abn', 'payee', 'service_date', 'item', 'units', 'charged'] as const;
export type MedicalInvoiceColumn = (typeof MEDICAL_INVOICE_COLUMNS)[number];

/** `column` names the column at fault, or `header` / `fields` for the whole line, as in the schedule. */
export interface MedicalInvoiceProblem {
  line: number;
  column: MedicalInvoiceColumn | 'header' | 'fields';
  message: string;
}

/** Who the line is paid to: the provider, or the worker who paid the provider and holds the receipt. */
export type MedicalInvoicePayee = 'provider' | 'worker';

export interface MedicalInvoiceLine {
  line: number;
  claimNumber: string;
  invoiceNumber: string;
  providerAbn: string;
  payee: MedicalInvoicePayee;
  serviceDate: string;
  item: string;
  units: number;
  /** Excluding GST. */
  charged: Dec;
}

export interface MedicalInvoiceSummary {
  lines: number;
  /** Distinct claim_number + invoice_number + provider_abn. */
  invoices: number;
  claims: number;
  providers: number;
  /** The sum of `charged`, two decimal places. */
  charged: string;
}

export type MedicalInvoiceResult = { ok: true; summary: MedicalInvoiceSummary; lines: MedicalInvoiceLine[] } | { ok: false; problems: MedicalInvoiceProblem[] };

const MAX_INVOICE_NUMBER = 30;
const INVOICE_NUMBER_CHARACTERS = /^[A-Za-z0-9\-/._]*$/;
const ITEM = /^[A-Z0-9]{1,12}$/;
/** 1 to 99, written without a sign, a decimal point or leading zeros. */
const UNITS = /^[1-9]\d?$/;
/** docs/medical-assessment.md's money: a non-negative decimal with exactly two places ("95.00"). */
const CHARGED = /^(0|[1-9]\d*)\.\d{2}$/;
const MAX_CHARGED = money('99999.99');

// The ABN check lives with the other shared identifiers (@wc/rules isValidAbn, citing the ATO);
// re-exported here so the file format's users find it beside the columns.
export { isValidAbn };

/** What is known about one data line while it is checked, column by column (as in wrs.ts). */
class LineCheck {
  readonly problems: MedicalInvoiceProblem[] = [];
  constructor(
    readonly line: number,
    readonly fields: readonly string[],
  ) {}
  value(column: MedicalInvoiceColumn): string {
    return this.fields[MEDICAL_INVOICE_COLUMNS.indexOf(column)];
  }
  fail(column: MedicalInvoiceColumn, message: string): undefined {
    this.problems.push({ line: this.line, column, message });
    return undefined;
  }
}

/** The schedule's rule for claim numbers (wrs.ts): any text, surrounding spaces ignored, not empty. */
function claimNumber(c: LineCheck): string | undefined {
  const claim = c.value('claim_number').trim();
  return claim === '' ? c.fail('claim_number', 'must not be empty') : claim;
}

function invoiceNumber(c: LineCheck): string | undefined {
  const text = c.value('invoice_number');
  if (text === '') return c.fail('invoice_number', 'must not be empty');
  if (!INVOICE_NUMBER_CHARACTERS.test(text)) return c.fail('invoice_number', 'must contain only letters, digits, -, /, . and _');
  if (text.length > MAX_INVOICE_NUMBER) return c.fail('invoice_number', `must be at most ${MAX_INVOICE_NUMBER} characters`);
  return text;
}

function providerAbn(c: LineCheck): string | undefined {
  const text = c.value('provider_abn');
  if (!/^\d{11}$/.test(text)) return c.fail('provider_abn', 'must be 11 digits with no spaces');
  return isValidAbn(text) ? text : c.fail('provider_abn', 'is not a valid ABN (check digits do not match)');
}

function payee(c: LineCheck): MedicalInvoicePayee | undefined {
  const text = c.value('payee');
  return text === 'provider' || text === 'worker' ? text : c.fail('payee', 'must be provider or worker');
}

function serviceDate(c: LineCheck): string | undefined {
  const text = c.value('service_date');
  return isLocalDate(text) ? text : c.fail('service_date', 'must be a date YYYY-MM-DD');
}

function item(c: LineCheck): string | undefined {
  const text = c.value('item');
  return ITEM.test(text) ? text : c.fail('item', 'must be 1 to 12 capital letters and digits');
}

function units(c: LineCheck): number | undefined {
  const text = c.value('units');
  return UNITS.test(text) ? Number(text) : c.fail('units', 'must be a whole number from 1 to 99');
}

/**
 * Why a `charged` text is refused, or undefined when it is fine. Specific messages, as for the
 * schedule's money (fields.ts), but docs/medical-assessment.md wants exactly two places, not at most two.
 */
function chargedProblem(text: string): string | undefined {
  if (CHARGED.test(text)) return money(text).greaterThan(MAX_CHARGED) ? 'must be at most 99999.99' : undefined;
  if (text.trim() === '') return 'must not be empty';
  if (/^-/.test(text.trim())) return 'must not be negative';
  if (/[$,]/.test(text)) return 'must be a plain number (no $ sign or thousands separators)';
  if (/^(0|[1-9]\d*)(\.\d+)?$/.test(text)) return 'must have exactly 2 decimal places';
  return 'must be an amount such as 95.00';
}

function charged(c: LineCheck): Dec | undefined {
  const text = c.value('charged');
  const problem = chargedProblem(text);
  return problem ? c.fail('charged', problem) : money(text);
}

/** The columns that make two lines the same line of the same invoice. */
const repeatKey = (parts: (string | undefined)[]) => (parts.every((p) => p !== undefined) ? JSON.stringify(parts) : undefined);

/**
 * One data line: a repeat of an earlier line first (a whole-line problem, `fields`), then the columns
 * in order. `seen` maps the key of every earlier line whose key columns are all valid to its line
 * number; the earlier line's other columns do not matter, as for overlapping periods in the schedule.
 */
function checkLine(line: number, fields: string[], seen: Map<string, number>): { problems: MedicalInvoiceProblem[]; parsed?: MedicalInvoiceLine } {
  const c = new LineCheck(line, fields);
  const parsed = {
    line,
    claimNumber: claimNumber(c),
    invoiceNumber: invoiceNumber(c),
    providerAbn: providerAbn(c),
    payee: payee(c),
    serviceDate: serviceDate(c),
    item: item(c),
    units: units(c),
    charged: charged(c),
  };
  const key = repeatKey([parsed.claimNumber, parsed.invoiceNumber, parsed.providerAbn, parsed.serviceDate, parsed.item]);
  const earlier = key === undefined ? undefined : seen.get(key);
  if (key !== undefined && earlier === undefined) seen.set(key, line);
  const problems: MedicalInvoiceProblem[] = [...(earlier === undefined ? [] : [{ line, column: 'fields' as const, message: `repeats line ${earlier}` }]), ...c.problems];
  if (problems.length > 0) return { problems };
  // No problem means no column returned undefined (each does only through fail).
  return { problems, parsed: parsed as MedicalInvoiceLine };
}

function checkHeader(record: CsvRecord | undefined): MedicalInvoiceProblem[] {
  const expected = MEDICAL_INVOICE_COLUMNS.join(',');
  if (!record) return [{ line: 1, column: 'header', message: `missing; expected ${expected}` }];
  if ('error' in record) return [{ line: record.line, column: 'header', message: record.error }];
  if (record.fields.length === MEDICAL_INVOICE_COLUMNS.length && record.fields.join(',') === expected) return [];
  return [{ line: record.line, column: 'header', message: `must be exactly ${expected}` }];
}

function summarise(lines: MedicalInvoiceLine[]): MedicalInvoiceSummary {
  const distinct = (key: (l: MedicalInvoiceLine) => string) => new Set(lines.map(key)).size;
  return {
    lines: lines.length,
    invoices: distinct((l) => JSON.stringify([l.claimNumber, l.invoiceNumber, l.providerAbn])),
    claims: distinct((l) => l.claimNumber),
    providers: distinct((l) => l.providerAbn),
    charged: formatMoney(sum(lines.map((l) => l.charged))),
  };
}

/**
 * Checks a whole file of invoice lines and reports every problem in line order; the lines are
 * returned only when there is none, so a file is never half imported. Data lines are still checked
 * under a wrong header, because the column order is fixed and the rows may be fine.
 */
export function checkMedicalInvoices(text: string): MedicalInvoiceResult {
  const [header, ...rows] = readCsv(text);
  const problems = checkHeader(header);
  const lines: MedicalInvoiceLine[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    if ('error' in row) {
      problems.push({ line: row.line, column: 'fields', message: row.error });
    } else if (row.fields.length !== MEDICAL_INVOICE_COLUMNS.length) {
      problems.push({ line: row.line, column: 'fields', message: `expected ${MEDICAL_INVOICE_COLUMNS.length} fields, found ${row.fields.length}` });
    } else {
      const checked = checkLine(row.line, row.fields, seen);
      problems.push(...checked.problems);
      if (checked.parsed) lines.push(checked.parsed);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, summary: summarise(lines), lines };
}
