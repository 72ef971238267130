import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Dec, ParameterTables, PaygScale, ZERO, decimal, formatMoney, money, sum, sydneyAt, weeklyWithholding } from '@wc/rules';
import { JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig } from '../config';
import { audit } from '../authority/audit';
import { PaymentClaimsService } from '../claims/payment-claims.service';
import { ParametersService } from '../parameters/parameters.service';
import { piaweInForce } from '../piawe/piawe-in-force';
import { insertPayment, weeksOf } from '../weekly-payments/weekly-payments.service';
import { PaidWeek, correctWeeks } from './remediation';

export interface RemediationRequest {
  reason: string;
  /** Whole tables replacing the current ones, with effect in the past (e.g. a corrected indexation factor). */
  parameters?: Partial<ParameterTables>;
  /** Only these claims (e.g. after a PIAWE changed); otherwise the whole book. */
  claimIds?: string[];
}

export interface RemediationView {
  id: string;
  reason: string;
  status: 'running' | 'complete';
  parameterVersion: number | null;
  claimsTotal: number;
  claimsDone: number;
  arrearsTotal: string;
  overpaidTotal: string;
  createdBy: string;
  createdAt: string;
  completedAt: string | null;
}

/**
 * Remediation: when a rate table, an indexation factor or a PIAWE changes with effect in the past,
 * every week already paid is valued again and compared with what was paid for it (the weekly
 * payment plus earlier arrears). Underpaid weeks become one arrears payment per claim, generated
 * and waiting for authorisation like any other (maker-checker applies: the person who started the
 * remediation is its maker); overpaid weeks are recorded for a person to decide on and never
 * recovered automatically. Every week keeps its explanation: old amount, new amount, what changed.
 *
 * It runs in the background over the book in batches, each batch one transaction with the cursor,
 * so a restart resumes where it stopped and no claim is remediated twice.
 */
