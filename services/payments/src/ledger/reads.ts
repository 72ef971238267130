import type { EntityManager } from 'typeorm';
import type { LocalDate } from '@wc/rules';
import { StaffUser, pageOf, visibleClaimsCondition } from '@wc/service-kit';
import { SCHEMA } from '../config';
import type { PaidWeek } from '../remediation/remediation';
import type { PaymentStatus } from './audit';

/**
 * The ledger's reads (issue 15): every question the service asks of payments.payments and
 * payments.payment_audit, each as it was asked where it is used (the same SQL, parameters, order
 * and indexes). Re-exported by ledger.ts; a DataSource's reads pass `ds.manager`.
 */

// ---- The payments list and one payment (GET /payments, GET /payments/:id) ----

const PAYMENT_COLUMNS = `id, claim_id AS "claimId", kind, payee, week, period_from::text AS "from", period_to::text AS "to", gross::text AS gross, payg::text AS payg,
  net::text AS net, status, reference, generated_by AS "generatedBy", generated_at AS "generatedAt", authorised_by AS "authorisedBy", authorised_at AS "authorisedAt",
  run_id AS "runId", remediation_id AS "remediationId"`;

/** A payment as PAYMENT_COLUMNS names it (the paymentRow of payments.responses.ts); timestamps are serialised as ISO instants. */
export interface PaymentListed {
  id: string;
  claimId: string;
  kind: string;
  payee: string;
  week: number | null;
  from: string;
  to: string;
  gross: string;
  payg: string;
  net: string;
  status: PaymentStatus;
  reference: string;
  generatedBy: string;
  generatedAt: Date;
  authorisedBy: string | null;
  authorisedAt: Date | null;
  runId: string | null;
  remediationId: string | null;
}

/** Whether a payment of this id exists. */
export async function paymentExists(m: EntityManager, id: string): Promise<boolean> {
  return (await m.query(`SELECT 1 FROM payments.payments WHERE id = $1`, [id])).length > 0;
}

/**
 * A page of payments by status and claim, oldest first (generated_at, period_from, id), after the
 * cursor's payment (`after`, which the caller checked exists), and the cursor of the next page.
 * Issue 14: only claims `who` may see, filtered before LIMIT so nothing (not even a count) shows of
 * the others. Keyset paging the index payments_listed serves by status.
 */
export async function listPayments(
  m: EntityManager,
  q: { status?: PaymentStatus; claimId?: string; limit: number; after?: string },
  who: StaffUser,
): Promise<{ payments: PaymentListed[]; next: string | null }> {
  const visible = visibleClaimsCondition(who, 'payments', SCHEMA, 'claim_id', 5);
  const rows: PaymentListed[] = await m.query(
    `SELECT ${PAYMENT_COLUMNS} FROM payments.payments
      WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR claim_id = $2)
        AND ($4::uuid IS NULL OR (generated_at, period_from, id) > (SELECT generated_at, period_from, id FROM payments.payments WHERE id = $4))
        AND (${visible.sql})
      ORDER BY generated_at, period_from, id LIMIT $3`,
    [q.status ?? null, q.claimId ?? null, q.limit + 1, q.after ?? null, ...visible.params],
  );
  const { items, next } = pageOf(rows, q.limit, (p) => p.id);
  return { payments: items, next };
}

/** One payment with its explanation (how it was calculated, by kind) and its audit trail, oldest first; null when there is none. */
export async function paymentWithAudit(m: EntityManager, id: string): Promise<(PaymentListed & { explanation: unknown; audit: AuditRow[] }) | null> {
  const rows = await m.query(`SELECT ${PAYMENT_COLUMNS}, explanation FROM payments.payments WHERE id = $1`, [id]);
  if (rows.length === 0) return null;
  return { ...rows[0], audit: await auditTrail(m, id) };
}

export interface AuditRow {
  at: Date;
  actor: string;
  role: string;
  from: PaymentStatus | null;
  to: PaymentStatus;
  reason: string;
}

/** A payment's audit trail, oldest first. */
export async function auditTrail(m: EntityManager, paymentId: string): Promise<AuditRow[]> {
  return m.query(`SELECT at, actor, role, from_status AS "from", to_status AS "to", reason FROM payments.payment_audit WHERE payment_id = $1 ORDER BY seq`, [paymentId]);
}

// ---- Authorisation and cancellation (authority/) ----

