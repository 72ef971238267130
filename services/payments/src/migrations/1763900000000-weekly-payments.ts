import { MigrationInterface, QueryRunner } from 'typeorm';
import { inboxTableSql } from '@wc/messaging';

/**
 * Weekly payments: the claim facts payments needs (projected from the claims service's events),
 * PIAWE determinations, payments with their audit trail, authority limits, payment runs, parameter
 * table versions and remediations.
 *
 * Money is numeric(12,2) per payment and numeric(16,2) for totals. Status changes are guarded by
 * CHECKs as well as by the code, so a bug cannot record a payment authorised by the person who made it.
 */
export class WeeklyPayments1763900000000 implements MigrationInterface {
  name = 'WeeklyPayments1763900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of inboxTableSql('payments')) await q.query(sql);

    await q.query(`CREATE TABLE payments.claims (
      claim_id uuid PRIMARY KEY,
      claim_number text NOT NULL UNIQUE,
      worker_name text NOT NULL,
      employer_name text NOT NULL,
      employer_policy_number text NOT NULL,
      date_of_injury date NOT NULL,
      paid_by text NOT NULL DEFAULT 'insurer' CHECK (paid_by IN ('insurer', 'employer')),
      payee_bsb text,
      payee_account text,
      payee_account_title text,
      tax_scale text,
      employer_bsb text,
      employer_account text,
      employer_account_title text,
      updated_by text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX claims_employer ON payments.claims (employer_policy_number)`);

    // Staff actions in the order the claims service published them (one Kafka partition per claim).
    await q.query(`CREATE TABLE payments.claim_actions (
      action_id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      seq bigserial NOT NULL,
      type text NOT NULL,
      action jsonb NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX claim_actions_claim ON payments.claim_actions (claim_id, seq)`);

    await q.query(`CREATE TABLE payments.piawe_determinations (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      basis text NOT NULL CHECK (basis IN ('calculated', 'interim', 'agreement')),
      status text NOT NULL CHECK (status IN ('interim', 'awaiting-review', 'final', 'rejected', 'superseded')),
      amount numeric(12,2) NOT NULL CHECK (amount >= 0),
      amount_after_52_weeks numeric(12,2) CHECK (amount_after_52_weeks >= 0),
      regime text NOT NULL,
      evidence jsonb NOT NULL,
      reason text NOT NULL,
      determined_by text NOT NULL,
      determined_at timestamptz NOT NULL DEFAULT now(),
      reviewed_by text,
      reviewed_at timestamptz,
      review_note text,
      CHECK (reviewed_by IS NULL OR reviewed_by <> determined_by)
    )`);
    await q.query(`CREATE INDEX piawe_claim ON payments.piawe_determinations (claim_id, determined_at)`);

