import type { EntityManager } from 'typeorm';
import type { ClaimEvent } from '@wc/contracts';
import { TOPICS } from '@wc/contracts';
import { LocalDate, sydneyDate } from '@wc/rules';
import { enqueue, enqueueMany, newEnvelope } from '@wc/messaging';
import { SCHEMA } from '../config';
import { meetClocksPaidByRun } from '../ledger/ledger';

/**
 * The payment clocks of program 4.6, kept where the facts are: "paid within five business days of
 * the receipt of a certificate of capacity and/or earning information", and an employer on a wage
 * reimbursement schedule reimbursed "within 10 business days of receipt" of the schedule. Payments
 * starts a clock when the certificate, earnings or schedule line arrives, meets it when a bank file
 * pays it, and stops it when it no longer applies; each change is an event the claim's workflow
 * turns into an obligation that is reminded, escalated and shown in the queues.
 */
type Clock = 'weekly-payment' | 'reimbursement';
const SOURCE = 'wc-claims/payments';

export async function startClock(m: EntityManager, claim: { claimId: string; claimNumber: string }, clock: Clock, ref: string, receivedOn: LocalDate): Promise<void> {
  const inserted = await m.query(`INSERT INTO payments.payment_clocks (ref, claim_id, clock, received_on, status) VALUES ($1, $2, $3, $4, 'running') ON CONFLICT DO NOTHING RETURNING ref`, [
    ref,
    claim.claimId,
    clock,
    receivedOn,
  ]);
  if (inserted.length === 0) return;
  await enqueue(
    m,
    SCHEMA,
    TOPICS.payments,
    newEnvelope({ type: 'payment-clock.started', source: SOURCE, subject: claim.claimId, data: { claimId: claim.claimId, claimNumber: claim.claimNumber, clock, ref, receivedOn } }),
  );
}

export async function stopClocks(m: EntityManager, claim: { claimId: string; claimNumber: string }, clock: Clock, reason: string): Promise<void> {
  const [rows]: [{ ref: string }[], number] = await m.query(
    `UPDATE payments.payment_clocks SET status = 'stopped', stopped_reason = $3 WHERE claim_id = $1 AND clock = $2 AND status = 'running' RETURNING ref`,
    [claim.claimId, clock, reason],
  );
  for (const { ref } of rows) {
    await enqueue(
      m,
      SCHEMA,
      TOPICS.payments,
      newEnvelope({ type: 'payment-clock.stopped', source: SOURCE, subject: claim.claimId, data: { claimId: claim.claimId, claimNumber: claim.claimNumber, ref, reason } }),
    );
  }
}

/**
 * The clocks a completed payment run met: every running weekly-payment clock of a claim whose
 * weekly payment is in the run (the worker has been paid), and the reimbursement clock of each
 * schedule line reimbursed in it. One event per claim.
 */
export async function meetClocksOfRun(m: EntityManager, runId: string, on: LocalDate): Promise<number> {
  const rows = await meetClocksPaidByRun(m, runId, on);
  if (rows.length === 0) return 0;
  const byClaim = new Map<string, string[]>();
  for (const r of rows) byClaim.set(r.claim_id, [...(byClaim.get(r.claim_id) ?? []), r.ref]);
  const numbers: { claim_id: string; claim_number: string }[] = await m.query(`SELECT claim_id, claim_number FROM payments.claims WHERE claim_id = ANY($1::uuid[])`, [[...byClaim.keys()]]);
  await enqueueMany(
    m,
    SCHEMA,
    TOPICS.payments,
    numbers.map((n) =>
      newEnvelope({ type: 'payment-clock.met', source: SOURCE, subject: n.claim_id, data: { claimId: n.claim_id, claimNumber: n.claim_number, refs: byClaim.get(n.claim_id)!.sort(), on } }),
    ),
  );
  return rows.length;
}

/** Whether the claim's liability is provisional or accepted, by its latest decision. */
async function liable(m: EntityManager, claimId: string): Promise<boolean> {
  const [last] = await m.query(
    `SELECT type FROM payments.claim_actions WHERE claim_id = $1 AND type IN ('liability.provisional', 'liability.accepted', 'liability.disputed') ORDER BY seq DESC LIMIT 1`,
    [claimId],
  );
  return !!last && last.type !== 'liability.disputed';
}

/**
 * A staff action payments has just recorded, for its clocks. A certificate (with no or some
 * capacity) or earnings information starts a weekly-payment clock while liability is provisional or
 * accepted and the insurer pays the worker; a liability decision starts clocks for what arrived
 * before it (counted from the decision) or, when disputed, stops them; finalisation stops them.
 */
export async function clocksForAction(m: EntityManager, claim: { claimId: string; claimNumber: string; paidBy: string }, actionId: string, action: ClaimEvent): Promise<void> {
  const on = sydneyDate(action.at);
  const paysWorker = claim.paidBy === 'insurer';
  switch (action.type) {
    case 'certificate.received':
    case 'earnings.reported':
      if (action.type === 'certificate.received' && action.capacity === 'fit') return;
      if (paysWorker && (await liable(m, claim.claimId))) await startClock(m, claim, 'weekly-payment', `weekly:${actionId}`, on);
      return;
    case 'liability.provisional':
    case 'liability.accepted': {
      if (!paysWorker) return;
      const waiting: { action_id: string }[] = await m.query(
        `SELECT a.action_id FROM payments.claim_actions a WHERE a.claim_id = $1 AND a.seq < (SELECT seq FROM payments.claim_actions WHERE action_id = $2)
           AND (a.type = 'earnings.reported' OR (a.type = 'certificate.received' AND a.action->>'capacity' <> 'fit'))
           AND NOT EXISTS (SELECT 1 FROM payments.payment_clocks k WHERE k.ref = 'weekly:' || a.action_id)`,
        [claim.claimId, actionId],
      );
      for (const w of waiting) await startClock(m, claim, 'weekly-payment', `weekly:${w.action_id}`, on);
      return;
    }
    case 'liability.disputed':
      await stopClocks(m, claim, 'weekly-payment', 'liability disputed');
      return;
    case 'claim.finalised':
      // The workflow cancels every obligation on finalisation; payments only closes its own record.
      await m.query(`UPDATE payments.payment_clocks SET status = 'stopped', stopped_reason = 'claim finalised' WHERE claim_id = $1 AND status = 'running'`, [claim.claimId]);
      return;
    default:
      return;
  }
}
