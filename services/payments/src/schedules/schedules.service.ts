import { createHash, randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TOPICS } from '@wc/contracts';
import { formatMoney } from '@wc/rules';
import { enqueue, newEnvelope } from '@wc/messaging';
import { JsonLogger, StaffUser, badRequest, pageOf, visibleClaimsCondition } from '@wc/service-kit';
import { LOGGER, SCHEMA } from '../config';
import { WAGE_SCHEDULE_RECEIVED, WageScheduleReceivedData, wageScheduleReceivedData } from '../contracts';
import { PaymentClaimsService } from '../claims/payment-claims.service';
import { ParametersService } from '../parameters/parameters.service';
import { reconcileSchedule } from './reconciliation';
import { AcceptedSchedule, ScheduleCheck } from './schedule-input';
import { WageScheduleEntity } from './schedule.entity';

/** The claim a schedule line (or its reconciliation), by `alias`, is about: by its number, null when payments knows no such claim. */
const lineClaim = (alias: string) => `(SELECT c.claim_id FROM ${SCHEMA}.claims c WHERE c.claim_number = ${alias}.claim_number)`;

export interface IncomingSchedule {
  format: 'csv' | 'json';
  policyNumber: string;
  partial: boolean;
  /** What the request carried, canonically (the CSV text, or the JSON re-serialised): the idempotency hash. */
  canonical: string;
  /** Runs the shared validator; only called when the request is not a replay. */
  check: () => ScheduleCheck;
}