    await q.query(`CREATE TABLE payments.parameter_versions (
      version int PRIMARY KEY,
      tables jsonb NOT NULL,
      reason text NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);

    await q.query(`CREATE TABLE payments.payment_runs (
      id uuid PRIMARY KEY,
      idempotency_key text NOT NULL UNIQUE,
      processing_date date NOT NULL,
      status text NOT NULL CHECK (status IN ('building', 'complete')),
      payment_count int NOT NULL,
      total numeric(16,2) NOT NULL,
      done int NOT NULL DEFAULT 0,
      aba text,
      aba_sha256 text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz
    )`);

    await q.query(`CREATE TABLE payments.remediations (
      id uuid PRIMARY KEY,
      reason text NOT NULL,
      change jsonb NOT NULL,
      parameter_version int REFERENCES payments.parameter_versions(version),
      claim_ids uuid[],
      status text NOT NULL CHECK (status IN ('running', 'complete')),
      claims_total int NOT NULL,
      claims_done int NOT NULL DEFAULT 0,
      cursor text NOT NULL DEFAULT '',
      arrears_total numeric(16,2) NOT NULL DEFAULT 0,
      overpaid_total numeric(16,2) NOT NULL DEFAULT 0,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz
    )`);

    await q.query(`CREATE TABLE payments.payments (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      kind text NOT NULL CHECK (kind IN ('weekly', 'reimbursement', 'arrears')),
      payee text NOT NULL CHECK (payee IN ('worker', 'employer')),
      week int,
      period_from date NOT NULL,
      period_to date NOT NULL CHECK (period_to >= period_from),
      gross numeric(12,2) NOT NULL CHECK (gross > 0),
      payg numeric(12,2) NOT NULL DEFAULT 0 CHECK (payg >= 0 AND payg < gross),
      net numeric(12,2) GENERATED ALWAYS AS (gross - payg) STORED,
      explanation jsonb NOT NULL,
      bsb text NOT NULL,
      account text NOT NULL,
      account_title text NOT NULL,
      reference text NOT NULL,
      status text NOT NULL CHECK (status IN ('generated', 'authorised', 'in-run', 'released', 'cancelled')),
      dedupe_key text NOT NULL UNIQUE,
      remediation_id uuid REFERENCES payments.remediations(id),
      generated_by text NOT NULL,
      generated_at timestamptz NOT NULL DEFAULT now(),
      authorised_by text,
      authorised_at timestamptz,
      run_id uuid REFERENCES payments.payment_runs(id),
      CHECK (authorised_by IS NULL OR authorised_by <> generated_by),
      CHECK ((status IN ('authorised', 'in-run', 'released')) = (authorised_by IS NOT NULL) OR status = 'cancelled'),
      CHECK ((status IN ('in-run', 'released')) = (run_id IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX payments_claim ON payments.payments (claim_id, period_from)`);
    await q.query(`CREATE INDEX payments_authorised ON payments.payments (status) WHERE status IN ('generated', 'authorised')`);
    await q.query(`CREATE INDEX payments_run ON payments.payments (run_id) WHERE run_id IS NOT NULL`);

    // Who did what to a payment, when and why: appended, never updated.
    await q.query(`CREATE TABLE payments.payment_audit (
      seq bigserial PRIMARY KEY,
      payment_id uuid NOT NULL REFERENCES payments.payments(id),
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL,
      role text NOT NULL,
      from_status text,
      to_status text NOT NULL,
      reason text NOT NULL
    )`);
    await q.query(`CREATE INDEX payment_audit_payment ON payments.payment_audit (payment_id, seq)`);

    await q.query(`CREATE TABLE payments.authority_limits (
      subject text PRIMARY KEY CHECK (subject ~ '^(role|user):.+$'),
      max_amount numeric(12,2) NOT NULL CHECK (max_amount >= 0),
      set_by text NOT NULL,
      set_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Starting limits per role; an insurer sets its own (PUT /authority-limits/...).
    await q.query(`INSERT INTO payments.authority_limits (subject, max_amount, set_by) VALUES
      ('role:payments-officer', 5000.00, 'migration'), ('role:team-leader', 25000.00, 'migration')`);

    // Overpayments are recorded for a person to decide on; nothing recovers them automatically.
    await q.query(`CREATE TABLE payments.remediation_weeks (
      remediation_id uuid NOT NULL REFERENCES payments.remediations(id),
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      period_from date NOT NULL,
      period_to date NOT NULL,
      week int,
      old_amount numeric(12,2) NOT NULL,
      new_amount numeric(12,2) NOT NULL,
      difference numeric(12,2) NOT NULL,
      changed text[] NOT NULL,
      explanation text NOT NULL,
      payment_id uuid REFERENCES payments.payments(id),
      PRIMARY KEY (remediation_id, claim_id, period_from)
    )`);

    await q.query(`CREATE TABLE payments.reconciliations (
      schedule_id uuid NOT NULL REFERENCES payments.wage_reimbursement_schedules(id),
      line_number int NOT NULL,
      claim_id uuid REFERENCES payments.claims(claim_id),
      claim_number text NOT NULL,
      period_start date NOT NULL,
      period_end date NOT NULL,
      employer_paid numeric(12,2) NOT NULL,
      entitlement numeric(12,2),
      difference numeric(12,2),
      status text NOT NULL CHECK (status IN ('matched', 'discrepancy', 'unknown-claim', 'no-piawe')),
      note text NOT NULL,
      payment_id uuid REFERENCES payments.payments(id),
      PRIMARY KEY (schedule_id, line_number)
    )`);
    await q.query(`CREATE INDEX reconciliations_discrepancy ON payments.reconciliations (claim_number) WHERE status <> 'matched'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payments.reconciliations, payments.remediation_weeks, payments.authority_limits, payments.payment_audit,
      payments.payments, payments.remediations, payments.payment_runs, payments.parameter_versions, payments.piawe_determinations,
      payments.claim_actions, payments.claims, payments.inbox`);
  }
}
