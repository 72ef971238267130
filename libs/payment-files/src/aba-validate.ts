import { Dec, money, sum } from '@wc/rules';
import { isLocalDate as isIsoDate } from '@wc/rules';
import { isPrintableAscii, moneyTextProblem } from './fields';

/** One reason a batch is refused: `payments[3].bsb` and `must be NNN-NNN` (docs/payment-files.md). */
export interface AbaProblem {
  path: string;
  message: string;
}

export interface AbaRemitter {
  bsb: string;
  account: string;
  name: string;
}

export interface AbaPayment {
  bsb: string;
  account: string;
  accountTitle: string;
  amount: Dec;
  reference: string;
  withholding: Dec;
}

declare const validated: unique symbol;

/** A batch that passed validateAbaBatch; only that function makes one, so only valid batches render. */
export interface ValidAbaBatch {
  readonly [validated]: true;
  processingDate: string;
  financialInstitution: string;
  userName: string;
  userId: string;
  description: string;
  remitter: AbaRemitter;
  balancingRecord: boolean;
  payments: AbaPayment[];
}

export type AbaValidation = { ok: true; batch: ValidAbaBatch } | { ok: false; problems: AbaProblem[] };

// Field limits come from the record layout: amounts fill 10 digits of cents, withholding 8, and the
// total record counts detail records in 6 digits (docs/payment-files.md; docs/sources.md §7.2 (BECS)).
export const MAX_AMOUNT = new Dec('99999999.99');
const MAX_WITHHOLDING = new Dec('999999.99');
const MAX_DETAIL_RECORDS = 999_999;

const BATCH_FIELDS = ['processingDate', 'financialInstitution', 'userName', 'userId', 'description', 'remitter', 'balancingRecord', 'payments'];
const REMITTER_FIELDS = ['bsb', 'account', 'name'];
const PAYMENT_FIELDS = ['bsb', 'account', 'accountTitle', 'amount', 'reference', 'withholding'];

type Fields = Record<string, unknown>;

class Problems {
  readonly list: AbaProblem[] = [];
  add(path: string, message: string): undefined {
    this.list.push({ path, message });
    return undefined;
  }
}

const at = (path: string, key: string) => (path ? `${path}.${key}` : key);

function object(value: unknown, path: string, p: Problems): Fields | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return p.add(path, 'must be an object');
  return value as Fields;
}

/** Unknown fields are refused so a misspelt optional field (say `withHolding`) cannot be silently dropped. */
function unknownFields(obj: Fields, path: string, known: string[], p: Problems): void {
  for (const key of Object.keys(obj)) if (!known.includes(key)) p.add(at(path, key), 'is not a known field');
}

function string(obj: Fields, key: string, path: string, p: Problems): string | undefined {
  const value = obj[key];
  if (value === undefined) return p.add(at(path, key), 'is required');
  if (typeof value !== 'string') return p.add(at(path, key), 'must be a string');
  return value;
}

/** Free text printed into the file: printable ASCII; `named` text must not be blank (BECS, docs/sources.md §7.2). */
function text(obj: Fields, key: string, path: string, p: Problems, named: boolean): string | undefined {
  const value = string(obj, key, path, p);
  if (value === undefined) return undefined;
  if (!isPrintableAscii(value)) return p.add(at(path, key), 'must contain only printable ASCII characters');
  if (named && value.trim() === '') return p.add(at(path, key), 'must not be blank');
  return value;
}

function matching(obj: Fields, key: string, path: string, p: Problems, pattern: RegExp, message: string): string | undefined {
  const value = string(obj, key, path, p);
  if (value === undefined) return undefined;
  return pattern.test(value) ? value : p.add(at(path, key), message);
}

const bsb = (obj: Fields, path: string, p: Problems) => matching(obj, 'bsb', path, p, /^\d{3}-\d{3}$/, 'must be NNN-NNN');

function account(obj: Fields, path: string, p: Problems): string | undefined {
  const value = string(obj, 'account', path, p);
  if (value === undefined) return undefined;
  const where = at(path, 'account');
  if (value.trim() === '') return p.add(where, 'must not be empty');
  if (value.length > 9) return p.add(where, 'must be at most 9 characters');
  if (!/^[0-9 -]+$/.test(value)) return p.add(where, 'must contain only digits, hyphens and spaces');
  if (!/\d/.test(value)) return p.add(where, 'must contain at least one digit');
  return value;
}

/**
 * Money arrives as JSON strings; a JSON number has already been through binary floating point, so it
 * is refused rather than guessed at.
 */
function amountText(obj: Fields, key: string, path: string, p: Problems): string | undefined {
  const value = obj[key];
  if (typeof value === 'number') return p.add(at(path, key), 'must be a string such as "950.00", not a JSON number');
  return string(obj, key, path, p);
}

