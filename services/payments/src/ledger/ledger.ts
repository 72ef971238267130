import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@wc/rules';
import type { PaymentClaim } from '../claims/payment-claims.service';
import { forgetValuations } from '../weekly-payments/kept-valuations';
import { PaymentStatus, audit, auditEach } from './audit';

export { PaymentStatus } from './audit';
export * from './reads';

/**
 * The payments ledger (issue 15): the one place that writes payment records and moves them between
 * states, generated → authorised → in-run → released, or cancelled, each move audited
 * (ledger/audit.ts). Controllers and the other folders call it rather than writing the SQL: every
 * statement on payments.payments and payments.payment_audit is here or in ledger/reads.ts (the
 * questions asked of them), which ledger-owns-payments-sql.test.ts checks.
 */

/** Who moves a payment: the audit row's actor and role. */
export interface Actor {
  user: string;
  role: string;
}

export interface NewPayment {
  id: string;
  claim: Pick<PaymentClaim, 'claimId'>;
  kind: 'weekly' | 'reimbursement' | 'arrears' | 'medical';
  payee: 'worker' | 'employer' | 'provider';
  /** A medical payment's provider (the payee, or whose invoice the worker's receipt was for). */
  providerId?: string;
  week: number | null;
  from: LocalDate;
  to: LocalDate;
  gross: string;
  payg: string;
  explanation: unknown;
  account: { bsb: string; account: string; accountTitle: string };
  reference: string;
  dedupeKey: string;
  generatedBy: string;
  remediationId?: string;
  /** Why it was generated: the reason of its 'generated' audit row. */
  reason: string;
}

/**
 * Generates payments, waiting for authorisation, each with its 'generated' audit row (actor `by`,
 * the payment's own reason): two statements whatever the batch's size, one multi-row insert of the
 * payments and one of their audit rows. Callers have excluded weeks already paid (under the claims'
 * row locks), so a dedupe-key conflict here is a bug and fails the batch.
 */
export async function generatePayments(m: EntityManager, ps: NewPayment[], by: Actor): Promise<void> {
  if (ps.length === 0) return;
  await insertPayments(m, ps);
  await auditEach(
    m,
    ps.map((p) => p.id),
    by,
    ps.map((p) => p.reason),
  );
}

/**
 * Generates one payment with its 'generated' audit row, unless a payment with its dedupe key
 * exists: then nothing is written and it answers false.
 */
export async function generatePayment(m: EntityManager, p: NewPayment, by: Actor): Promise<boolean> {
  if (!(await insertPayment(m, p))) return false;
  await audit(m, [p.id], by, null, 'generated', p.reason);
  return true;
}

/** Many generated payments in one statement (their audit rows are generatePayments'). */
async function insertPayments(m: EntityManager, ps: NewPayment[]): Promise<void> {
  if (ps.length === 0) return;
  const col = <T>(f: (p: NewPayment) => T) => ps.map(f);
  await m.query(
    `INSERT INTO payments.payments (id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, status, dedupe_key, generated_by, remediation_id, provider_id)
     SELECT id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, 'generated', dedupe_key, generated_by, remediation_id, provider_id
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::date[], $7::date[], $8::numeric[], $9::numeric[], $10::jsonb[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::uuid[], $18::uuid[])
       AS u(id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, dedupe_key, generated_by, remediation_id, provider_id)`,
    [
      col((p) => p.id),
      col((p) => p.claim.claimId),
      col((p) => p.kind),
      col((p) => p.payee),
      col((p) => p.week),
      col((p) => p.from),
      col((p) => p.to),
      col((p) => p.gross),
      col((p) => p.payg),
      col((p) => JSON.stringify(p.explanation)),
      col((p) => p.account.bsb),
      col((p) => p.account.account),
      col((p) => p.account.accountTitle),
      col((p) => p.reference.slice(0, 18)),
      col((p) => p.dedupeKey),
      col((p) => p.generatedBy),
      col((p) => p.remediationId ?? null),
      col((p) => p.providerId ?? null),
    ],
  );
}

