import { createHash, randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException, OnApplicationShutdown, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { abaFile } from '@wc/payment-files';
import { enqueue, newEnvelope } from '@wc/messaging';
import { JsonLogger, StaffUser, pageOf } from '@wc/service-kit';
import { LOGGER, PAYMENTS_CONFIG, PaymentsConfig, SCHEMA } from '../config';
import { openRemittancesOfRun, releaseRun, runMedicalTotals, runPaymentsPage, takeIntoRun } from '../ledger/ledger';
import { meetClocksOfRun } from '../payment-clocks/payment-clocks';
import { sydneyAt } from '@wc/rules';
import { SCHEDULE_USER, paymentRunWorkflowId } from '../workflows/definitions';
import { PaymentsTemporal } from '../workflows/payments-temporal';

export interface PaymentRunView {
  id: string;
  processingDate: string;
  status: 'building' | 'complete';
  payments: number;
  done: number;
  total: string;
  abaSha256: string | null;
  createdBy: string;
  createdAt: string;
  completedAt: string | null;
}

/**
 * Payment runs: every authorised payment not yet in a run goes into one batch, and the batch
 * becomes an ABA direct-entry file (docs/payment-files.md; docs/sources.md §7.2). A payment is taken by exactly
 * one run, in the same statement that marks it (status and run id, guarded by CHECKs), so running
 * again, or twice at once, never pays anyone twice; the same Idempotency-Key returns the same run.
 * The file is built by the run's Temporal workflow (issue 15; workflows/payments-temporal.ts): a
 * pure function of the run's payments, so an attempt cut short by a crash is simply built again by
 * the next, on whichever replica is alive.
 */
@Injectable()
export class PaymentRunsService implements OnApplicationShutdown {
  private stopping = false;
  /** Told when a run's file is complete (the remittance advices are written then). */
  afterRun?: (runId: string) => void;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(PAYMENTS_CONFIG) private readonly config: PaymentsConfig,
    @Inject(LOGGER) private readonly log: JsonLogger,
    private readonly temporal: PaymentsTemporal,
  ) {}

  onApplicationShutdown() {
    this.stopping = true;
  }

  async create(processingDate: string, idempotencyKey: string, by: StaffUser): Promise<{ run: PaymentRunView; created: boolean }> {
    const existing = await this.ds.query(`SELECT id, processing_date::text AS d FROM payments.payment_runs WHERE idempotency_key = $1`, [idempotencyKey]);
    if (existing.length > 0) {
      if (existing[0].d !== processingDate) throw new ConflictException(`Idempotency-Key ${idempotencyKey} was used for the run of ${existing[0].d}`);
      return { run: await this.view(existing[0].id), created: false };
    }
    const id = randomUUID();
    try {
      await this.ds.transaction(async (m) => {
        await m.query(`INSERT INTO payments.payment_runs (id, idempotency_key, processing_date, status, payment_count, total, created_by) VALUES ($1, $2, $3, 'building', 0, 0, $4)`, [
          id,
          idempotencyKey,
          processingDate,
          by.user,
        ]);
        const taken = await takeIntoRun(m, id, by);
        if (taken.count === 0)
          throw new UnprocessableEntityException({
            statusCode: 422,
            error: 'Unprocessable Entity',
            message: 'no payment run made',
            problems: [{ field: 'payments', problem: 'there are no authorised payments waiting for a run' }],
          });
        await m.query(`UPDATE payments.payment_runs SET payment_count = $2, total = $3 WHERE id = $1`, [id, taken.count, taken.total]);
      });
    } catch (e) {
      // Two requests with one key at once: the loser returns the winner's run.
      if ((e as { code?: string }).code === '23505') return this.create(processingDate, idempotencyKey, by);
      throw e;
    }
    this.log.info('payment run started', { runId: id, processingDate, by: by.user });
    await this.temporal.startRun(id);
    return { run: await this.view(id), created: true };
  }

  /**
   * The payment-run schedule's run (workflows/definitions.ts): every authorised payment waiting, on
   * today's date in Sydney, once per date (the date is its idempotency key); none waiting, no run.
   */
  async createScheduled(): Promise<{ runId: string | null; processingDate: string }> {
    const processingDate = sydneyAt(Date.now()).date;
    try {
      const { run } = await this.create(processingDate, `schedule:payment-run:${processingDate}`, SCHEDULE_USER);
      return { runId: run.id, processingDate };
    } catch (e) {
      if (e instanceof UnprocessableEntityException) {
        this.log.info('scheduled payment run: no authorised payments waiting', { processingDate });
        return { runId: null, processingDate };
      }
      throw e;
    }
  }

  /** Resolves when the run's file is complete (for callers that want to wait, e.g. tests and the benchmark). */
  async whenBuilt(id: string): Promise<void> {
    await this.temporal.finished(paymentRunWorkflowId(id));
  }

  /**
   * The run's bank file, and the run completed with it (the run's workflow calls this, as an
   * activity). Throws if the service stops before it is done, for the activity to be retried.
   */
  async build(id: string): Promise<void> {
    const [run] = await this.ds.query(`SELECT processing_date::text AS d FROM payments.payment_runs WHERE id = $1`, [id]);
    if (!run) {
      // Nothing to retry: a workflow of another database's run (a restored backup, a misconfigured task queue).
      this.log.error('payment run not found; its workflow ends without a file', { runId: id, taskQueue: this.config.PAYMENTS_TASK_QUEUE });
      return;
    }
    const c = this.config;
    const payments: { bsb: string; account: string; accountTitle: string; amount: string; reference: string; withholding: string }[] = [];
    let after: [string, string] = ['', '00000000-0000-0000-0000-000000000000'];
    for (;;) {
      if (this.stopping) throw new Error(`the service is stopping: payment run ${id} is built again by the next attempt`);
      const rows = await runPaymentsPage(this.ds.manager, id, after, c.BATCH_SIZE);
      if (rows.length === 0) break;
      for (const r of rows) payments.push({ bsb: r.bsb, account: r.account, accountTitle: r.account_title, amount: r.net, reference: r.reference, withholding: r.payg });
      after = [rows[rows.length - 1].reference, rows[rows.length - 1].id];
      await this.ds.query(`UPDATE payments.payment_runs SET done = $2 WHERE id = $1`, [id, payments.length]);
    }
    // Medical payments: one line per payee and account for the whole run (issue 17), whatever the
    // number of claims and invoices; each provider's remittance advices say what it was for.
    const medical = await runMedicalTotals(this.ds.manager, id);
    for (const r of medical) payments.push({ bsb: r.bsb, account: r.account, accountTitle: r.account_title, amount: r.net, reference: remittanceReference(id), withholding: '0.00' });
    const result = abaFile({
      processingDate: run.d,
      financialInstitution: c.ABA_FINANCIAL_INSTITUTION,
      userName: c.ABA_USER_NAME,
      userId: c.ABA_USER_ID,
      description: c.ABA_DESCRIPTION,
      remitter: { bsb: c.ABA_REMITTER_BSB, account: c.ABA_REMITTER_ACCOUNT, name: c.ABA_REMITTER_NAME },
      balancingRecord: c.ABA_BALANCING_RECORD === 'true',
      payments,
    });
    if (!result.ok)
      throw new Error(
        `the bank file was refused: ${result.problems
          .slice(0, 5)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; ')}`,
      );
    const sha = createHash('sha256').update(result.file).digest('hex');
    await this.ds.transaction(async (m) => {
      // TypeORM gives [rows, rowCount] for an UPDATE.
      const [updated]: [{ total: string; payment_count: number }[], number] = await m.query(
        `UPDATE payments.payment_runs SET status = 'complete', aba = $2, aba_sha256 = $3, done = payment_count, completed_at = now() WHERE id = $1 AND status = 'building' RETURNING total::text AS total, payment_count`,
        [id, result.file, sha],
      );
      if (updated.length === 0) return;
      await releaseRun(m, id, sha);
      await meetClocksOfRun(m, id, run.d);
      // A remittance advice for each provider and claim paid in this run, written once the file is complete.
      await openRemittancesOfRun(m, id);
      const data = { runId: id, processingDate: run.d, payments: updated[0].payment_count, total: updated[0].total, abaSha256: sha };
      await enqueue(m, SCHEMA, TOPICS.payments, newEnvelope({ type: 'payment-run.completed', source: 'wc-claims/payments', subject: id, data }));
    });
    this.log.info('payment run complete', { runId: id, abaLines: payments.length, abaSha256: sha });
    this.afterRun?.(id);
  }

  /**
   * Runs newest first, `limit` at a time: `before` is the last run of the previous page (its id), so
   * a page stays the same while new runs are started.
   */
  async list(limit: number, before: string | undefined): Promise<{ runs: PaymentRunView[]; next: string | null }> {
    if (before) {
      const known = await this.ds.query(`SELECT 1 FROM payments.payment_runs WHERE id = $1`, [before]);
      if (known.length === 0)
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'invalid request query', problems: [{ field: 'before', problem: `is no payment run (${before})` }] });
    }
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM payments.payment_runs r
        WHERE $1::uuid IS NULL OR (r.created_at, r.id) < (SELECT created_at, id FROM payments.payment_runs WHERE id = $1)
        ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
      [before ?? null, limit + 1],
    );
    const { items, next } = pageOf(rows, limit, (r) => r.id);
    return { runs: await Promise.all(items.map((r) => this.view(r.id))), next };
  }

  async view(id: string): Promise<PaymentRunView> {
    const rows = await this.ds.query(
      `SELECT id, processing_date::text AS d, status, payment_count, done, total::text AS total, aba_sha256, created_by, created_at, completed_at FROM payments.payment_runs WHERE id = $1`,
      [id],
    );
    if (rows.length === 0) throw new NotFoundException(`no payment run ${id}`);
    const r = rows[0];
    return {
      id: r.id,
      processingDate: r.d,
      status: r.status,
      payments: r.payment_count,
      done: r.done,
      total: r.total,
      abaSha256: r.aba_sha256,
      createdBy: r.created_by,
      createdAt: r.created_at.toISOString(),
      completedAt: r.completed_at?.toISOString() ?? null,
    };
  }

  async aba(id: string): Promise<string> {
    const rows = await this.ds.query(`SELECT status, aba FROM payments.payment_runs WHERE id = $1`, [id]);
    if (rows.length === 0) throw new NotFoundException(`no payment run ${id}`);
    if (rows[0].status !== 'complete') throw new ConflictException(`payment run ${id} is still building its bank file`);
    return rows[0].aba;
  }
}

/** The lodgement reference a provider's statement shows for a run's medical payments (18 characters at most, docs/payment-files.md). */
export function remittanceReference(runId: string): string {
  return `WC REMIT ${runId.slice(0, 8).toUpperCase()}`;
}
