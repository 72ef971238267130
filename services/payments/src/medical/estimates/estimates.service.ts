import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { entitlementFactsFromActions, valueEntitlement } from '@wc/claim-lifecycle';
import { formatMoney, money, sum, sydneyAt } from '@wc/rules';
import { JsonLogger, StaffUser, visibleClaimsCondition } from '@wc/service-kit';
import { LOGGER, SCHEMA } from '../../config';
import { PaymentClaimsService } from '../../claims/payment-claims.service';
import { ParametersService } from '../../parameters/parameters.service';
import { piaweInForce, valuationWith } from '../../piawe/piawe-in-force';
import { reimbursedTo as reimbursedToOf, weeklyPeriodsPaid } from '../../ledger/ledger';
import { Estimate, estimate } from './estimate';
import type { PortfolioView } from '../medical.responses';

/**
 * Each claim's estimate of what it will still cost (estimate.ts says each part's method), worked
 * out again after anything that can move it (a certificate, liability, a PIAWE, a discontinuance,
 * an approval, an invoice, a payment) and kept with its history: a new row only when it changed.
 */
@Injectable()
export class EstimatesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly parameters: ParametersService,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async compute(m: EntityManager, claimId: string, asAt = sydneyAt(Date.now()).date): Promise<Estimate> {
    const claim = await this.claims.get(claimId, m);
    const tables = (await this.parameters.current(m)).tables;
    const piawe = await piaweInForce(m, claimId);
    const actions = await this.claims.actions(claimId, m);
    const valuation = piawe ? valuationWith(piawe, tables) : { piawe: '0.00', tables };
    const facts = entitlementFactsFromActions(actions, valuation);
    const weekly = piawe ? valueEntitlement(facts, valuation, asAt, { includeBlockInProgress: true }) : null;
    const certifiedTo =
      facts.certificates
        .filter((c) => c.capacity !== 'fit')
        .map((c) => c.to)
        .sort()
        .pop() ?? null;
    const wpi = facts.wpi.length ? facts.wpi[facts.wpi.length - 1].percent : null;
    // Weeks already paid (any weekly payment not cancelled) or reimbursed to the employer.
    const paidFrom = new Set<string>(await weeklyPeriodsPaid(m, claimId));
    const reimbursedTo = await reimbursedToOf(m, claimId);
    const ended = (weekly?.weeks ?? []).filter((w) => !w.inProgress);
    const unpaid = ended.filter((w) => (claim.paidBy === 'insurer' ? !paidFrom.has(w.from) : !reimbursedTo || w.from > reimbursedTo));
    const approvals: { units_left: number; max_fee: string | null; items: string[] }[] = await m.query(
      `SELECT greatest(a.units - coalesce((SELECT sum(l.units) FROM payments.medical_invoice_lines l WHERE l.approval_id = a.id AND l.status IN ('pay', 'reduce')), 0), 0)::int AS units_left,
              (SELECT max(f.max_fee)::text FROM payments.fee_order f WHERE f.item = ANY(a.items) AND f."from" <= $2::date) AS max_fee, a.items
       FROM payments.medical_approvals a WHERE a.claim_id = $1 AND a."to" >= $2::date`,
      [claimId, asAt],
    );
    const [{ held }] = await m.query(`SELECT coalesce(sum(charged), 0)::text AS held FROM payments.medical_invoice_lines WHERE claim_id = $1 AND status = 'hold'`, [claimId]);
    const [{ requested }] = await m.query(`SELECT coalesce(sum(cost), 0)::text AS requested FROM payments.treatment_requests WHERE claim_id = $1 AND decision IS NULL`, [claimId]);
    return estimate({
      asAt,
      weekly,
      certifiedTo,
      noLongerPayableFrom: facts.discontinuance?.firstDayNotPayable ?? null,
      weeksCap: wpi !== null && wpi > 20 ? null : 260,
      weeklyOwed: formatMoney(sum(unpaid.map((w) => money(w.amount)))),
      approvals: approvals.filter((a) => a.max_fee !== null).map((a) => ({ unitsLeft: a.units_left, maxFeePerUnit: a.max_fee!, items: a.items })),
      heldCharged: held,
      undecidedRequests: requested,
    });
  }

  /** Works the estimate out again and keeps it when it moved; `reason` says what happened. */
  async recompute(m: EntityManager, claimId: string, reason: string): Promise<void> {
    const e = await this.compute(m, claimId);
    const [last] = await m.query(`SELECT weekly, medical, other FROM payments.estimates WHERE claim_id = $1 ORDER BY seq DESC LIMIT 1`, [claimId]);
    if (last && money(last.weekly).equals(money(e.weekly.amount)) && money(last.medical).equals(money(e.medical.amount)) && money(last.other).equals(money(e.other.amount))) return;
    await m.query(`INSERT INTO payments.estimates (claim_id, as_at, weekly, medical, other, total, methods, reason) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`, [
      claimId,
      e.asAt,
      e.weekly.amount,
      e.medical.amount,
      e.other.amount,
      e.total,
      JSON.stringify({ weekly: e.weekly, medical: e.medical, other: e.other }),
      reason,
    ]);
    this.log.info('estimate changed', { claimId, total: e.total, reason });
  }

  async ofClaim(claimId: string): Promise<Estimate> {
    return this.compute(this.ds.manager, claimId);
  }

  async history(claimId: string) {
    return this.ds.query(
      `SELECT as_at::text AS "asAt", weekly::text AS weekly, medical::text AS medical, other::text AS other, total::text AS total, reason, recorded_at AS "recordedAt" FROM payments.estimates WHERE claim_id = $1 ORDER BY seq DESC LIMIT 500`,
      [claimId],
    );
  }

  /**
   * The latest estimate of every claim `who` may see, summed (issue 14: a team leader's portfolio is
   * their team's claims, a payments officer's the book; neither the sums nor the count include others).
   */
  async portfolio(who: StaffUser): Promise<PortfolioView> {
    const visible = visibleClaimsCondition(who, 'payments', SCHEMA, 'claim_id', 1);
    // 0.00, not 0: a portfolio of no claim (an administrator's, a new team's) still answers amounts in cents.
    const [r] = await this.ds.query(
      `SELECT count(*)::int AS claims, coalesce(sum(weekly), 0.00)::text AS weekly, coalesce(sum(medical), 0.00)::text AS medical, coalesce(sum(other), 0.00)::text AS other, coalesce(sum(total), 0.00)::text AS total
       FROM (SELECT DISTINCT ON (claim_id) weekly, medical, other, total FROM payments.estimates WHERE ${visible.sql} ORDER BY claim_id, seq DESC) latest`,
      visible.params,
    );
    return { ...r, method: 'the latest recorded estimate of every claim you may see (each recorded when something that moves it happened), summed' };
  }
}
