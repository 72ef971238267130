import { randomUUID } from 'node:crypto';
import { Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Envelope, TOPICS } from '@wc/contracts';
import { EntitlementCheckpoint, LocalDate, PaygScale, WeeklyCompensationResult, ZERO, formatMoney, money, sydneyAt, weeklyWithholding } from '@wc/rules';
import { explainWeek, firstTableDifference, revaluationNeededFrom, valueRecordedActions } from '@wc/claim-lifecycle';
import { enqueueMany, newEnvelope } from '@wc/messaging';
import { JsonLogger, StaffUser, withLogContext } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig, SCHEMA } from '../config';
import { NewPayment, generatePayments, weeklyPaymentsFrom } from '../ledger/ledger';
import { PaymentClaim, PaymentClaimsService } from '../claims/payment-claims.service';
import { ParameterVersion, ParametersService } from '../parameters/parameters.service';
import { PiaweInForce, piaweInForce, piawesInForce, valuationWith } from '../piawe/piawe-in-force';
import { KeptValuation, keepValuations, keptValuations } from './kept-valuations';
import { SCHEDULE_USER } from '../workflows/definitions';

export interface GeneratedPayment {
  id: string;
  week: number;
  from: LocalDate;
  to: LocalDate;
  gross: string;
  payg: string;
}

export interface GenerationSummary {
  claims: number;
  payments: number;
  gross: string;
  warnings: string[];
}