export interface LockedPayment {
  claim_id: string;
  status: PaymentStatus;
  gross: string;
  generated_by: string;
}

/** A payment locked (FOR UPDATE) for the caller's transaction to decide on it: its claim, state, gross and maker; undefined when there is none. */
export async function lockPayment(m: EntityManager, id: string): Promise<LockedPayment | undefined> {
  const rows: LockedPayment[] = await m.query(`SELECT claim_id, status, gross::text AS gross, generated_by FROM payments.payments WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0];
}

/** The payments of these ids that exist, locked (FOR UPDATE) in id order, so two bulk decisions never deadlock. */
export async function lockPayments(m: EntityManager, ids: string[]): Promise<(Omit<LockedPayment, 'claim_id'> & { id: string })[]> {
  return m.query(`SELECT id, status, gross::text AS gross, generated_by FROM payments.payments WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
}

/** The payments of these ids on a claim `who` may not see (issue 14), with their claim; none when `who` sees every claim. */
export async function paymentsOnClaimsNotSeen(m: EntityManager, ids: string[], who: StaffUser): Promise<{ id: string; claim_id: string }[]> {
  const visible = visibleClaimsCondition(who, 'payments', SCHEMA, 'claim_id', 2);
  if (visible.sql === 'true') return [];
  return m.query(`SELECT id, claim_id FROM payments.payments WHERE id = ANY($1::uuid[]) AND NOT (${visible.sql})`, [ids, ...visible.params]);
}

// ---- Weekly payments: what is paid (weekly-payments/, remediation/, piawe/, medical/estimates/) ----

/**
 * The weekly payments (not cancelled) of each claim that end on or after `from` (all of them when
 * `from` is null): what a newly valued week must not pay again. A weekly payment is one entitlement
 * block (7 days), so `period_from > from - 7` bounds each claim's index scan (payments_claim) to
 * the weeks that can overlap. The weekly cycle's read of paid weeks (benchmarked).
 */
export async function weeklyPaymentsFrom(m: EntityManager, claims: { claimId: string; from: LocalDate | null }[]): Promise<Map<string, { from: string; to: string; week: number }[]>> {
  const out = new Map<string, { from: string; to: string; week: number }[]>();
  if (claims.length === 0) return out;
  const rows: { claim_id: string; from: string; to: string; week: number }[] = await m.query(
    `SELECT u.claim_id, p.period_from::text AS from, p.period_to::text AS to, p.week
       FROM unnest($1::uuid[], $2::date[]) AS u(claim_id, after)
       JOIN payments.payments p ON p.claim_id = u.claim_id AND p.period_from > u.after - 7 AND p.period_to >= u.after
      WHERE p.kind = 'weekly' AND p.status <> 'cancelled'`,
    // '-infinity' rather than NULL for "all of them": the planner then probes the index per claim.
    [claims.map((c) => c.claimId), claims.map((c) => c.from ?? '-infinity')],
  );
  for (const r of rows) {
    let list = out.get(r.claim_id);
    if (!list) out.set(r.claim_id, (list = []));
    list.push(r);
  }
  return out;
}

/** How many weekly payments (not cancelled) the claim has. */
export async function weeklyPaymentCount(m: EntityManager, claimId: string): Promise<number> {
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM payments.payments WHERE claim_id = $1 AND kind = 'weekly' AND status <> 'cancelled'`, [claimId]);
  return n;
}

/** The first days of the claim's weekly payments not cancelled (the weeks already paid, or waiting to be). */
export async function weeklyPeriodsPaid(m: EntityManager, claimId: string): Promise<string[]> {
  return (await m.query(`SELECT period_from::text AS f FROM payments.payments WHERE claim_id = $1 AND kind = 'weekly' AND status <> 'cancelled'`, [claimId])).map((r: { f: string }) => r.f);
}

/** How many of the claims (all claims when `claimIds` is null) have a weekly payment not cancelled: a remediation's claims. */
export async function claimsWithWeeklyPaymentsCount(m: EntityManager, claimIds: string[] | null): Promise<number> {
  const [{ n }] = await m.query(
    `SELECT count(*)::int AS n FROM payments.claims c WHERE ($1::uuid[] IS NULL OR claim_id = ANY($1))
         AND EXISTS (SELECT 1 FROM payments.payments p WHERE p.claim_id = c.claim_id AND p.kind = 'weekly' AND p.status <> 'cancelled')`,
    [claimIds],
  );
  return n;
}

/**
 * The next `limit` claims after `after` in claim order (of `claimIds`, or of the book when null)
 * with a weekly payment not cancelled: a remediation's next batch (benchmarked).
 */
export async function claimsWithWeeklyPaymentsAfter(m: EntityManager, after: string, claimIds: string[] | null, limit: number): Promise<string[]> {
  const batch: { claim_id: string }[] = await m.query(
    `SELECT claim_id FROM payments.claims c WHERE claim_id > $1::uuid AND ($2::uuid[] IS NULL OR claim_id = ANY($2))
       AND EXISTS (SELECT 1 FROM payments.payments p WHERE p.claim_id = c.claim_id AND p.kind = 'weekly' AND p.status <> 'cancelled')
     ORDER BY claim_id LIMIT $3`,
    [after, claimIds, limit],
  );
  return batch.map((b) => b.claim_id);
}

export interface WeeklyPaymentRow {
  id: string;
  status: string;
  from: string;
  to: string;
  week: number | null;
  gross: string;
  /** Arrears already owed for the week by earlier remediations whose payment was not cancelled. */
  arrears: string;
  was: PaidWeek['was'];
}

/**
 * The weekly payments of a batch of claims (generated or later; cancelled ones are not payments),
 * in claim and week order, with the arrears earlier remediations added to each week and how each
 * was valued when paid. Overpayments are not deducted: they were recorded, not recovered. A
 * remediation batch's read (benchmarked).
 */
export async function weeklyPaymentsWithArrears(m: EntityManager, claimIds: string[]): Promise<Map<string, WeeklyPaymentRow[]>> {
  const rows: (WeeklyPaymentRow & { claim_id: string; explanation: PaidWeek['was'] })[] = await m.query(
    `SELECT p.claim_id, p.id, p.status, p.period_from::text AS from, p.period_to::text AS to, p.week, p.gross::text AS gross,
       jsonb_build_object('piawe', p.explanation->'piawe', 'p', p.explanation->'p', 'max', p.explanation->'max', 'sections', p.explanation->'sections', 'amount', p.explanation->'amount') AS explanation,
       coalesce(a.owed, 0)::text AS arrears
     FROM payments.payments p
     LEFT JOIN (SELECT w.claim_id, w.period_from, sum(w.difference) AS owed FROM payments.remediation_weeks w JOIN payments.payments x ON x.id = w.payment_id
                WHERE w.claim_id = ANY($1::uuid[]) AND x.status <> 'cancelled' GROUP BY w.claim_id, w.period_from) a
       ON a.claim_id = p.claim_id AND a.period_from = p.period_from
     WHERE p.claim_id = ANY($1::uuid[]) AND p.kind = 'weekly' AND p.status <> 'cancelled' ORDER BY p.claim_id, p.period_from`,
    [claimIds],
  );
  const out = new Map<string, WeeklyPaymentRow[]>();
  for (const r of rows) {
    const list = out.get(r.claim_id) ?? [];
    list.push({ id: r.id, status: r.status, from: r.from, to: r.to, week: r.week, gross: r.gross, arrears: r.arrears, was: r.explanation });
    out.set(r.claim_id, list);
  }
  return out;
}

// ---- Reimbursements of wage reimbursement schedules (schedules/, medical/estimates/) ----

export interface ReimbursedPeriod {
  scheduleId: string;
  line: number;
  start: string;
  end: string;
}

/** The periods of a claim already reimbursed by a payment not cancelled, whichever schedule they came in. */
export async function reimbursedPeriods(m: EntityManager, claimId: string): Promise<ReimbursedPeriod[]> {
  const rows: { schedule_id: string; line_number: number; start: string; end: string }[] = await m.query(
    `SELECT r.schedule_id, r.line_number, r.period_start::text AS start, r.period_end::text AS end
       FROM payments.reconciliations r JOIN payments.payments p ON p.id = r.payment_id
      WHERE r.claim_id = $1 AND p.status <> 'cancelled'`,
    [claimId],
  );
  return rows.map((r) => ({ scheduleId: r.schedule_id, line: r.line_number, start: r.start, end: r.end }));
}

/** The last day reimbursed to the claim's employer by a reimbursement not cancelled; null when none. */
export async function reimbursedTo(m: EntityManager, claimId: string): Promise<string | null> {
  const [{ reimbursedTo }] = await m.query(`SELECT max(period_to)::text AS "reimbursedTo" FROM payments.payments WHERE claim_id = $1 AND kind = 'reimbursement' AND status <> 'cancelled'`, [claimId]);
  return reimbursedTo;
}

// ---- A payment run's payments (payment-runs/, medical/remittances/) ----

/**
 * The run's payments other than medical, as bank-file lines, `limit` at a time after (reference,
 * id) = `after`, in that order: the index payments_run_order serves each page.
 */
export async function runPaymentsPage(
  m: EntityManager,
  runId: string,
  after: [string, string],
  limit: number,
): Promise<{ id: string; bsb: string; account: string; account_title: string; net: string; payg: string; reference: string }[]> {
  return m.query(
    `SELECT id, bsb, account, account_title, net::text AS net, payg::text AS payg, reference FROM payments.payments
     WHERE run_id = $1 AND kind <> 'medical' AND (reference, id) > ($2, $3::uuid) ORDER BY reference, id LIMIT $4`,
    [runId, after[0], after[1], limit],
  );
}

/** The run's medical payments summed by payee account (one bank-file line each), by account title, BSB and account. */
export async function runMedicalTotals(m: EntityManager, runId: string): Promise<{ bsb: string; account: string; account_title: string; net: string }[]> {
  return m.query(
    `SELECT bsb, account, account_title, sum(net)::text AS net FROM payments.payments WHERE run_id = $1 AND kind = 'medical'
     GROUP BY bsb, account, account_title ORDER BY account_title, bsb, account`,
    [runId],
  );
}

export interface RemittanceLine {
  invoice_number: string;
  service_date: string;
  item: string;
  description: string | null;
  units: number;
  charged: string;
  payable: string;
  status: string;
  reason: string | null;
  /** Paid by a payment of this run. */
  paid_here: boolean;
}

/**
 * A provider's remittance advice for one claim and run: the lines the run paid it, and the other
 * lines of the same invoices (held or refused), so the provider sees each whole invoice; by invoice
 * and line, each with its fee-order description on its service date.
 */
export async function remittanceLines(m: EntityManager, runId: string, providerId: string, claimId: string): Promise<RemittanceLine[]> {
  return m.query(
    `SELECT i.invoice_number, l.service_date::text AS service_date, l.item,
            (SELECT f.description FROM payments.fee_order f WHERE f.item = l.item AND f."from" <= l.service_date ORDER BY f."from" DESC LIMIT 1) AS description,
            l.units, l.charged::text AS charged, l.payable::text AS payable, l.status, l.reason, (pay.run_id = $1) AS paid_here
     FROM payments.medical_invoice_lines l JOIN payments.medical_invoices i ON i.id = l.invoice_id LEFT JOIN payments.payments pay ON pay.id = l.payment_id
     WHERE i.claim_id = $3 AND i.provider_id = $2 AND i.payee = 'provider'
       AND i.id IN (SELECT l2.invoice_id FROM payments.medical_invoice_lines l2 JOIN payments.payments p2 ON p2.id = l2.payment_id WHERE p2.run_id = $1 AND p2.provider_id = $2 AND p2.claim_id = $3)
       AND (pay.run_id = $1 OR l.status IN ('hold', 'refuse'))
     ORDER BY i.invoice_number, l.line`,
    [runId, providerId, claimId],
  );
}

// ---- Medical invoices (medical/invoices/) ----

export interface InvoiceLineWithPayment {
  line: number;
  serviceDate: string;
  item: string;
  units: number;
  charged: string;
  status: string;
  reason: string | null;
  payable: string;
  approvalId: string | null;
  assessments: unknown;
  paymentId: string | null;
  paymentStatus: PaymentStatus | null;
}

/** An invoice's lines as assessed, in line order, each with its payment's state (null when it has no payment). */
export async function invoiceLinesWithPayment(m: EntityManager, invoiceId: string): Promise<InvoiceLineWithPayment[]> {
  return m.query(
    `SELECT l.line, l.service_date::text AS "serviceDate", l.item, l.units, l.charged::text AS charged, l.status, l.reason, l.payable::text AS payable, l.approval_id AS "approvalId",
            l.assessments, l.payment_id AS "paymentId", pay.status AS "paymentStatus"
     FROM payments.medical_invoice_lines l LEFT JOIN payments.payments pay ON pay.id = l.payment_id WHERE l.invoice_id = $1 ORDER BY l.line`,
    [invoiceId],
  );
}
