import { sum, toCents, ZERO } from '@wc/rules';
import type { Dec } from '@wc/rules';
import { validateAbaBatch } from './aba-validate';
import type { AbaPayment, AbaProblem, ValidAbaBatch } from './aba-validate';
import { blank, left, record, rightBlank, rightZero } from './fixed-width';

export { validateAbaBatch, MAX_AMOUNT } from './aba-validate';
export type { AbaPayment, AbaProblem, AbaRemitter, AbaValidation, ValidAbaBatch } from './aba-validate';

// Layout, codes and widths: docs/payment-files.md (ABA table); docs/sources.md §7.2 (BECS).
export const ABA_RECORD_LENGTH = 120;
export const ABA_LINE_END = '\r\n';
const PAY = '53';
const DEBIT = '13';
const TOTAL_BSB_FILLER = '999-999';

const cents = (value: Dec, width: number) => rightZero(toCents(value), width);

/** `YYYY-MM-DD` as the bank's `DDMMYY`. */
function ddmmyy(isoDate: string): string {
  return isoDate.slice(8, 10) + isoDate.slice(5, 7) + isoDate.slice(2, 4);
}

function descriptive(b: ValidAbaBatch): string {
  return record(
    ['0', blank(17), '01', b.financialInstitution, blank(7), left(b.userName, 26), rightZero(b.userId, 6), left(b.description, 12), ddmmyy(b.processingDate), blank(40)],
    ABA_RECORD_LENGTH,
  );
}

interface DetailFields {
  bsb: string;
  account: string;
  code: string;
  amount: Dec;
  title: string;
  reference: string;
  withholding: Dec;
}

function detail(b: ValidAbaBatch, d: DetailFields): string {
  return record(
    [
      '1',
      d.bsb,
      rightBlank(d.account, 9),
      blank(1),
      d.code,
      cents(d.amount, 10),
      left(d.title, 32),
      left(d.reference, 18),
      b.remitter.bsb,
      rightBlank(b.remitter.account, 9),
      left(b.remitter.name, 16),
      cents(d.withholding, 8),
    ],
    ABA_RECORD_LENGTH,
  );
}

function paymentRecord(b: ValidAbaBatch, p: AbaPayment): string {
  return detail(b, { bsb: p.bsb, account: p.account, code: PAY, amount: p.amount, title: p.accountTitle, reference: p.reference, withholding: p.withholding });
}

/** The debit from the remitter's own account that balances the credits (docs/payment-files.md, balancing detail). */
function balancingRecord(b: ValidAbaBatch, total: Dec): string {
  const { remitter } = b;
  return detail(b, {
    bsb: remitter.bsb,
    account: remitter.account,
    code: DEBIT,
    amount: total,
    title: remitter.name,
    reference: b.description,
    withholding: ZERO,
  });
}

function totalRecord(credits: Dec, debits: Dec, count: number): string {
  return record(['7', TOTAL_BSB_FILLER, blank(12), cents(credits.minus(debits), 10), cents(credits, 10), cents(debits, 10), blank(24), rightZero(String(count), 6), blank(40)], ABA_RECORD_LENGTH);
}

/** The file for a validated batch: descriptive, details in input order, optional balancing, total. */
export function renderAba(batch: ValidAbaBatch): string {
  const credits = sum(batch.payments.map((p) => p.amount));
  const details = batch.payments.map((p) => paymentRecord(batch, p));
  if (batch.balancingRecord) details.push(balancingRecord(batch, credits));
  const debits = batch.balancingRecord ? credits : ZERO;
  const records = [descriptive(batch), ...details, totalRecord(credits, debits, details.length)];
  return records.map((r) => r + ABA_LINE_END).join('');
}

export type AbaFileResult = { ok: true; file: string } | { ok: false; problems: AbaProblem[] };

/** Validates, then renders only if nothing was wrong: the one entry point the CLI and the service use. */
export function abaFile(input: unknown): AbaFileResult {
  const v = validateAbaBatch(input);
  return v.ok ? { ok: true, file: renderAba(v.batch) } : { ok: false, problems: v.problems };
}