function amount(obj: Fields, path: string, p: Problems): Dec | undefined {
  const value = amountText(obj, 'amount', path, p);
  if (value === undefined) return undefined;
  const where = at(path, 'amount');
  const problem = moneyTextProblem(value);
  if (problem === 'must not be negative') return p.add(where, 'must be more than 0');
  if (problem) return p.add(where, problem);
  const cents = money(value);
  if (cents.isZero()) return p.add(where, 'must be more than 0');
  if (cents.greaterThan(MAX_AMOUNT)) return p.add(where, 'must not exceed 99999999.99');
  return cents;
}

/** Withholding may be left out (no tax withheld); a present one must be a non-negative amount. */
function withholding(obj: Fields, path: string, p: Problems): Dec | undefined {
  if (obj.withholding === undefined) return new Dec(0);
  const value = amountText(obj, 'withholding', path, p);
  if (value === undefined) return undefined;
  const where = at(path, 'withholding');
  const problem = moneyTextProblem(value);
  if (problem) return p.add(where, problem);
  const cents = money(value);
  if (cents.greaterThan(MAX_WITHHOLDING)) return p.add(where, 'must not exceed 999999.99');
  return cents;
}

function processingDate(obj: Fields, p: Problems): string | undefined {
  const value = string(obj, 'processingDate', '', p);
  if (value === undefined) return undefined;
  return isIsoDate(value) ? value : p.add('processingDate', 'must be a date YYYY-MM-DD');
}

function balancing(obj: Fields, p: Problems): boolean | undefined {
  const value = obj.balancingRecord;
  if (value === undefined) return false;
  return typeof value === 'boolean' ? value : p.add('balancingRecord', 'must be true or false');
}

function remitter(obj: Fields, p: Problems): AbaRemitter | undefined {
  if (obj.remitter === undefined) return p.add('remitter', 'is required');
  const r = object(obj.remitter, 'remitter', p);
  if (!r) return undefined;
  const result = { bsb: bsb(r, 'remitter', p), account: account(r, 'remitter', p), name: text(r, 'name', 'remitter', p, true) };
  unknownFields(r, 'remitter', REMITTER_FIELDS, p);
  return complete(result);
}

function payment(value: unknown, path: string, p: Problems): AbaPayment | undefined {
  const obj = object(value, path, p);
  if (!obj) return undefined;
  const result = {
    bsb: bsb(obj, path, p),
    account: account(obj, path, p),
    accountTitle: text(obj, 'accountTitle', path, p, true),
    amount: amount(obj, path, p),
    reference: text(obj, 'reference', path, p, false),
    withholding: withholding(obj, path, p),
  };
  unknownFields(obj, path, PAYMENT_FIELDS, p);
  return complete(result);
}

function payments(obj: Fields, balancingRecord: boolean | undefined, p: Problems): AbaPayment[] | undefined {
  const value = obj.payments;
  if (value === undefined) return p.add('payments', 'is required');
  if (!Array.isArray(value)) return p.add('payments', 'must be a list');
  if (value.length === 0) return p.add('payments', 'must not be empty');
  const list = value.map((item, i) => payment(item, `payments[${i}]`, p));
  if (value.length + (balancingRecord ? 1 : 0) > MAX_DETAIL_RECORDS) p.add('payments', `too many (at most ${MAX_DETAIL_RECORDS} detail records)`);
  const amounts = list.flatMap((item) => (item ? [item.amount] : []));
  if (sum(amounts).greaterThan(MAX_AMOUNT)) p.add('payments', 'total too large');
  return list.every((item): item is AbaPayment => item !== undefined) ? list : undefined;
}

/** The object, if every field of it was valid. */
function complete<T extends object>(fields: { [K in keyof T]: T[K] | undefined }): T | undefined {
  return Object.values(fields).every((v) => v !== undefined) ? (fields as T) : undefined;
}

/** Every problem with a batch (docs/payment-files.md, ABA input), or the batch ready to render. */
export function validateAbaBatch(input: unknown): AbaValidation {
  const p = new Problems();
  const obj = object(input, 'batch', p);
  if (!obj) return { ok: false, problems: p.list };
  // Sequential, not one object literal, so problems come out in the order the spec lists the fields.
  const date = processingDate(obj, p);
  const financialInstitution = matching(obj, 'financialInstitution', '', p, /^[A-Z]{3}$/, 'must be 3 capital letters');
  const userName = text(obj, 'userName', '', p, true);
  const userId = matching(obj, 'userId', '', p, /^\d{1,6}$/, 'must be 1 to 6 digits');
  const description = text(obj, 'description', '', p, true);
  const from = remitter(obj, p);
  const balancingRecord = balancing(obj, p);
  const list = payments(obj, balancingRecord, p);
  const batch = complete({
    processingDate: date,
    financialInstitution,
    userName,
    userId,
    description,
    remitter: from,
    balancingRecord,
    payments: list,
  });
  unknownFields(obj, '', BATCH_FIELDS, p);
  if (p.list.length > 0 || !batch) return { ok: false, problems: p.list };
  return { ok: true, batch: batch as unknown as ValidAbaBatch };
}
