import { z } from 'zod';
import type { MedicalBatch } from '@wc/rules';
import { localDate, nonEmpty, typeError } from './primitives';
import { FieldProblem, formatPath, problemsOf } from './problems';

/**
 * A batch of invoice lines to assess (docs/medical-assessment.md "Input"; docs/medical-assessment.md):
 * what `claimctl medical assess` reads and what the payments service builds from its own records.
 * A bad batch is refused whole, one problem per field.
 */
/** docs/medical-assessment.md: money is a non-negative decimal string with exactly two places ("95.00", not "95" or "95.5"). */
const moneyText = z.string().regex(/^(0|[1-9]\d*)\.\d{2}$/, 'must be an amount as a string with two decimal places, e.g. "95.00"');
const units = z.number(typeError('must be a whole number of at least 1')).refine((n) => Number.isInteger(n) && n >= 1, 'must be a whole number of at least 1');
const REGISTRATION_STATUSES = ['current', 'suspended', 'disqualified', 'disciplinary-conditions'] as const;
const registrationRow = z.object({ status: z.enum(REGISTRATION_STATUSES), from: localDate }).strict();

const weeklyPayments = z.discriminatedUnion('status', [
  z.object({ status: z.literal('never') }).strict(),
  z.object({ status: z.literal('current') }).strict(),
  z
    .object({
      status: z.literal('ceased'),
      on: localDate,
      payableAgain: z.array(z.object({ from: localDate, to: localDate }).strict()).optional(),
    })
    .strict(),
]);

export const medicalBatchSchema = z
  .object({
    claim: z
      .object({
        claimNumber: nonEmpty,
        dateOfInjury: localDate,
        claimMadeOn: localDate,
        liability: z.enum(['provisional', 'accepted', 'disputed']),
        wpi: z.number(typeError('must be a number from 0 to 100, or null')).min(0, 'must be a number from 0 to 100, or null').max(100, 'must be a number from 0 to 100, or null').nullable(),
        weeklyPayments,
        medicalPaidToDate: moneyText,
      })
      .strict(),
    parameters: z.object({ provisionalMedicalCap: moneyText.optional() }).strict().optional(),
    providers: z.array(
      z
        .object({
          id: nonEmpty,
          name: nonEmpty,
          // docs/medical-assessment.md's first example gives a status alone: the same status for all time.
          registration: z.union([z.enum(REGISTRATION_STATUSES).transform((status) => [{ status, from: '0001-01-01' }]), z.array(registrationRow).min(1)]),
        })
        .strict(),
    ),
    feeOrder: z.array(z.object({ item: nonEmpty, description: z.string().optional(), from: localDate, maxFee: moneyText }).strict()),
    exemptItems: z.array(nonEmpty).default([]),
    approvals: z.array(z.object({ id: nonEmpty, provider: nonEmpty, items: z.array(nonEmpty).min(1), from: localDate, to: localDate, units }).strict()).default([]),
    paidLines: z.array(z.object({ provider: nonEmpty, serviceDate: localDate, item: nonEmpty, units }).strict()).default([]),
    lines: z.array(
      z
        .object({
          line: z.number(typeError('must be a whole number of at least 1')).refine((n) => Number.isInteger(n) && n >= 1, 'must be a whole number of at least 1'),
          invoice: z.string().optional(),
          provider: nonEmpty,
          serviceDate: localDate,
          item: nonEmpty,
          units,
          charged: moneyText,
        })
        .strict(),
    ),
  })
  .strict();

/**
 * What makes a batch bad across its entries (docs/medical-assessment.md: a repeated line number, provider id,
 * approval id or fee order row; an approval or a payable-again period that ends before it starts),
 * read from the raw batch so these come out together with the field problems, not after them.
 */
function crossProblems(raw: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  const b = (raw ?? {}) as Record<string, unknown>;
  const list = (k: string): Record<string, unknown>[] => (Array.isArray(b[k]) ? (b[k] as unknown[]).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : []);
  const repeats = (k: string, key: (t: Record<string, unknown>) => string | undefined, field: string | null, what: (t: Record<string, unknown>) => string) => {
    const seen = new Set<string>();
    list(k).forEach((t, i) => {
      const v = key(t);
      if (v === undefined) return;
      if (seen.has(v)) out.push({ path: formatPath(field ? [k, i, field] : [k, i]), message: `repeats ${what(t)}` });
      seen.add(v);
    });
  };
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  repeats(
    'lines',
    (l) => str(l.line),
    'line',
    (l) => `line ${str(l.line)}`,
  );
  repeats(
    'providers',
    (p) => str(p.id),
    'id',
    (p) => `provider ${str(p.id)}`,
  );
  repeats(
    'approvals',
    (a) => str(a.id),
    'id',
    (a) => `approval ${str(a.id)}`,
  );
  repeats(
    'feeOrder',
    (f) => (str(f.item) && str(f.from) ? `${f.item}|${f.from}` : undefined),
    null,
    (f) => `item ${str(f.item)} from ${str(f.from)}`,
  );
  list('approvals').forEach((a, i) => {
    if (typeof a.from === 'string' && typeof a.to === 'string' && a.from > a.to) out.push({ path: `approvals[${i}].to`, message: `is before from (${a.from})` });
  });
  const w = ((b.claim ?? {}) as Record<string, unknown>).weeklyPayments as Record<string, unknown> | undefined;
  if (w && Array.isArray(w.payableAgain))
    (w.payableAgain as Array<Record<string, unknown>>).forEach((p, i) => {
      if (p && typeof p.from === 'string' && typeof p.to === 'string' && p.from > p.to) out.push({ path: `claim.weeklyPayments.payableAgain[${i}].to`, message: `is before from (${p.from})` });
    });
  return out;
}

/** A batch ready to assess, or every problem with it. */
export function parseMedicalBatch(raw: unknown): { ok: true; batch: MedicalBatch } | { ok: false; problems: FieldProblem[] } {
  const parsed = medicalBatchSchema.safeParse(raw);
  const problems = [...(parsed.success ? [] : problemsOf(parsed.error)), ...crossProblems(raw)];
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, batch: parsed.data };
}

export type MedicalBatchInput = z.input<typeof medicalBatchSchema>;
// The parsed batch is exactly what the assessment takes.
const _assessable = (b: z.output<typeof medicalBatchSchema>): MedicalBatch => b;
void _assessable;
