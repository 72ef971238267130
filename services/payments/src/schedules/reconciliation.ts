import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RecordedAction, periodEntitlement } from '@wc/claim-lifecycle';
import type { WrsLine } from '@wc/payment-files';
import { formatMoney, min, money, sydneyAt } from '@wc/rules';
import { startClock } from '../payment-clocks/payment-clocks';
import { PaymentClaimsService } from '../claims/payment-claims.service';
import { ParametersService } from '../parameters/parameters.service';
import { PiaweInForce, piaweInForce, valuationWith } from '../piawe/piawe-in-force';
import { NewPayment, ReimbursedPeriod, generatePayment, reimbursedPeriods } from '../ledger/ledger';

/** What became of a schedule line (the reconciliations table's CHECK lists the same). */
export const RECONCILIATION_STATUSES = ['matched', 'discrepancy', 'unknown-claim', 'no-piawe', 'other-policy', 'already-reimbursed'] as const;
type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export interface ReconciliationSummary {
  matched: number;
  discrepancies: number;
  unknownClaims: number;
  noPiawe: number;
  otherPolicy: number;
  alreadyReimbursed: number;
  reimbursements: number;
}

/**
 * Program 4.6: an employer paying weekly compensation through payroll is reimbursed. Each line is
 * compared with the entitlement the platform computes for the same period; the employer is
 * reimbursed what it paid up to that entitlement (a payment generated for authorisation, maker =
 * whoever imported the schedule), and every difference is recorded for the case manager.
 */
