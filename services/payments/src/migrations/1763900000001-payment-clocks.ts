import { MigrationInterface, QueryRunner } from 'typeorm';

/** The payment clocks of program 4.6 that payments starts and meets (the claim's workflow escalates them). */
export class PaymentClocks1763900000001 implements MigrationInterface {
  name = 'PaymentClocks1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payments.payment_clocks (
      ref text PRIMARY KEY,
      claim_id uuid NOT NULL REFERENCES payments.claims(claim_id),
      clock text NOT NULL CHECK (clock IN ('weekly-payment', 'reimbursement')),
      received_on date NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'met', 'stopped')),
      met_on date,
      stopped_reason text,
      started_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX payment_clocks_running ON payments.payment_clocks (claim_id) WHERE status = 'running'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payments.payment_clocks`);
  }
}