@Injectable()
export class WeeklyPaymentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly parameters: ParametersService,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  /**
   * Generates a payment, awaiting authorisation, for every counted entitlement week of the claim
   * ended on or before `through` that has none yet. Weeks are only counted while a certificate
   * covers them and liability is provisional or accepted (docs/rules.md §6). Run it again and it
   * generates only what is new: a week has at most one weekly payment (a unique key).
   */
  async generate(claimId: string, through: LocalDate, by: StaffUser): Promise<{ generated: GeneratedPayment[]; warnings: string[] }> {
    return withLogContext({ claimId }, () =>
      this.ds.transaction(async (m) => {
        const claim = await this.claims.get(claimId, m, true);
        if (claim.paidBy === 'employer')
          throw refused('paidBy', 'the employer pays this worker through payroll and is reimbursed from its wage reimbursement schedules (program 4.6); no direct weekly payments are generated');
        if (!claim.worker) throw refused('payee', "the worker's bank account and tax scale are not recorded (PUT /claims/:claimId/payee)");
        const piawe = await piaweInForce(m, claimId);
        if (!piawe) throw refused('piawe', 'no PIAWE is in force: determine one, or set an interim PIAWE so payments start on time (SoP S7); either is in force once a second person approves it');
        const result = await this.generateBatch(m, [claimId], through, by);
        const mine = result.generated.get(claimId) ?? [];
        this.log.info('weekly payments generated', { count: mine.length, through, by: by.user, warnings: result.warnings.length });
        return { generated: mine, warnings: result.warnings };
      }),
    );
  }

  /**
   * The same for every claim the insurer pays directly that has a payee account and a PIAWE in
   * force: the weekly payment cycle over the whole book, in batches of BATCH_SIZE claims, each batch
   * one transaction. BATCH_CONCURRENCY batches run at once, so the database writes one batch
   * while the next is valued. A failure stops taking batches; those already done stay generated
   * (running the cycle again generates only what is missing) and the error names the batch.
   */
  /** The weekly-payments schedule's generation (workflows/definitions.ts): every claim, through today in Sydney. */
  async generateScheduled(): Promise<{ through: string; claims: number; payments: number }> {
    const through = sydneyAt(Date.now()).date;
    const s = await this.generateAll(through, SCHEDULE_USER);
    this.log.info('scheduled weekly payments generated', { through, claims: s.claims, payments: s.payments, gross: s.gross });
    return { through, claims: s.claims, payments: s.payments };
  }

  async generateAll(through: LocalDate, by: StaffUser, onProgress?: (claimsDone: number) => void): Promise<GenerationSummary> {
    let cursor = '00000000-0000-0000-0000-000000000000';
    const summary = { claims: 0, payments: 0, gross: ZERO, warnings: new Set<string>() };
    let failed: Error | undefined;
    // Batches are handed out one at a time, in claim order.
    let taking: Promise<unknown> = Promise.resolve();
    const take = () => {
      const next = taking.then(async () => {
        if (failed) return [];
        const batch: { claim_id: string }[] = await this.ds.query(
          `SELECT claim_id FROM payments.claims c WHERE claim_id > $1::uuid AND paid_by = 'insurer' AND payee_bsb IS NOT NULL
             AND EXISTS (SELECT 1 FROM payments.piawe_determinations d WHERE d.claim_id = c.claim_id AND d.status IN ('final', 'interim'))
           ORDER BY claim_id LIMIT $2`,
          [cursor, this.config.BATCH_SIZE],
        );
        if (batch.length > 0) cursor = batch[batch.length - 1].claim_id;
        return batch.map((b) => b.claim_id);
      });
      taking = next.catch(() => undefined);
      return next;
    };
    const worker = async () => {
      for (;;) {
        const ids = await take();
        if (ids.length === 0) return;
        try {
          const r = await this.ds.transaction(async (m) => {
            // generateBatch reads each claim again under its lock: what changed since it was taken counts.
            await m.query(`SELECT 1 FROM payments.claims WHERE claim_id = ANY($1::uuid[]) ORDER BY claim_id FOR UPDATE`, [ids]);
            return this.generateBatch(m, ids, through, by);
          });
          summary.claims += ids.length;
          for (const list of r.generated.values())
            for (const g of list) {
              summary.payments++;
              summary.gross = summary.gross.plus(money(g.gross));
            }
          r.warnings.forEach((w) => summary.warnings.add(w));
          onProgress?.(summary.claims);
        } catch (e) {
          failed ??= new Error(`weekly payments stopped at the batch of claims ${ids[0]} to ${ids[ids.length - 1]}: ${(e as Error).message}`);
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: this.config.BATCH_CONCURRENCY }, worker));
    if (failed) {
      this.log.error('weekly payments for the book stopped', { error: failed.message, claimsDone: summary.claims, payments: summary.payments });
      throw failed;
    }
    this.log.info('weekly payments generated for the book', { claims: summary.claims, payments: summary.payments, through, by: by.user });
    return { claims: summary.claims, payments: summary.payments, gross: formatMoney(summary.gross), warnings: [...summary.warnings].sort() };
  }

  /**
   * The claims must be locked by the caller; claims without a worker account or PIAWE are skipped.
   * Each claim is valued from where it was last valued to (kept_valuations) when nothing recorded
   * since changes an earlier day, else from its first week (libs/claim-lifecycle revaluationNeededFrom):
   * the weekly cycle values one new week per claim, not two years of them.
   */
  private async generateBatch(m: EntityManager, claimIds: string[], through: LocalDate, by: StaffUser): Promise<{ generated: Map<string, GeneratedPayment[]>; warnings: string[] }> {
    const t0 = Date.now();
    const [claims, piawes, actions, params, kept] = [
      await this.claims.many(claimIds, m),
      await piawesInForce(m, claimIds),
      await this.claims.actionsOf(claimIds, m),
      await this.parameters.current(m),
      await keptValuations(m, claimIds),
    ];
    const t1 = Date.now();
    const today = sydneyAt(Date.now()).date;
    const warnings = new Set<string>();
    let revalued = 0;
    const valued = new Map<string, { claim: PaymentClaim; piawe: PiaweInForce; result: WeeklyCompensationResult; actionSeq: number }>();
    for (const claimId of claimIds) {
      const claim = claims.get(claimId);
      const piawe = piawes.get(claimId);
      if (!claim?.worker || !piawe || claim.paidBy !== 'insurer') continue;
      const mine = actions.get(claimId) ?? [];
      const k = kept.get(claimId);
      let resume: EntitlementCheckpoint | null = null;
      if (k) {
        const since = mine.filter((a) => a.seq > k.actionSeq);
        const tablesChangedFrom = await this.tablesChangedFrom(k.parameterVersion, params, m);
        const again = revaluationNeededFrom(k, since, { piaweId: piawe.id, tablesChangedFrom });
        if (again === null) resume = k.checkpoint;
        else {
          revalued++;
          this.log.info('claim valued again from its first week', { claimId, changedFrom: again });
        }
      }
      const result = valueRecordedActions(mine, valuationWith(piawe, params.tables), through, { resume });
      valued.set(claimId, { claim, piawe, result, actionSeq: mine.reduce((a, x) => Math.max(a, x.seq), 0) });
    }
    const t2 = Date.now();
    const paidOf = await weeklyPaymentsFrom(
      m,
      [...valued].map(([claimId, v]) => ({ claimId, from: v.result.resumedFrom?.blockFrom ?? null })),
    );
    const rows: NewPayment[] = [];
    const events: Envelope<unknown>[] = [];
    const generated = new Map<string, GeneratedPayment[]>();
    const keep = new Map<string, KeptValuation>();
    for (const [claimId, { claim, piawe, result, actionSeq }] of valued) {
      result.warnings.forEach((x) => warnings.add(x));
      if (result.checkpoint) keep.set(claimId, { checkpoint: result.checkpoint, piaweId: piawe.id, parameterVersion: params.version, actionSeq });
      const mine: GeneratedPayment[] = [];
      for (const week of result.weeks) {
        // A week already paid, or one overlapping a paid week (issue 14: a certificate from before the
        // first moves the claim's weeks, and its new weeks would pay days already paid): never paid
        // again here. What the claim is owed for the moved weeks is a remediation's to work out.
        const overlapping = (paidOf.get(claimId) ?? []).find((p) => p.from <= week.to && week.from <= p.to);
        if (overlapping) {
          if (overlapping.from !== week.from || overlapping.to !== week.to)
            warnings.add(
              `week ${week.week} (${week.from} to ${week.to}) of claim ${claim.claimNumber} overlaps week ${overlapping.week} already paid (${overlapping.from} to ${overlapping.to}): not generated; revalue the claim with a remediation`,
            );
          continue;
        }
        const tax = weeklyWithholding({ weeklyAmount: week.amount, scale: claim.worker!.taxScale as PaygScale, paidOn: today });
        tax.warnings.forEach((x) => warnings.add(x));
        const e = explainWeek(week);
        const id = randomUUID();
        rows.push({
          id,
          claim,
          kind: 'weekly',
          payee: 'worker',
          week: week.week,
          from: week.from,
          to: week.to,
          gross: week.amount,
          payg: tax.amount,
          explanation: {
            ...e,
            piaweDetermination: piawe.id,
            piaweBasis: piawe.basis,
            parameterVersion: params.version,
            payg: { amount: tax.amount, scale: tax.scale, formula: tax.formula, tableFrom: tax.tableFrom },
            warnings: result.warnings,
          },
          account: claim.worker!,
          reference: `${claim.claimNumber} WK${String(week.week).padStart(2, '0')}`,
          dedupeKey: `weekly:${claimId}:${week.from}`,
          generatedBy: by.user,
          reason: `entitlement week ${week.week} (${week.from} to ${week.to}): ${e.sections.join(', ')}`,
        });
        mine.push({ id, week: week.week!, from: week.from, to: week.to, gross: week.amount, payg: tax.amount });
      }
      if (mine.length > 0) {
        generated.set(claimId, mine);
        const weeksCounted = (result.resumedFrom?.weeksCounted ?? 0) + result.weeks.length;
        const data = { claimId, claimNumber: claim.claimNumber, through, weeksCounted, newWeeks: mine.map((x) => ({ week: x.week, from: x.from, to: x.to, amount: x.gross })) };
        events.push(newEnvelope({ type: 'entitlement-weeks.counted', source: 'wc-claims/payments', subject: claimId, data }));
      }
    }
    await generatePayments(m, rows, by);
    await keepValuations(m, keep);
    await enqueueMany(m, SCHEMA, TOPICS.payments, events);
    this.log.info('weekly payments batch', {
      claims: claimIds.length,
      valued: valued.size,
      revalued,
      payments: rows.length,
      ms: { read: t1 - t0, value: t2 - t1, write: Date.now() - t2 },
    });
    return { generated, warnings: [...warnings] };
  }

  /** The first day the current tables differ from those of an earlier version (versions never change once stored). */
  private readonly tableChanges = new Map<string, LocalDate | null>();
  private async tablesChangedFrom(version: number, current: ParameterVersion, m: EntityManager): Promise<LocalDate | null> {
    if (version === current.version) return null;
    const key = `${version}/${current.version}`;
    if (!this.tableChanges.has(key)) this.tableChanges.set(key, firstTableDifference((await this.parameters.version(version, m)).tables, current.tables));
    return this.tableChanges.get(key)!;
  }
}

function refused(field: string, problem: string): UnprocessableEntityException {
  return new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: 'no payments generated', problems: [{ field, problem }] });
}