@Injectable()
export class SchedulesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(LOGGER) private readonly log: JsonLogger,
    private readonly claims: PaymentClaimsService,
    private readonly parameters: ParametersService,
  ) {}

  /**
   * Stores a schedule whose every line passed (or, partial, its good lines), its lines and its
   * `wage-reimbursement-schedule.received` event in one transaction; a schedule with a problem is
   * refused (422, every problem listed) and nothing is stored. The same Idempotency-Key and request
   * give the same schedule.
   */
  async receive(input: IncomingSchedule, idempotencyKey: string | undefined, by: StaffUser): Promise<{ schedule: WageScheduleEntity; created: boolean }> {
    const requestHash = createHash('sha256')
      .update(JSON.stringify([input.format, input.policyNumber, input.partial, input.canonical]))
      .digest('hex');
    if (idempotencyKey) {
      const existing = await this.ds.getRepository(WageScheduleEntity).findOneBy({ idempotencyKey });
      if (existing) return { schedule: this.sameRequest(existing, requestHash), created: false };
    }
    const checked = input.check();
    if (!checked.ok) {
      const n = checked.problems.length;
      throw new UnprocessableEntityException({
        statusCode: 422,
        error: 'Unprocessable Entity',
        message:
          checked.reason === 'nothing-valid'
            ? `no line of the schedule is valid (${n} problem${n === 1 ? '' : 's'}); nothing was stored`
            : `the schedule has ${n} problem${n === 1 ? '' : 's'}; nothing was stored${input.partial ? '' : ' (?partial=true imports only the good lines)'}`,
        problems: checked.problems,
      });
    }
    try {
      const schedule = await this.ds.transaction((m) => this.store(m, input, checked, idempotencyKey, requestHash, by));
      this.log.info('wage reimbursement schedule received', {
        scheduleId: schedule.id,
        lines: schedule.lineCount,
        rejectedLines: new Set(checked.rejected.map((p) => p.line)).size,
        format: input.format,
      });
      return { schedule, created: true };
    } catch (e) {
      // Two requests with the same key at once: the loser returns the winner's schedule.
      if (idempotencyKey && (e as { code?: string }).code === '23505') {
        const existing = await this.ds.getRepository(WageScheduleEntity).findOneByOrFail({ idempotencyKey });
        return { schedule: this.sameRequest(existing, requestHash), created: false };
      }
      throw e;
    }
  }

  private async store(m: EntityManager, input: IncomingSchedule, checked: AcceptedSchedule, idempotencyKey: string | undefined, requestHash: string, by: StaffUser): Promise<WageScheduleEntity> {
    const { summary, lines, rejected } = checked;
    const schedule = m.getRepository(WageScheduleEntity).create({
      id: randomUUID(),
      idempotencyKey: idempotencyKey ?? null,
      requestHash,
      employerPolicyNumber: input.policyNumber,
      format: input.format,
      partial: input.partial,
      lineCount: summary.lines,
      claimCount: summary.claims,
      grossEarnings: summary.grossEarnings,
      compensationPaid: summary.compensationPaid,
      paygWithheld: summary.paygWithheld,
      rejectedProblems: rejected,
      receivedBy: by.user,
      receivedAt: new Date(),
    });
    await m.getRepository(WageScheduleEntity).insert(schedule);
    // One statement whatever the size (arrays, not one bind parameter per value); amounts go in as
    // their exact decimal text.
    await m.query(
      `INSERT INTO ${SCHEMA}.wage_reimbursement_schedule_lines
         (schedule_id, line_number, claim_number, period_start, period_end, hours_worked, gross_earnings, compensation_paid, payg_withheld)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::date[], $5::date[], $6::numeric[], $7::numeric[], $8::numeric[], $9::numeric[])`,
      [
        schedule.id,
        lines.map((l) => l.line),
        lines.map((l) => l.claimNumber),
        lines.map((l) => l.periodStart),
        lines.map((l) => l.periodEnd),
        lines.map((l) => l.hoursWorked.toString()),
        lines.map((l) => formatMoney(l.grossEarnings)),
        lines.map((l) => formatMoney(l.compensationPaid)),
        lines.map((l) => formatMoney(l.paygWithheld)),
      ],
    );
    const data: WageScheduleReceivedData = wageScheduleReceivedData.parse({
      scheduleId: schedule.id,
      employer: { policyNumber: schedule.employerPolicyNumber },
      format: schedule.format,
      partial: schedule.partial,
      lines: summary.lines,
      claims: summary.claims,
      rejectedLines: new Set(rejected.map((p) => p.line)).size,
      grossEarnings: summary.grossEarnings,
      compensationPaid: summary.compensationPaid,
      paygWithheld: summary.paygWithheld,
      receivedAt: schedule.receivedAt.toISOString(),
    });
    // In the same transaction: a schedule is never stored without its reconciliation and reimbursements.
    await reconcileSchedule(m, schedule.id, input.policyNumber, lines, { user: by.user, role: by.role }, this.claims, this.parameters);
    await enqueue(m, SCHEMA, TOPICS.payments, newEnvelope({ type: WAGE_SCHEDULE_RECEIVED, source: 'wc-payments/wage-reimbursement-schedules', subject: schedule.id, data }));
    return schedule;
  }

  private sameRequest(existing: WageScheduleEntity, requestHash: string): WageScheduleEntity {
    if (existing.requestHash !== requestHash) throw new ConflictException('this Idempotency-Key was already used for a different schedule');
    return existing;
  }

  /**
   * A schedule as `who` may see it (issue 14): the employer's document as received (its totals and the
   * problems of lines left out), and of its lines and their reconciliation only those of claims `who`
   * may see. A line names its claim by number: a number payments does not know is no claim anyone
   * works on, so only those who see every claim (payments officers) see it.
   */
  async view(id: string, who: StaffUser) {
    const s = await this.ds.getRepository(WageScheduleEntity).findOneBy({ id });
    if (!s) throw new NotFoundException(`no wage reimbursement schedule ${id}`);
    const visible = visibleClaimsCondition(who, 'payments', SCHEMA, lineClaim('l'), 2);
    const lines: { lineNumber: number; claimNumber: string; periodStart: string; periodEnd: string; hoursWorked: string; grossEarnings: string; compensationPaid: string; paygWithheld: string }[] =
      await this.ds.query(
        `SELECT line_number AS "lineNumber", claim_number AS "claimNumber", period_start::text AS "periodStart", period_end::text AS "periodEnd", hours_worked::text AS "hoursWorked",
           gross_earnings::text AS "grossEarnings", compensation_paid::text AS "compensationPaid", payg_withheld::text AS "paygWithheld"
         FROM ${SCHEMA}.wage_reimbursement_schedule_lines l WHERE schedule_id = $1 AND (${visible.sql}) ORDER BY line_number`,
        [id, ...visible.params],
      );
    return {
      id: s.id,
      employer: { policyNumber: s.employerPolicyNumber },
      format: s.format,
      partial: s.partial,
      totals: { lines: s.lineCount, claims: s.claimCount, grossEarnings: s.grossEarnings, compensationPaid: s.compensationPaid, paygWithheld: s.paygWithheld },
      rejected: s.rejectedProblems,
      lines: lines.map((l) => ({
        line: l.lineNumber,
        claimNumber: l.claimNumber,
        periodStart: l.periodStart,
        periodEnd: l.periodEnd,
        hoursWorked: l.hoursWorked,
        grossEarnings: l.grossEarnings,
        compensationPaid: l.compensationPaid,
        paygWithheld: l.paygWithheld,
      })),
      receivedAt: s.receivedAt.toISOString(),
      receivedBy: s.receivedBy,
      reconciliation: await this.reconciliation(id, who),
    };
  }

  /** Each line against the platform's entitlement, and the reimbursement generated for it (program 4.6), of the lines `who` may see. */
  async reconciliation(scheduleId: string, who: StaffUser) {
    const visible = visibleClaimsCondition(who, 'payments', SCHEMA, lineClaim('r'), 2);
    return this.ds.query(
      `SELECT line_number AS line, claim_number AS "claimNumber", claim_id AS "claimId", period_start::text AS "periodStart", period_end::text AS "periodEnd",
         employer_paid::text AS "employerPaid", entitlement::text AS entitlement, difference::text AS difference, status, note, payment_id AS "paymentId"
       FROM payments.reconciliations r WHERE schedule_id = $1 AND (${visible.sql}) ORDER BY line_number`,
      [scheduleId, ...visible.params],
    );
  }

  /** Lines whose payment differs from the entitlement, or that could not be checked: the case managers' list. */
  /** The lines not matched, a page at a time in (period, claim number, schedule, line) order; `after` is the last line of the page before, `<scheduleId>:<line>`. */
  async discrepancies(limit: number, after: string | undefined, who: StaffUser) {
    const [afterSchedule, afterLine] = after ? [after.slice(0, 36), Number(after.slice(37))] : [null, null];
    if (after && (await this.ds.query(`SELECT 1 FROM payments.reconciliations WHERE schedule_id = $1 AND line_number = $2`, [afterSchedule, afterLine])).length === 0)
      throw badRequest('after', `is no line of a schedule (${after})`, 'query');
    // Issue 14: a case manager's list is their claims' lines (filtered before LIMIT); a line for a claim payments does not know is shown only to those who see every claim.
    const visible = visibleClaimsCondition(who, 'payments', SCHEMA, lineClaim('r'), 4);
    const rows: { scheduleId: string; line: number }[] = await this.ds.query(
      `SELECT r.schedule_id AS "scheduleId", line_number AS line, claim_number AS "claimNumber", claim_id AS "claimId", period_start::text AS "periodStart", period_end::text AS "periodEnd",
         employer_paid::text AS "employerPaid", entitlement::text AS entitlement, difference::text AS difference, status, note
       FROM payments.reconciliations r
       WHERE status <> 'matched' AND (${visible.sql})
         AND ($2::uuid IS NULL OR (period_start, claim_number, schedule_id, line_number) >
              (SELECT period_start, claim_number, schedule_id, line_number FROM payments.reconciliations WHERE schedule_id = $2 AND line_number = $3))
       ORDER BY period_start, claim_number, schedule_id, line_number LIMIT $1`,
      [limit + 1, afterSchedule, afterLine, ...visible.params],
    );
    const { items, next } = pageOf(rows, limit, (r) => `${r.scheduleId}:${r.line}`);
    return { lines: items, next };
  }
}
