import { readCsv } from '@wc/payment-files';
import { isLocalDate } from '@wc/rules';
import { moneyTextProblem } from '@wc/payment-files';

/**
 * The fee order as a file (issue 17): each item's maximum fee per unit from a date, excluding GST,
 * and whether the Workers compensation guidelines (Part 4, Tables 4.1 and 4.2) exempt it from prior
 * approval. SIRA publishes the fee orders; the platform ships only their structure and a sample
 * that says it is one (services/payments/data), never fees presented as SIRA's.
 */
export const FEE_ORDER_COLUMNS = ['item', 'from', 'description', 'max_fee', 'exempt_from_approval'] as const;

export interface FeeOrderFileRow {
  line: number;
  item: string;
  from: string;
  description: string;
  maxFee: string;
  exemptFromApproval: boolean;
}

export type FeeOrderFile = { ok: true; rows: FeeOrderFileRow[] } | { ok: false; problems: Array<{ line: number; column: string; message: string }> };

export function readFeeOrder(text: string): FeeOrderFile {
  const records = readCsv(text);
  const problems: Array<{ line: number; column: string; message: string }> = [];
  const rows: FeeOrderFileRow[] = [];
  const [header, ...data] = records;
  if (!header || 'error' in header || header.fields.join(',') !== FEE_ORDER_COLUMNS.join(',')) {
    return { ok: false, problems: [{ line: header?.line ?? 1, column: 'header', message: `must be exactly ${FEE_ORDER_COLUMNS.join(',')}` }] };
  }
  if (data.length === 0) return { ok: false, problems: [{ line: 2, column: 'fields', message: 'the file has no rows' }] };
  const seen = new Map<string, number>();
  for (const r of data) {
    if ('error' in r) {
      problems.push({ line: r.line, column: 'fields', message: r.error });
      continue;
    }
    if (r.fields.length !== FEE_ORDER_COLUMNS.length) {
      problems.push({ line: r.line, column: 'fields', message: `expected ${FEE_ORDER_COLUMNS.length} fields, found ${r.fields.length}` });
      continue;
    }
    const [item, from, description, maxFee, exempt] = r.fields.map((f) => f.trim());
    const before = problems.length;
    if (!/^[A-Z0-9]{1,12}$/.test(item)) problems.push({ line: r.line, column: 'item', message: 'must be 1 to 12 capital letters and digits' });
    if (!isLocalDate(from)) problems.push({ line: r.line, column: 'from', message: 'must be a date YYYY-MM-DD' });
    if (description === '' || description.length > 200) problems.push({ line: r.line, column: 'description', message: 'must be 1 to 200 characters' });
    const money = moneyTextProblem(maxFee) ?? (/^\d+\.\d{2}$/.test(maxFee) ? undefined : 'must have exactly 2 decimal places, e.g. 92.00');
    if (money) problems.push({ line: r.line, column: 'max_fee', message: money });
    if (exempt !== 'true' && exempt !== 'false') problems.push({ line: r.line, column: 'exempt_from_approval', message: 'must be true or false' });
    if (problems.length > before) continue;
    const key = `${item}|${from}`;
    if (seen.has(key)) {
      problems.push({ line: r.line, column: 'fields', message: `repeats line ${seen.get(key)} (${item} from ${from})` });
      continue;
    }
    seen.set(key, r.line);
    rows.push({ line: r.line, item, from, description, maxFee, exemptFromApproval: exempt === 'true' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