@Injectable()
export class RemediationService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly parameters: ParametersService,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async onApplicationBootstrap() {
    const rows: { id: string }[] = await this.ds.query(`SELECT id FROM payments.remediations WHERE status = 'running'`);
    for (const { id } of rows) this.start(id);
  }

  async onApplicationShutdown() {
    this.stopping = true;
    await Promise.allSettled([...this.running.values()]);
  }

  async create(req: RemediationRequest, by: StaffUser): Promise<RemediationView> {
    const id = randomUUID();
    await this.ds.transaction(async (m) => {
      const version = req.parameters ? (await this.parameters.add(m, req.parameters, req.reason, by.user)).version : null;
      const [{ n }] = await m.query(
        `SELECT count(DISTINCT claim_id)::int AS n FROM payments.payments WHERE kind = 'weekly' AND status <> 'cancelled' AND ($1::uuid[] IS NULL OR claim_id = ANY($1))`,
        [req.claimIds ?? null],
      );
      await m.query(
        `INSERT INTO payments.remediations (id, reason, change, parameter_version, claim_ids, status, claims_total, created_by) VALUES ($1, $2, $3::jsonb, $4, $5, 'running', $6, $7)`,
        [id, req.reason, JSON.stringify({ parameters: req.parameters ?? null, claimIds: req.claimIds ?? null }), version, req.claimIds ?? null, n, by.user],
      );
    });
    this.log.info('remediation started', { remediationId: id, by: by.user, reason: req.reason });
    this.start(id);
    return this.view(id);
  }

  async whenDone(id: string): Promise<void> {
    await this.running.get(id);
  }

  private start(id: string) {
    if (this.running.has(id)) return;
    const p = this.run(id)
      .catch((e) => this.log.error('remediation stopped on an error; it resumes when the service restarts', { remediationId: id, error: (e as Error).message }))
      .finally(() => this.running.delete(id));
    this.running.set(id, p);
  }

  private async run(id: string): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const more = await this.ds.transaction(async (m) => {
        const [r] = await m.query(`SELECT cursor, claim_ids, created_by, status FROM payments.remediations WHERE id = $1 FOR UPDATE`, [id]);
        if (r.status !== 'running') return false;
        const batch: { claim_id: string }[] = await m.query(
          `SELECT DISTINCT claim_id FROM payments.payments WHERE kind = 'weekly' AND status <> 'cancelled' AND claim_id::text > $1 AND ($2::uuid[] IS NULL OR claim_id = ANY($2))
           ORDER BY claim_id LIMIT $3`,
          [r.cursor, r.claim_ids, this.config.BATCH_SIZE],
        );
        if (batch.length === 0) {
          await m.query(`UPDATE payments.remediations SET status = 'complete', completed_at = now() WHERE id = $1`, [id]);
          return false;
        }
        const tables = (await this.parameters.current(m)).tables;
        let arrears = ZERO;
        let overpaid = ZERO;
        for (const { claim_id } of batch) {
          const t = await withLogContext({ claimId: claim_id }, () => this.remediateClaim(m, id, claim_id, tables, r.created_by));
          arrears = arrears.plus(t.arrears);
          overpaid = overpaid.plus(t.overpaid);
        }
        await m.query(
          `UPDATE payments.remediations SET cursor = $2, claims_done = claims_done + $3, arrears_total = arrears_total + $4, overpaid_total = overpaid_total + $5 WHERE id = $1`,
          [id, batch[batch.length - 1].claim_id, batch.length, formatMoney(arrears), formatMoney(overpaid)],
        );
        return true;
      });
      if (!more) break;
    }
    this.log.info('remediation complete', { remediationId: id });
  }

  private async remediateClaim(m: EntityManager, remediationId: string, claimId: string, tables: ParameterTables, maker: string): Promise<{ arrears: Dec; overpaid: Dec }> {
    const claim = await this.claims.get(claimId, m, true);
    const piawe = await piaweInForce(m, claimId);
    if (!piawe) return { arrears: ZERO, overpaid: ZERO };
    await this.cancelStaleGenerated(m, remediationId, claimId, piawe, tables, maker);
    const paid = await paidWeeks(m, claimId);
    if (paid.length === 0) return { arrears: ZERO, overpaid: ZERO };
    const through = paid[paid.length - 1].to;
    const { weeks } = weeksOf(await this.claims.actions(claimId, m), piawe, through, tables);
    const corrections = correctWeeks(paid, weeks);
    if (corrections.length === 0) return { arrears: ZERO, overpaid: ZERO };
    const under = corrections.filter((c) => decimal(c.difference).greaterThan(0));
    const arrears = sum(under.map((c) => decimal(c.difference)));
    const overpaid = sum(corrections.filter((c) => decimal(c.difference).lessThan(0)).map((c) => decimal(c.difference).negated()));
    let paymentId: string | null = null;
    if (arrears.greaterThan(0)) {
      const account = claim.paidBy === 'insurer' ? claim.worker : claim.employer;
      if (!account) throw new Error(`claim ${claim.claimNumber} has arrears of ${formatMoney(arrears)} but no payee account`);
      // Back pay is taxed week by week as the difference Schedule 1 gives on the new and old amounts.
      const today = sydneyAt(Date.now()).date;
      const payg = claim.paidBy === 'insurer' && claim.worker
        ? sum(under.map((c) => {
            const scale = claim.worker!.taxScale as PaygScale;
            const d = money(weeklyWithholding({ weeklyAmount: c.newAmount, scale, paidOn: today }).amount).minus(money(weeklyWithholding({ weeklyAmount: c.oldAmount, scale, paidOn: today }).amount));
            return d.lessThan(0) ? ZERO : d;
          }))
        : ZERO;
      paymentId = randomUUID();
      await insertPayment(m, {
        id: paymentId, claim, kind: 'arrears', payee: claim.paidBy === 'insurer' ? 'worker' : 'employer', week: null,
        from: under[0].from, to: under[under.length - 1].to, gross: formatMoney(arrears), payg: formatMoney(payg.greaterThanOrEqualTo(arrears) ? ZERO : payg),
        explanation: { remediationId, weeks: under.map((c) => c.explanation) }, account, reference: `${claim.claimNumber} ARREARS`,
        dedupeKey: `arrears:${remediationId}:${claimId}`, generatedBy: maker, remediationId,
      });
      await audit(m, [paymentId], { user: maker, role: 'remediation' }, null, 'generated', `arrears of ${formatMoney(arrears)} over ${under.length} week(s), remediation ${remediationId}`);
    }
    for (const c of corrections) {
      await m.query(
        `INSERT INTO payments.remediation_weeks (remediation_id, claim_id, period_from, period_to, week, old_amount, new_amount, difference, changed, explanation, payment_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [remediationId, claimId, c.from, c.to, c.week, c.oldAmount, c.newAmount, c.difference, c.changed, c.explanation, decimal(c.difference).greaterThan(0) ? paymentId : null],
      );
    }
    this.log.info('claim remediated', { remediationId, weeks: corrections.length, arrears: formatMoney(arrears), overpaid: formatMoney(overpaid) });
    return { arrears, overpaid };
  }

  /**
   * A weekly payment generated but not yet authorised would otherwise be paid at its old amount:
   * when its week is now worth something else it is cancelled (audited), so generating again pays
   * the week at its new amount.
   */
  private async cancelStaleGenerated(m: EntityManager, remediationId: string, claimId: string, piawe: NonNullable<Awaited<ReturnType<typeof piaweInForce>>>, tables: ParameterTables, maker: string) {
    const rows: { id: string; from: string; to: string; gross: string }[] = await m.query(
      `SELECT id, period_from::text AS from, period_to::text AS to, gross::text AS gross FROM payments.payments WHERE claim_id = $1 AND kind = 'weekly' AND status = 'generated' ORDER BY period_from`,
      [claimId],
    );
    if (rows.length === 0) return;
    const { weeks } = weeksOf(await this.claims.actions(claimId, m), piawe, rows[rows.length - 1].to, tables);
    const now = new Map(weeks.map((w) => [w.block.from, w.block.amount]));
    const stale = rows.filter((r) => now.get(r.from) !== r.gross);
    if (stale.length === 0) return;
    await m.query(`UPDATE payments.payments SET status = 'cancelled', dedupe_key = dedupe_key || ':cancelled:' || id WHERE id = ANY($1::uuid[])`, [stale.map((r) => r.id)]);
    await audit(m, stale.map((r) => r.id), { user: maker, role: 'remediation' }, 'generated', 'cancelled', `not yet authorised and now worth another amount (remediation ${remediationId}); generate the week again`);
  }

  async view(id: string): Promise<RemediationView> {
    const rows = await this.ds.query(
      `SELECT id, reason, status, parameter_version, claims_total, claims_done, arrears_total::text AS arrears, overpaid_total::text AS overpaid, created_by, created_at, completed_at
       FROM payments.remediations WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException(`no remediation ${id}`);
    const r = rows[0];
    return {
      id: r.id, reason: r.reason, status: r.status, parameterVersion: r.parameter_version, claimsTotal: r.claims_total, claimsDone: r.claims_done,
      arrearsTotal: r.arrears, overpaidTotal: r.overpaid, createdBy: r.created_by, createdAt: r.created_at.toISOString(), completedAt: r.completed_at?.toISOString() ?? null,
    };
  }

  async weeks(id: string, claimId: string | undefined) {
    await this.view(id);
    return this.ds.query(
      `SELECT claim_id AS "claimId", week, period_from::text AS "from", period_to::text AS "to", old_amount::text AS "oldAmount", new_amount::text AS "newAmount",
         difference::text AS difference, changed, explanation, payment_id AS "paymentId"
       FROM payments.remediation_weeks WHERE remediation_id = $1 AND ($2::uuid IS NULL OR claim_id = $2) ORDER BY claim_id, period_from LIMIT 5000`,
      [id, claimId ?? null],
    );
  }
}

/**
 * What has been paid per week: the weekly payment (authorised or later) plus arrears from earlier
 * remediations whose payment was not cancelled. Overpayments are not deducted: they were recorded,
 * not recovered.
 */
async function paidWeeks(m: EntityManager, claimId: string): Promise<PaidWeek[]> {
  const rows: { from: string; to: string; week: number | null; gross: string; explanation: { piawe: string; p: string[]; max: string[]; sections: string[]; amount: string }; arrears: string }[] = await m.query(
    `SELECT p.period_from::text AS from, p.period_to::text AS to, p.week, p.gross::text AS gross, p.explanation,
       coalesce((SELECT sum(w.difference) FROM payments.remediation_weeks w JOIN payments.payments a ON a.id = w.payment_id
                 WHERE w.claim_id = p.claim_id AND w.period_from = p.period_from AND a.status <> 'cancelled'), 0)::text AS arrears
     FROM payments.payments p WHERE p.claim_id = $1 AND p.kind = 'weekly' AND p.status IN ('authorised', 'in-run', 'released') ORDER BY p.period_from`,
    [claimId],
  );
  return rows.map((r) => ({
    from: r.from, to: r.to, week: r.week, paid: money(r.gross).plus(money(r.arrears)),
    was: { piawe: r.explanation.piawe, p: r.explanation.p, max: r.explanation.max, sections: r.explanation.sections, amount: r.explanation.amount },
  }));
}
