import type { EntityManager } from 'typeorm';

export type PaymentStatus = 'generated' | 'authorised' | 'in-run' | 'released' | 'cancelled';

/** Every change of a payment's state, with who, when and why (issue: maker-checker and authority). */
export async function audit(m: EntityManager, paymentIds: string[], actor: { user: string; role: string }, from: PaymentStatus | null, to: PaymentStatus, reason: string): Promise<void> {
  if (paymentIds.length === 0) return;
  await m.query(`INSERT INTO payments.payment_audit (payment_id, actor, role, from_status, to_status, reason) SELECT unnest($1::uuid[]), $2, $3, $4, $5, $6`, [
    paymentIds,
    actor.user,
    actor.role,
    from,
    to,
    reason,
  ]);
}

/** One audit row per payment, each with its own reason, in one statement. */
export async function auditEach(m: EntityManager, paymentIds: string[], actor: { user: string; role: string }, reasons: string[]): Promise<void> {
  if (paymentIds.length === 0) return;
  await m.query(
    `INSERT INTO payments.payment_audit (payment_id, actor, role, from_status, to_status, reason) SELECT id, $2, $3, NULL, 'generated', reason FROM unnest($1::uuid[], $4::text[]) AS u(id, reason)`,
    [paymentIds, actor.user, actor.role, reasons],
  );
}
