import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Medical, hospital and rehabilitation costs (issue 17; docs/medical-assessment.md): the register of
 * providers, the fee order, approvals of treatment, treatment requests as the claim recorded them,
 * invoices and their lines with each line's assessment, and the payments that pay them.
 */
export class Medical1765000000002 implements MigrationInterface {
  name = 'Medical1765000000002';

  async up(q: QueryRunner): Promise<void> {
    // docs/medical-assessment.md's claimMadeOn: the day the claim was first made (its notification date).
    await q.query(`ALTER TABLE payments.claims ADD COLUMN notification_date date, ADD COLUMN worker_given_name text, ADD COLUMN worker_family_name text`);

    await q.query(`CREATE TABLE payments.providers (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      abn text NOT NULL UNIQUE CHECK (abn ~ '^[0-9]{11}$'),
      kind text NOT NULL,
      ahpra_number text CHECK (ahpra_number IS NULL OR ahpra_number ~ '^[A-Z]{3}[0-9]{10}$'),
      registration jsonb NOT NULL,
      bsb text CHECK (bsb IS NULL OR bsb ~ '^[0-9]{3}-[0-9]{3}$'),
      account text,
      account_title text,
      CHECK ((bsb IS NULL) = (account IS NULL) AND (account IS NULL) = (account_title IS NULL)),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Every change to a provider, whole, with who and why (a bank account or a suspension matters later).
    await q.query(`CREATE TABLE payments.provider_history (
      seq bigserial PRIMARY KEY,
      provider_id uuid NOT NULL REFERENCES payments.providers(id),
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now(),
      reason text NOT NULL,
      provider jsonb NOT NULL
    )`);

    // The fee order: each item's maximum fee per unit, effective-dated; loaded from a CSV file.
    await q.query(`CREATE TABLE payments.fee_order_versions (
      version serial PRIMARY KEY,
      source text NOT NULL,
      rows int NOT NULL,
      loaded_by text NOT NULL,
      loaded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE payments.fee_order (
      item text NOT NULL,
      "from" date NOT NULL,
      description text NOT NULL,
      max_fee numeric(12,2) NOT NULL CHECK (max_fee >= 0),
      exempt_from_approval boolean NOT NULL DEFAULT false,
      version int NOT NULL REFERENCES payments.fee_order_versions(version),
      PRIMARY KEY (item, "from")
    )`);

    // Treatment requests as the claim recorded them (claim.action-recorded), to approve against.
    await q.query(`CREATE TABLE payments.treatment_requests (
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      ref text NOT NULL,
      treatment text NOT NULL,
      provider_name text NOT NULL,
      cost numeric(12,2) NOT NULL,
      requested_on date NOT NULL,
      decision text CHECK (decision IN ('approved', 'declined')),
      decided_on date,
      PRIMARY KEY (claim_id, ref)
    )`);
    await q.query(`CREATE TABLE payments.medical_approvals (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      treatment_ref text NOT NULL,
      provider_id uuid NOT NULL REFERENCES payments.providers(id),
      items text[] NOT NULL CHECK (cardinality(items) > 0),
      units int NOT NULL CHECK (units >= 1),
      "from" date NOT NULL,
      "to" date NOT NULL CHECK ("to" >= "from"),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (claim_id, treatment_ref) REFERENCES payments.treatment_requests(claim_id, ref)
    )`);
    await q.query(`CREATE INDEX medical_approvals_claim ON payments.medical_approvals (claim_id, created_at)`);

    // A bulk file, once: the same Idempotency-Key or the same bytes again is the same import.
    await q.query(`CREATE TABLE payments.medical_imports (
      id uuid PRIMARY KEY,
      idempotency_key text UNIQUE,
      sha256 text NOT NULL UNIQUE,
      lines int NOT NULL,
      received_by text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE payments.medical_invoices (
      id uuid PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      provider_id uuid NOT NULL REFERENCES payments.providers(id),
      invoice_number text NOT NULL,
      payee text NOT NULL CHECK (payee IN ('provider', 'worker')),
      import_id uuid REFERENCES payments.medical_imports(id),
      received_by text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (claim_id, provider_id, invoice_number)
    )`);
    await q.query(`CREATE TABLE payments.medical_invoice_lines (
      id uuid PRIMARY KEY,
      invoice_id uuid NOT NULL REFERENCES payments.medical_invoices(id),
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      line int NOT NULL,
      seq bigserial NOT NULL,
      service_date date NOT NULL,
      item text NOT NULL,
      units int NOT NULL CHECK (units >= 1),
      charged numeric(12,2) NOT NULL CHECK (charged >= 0),
      status text NOT NULL CHECK (status IN ('pay', 'reduce', 'hold', 'refuse')),
      reason text,
      payable numeric(12,2) NOT NULL CHECK (payable >= 0 AND payable <= charged),
      approval_id uuid REFERENCES payments.medical_approvals(id),
      -- medical.md's medicalPaidToDate: what was paid while liability was provisional.
      paid_while_provisional boolean NOT NULL DEFAULT false,
      payment_id uuid REFERENCES payments.payments(id),
      assessed_at timestamptz NOT NULL DEFAULT now(),
      assessments int NOT NULL DEFAULT 1,
      UNIQUE (invoice_id, line),
      CHECK (status IN ('pay', 'reduce') OR payable = 0),
      CHECK (status <> 'reduce' OR reason = 'over-fee-order'),
      CHECK ((status = 'pay') = (reason IS NULL))
    )`);
    await q.query(`CREATE INDEX medical_invoice_lines_claim ON payments.medical_invoice_lines (claim_id, seq)`);
    await q.query(`CREATE INDEX medical_invoice_lines_held ON payments.medical_invoice_lines (claim_id) WHERE status = 'hold'`);

    // A remittance advice for each provider and claim paid in a run, written once the run's file is complete.
    await q.query(`CREATE TABLE payments.remittances (
      run_id uuid NOT NULL REFERENCES payments.payment_runs(id),
      provider_id uuid NOT NULL REFERENCES payments.providers(id),
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      status text NOT NULL CHECK (status IN ('pending', 'stored')),
      document_id uuid,
      attempts int NOT NULL DEFAULT 0,
      last_error text,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (run_id, provider_id, claim_id),
      CHECK ((status = 'stored') = (document_id IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX remittances_pending ON payments.remittances (next_attempt_at) WHERE status = 'pending'`);

    // Each claim's estimate of what it will still cost, whenever it moved, with the method of each part.
    await q.query(`CREATE TABLE payments.estimates (
      seq bigserial PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      as_at date NOT NULL,
      weekly numeric(14,2) NOT NULL,
      medical numeric(14,2) NOT NULL,
      other numeric(14,2) NOT NULL,
      total numeric(14,2) NOT NULL,
      methods jsonb NOT NULL,
      reason text NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX estimates_claim ON payments.estimates (claim_id, seq)`);

    // A medical payment pays one assessed line; its payee is the provider or, for receipts, the worker.
    await q.query(`ALTER TABLE payments.payments DROP CONSTRAINT payments_kind_check`);
    await q.query(`ALTER TABLE payments.payments ADD CONSTRAINT payments_kind_check CHECK (kind IN ('weekly', 'reimbursement', 'arrears', 'medical'))`);
    await q.query(`ALTER TABLE payments.payments DROP CONSTRAINT payments_payee_check`);
    await q.query(`ALTER TABLE payments.payments ADD CONSTRAINT payments_payee_check CHECK (payee IN ('worker', 'employer', 'provider'))`);
    await q.query(`ALTER TABLE payments.payments ADD COLUMN provider_id uuid REFERENCES payments.providers(id)`);
    // A payment to a provider names the provider (its remittance advice goes to them).
    await q.query(`ALTER TABLE payments.payments ADD CONSTRAINT payments_provider_paid CHECK (payee <> 'provider' OR provider_id IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments.payments DROP CONSTRAINT payments_provider_paid`);
    await q.query(`ALTER TABLE payments.payments DROP COLUMN provider_id`);
    await q.query(`ALTER TABLE payments.payments DROP CONSTRAINT payments_payee_check`);
    await q.query(`ALTER TABLE payments.payments ADD CONSTRAINT payments_payee_check CHECK (payee IN ('worker', 'employer'))`);
    await q.query(`ALTER TABLE payments.payments DROP CONSTRAINT payments_kind_check`);
    await q.query(`ALTER TABLE payments.payments ADD CONSTRAINT payments_kind_check CHECK (kind IN ('weekly', 'reimbursement', 'arrears'))`);
    await q.query(`DROP TABLE payments.remittances, payments.estimates, payments.medical_invoice_lines, payments.medical_invoices, payments.medical_imports, payments.medical_approvals,
      payments.treatment_requests, payments.fee_order, payments.fee_order_versions, payments.provider_history, payments.providers`);
    await q.query(`ALTER TABLE payments.claims DROP COLUMN notification_date, DROP COLUMN worker_given_name, DROP COLUMN worker_family_name`);
  }
}
