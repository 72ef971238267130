import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Dec, ParameterTables, PaygScale, ZERO, decimal, formatMoney, money, sum, sydneyAt, weeklyWithholding } from '@wc/rules';
import { JsonLogger, StaffUser, visibleClaimsCondition } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig, SCHEMA } from '../config';
import { PaymentClaimsService } from '../claims/payment-claims.service';
import { ParametersService } from '../parameters/parameters.service';
import { piawesInForce, valuationWith } from '../piawe/piawe-in-force';
import { valueRecordedActions } from '@wc/claim-lifecycle';
import { NewPayment, cancelPayments, claimsWithWeeklyPaymentsAfter, claimsWithWeeklyPaymentsCount, generatePayments, weeklyPaymentCount, weeklyPaymentsWithArrears } from '../ledger/ledger';
import { PaidWeek, WeekCorrection, correctWeeks } from './remediation';
import { ChangesService } from '../approvals/changes.service';
import type { PendingChange } from '../approvals/changes.responses';
import { remediationWorkflowId } from '../workflows/definitions';
import { PaymentsTemporal } from '../workflows/payments-temporal';

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
 * It runs as a Temporal workflow (issue 15; workflows/workflows.ts) over the book in batches, each
 * batch one transaction with the cursor, so a crash resumes where it stopped (on whichever replica
 * is alive) and no claim is remediated twice.
 */
