import { randomUUID } from 'node:crypto';
import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { EarningsKind, PiaweInputError, determinePiawe, piaweRegime, sydneyAt } from '@wc/rules';
import { enqueue, newEnvelope } from '@wc/messaging';
import { JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { LOGGER, SCHEMA } from '../config';
import { PaymentClaimsService } from '../claims/payment-claims.service';
import { RemediationService } from '../remediation/remediation.service';
import { weeklyPaymentCount } from '../ledger/ledger';
import type { PiaweRequest, PiaweReview } from '@wc/contracts';

export interface PiaweView {
  id: string;
  claimId: string;
  basis: string;
  status: string;
  amount: string;
  amountAfter52Weeks: string | null;
  regime: string;
  reason: string;
  determinedBy: string;
  determinedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewNote: string | null;
  evidence: unknown;
}

/**
 * PIAWE determinations (1987 Act Sch 3; Workers Compensation Regulation 2016 cl 8A–8F; former
 * s44C). Determining PIAWE is a work capacity decision (s43(1)(d)), so a calculated or agreed
 * PIAWE is final only after a second person reviews it. An interim PIAWE lets payments start on
 * time while information is missing (SoP S7); it too waits for a second person (issue 14: it
 * values every weekly payment made with it), and once approved it is in force until a final one
 * replaces it. If weeks were already paid when a final one is approved, a remediation of the claim
 * values them again.
 */
@Injectable()
export class PiaweService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly remediation: RemediationService,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async determine(claimId: string, req: PiaweRequest, by: StaffUser): Promise<PiaweView> {
    return withLogContext({ claimId }, async () => {
      const claim = await this.claims.get(claimId);
      const regime = piaweRegime(claim.dateOfInjury);
      let amount: string;
      let after52: string | null = null;
      let evidence: unknown;
      if (req.basis === 'calculated') {
        let result;
        try {
          result = determinePiawe({
            dateOfInjury: claim.dateOfInjury,
            employments: req.employments,
            earnings: req.earnings.map((l) => ({ ...l, kind: l.kind as EarningsKind })),
            unpaidLeave: req.unpaidLeave ?? [],
          });
        } catch (e) {
          if (e instanceof PiaweInputError) {
            throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'invalid PIAWE evidence', problems: e.problems.map((p) => ({ field: p.path, problem: p.message })) });
          }
          throw e;
        }
        if (!result.complete) {
          throw new UnprocessableEntityException({
            statusCode: 422,
            error: 'Unprocessable Entity',
            message:
              'the evidence is not enough for a PIAWE; set an interim PIAWE (basis "interim", in force once a second person approves it) so payments start on time, then determine it when the information arrives',
            problems: result.missing.map((m) => ({ field: 'earnings', problem: m })),
            computedFromWhatThereIs: result.amount,
          });
        }
        amount = result.amount;
        after52 = result.amountAfter52Weeks;
        evidence = { input: { employments: req.employments, earnings: req.earnings, unpaidLeave: req.unpaidLeave ?? [] }, result };
      } else if (req.basis === 'agreement') {
        // Sch 3 cl 3: the worker and the employer agree the amount; the insurer approves it (the review).
        amount = req.amount;
        evidence = { agreedOn: req.agreedOn, document: req.document ?? null };
      } else {
        amount = req.amount;
        evidence = { basisOfEstimate: req.reason };
      }
      // Every basis waits for a second person (review below). An interim PIAWE used to be in force at
      // once; issue 14 ("two people for what moves money") holds it too, because every weekly
      // payment is valued with it. The hold is the price of the second person against SoP S7
      // (payments start on time): the answer's status 'awaiting-review' tells the caller that it
      // is not yet in force, and no payment is generated with it until it is approved.
      const status = 'awaiting-review';
      const id = randomUUID();
      await this.ds.query(
        `INSERT INTO payments.piawe_determinations (id, claim_id, basis, status, amount, amount_after_52_weeks, regime, evidence, reason, determined_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
        [id, claimId, req.basis, status, amount, after52, regime, JSON.stringify(evidence), req.reason, by.user],
      );
      this.log.info('PIAWE determined', { determinationId: id, basis: req.basis, status, amount, by: by.user });
      return this.view(id);
    });
  }

  async review(id: string, r: PiaweReview, by: StaffUser): Promise<PiaweView> {
    const reviewed = await this.ds.transaction(async (m) => {
      const rows = await m.query(
        `SELECT d.claim_id, d.status, d.determined_by, d.basis, d.amount::text AS amount, d.amount_after_52_weeks::text AS after, c.claim_number
        FROM payments.piawe_determinations d JOIN payments.claims c USING (claim_id) WHERE d.id = $1 FOR UPDATE OF d`,
        [id],
      );
      if (rows.length === 0) throw new NotFoundException(`no PIAWE determination ${id}`);
      const d = rows[0];
      return withLogContext({ claimId: d.claim_id }, async () => {
        if (d.status !== 'awaiting-review')
          throw new UnprocessableEntityException({
            statusCode: 422,
            message: 'not reviewed',
            problems: [{ field: 'status', problem: `is ${d.status}; only a determination awaiting review can be reviewed` }],
          });
        // The database refuses it too (reviewed_by <> determined_by).
        if (d.determined_by === by.user) throw new ForbiddenException(`${by.user} made this determination; a second person must review it`);
        // Approved, a calculated or agreed PIAWE is final; an interim one comes into force as the
        // claim's interim PIAWE (issue 14: held until now). Rejected, neither is ever in force.
        const status = r.decision === 'reject' ? 'rejected' : d.basis === 'interim' ? 'interim' : 'final';
        if (status === 'final') {
          await m.query(`UPDATE payments.piawe_determinations SET status = 'superseded' WHERE claim_id = $1 AND status IN ('final', 'interim')`, [d.claim_id]);
        } else if (status === 'interim') {
          // It replaces the interim one in force, but never a final one: a final PIAWE stays in force
          // over any interim one (piawe-in-force.ts). As before the hold, setting an interim PIAWE
          // publishes no piawe.determined, sends no s43 notice and starts no remediation.
          await m.query(`UPDATE payments.piawe_determinations SET status = 'superseded' WHERE claim_id = $1 AND status = 'interim'`, [d.claim_id]);
        }
        await m.query(`UPDATE payments.piawe_determinations SET status = $2, reviewed_by = $3, reviewed_at = now(), review_note = $4 WHERE id = $1`, [id, status, by.user, r.note]);
        if (status === 'final') {
          const data = {
            claimId: d.claim_id,
            claimNumber: d.claim_number,
            determinationId: id,
            basis: d.basis,
            amount: d.amount,
            amountAfter52Weeks: d.after,
            determinedBy: d.determined_by,
            reviewedBy: by.user,
          };
          await enqueue(m, SCHEMA, TOPICS.payments, newEnvelope({ type: 'piawe.determined', source: 'wc-claims/payments', subject: d.claim_id, data }));
          // A PIAWE determination is a work capacity decision (s43(1)(d)): the worker and the employer get a notice of it.
          // decidedBy: who made the determination signs the notice (issue 16; the reviewer approved it).
          const notice = {
            claimId: d.claim_id,
            claimNumber: d.claim_number,
            noticeId: randomUUID(),
            type: 'piawe-decision',
            on: sydneyAt(Date.now()).date,
            to: ['employer', 'worker'],
            cause: 'piawe.determined',
            ref: id,
            facts: { decidedBy: d.determined_by },
          };
          await enqueue(m, SCHEMA, TOPICS.payments, newEnvelope({ type: 'notice.requested', source: 'wc-claims/payments', subject: d.claim_id, data: notice }));
        }
        this.log.info('PIAWE reviewed', { determinationId: id, status, by: by.user });
        const paid = await weeklyPaymentCount(m, d.claim_id);
        return { claimId: d.claim_id as string, final: status === 'final', paid, amount: d.amount as string };
      });
    });
    // Weeks already paid with another PIAWE are valued again with this one.
    if (reviewed.final && reviewed.paid > 0) {
      await this.remediation.create({ reason: `PIAWE ${reviewed.amount} final (determination ${id})`, claimIds: [reviewed.claimId] }, by);
    }
    return this.view(id);
  }

  async list(claimId: string): Promise<PiaweView[]> {
    await this.claims.get(claimId);
    const rows: { id: string }[] = await this.ds.query(`SELECT id FROM payments.piawe_determinations WHERE claim_id = $1 ORDER BY determined_at`, [claimId]);
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  async view(id: string): Promise<PiaweView> {
    const rows = await this.ds.query(`SELECT * FROM payments.piawe_determinations WHERE id = $1`, [id]);
    if (rows.length === 0) throw new NotFoundException(`no PIAWE determination ${id}`);
    const r = rows[0];
    return {
      id: r.id,
      claimId: r.claim_id,
      basis: r.basis,
      status: r.status,
      amount: r.amount,
      amountAfter52Weeks: r.amount_after_52_weeks,
      regime: r.regime,
      reason: r.reason,
      determinedBy: r.determined_by,
      determinedAt: r.determined_at.toISOString(),
      reviewedBy: r.reviewed_by,
      reviewedAt: r.reviewed_at?.toISOString() ?? null,
      reviewNote: r.review_note,
      evidence: r.evidence,
    };
  }
}