/** Inserts a generated payment unless its dedupe key exists; true when inserted (its audit row is generatePayment's). */
async function insertPayment(m: EntityManager, p: NewPayment): Promise<boolean> {
  const rows = await m.query(
    `INSERT INTO payments.payments (id, claim_id, kind, payee, week, period_from, period_to, gross, payg, explanation, bsb, account, account_title, reference, status, dedupe_key, generated_by, remediation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, 'generated', $15, $16, $17) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      p.id,
      p.claim.claimId,
      p.kind,
      p.payee,
      p.week,
      p.from,
      p.to,
      p.gross,
      p.payg,
      JSON.stringify(p.explanation),
      p.account.bsb,
      p.account.account,
      p.account.accountTitle,
      p.reference.slice(0, 18),
      p.dedupeKey,
      p.generatedBy,
      p.remediationId ?? null,
    ],
  );
  return rows.length > 0;
}

/**
 * Cancels payments not yet in a bank file, with the audit row of each. A weekly payment cancelled
 * makes its claim's kept valuation forgotten, so its week is valued and generated again.
 */
export async function cancelPayments(m: EntityManager, ids: string[], actor: { user: string; role: string }, from: PaymentStatus, reason: string): Promise<void> {
  if (ids.length === 0) return;
  const [rows]: [{ claim_id: string; kind: string }[], number] = await m.query(
    `UPDATE payments.payments SET status = 'cancelled', dedupe_key = dedupe_key || ':cancelled:' || id WHERE id = ANY($1::uuid[]) AND status = $2 RETURNING claim_id, kind`,
    [ids, from],
  );
  if (rows.length !== ids.length) throw new Error(`cancelPayments: ${ids.length - rows.length} of ${ids.length} payments were not ${from}`);
  await audit(m, ids, actor, from, 'cancelled', reason);
  await forgetValuations(m, [...new Set(rows.filter((r) => r.kind === 'weekly').map((r) => r.claim_id))]);
}

/** generated → authorised, by someone other than their maker within their limit (the caller checked both, under row locks). */
export async function authorisePayments(m: EntityManager, ids: string[], by: { user: string; role: string }, reason: string): Promise<void> {
  const [, count]: [unknown, number] = await m.query(
    `UPDATE payments.payments SET status = 'authorised', authorised_by = $2, authorised_at = now() WHERE id = ANY($1::uuid[]) AND status = 'generated'`,
    [ids, by.user],
  );
  if (count !== ids.length) throw new Error(`authorisePayments: ${ids.length - count} of ${ids.length} payments were not generated`);
  await audit(m, ids, by, 'generated', 'authorised', reason);
}

/** authorised → in-run: every authorised payment goes into the run; its count and net total. */
export async function takeIntoRun(m: EntityManager, runId: string, by: { user: string; role: string }): Promise<{ count: number; total: string }> {
  const [taken]: { n: number; total: string }[] = await m.query(
    `WITH taken AS (UPDATE payments.payments SET status = 'in-run', run_id = $1 WHERE status = 'authorised' RETURNING net)
     SELECT count(*)::int AS n, coalesce(sum(net), 0)::text AS total FROM taken`,
    [runId],
  );
  if (taken.n > 0)
    await m.query(
      `INSERT INTO payments.payment_audit (payment_id, actor, role, from_status, to_status, reason)
       SELECT id, $2, $3, 'authorised', 'in-run', 'payment run ' || $1::text FROM payments.payments WHERE run_id = $1::uuid`,
      [runId, by.user, by.role],
    );
  return { count: taken.n, total: taken.total };
}

/** in-run → released, once the run's bank file is complete. */
export async function releaseRun(m: EntityManager, runId: string, sha256: string): Promise<void> {
  const [ids]: [{ id: string }[], number] = await m.query(`UPDATE payments.payments SET status = 'released' WHERE run_id = $1 AND status = 'in-run' RETURNING id`, [runId]);
  await audit(
    m,
    ids.map((r) => r.id),
    { user: 'system:payment-run', role: 'system' },
    'in-run',
    'released',
    `in the bank file of payment run ${runId} (sha256 ${sha256})`,
  );
}

/**
 * A completed run's pending remittance advices: one for each provider and claim whose medical
 * payments the run paid to the provider (none twice: ON CONFLICT DO NOTHING).
 */
export async function openRemittancesOfRun(m: EntityManager, runId: string): Promise<void> {
  await m.query(
    `INSERT INTO payments.remittances (run_id, provider_id, claim_id, status) SELECT DISTINCT $1::uuid, provider_id, claim_id, 'pending' FROM payments.payments
     WHERE run_id = $1 AND kind = 'medical' AND payee = 'provider' ON CONFLICT DO NOTHING`,
    [runId],
  );
}

/**
 * Marks met (on `on`) the running payment clocks a completed run met, in one statement: the
 * weekly-payment clock of each claim with a weekly or arrears payment in the run, and the
 * reimbursement clock (`wrs:<schedule>:<line>`) of each schedule line reimbursed in it, received on
 * or before `on`. Answers the clocks met (payment-clocks.ts turns them into events).
 */
export async function meetClocksPaidByRun(m: EntityManager, runId: string, on: LocalDate): Promise<{ claim_id: string; ref: string }[]> {
  const [rows]: [{ claim_id: string; ref: string }[], number] = await m.query(
    `UPDATE payments.payment_clocks k SET status = 'met', met_on = $2
     WHERE k.status = 'running' AND k.received_on <= $2 AND (
       (k.clock = 'weekly-payment' AND k.claim_id IN (SELECT claim_id FROM payments.payments WHERE run_id = $1 AND kind IN ('weekly', 'arrears')))
       OR (k.clock = 'reimbursement' AND k.ref IN (SELECT 'wrs:' || substr(dedupe_key, length('reimbursement:') + 1) FROM payments.payments WHERE run_id = $1 AND kind = 'reimbursement')))
     RETURNING k.claim_id, k.ref`,
    [runId, on],
  );
  return rows;
}
