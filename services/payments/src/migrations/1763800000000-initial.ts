import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropOutboxTableSql, outboxTableSql } from '@wc/messaging';

/**
 * The payments schema: wage reimbursement schedules and their lines, and the outbox. Line amounts
 * are numeric(12,2); a schedule's totals numeric(18,2), since 5 MB of lines can add up past 10^10.
 */
export class Initial1763800000000 implements MigrationInterface {
  name = 'Initial1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payments.wage_reimbursement_schedules (
      id uuid PRIMARY KEY,
      idempotency_key text UNIQUE,
      request_hash text NOT NULL,
      employer_policy_number text NOT NULL,
      format text NOT NULL CHECK (format IN ('csv', 'json')),
      partial boolean NOT NULL,
      line_count int NOT NULL CHECK (line_count > 0),
      claim_count int NOT NULL CHECK (claim_count > 0),
      gross_earnings numeric(18,2) NOT NULL CHECK (gross_earnings >= 0),
      compensation_paid numeric(18,2) NOT NULL CHECK (compensation_paid >= 0),
      payg_withheld numeric(18,2) NOT NULL CHECK (payg_withheld >= 0),
      rejected_problems jsonb NOT NULL DEFAULT '[]',
      received_by text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX wage_reimbursement_schedules_employer ON payments.wage_reimbursement_schedules (employer_policy_number, received_at)`);
    await q.query(`CREATE TABLE payments.wage_reimbursement_schedule_lines (
      schedule_id uuid NOT NULL REFERENCES payments.wage_reimbursement_schedules(id),
      line_number int NOT NULL,
      claim_number text NOT NULL CHECK (claim_number <> ''),
      period_start date NOT NULL,
      period_end date NOT NULL CHECK (period_end >= period_start),
      hours_worked numeric NOT NULL CHECK (hours_worked >= 0),
      gross_earnings numeric(12,2) NOT NULL CHECK (gross_earnings >= 0),
      compensation_paid numeric(12,2) NOT NULL CHECK (compensation_paid >= 0),
      payg_withheld numeric(12,2) NOT NULL CHECK (payg_withheld >= 0),
      PRIMARY KEY (schedule_id, line_number)
    )`);
    await q.query(`CREATE INDEX wage_reimbursement_schedule_lines_claim ON payments.wage_reimbursement_schedule_lines (claim_number, period_start)`);
    for (const sql of outboxTableSql('payments')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxTableSql('payments')) await q.query(sql);
    await q.query(`DROP TABLE payments.wage_reimbursement_schedule_lines, payments.wage_reimbursement_schedules`);
  }
}