@Injectable()
export class RemediationService implements OnApplicationShutdown, OnModuleInit {
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly claims: PaymentClaimsService,
    private readonly parameters: ParametersService,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
    private readonly changes: ChangesService,
    private readonly temporal: PaymentsTemporal,
  ) {}

  onApplicationShutdown() {
    this.stopping = true;
  }

  /**
   * Corrected rate tables are a rate table load every later payment is valued with: held until a
   * second person approves them (issue 14), then recorded and run as the proposer's remediation.
   * A remediation of named claims alone (their PIAWE changed) starts at once; its arrears wait for
   * authorisation by someone other than their maker anyway.
   */
  async request(req: RemediationRequest, by: StaffUser): Promise<RemediationView | PendingChange> {
    if (!req.parameters) return this.create(req, by);
    return this.changes.propose({ kind: 'rate-tables', subject: 'parameters', claimId: null, change: req as unknown as Record<string, unknown>, reason: req.reason }, by);
  }

  onModuleInit() {
    this.changes.register('rate-tables', async (m, change, approvedBy) => {
      const id = await this.record(m, change.change as unknown as RemediationRequest, change.proposedBy);
      return {
        result: { remediationId: id },
        afterCommit: async () => {
          this.log.info('remediation started', { remediationId: id, by: change.proposedBy, approvedBy: approvedBy.user, reason: change.reason });
          await this.temporal.startRemediation(id);
        },
      };
    });
  }

  async create(req: RemediationRequest, by: StaffUser): Promise<RemediationView> {
    const id = await this.ds.transaction((m) => this.record(m, req, by.user));
    this.log.info('remediation started', { remediationId: id, by: by.user, reason: req.reason });
    await this.temporal.startRemediation(id);
    return this.view(id);
  }

  /** The remediation (and its parameter version) in the caller's transaction; started once that commits. */
  private async record(m: EntityManager, req: RemediationRequest, by: string): Promise<string> {
    const id = randomUUID();
    const version = req.parameters ? (await this.parameters.add(m, req.parameters, req.reason, by)).version : null;
    const n = await claimsWithWeeklyPaymentsCount(m, req.claimIds ?? null);
    await m.query(`INSERT INTO payments.remediations (id, reason, change, parameter_version, claim_ids, status, claims_total, created_by) VALUES ($1, $2, $3::jsonb, $4, $5, 'running', $6, $7)`, [
      id,
      req.reason,
      JSON.stringify({ parameters: req.parameters ?? null, claimIds: req.claimIds ?? null }),
      version,
      req.claimIds ?? null,
      n,
      by,
    ]);
    return id;
  }

  /**
   * A fact of one claim that takes away days already valued (docs/rules.md §8: an s48A suspension, a
   * discontinuance), valued again at once inside the caller's transaction: a paid week now worth
   * less is an overpayment recorded for a person to decide on (never recovered or changed by
   * itself), and a week generated but not yet authorised is cancelled to be generated again. A
   * claim with no weekly payment, or whose weeks keep their value, leaves no remediation behind.
   */
  async remediateClaimNow(m: EntityManager, claimId: string, reason: string, by: StaffUser): Promise<RemediationView | null> {
    if ((await weeklyPaymentCount(m, claimId)) === 0) return null;
    const id = randomUUID();
    await m.query(`INSERT INTO payments.remediations (id, reason, change, parameter_version, claim_ids, status, claims_total, created_by) VALUES ($1, $2, $3::jsonb, NULL, $4, 'running', 1, $5)`, [
      id,
      reason,
      JSON.stringify({ parameters: null, claimIds: [claimId] }),
      [claimId],
      by.user,
    ]);
    const tables = (await this.parameters.current(m)).tables;
    const t = await this.remediateBatch(m, id, [claimId], tables, by.user);
    if (t.weeksCorrected === 0 && t.staleCancelled === 0) {
      await m.query(`DELETE FROM payments.remediations WHERE id = $1`, [id]);
      return null;
    }
    await m.query(`UPDATE payments.remediations SET status = 'complete', completed_at = now(), cursor = $2, claims_done = 1, arrears_total = $3, overpaid_total = $4 WHERE id = $1`, [
      id,
      claimId,
      formatMoney(t.arrears),
      formatMoney(t.overpaid),
    ]);
    this.log.info('claim remediated after a change of its facts', { claimId, remediationId: id, reason, overpaid: formatMoney(t.overpaid), arrears: formatMoney(t.arrears) });
    return this.viewIn(m, id);
  }

  /** Resolves when the remediation's workflow has finished (the benchmark waits on it). */
  async whenDone(id: string): Promise<void> {
    await this.temporal.finished(remediationWorkflowId(id));
  }

  /**
   * Works through the remediation's claims in batches for REMEDIATION_SLICE_MS (its workflow calls
   * this, as an activity, until it is complete), BATCH_CONCURRENCY at once so the database writes
   * one while the next is valued. Batches still commit in claim order: each waits for the one before
   * it, then moves the cursor on only from where that one left it, so a crash (or another replica
   * working the same remediation) never leaves a claim skipped. A claim valued twice after a crash
   * finds nothing more to correct: its arrears are counted as paid.
   */
  async runSlice(id: string): Promise<{ complete: boolean; claimsDone: number }> {
    const [r]: { cursor: string; claim_ids: string[] | null; created_by: string; status: string; claims_done: number }[] = await this.ds.query(
      `SELECT cursor, claim_ids, created_by, status, claims_done FROM payments.remediations WHERE id = $1`,
      [id],
    );
    if (!r) {
      this.log.error('remediation not found; its workflow ends', { remediationId: id, taskQueue: this.config.PAYMENTS_TASK_QUEUE });
      return { complete: true, claimsDone: 0 };
    }
    if (r.status !== 'running') return { complete: true, claimsDone: r.claims_done };
    const until = Date.now() + this.config.REMEDIATION_SLICE_MS;
    let exhausted = false;
    let claimsDone = r.claims_done;
    let next = r.cursor;
    let committed: Promise<string> = Promise.resolve(r.cursor);
    let halted: Error | undefined;
    let taking: Promise<unknown> = Promise.resolve();
    // Hands out the next batch and its place in the commit order (serialised: batches go in claim order).
    const take = () => {
      const got = taking.then(async () => {
        if (halted || this.stopping || Date.now() > until) return null;
        const ids = await claimsWithWeeklyPaymentsAfter(this.ds.manager, next || '00000000-0000-0000-0000-000000000000', r.claim_ids, this.config.BATCH_SIZE);
        if (ids.length === 0) {
          exhausted = true;
          return null;
        }
        next = ids[ids.length - 1];
        const after = committed;
        let done!: (cursor: string) => void;
        let fail!: (e: Error) => void;
        committed = new Promise<string>((resolve, reject) => ((done = resolve), (fail = reject)));
        committed.catch(() => undefined);
        return { ids, after, done, fail };
      });
      taking = got.catch(() => undefined);
      return got;
    };
    const worker = async () => {
      for (;;) {
        const batch = await take();
        if (!batch) return;
        const { ids, after, done, fail } = batch;
        try {
          const t = await this.ds.transaction(async (m) => {
            await m.query(`SELECT 1 FROM payments.claims WHERE claim_id = ANY($1::uuid[]) ORDER BY claim_id FOR UPDATE`, [ids]);
            const tables = (await this.parameters.current(m)).tables;
            const t = await this.remediateBatch(m, id, ids, tables, r.created_by);
            // In claim order: the batch before this one has committed, and the cursor is where it left it.
            const before = await after;
            const [, moved]: [unknown, number] = await m.query(
              `UPDATE payments.remediations SET cursor = $2, claims_done = claims_done + $3, arrears_total = arrears_total + $4, overpaid_total = overpaid_total + $5
                WHERE id = $1 AND status = 'running' AND cursor = $6`,
              [id, ids[ids.length - 1], ids.length, formatMoney(t.arrears), formatMoney(t.overpaid), before],
            );
            if (moved !== 1) throw new Error(`the remediation's cursor is no longer ${before || '(start)'}: another replica is working it, or it was stopped`);
            return t;
          });
          done(ids[ids.length - 1]);
          claimsDone += ids.length;
          // Once committed: a batch rolled back by a crash is not reported done.
          this.log.info('remediation batch done', {
            remediationId: id,
            claims: ids.length,
            from: ids[0],
            to: ids[ids.length - 1],
            weeksCorrected: t.weeksCorrected,
            arrears: formatMoney(t.arrears),
            overpaid: formatMoney(t.overpaid),
            ms: t.ms,
          });
        } catch (e) {
          halted ??= e as Error;
          fail(e as Error);
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: this.config.BATCH_CONCURRENCY }, worker));
    if (halted) throw halted;
    if (!exhausted) {
      if (this.stopping) throw new Error(`the service is stopping: remediation ${id} goes on from its cursor in the next attempt`);
      return { complete: false, claimsDone };
    }
    await this.ds.query(`UPDATE payments.remediations SET status = 'complete', completed_at = now() WHERE id = $1 AND status = 'running'`, [id]);
    this.log.info('remediation complete', { remediationId: id });
    return { complete: true, claimsDone };
  }

  /**
   * One batch of claims, read and written in a handful of statements whatever its size (a
   * remediation runs over the whole book): the facts, PIAWEs and payments of every claim in the
   * batch are loaded at once, each claim is valued in memory, and the corrections go back in bulk.
   */
  private async remediateBatch(
    m: EntityManager,
    remediationId: string,
    claimIds: string[],
    tables: ParameterTables,
    maker: string,
  ): Promise<{ arrears: Dec; overpaid: Dec; weeksCorrected: number; staleCancelled: number; ms: { read: number; value: number; write: number } }> {
    const t0 = Date.now();
    const claims = await this.claims.many(claimIds, m);
    const piawes = await piawesInForce(m, claimIds);
    const actions = await this.claims.actionsOf(claimIds, m);
    const payments = await weeklyPaymentsWithArrears(m, claimIds);
    const recordedOverpaid = await overpaymentsRecorded(m, claimIds);
    const t1 = Date.now();
    const today = sydneyAt(Date.now()).date;
    // Back pay is taxed week by week as the difference Schedule 1 gives on the new and old amounts;
    // a claim's weeks repeat a few amounts, so each (scale, amount) is looked up once per batch.
    const withheld = new Map<string, Dec>();
    const paygOn = (amount: string, scale: PaygScale) => {
      const k = `${scale}|${amount}`;
      let v = withheld.get(k);
      if (!v) withheld.set(k, (v = money(weeklyWithholding({ weeklyAmount: amount, scale, paidOn: today }).amount)));
      return v;
    };
    const stale: string[] = [];
    const weekRows: (string | number | null | string[])[][] = [];
    const arrearsPayments: { claimId: string; id: string; corrections: WeekCorrection[] }[] = [];
    let arrears = ZERO;
    let overpaid = ZERO;
    for (const claimId of claimIds) {
      const piawe = piawes.get(claimId);
      const mine = payments.get(claimId) ?? [];
      if (!piawe || mine.length === 0) continue;
      const through = mine.reduce((a, p) => (p.to > a ? p.to : a), mine[0].to);
      const { weeks } = valueRecordedActions(actions.get(claimId) ?? [], valuationWith(piawe, tables), through);
      const now = new Map(weeks.map((w) => [w.from, w.amount]));
      // Generated but not authorised: cancelled if the week is now worth another amount, so it is
      // generated again at the new amount rather than paid at the old one.
      for (const p of mine) if (p.status === 'generated' && now.get(p.from) !== p.gross) stale.push(p.id);
      const paid: PaidWeek[] = mine
        .filter((p) => p.status !== 'generated')
        .map((p) => ({ from: p.from, to: p.to, week: p.week, paid: p.arrears === '0' ? money(p.gross) : money(p.gross).plus(decimal(p.arrears)), was: p.was }));
      // An overpayment an earlier remediation recorded, and still the same, is not recorded again.
      const corrections = correctWeeks(paid, weeks).filter((c) => recordedOverpaid.get(`${claimId}/${c.from}`) !== c.difference);
      if (corrections.length === 0) continue;
      const under = corrections.filter((c) => decimal(c.difference).greaterThan(0));
      const owed = sum(under.map((c) => decimal(c.difference)));
      overpaid = overpaid.plus(sum(corrections.filter((c) => decimal(c.difference).lessThan(0)).map((c) => decimal(c.difference).negated())));
      const paymentId = owed.greaterThan(0) ? randomUUID() : null;
      if (paymentId) {
        arrears = arrears.plus(owed);
        arrearsPayments.push({ claimId, id: paymentId, corrections: under });
      }
      for (const c of corrections) {
        weekRows.push([claimId, c.from, c.to, c.week, c.oldAmount, c.newAmount, c.difference, `{${c.changed.join(',')}}`, c.explanation, decimal(c.difference).greaterThan(0) ? paymentId : null]);
      }
    }
    const t2 = Date.now();
    if (stale.length > 0) {
      await cancelPayments(m, stale, { user: maker, role: 'remediation' }, 'generated', `not yet authorised and now worth another amount (remediation ${remediationId}); generate the week again`);
    }
    const newPayments: NewPayment[] = arrearsPayments.map((a) => {
      const claim = claims.get(a.claimId)!;
      const owed = sum(a.corrections.map((c) => decimal(c.difference)));
      const account = claim.paidBy === 'insurer' ? claim.worker : claim.employer;
      if (!account) throw new Error(`claim ${claim.claimNumber} has arrears of ${formatMoney(owed)} but no payee account`);
      const payg =
        claim.paidBy === 'insurer' && claim.worker
          ? sum(
              a.corrections.map((c) => {
                const scale = claim.worker!.taxScale as PaygScale;
                const d = paygOn(c.newAmount, scale).minus(paygOn(c.oldAmount, scale));
                return d.lessThan(0) ? ZERO : d;
              }),
            )
          : ZERO;
      return {
        id: a.id,
        claim,
        kind: 'arrears',
        payee: claim.paidBy === 'insurer' ? 'worker' : 'employer',
        week: null,
        from: a.corrections[0].from,
        to: a.corrections[a.corrections.length - 1].to,
        gross: formatMoney(owed),
        payg: formatMoney(payg.greaterThanOrEqualTo(owed) ? ZERO : payg),
        explanation: { remediationId, weeks: a.corrections.map((c) => c.explanation) },
        account,
        reference: `${claim.claimNumber} ARREARS`,
        dedupeKey: `arrears:${remediationId}:${a.claimId}`,
        generatedBy: maker,
        remediationId,
        reason: `arrears found by remediation ${remediationId}`,
      };
    });
    await generatePayments(m, newPayments, { user: maker, role: 'remediation' });
    if (weekRows.length > 0) {
      const col = (i: number) => weekRows.map((r) => r[i]);
      await m.query(
        `INSERT INTO payments.remediation_weeks (remediation_id, claim_id, period_from, period_to, week, old_amount, new_amount, difference, changed, explanation, payment_id)
         SELECT $1, c, f, t, w, o, n, d, ch::text[], e, p
         FROM unnest($2::uuid[], $3::date[], $4::date[], $5::int[], $6::numeric[], $7::numeric[], $8::numeric[], $9::text[], $10::text[], $11::uuid[]) AS u(c, f, t, w, o, n, d, ch, e, p)`,
        [remediationId, ...Array.from({ length: 10 }, (_, i) => col(i))],
      );
    }
    return { arrears, overpaid, weeksCorrected: weekRows.length, staleCancelled: stale.length, ms: { read: t1 - t0, value: t2 - t1, write: Date.now() - t2 } };
  }

  /** The remediations that looked at a claim, newest first (the one-claim ones of docs/rules.md §8 among them). */
  async ofClaim(claimId: string): Promise<RemediationView[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT r.id FROM payments.remediations r WHERE $1::uuid = ANY(r.claim_ids) OR EXISTS (SELECT 1 FROM payments.remediation_weeks w WHERE w.remediation_id = r.id AND w.claim_id = $1) ORDER BY r.created_at DESC, r.id LIMIT 200`,
      [claimId],
    );
    return Promise.all(rows.map((r) => this.view(r.id)));
  }

  async view(id: string): Promise<RemediationView> {
    return this.viewIn(this.ds.manager, id);
  }

  private async viewIn(m: EntityManager, id: string): Promise<RemediationView> {
    const rows = await m.query(
      `SELECT id, reason, status, parameter_version, claims_total, claims_done, arrears_total::text AS arrears, overpaid_total::text AS overpaid, created_by, created_at, completed_at
       FROM payments.remediations WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException(`no remediation ${id}`);
    const r = rows[0];
    return {
      id: r.id,
      reason: r.reason,
      status: r.status,
      parameterVersion: r.parameter_version,
      claimsTotal: r.claims_total,
      claimsDone: r.claims_done,
      arrearsTotal: r.arrears,
      overpaidTotal: r.overpaid,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
      completedAt: r.completed_at?.toISOString() ?? null,
    };
  }

  /** The corrected weeks of the claims `who` may see (issue 14), filtered before LIMIT. */
  async weeks(id: string, claimId: string | undefined, who: StaffUser) {
    await this.view(id);
    const visible = visibleClaimsCondition(who, 'payments', SCHEMA, 'claim_id', 3);
    return this.ds.query(
      `SELECT claim_id AS "claimId", week, period_from::text AS "from", period_to::text AS "to", old_amount::text AS "oldAmount", new_amount::text AS "newAmount",
         difference::text AS difference, changed, explanation, payment_id AS "paymentId"
       FROM payments.remediation_weeks WHERE remediation_id = $1 AND ($2::uuid IS NULL OR claim_id = $2) AND (${visible.sql}) ORDER BY claim_id, period_from LIMIT 5000`,
      [id, claimId ?? null, ...visible.params],
    );
  }
}

/**
 * The overpayment last recorded for each week of these claims (`claim/from` → difference), where
 * the latest remediation that looked at the week found it overpaid. Overpayments are recorded, not
 * recovered, so what was paid still includes them: without this, every later remediation (a
 * discontinuance after a suspension, say) would record the same overpayment again.
 */
async function overpaymentsRecorded(m: EntityManager, claimIds: string[]): Promise<Map<string, string>> {
  const rows: { claim_id: string; from: string; difference: string }[] = await m.query(
    `SELECT DISTINCT ON (w.claim_id, w.period_from) w.claim_id, w.period_from::text AS from, w.difference::text AS difference
     FROM payments.remediation_weeks w JOIN payments.remediations r ON r.id = w.remediation_id
     WHERE w.claim_id = ANY($1::uuid[]) ORDER BY w.claim_id, w.period_from, r.created_at DESC, w.remediation_id`,
    [claimIds],
  );
  return new Map(rows.filter((r) => r.difference.startsWith('-')).map((r) => [`${r.claim_id}/${r.from}`, r.difference]));
}
