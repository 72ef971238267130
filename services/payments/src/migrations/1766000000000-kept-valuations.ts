import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incremental valuation (issue 15): where each claim's weekly compensation was last valued to, so
 * the weekly cycle values only the new week instead of the claim from its first week. What it was
 * valued with (PIAWE, parameter version, the last action) tells whether it still holds.
 */
export class KeptValuations1766000000000 implements MigrationInterface {
  name = 'KeptValuations1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE payments.kept_valuations (
      claim_id uuid PRIMARY KEY REFERENCES payments.claims(claim_id),
      first_day date NOT NULL,
      block_from date NOT NULL CHECK (block_from >= first_day AND (block_from - first_day) % 7 = 0),
      weeks_counted int NOT NULL CHECK (weeks_counted >= 0),
      piawe_id uuid NOT NULL REFERENCES payments.piawe_determinations(id),
      parameter_version int NOT NULL,
      action_seq bigint NOT NULL,
      kept_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE payments.kept_valuations`);
  }
}
