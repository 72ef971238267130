import { ForbiddenException, Inject, Injectable, NotFoundException, OnModuleInit, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Dec, formatMoney, money } from '@wc/rules';
import { ClaimAccess, JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { LOGGER } from '../config';
import { authorisePayments, cancelPayments, lockPayment, lockPayments, paymentsOnClaimsNotSeen } from '../ledger/ledger';
import { ChangesService } from '../approvals/changes.service';
import type { PendingChange } from '../approvals/changes.responses';
import { mayProposeLimit } from '../approvals/dual-control';

export interface AuthorityLimit {
  subject: string;
  maxAmount: string;
  setBy: string;
  setAt: string;
}

/**
 * Maker-checker: whoever generated a payment can never authorise it, and nobody authorises more
 * than their limit. A user's own limit, when set, replaces their role's; a payment over the limit
 * waits, generated, for someone with the authority.
 */
@Injectable()
export class AuthorityService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(LOGGER) private readonly log: JsonLogger,
    private readonly access: ClaimAccess,
    private readonly changes: ChangesService,
  ) {}

  async limits(): Promise<AuthorityLimit[]> {
    const rows = await this.ds.query(`SELECT subject, max_amount::text AS max, set_by, set_at FROM payments.authority_limits ORDER BY subject`);
    return rows.map((r: { subject: string; max: string; set_by: string; set_at: Date }) => ({ subject: r.subject, maxAmount: r.max, setBy: r.set_by, setAt: r.set_at.toISOString() }));
  }

  /**
   * An authority limit is set by two people (issue 14): proposed here, recorded when another
   * administrator approves it (POST /changes/:id/approve); nobody proposes or approves their own.
   */
  async proposeLimit(subject: string, maxAmount: string, by: StaffUser): Promise<PendingChange> {
    const refused = mayProposeLimit(subject, by);
    if (refused) throw new ForbiddenException(refused);
    return this.changes.propose({ kind: 'authority-limit', subject, claimId: null, change: { maxAmount }, reason: `authority limit of ${subject} to be ${maxAmount}` }, by);
  }

  onModuleInit() {
    this.changes.register('authority-limit', async (m, change, approvedBy) => {
      const { maxAmount } = change.change as { maxAmount: string };
      await m.query(
        `INSERT INTO payments.authority_limits (subject, max_amount, set_by) VALUES ($1, $2, $3)
         ON CONFLICT (subject) DO UPDATE SET max_amount = EXCLUDED.max_amount, set_by = EXCLUDED.set_by, set_at = now()`,
        [change.subject, maxAmount, `${change.proposedBy}, approved by ${approvedBy.user}`],
      );
      this.log.info('authority limit set', { subject: change.subject, maxAmount, proposedBy: change.proposedBy, approvedBy: approvedBy.user });
    });
  }

  async limitOf(by: StaffUser): Promise<Dec | null> {
    const rows: { subject: string; max: string }[] = await this.ds.query(`SELECT subject, max_amount::text AS max FROM payments.authority_limits WHERE subject IN ($1, $2)`, [
      `user:${by.user}`,
      `role:${by.role}`,
    ]);
    const own = rows.find((r) => r.subject === `user:${by.user}`) ?? rows.find((r) => r.subject === `role:${by.role}`);
    return own ? money(own.max) : null;
  }

  async authorise(paymentId: string, by: StaffUser, note: string | undefined) {
    const limit = await this.limitOf(by);
    return this.ds.transaction(async (m) => {
      const p = await lockPayment(m, paymentId);
      if (!p) throw new NotFoundException(`no payment ${paymentId}`);
      return withLogContext({ claimId: p.claim_id }, async () => {
        if (p.status !== 'generated')
          throw new UnprocessableEntityException({
            statusCode: 422,
            message: 'payment not authorised',
            problems: [{ field: 'status', problem: `is ${p.status}; only a generated payment can be authorised` }],
          });
        if (p.generated_by === by.user) throw new ForbiddenException(`${by.user} generated this payment; another person must authorise it (maker-checker)`);
        const gross = money(p.gross);
        if (limit === null) throw new ForbiddenException(`${by.user} (${by.role}) has no authority limit; the payment waits for someone who has one`);
        if (gross.greaterThan(limit)) {
          this.log.info('payment over authority', { paymentId, amount: p.gross, limit: formatMoney(limit), by: by.user });
          throw new ForbiddenException(`the payment of ${p.gross} exceeds ${by.user}'s authority of ${formatMoney(limit)}; it waits for someone with a higher limit`);
        }
        await authorisePayments(m, [paymentId], by, note?.trim() || `authorised within a limit of ${formatMoney(limit)}`);
        this.log.info('payment authorised', { paymentId, amount: p.gross, by: by.user });
        return { id: paymentId, status: 'authorised' as const };
      });
    });
  }

  /**
   * Authorises many payments at once, all or none: every payment must be waiting, not made by the
   * authoriser and within the authoriser's limit; otherwise nothing changes and each problem is
   * listed with its payment.
   */
  async authoriseMany(paymentIds: string[], by: StaffUser, note: string | undefined) {
    await this.refuseClaimsNotSeen(paymentIds, by);
    const limit = await this.limitOf(by);
    if (limit === null) throw new ForbiddenException(`${by.user} (${by.role}) has no authority limit; the payments wait for someone who has one`);
    return this.ds.transaction(async (m) => {
      const rows = await lockPayments(m, paymentIds);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const problems: { field: string; problem: string }[] = [];
      paymentIds.forEach((id, i) => {
        const p = byId.get(id);
        if (!p) problems.push({ field: `ids[${i}]`, problem: `no payment ${id}` });
        else if (p.status !== 'generated') problems.push({ field: `ids[${i}]`, problem: `is ${p.status}; only a generated payment can be authorised` });
        else if (p.generated_by === by.user) problems.push({ field: `ids[${i}]`, problem: `${by.user} generated it; another person must authorise it (maker-checker)` });
        else if (money(p.gross).greaterThan(limit)) problems.push({ field: `ids[${i}]`, problem: `${p.gross} exceeds ${by.user}'s authority of ${formatMoney(limit)}` });
      });
      if (problems.length > 0) {
        const forbidden = problems.every((p) => /maker-checker|exceeds/.test(p.problem));
        const body = { statusCode: forbidden ? 403 : 422, message: `none authorised: ${problems.length} of ${paymentIds.length} cannot be authorised by ${by.user}`, problems };
        throw forbidden ? new ForbiddenException(body) : new UnprocessableEntityException(body);
      }
      await authorisePayments(m, paymentIds, by, note?.trim() || `authorised within a limit of ${formatMoney(limit)}`);
      this.log.info('payments authorised', { count: paymentIds.length, by: by.user });
      return { authorised: paymentIds.length };
    });
  }

  /**
   * Issue 14: a bulk authorisation acts on each payment's claim, so every payment named must be on a
   * claim the person may see (a team leader: their team's). Otherwise nothing is authorised and the
   * 403 names the first payment, in the order given, with the reason the claim is refused. The SQL
   * only finds the candidates; ClaimAccess decides, as it does for one payment.
   */
  private async refuseClaimsNotSeen(paymentIds: string[], by: StaffUser): Promise<void> {
    const unseen = await paymentsOnClaimsNotSeen(this.ds.manager, paymentIds, by);
    const claimOf = new Map(unseen.map((r) => [r.id, r.claim_id]));
    for (const [i, id] of paymentIds.entries()) {
      const claimId = claimOf.get(id);
      if (!claimId) continue;
      try {
        await this.access.require(by, claimId, 'payments', { route: 'POST /payments/authorise', read: false });
      } catch (e) {
        if (!(e instanceof ForbiddenException)) throw e;
        throw new ForbiddenException({
          statusCode: 403,
          message: `none authorised: ${by.user} may not act on payment ${id} (ids[${i}]): ${e.message}`,
          problems: [{ field: `ids[${i}]`, problem: e.message }],
        });
      }
    }
  }

  async cancel(paymentId: string, by: StaffUser, reason: string) {
    return this.ds.transaction(async (m) => {
      const locked = await lockPayment(m, paymentId);
      if (!locked) throw new NotFoundException(`no payment ${paymentId}`);
      const { status } = locked;
      if (status !== 'generated' && status !== 'authorised') {
        throw new UnprocessableEntityException({
          statusCode: 422,
          message: 'payment not cancelled',
          problems: [{ field: 'status', problem: `is ${status}; a payment in a bank file cannot be cancelled here` }],
        });
      }
      // The dedupe key is released so the week can be generated again (e.g. after a payee correction).
      await cancelPayments(m, [paymentId], by, status, reason);
      this.log.info('payment cancelled', { paymentId, by: by.user, claimId: locked.claim_id });
      return { id: paymentId, status: 'cancelled' as const };
    });
  }
}