export async function reconcileSchedule(
  m: EntityManager,
  scheduleId: string,
  policyNumber: string,
  lines: WrsLine[],
  importedBy: { user: string; role: string },
  claims: PaymentClaimsService,
  parameters: ParametersService,
): Promise<ReconciliationSummary> {
  const receivedOn = sydneyAt(Date.now()).date;
  const summary: ReconciliationSummary = { matched: 0, discrepancies: 0, unknownClaims: 0, noPiawe: 0, otherPolicy: 0, alreadyReimbursed: 0, reimbursements: 0 };
  const known = await claims.byNumber([...new Set(lines.map((l) => l.claimNumber))], m);
  const { tables } = await parameters.current(m);
  const facts = new Map<string, { piawe: PiaweInForce | null; actions: RecordedAction[]; reimbursed: ReimbursedPeriod[] }>();
  const rows: (string | number | null)[][] = [];
  for (const l of lines) {
    const paid = l.compensationPaid;
    const record = (status: ReconciliationStatus, note: string, claimId: string | null, entitlement: string | null, paymentId: string | null = null) =>
      rows.push([
        l.line,
        claimId,
        l.claimNumber,
        l.periodStart,
        l.periodEnd,
        formatMoney(paid),
        entitlement,
        entitlement === null ? null : formatMoney(paid.minus(money(entitlement))),
        status,
        note,
        paymentId,
      ]);
    const claim = known.get(l.claimNumber);
    if (!claim) {
      summary.unknownClaims++;
      record('unknown-claim', `no claim ${l.claimNumber} is known to payments; nothing reimbursed`, null, null);
      continue;
    }
    // An employer is reimbursed for the workers on its own policy (issue 14): a line for another
    // policy's claim is a mistake in the payroll export, or someone else's money.
    if (claim.employerPolicyNumber !== policyNumber) {
      summary.otherPolicy++;
      record('other-policy', `claim ${l.claimNumber} is insured under policy ${claim.employerPolicyNumber}, not the schedule's ${policyNumber}; nothing reimbursed`, claim.claimId, null);
      continue;
    }
    if (!facts.has(claim.claimId)) {
      // One import at a time per claim, so two uploads of the same schedule cannot both see a period as not yet reimbursed.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('wrs-reimbursement:' || $1))`, [claim.claimId]);
      facts.set(claim.claimId, { piawe: await piaweInForce(m, claim.claimId), actions: await claims.actions(claim.claimId, m), reimbursed: await reimbursedPeriods(m, claim.claimId) });
    }
    const { piawe, actions, reimbursed } = facts.get(claim.claimId)!;
    // Never reimbursed twice for the same days (issue 14: a schedule uploaded twice was reimbursed twice).
    const earlier = reimbursed.find((p) => p.start <= l.periodEnd && l.periodStart <= p.end);
    if (earlier) {
      summary.alreadyReimbursed++;
      record(
        'already-reimbursed',
        `${l.periodStart} to ${l.periodEnd} overlaps ${earlier.start} to ${earlier.end}, already reimbursed (schedule ${earlier.scheduleId}, line ${earlier.line}); nothing reimbursed twice`,
        claim.claimId,
        null,
      );
      continue;
    }
    // program 4.6: reimbursed within 10 business days of the schedule's receipt.
    await startClock(m, claim, 'reimbursement', `wrs:${scheduleId}:${l.line}`, receivedOn);
    if (!piawe) {
      summary.noPiawe++;
      record('no-piawe', 'no PIAWE is in force for the claim, so the entitlement cannot be computed; nothing reimbursed until it is', claim.claimId, null);
      continue;
    }
    const e = periodEntitlement(actions, valuationWith(piawe, tables), { start: l.periodStart, end: l.periodEnd, grossEarnings: formatMoney(l.grossEarnings), hoursWorked: l.hoursWorked.toString() });
    const entitlement = money(e.amount);
    const reimburse = min(paid, entitlement);
    const matched = paid.equals(entitlement);
    const notes = [
      matched
        ? 'employer paid the entitlement'
        : `employer paid ${formatMoney(paid)}, entitlement ${e.amount} (${paid.greaterThan(entitlement) ? 'overpaid by the employer' : 'underpaid: the worker is owed the difference'})`,
      ...e.notes,
    ];
    let paymentId: string | null = null;
    if (reimburse.greaterThan(0) && claim.employer) {
      paymentId = randomUUID();
      const p: NewPayment = {
        id: paymentId,
        claim,
        kind: 'reimbursement',
        payee: 'employer',
        week: null,
        from: l.periodStart,
        to: l.periodEnd,
        gross: formatMoney(reimburse),
        payg: '0.00',
        explanation: { scheduleId, line: l.line, employerPaid: formatMoney(paid), entitlement: e.amount, notes },
        account: claim.employer,
        reference: `${claim.claimNumber} WRS`,
        dedupeKey: `reimbursement:${scheduleId}:${l.line}`,
        generatedBy: importedBy.user,
        reason: `reimbursement of line ${l.line} of schedule ${scheduleId} (program 4.6)`,
      };
      // A schedule is new each import, so its lines' keys are too: a conflict is a bug, and the import fails.
      if (!(await generatePayment(m, p, importedBy))) throw new Error(`a reimbursement with the dedupe key ${p.dedupeKey} exists already`);
      reimbursed.push({ scheduleId, line: l.line, start: l.periodStart, end: l.periodEnd });
      summary.reimbursements++;
    } else if (reimburse.greaterThan(0)) {
      notes.push("the employer's bank account is not recorded (PUT /claims/:claimId/payee); nothing reimbursed yet");
    }
    if (matched) summary.matched++;
    else summary.discrepancies++;
    record(matched ? 'matched' : 'discrepancy', notes.join('; '), claim.claimId, e.amount, paymentId);
  }
  // One statement for the whole schedule (a payroll export can have tens of thousands of lines).
  const col = (i: number) => rows.map((r) => r[i]);
  await m.query(
    `INSERT INTO payments.reconciliations (schedule_id, line_number, claim_id, claim_number, period_start, period_end, employer_paid, entitlement, difference, status, note, payment_id)
     SELECT $1, * FROM unnest($2::int[], $3::uuid[], $4::text[], $5::date[], $6::date[], $7::numeric[], $8::numeric[], $9::numeric[], $10::text[], $11::text[], $12::uuid[])`,
    [scheduleId, ...Array.from({ length: 11 }, (_, i) => col(i))],
  );
  return summary;
}
