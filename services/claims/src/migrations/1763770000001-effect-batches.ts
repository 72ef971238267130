import { MigrationInterface, QueryRunner } from 'typeorm';

/** Activity retries send the same batch again: remember which batches were recorded. */
export class EffectBatches1763770000001 implements MigrationInterface {
  name = 'EffectBatches1763770000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE claims.effect_batches (batch_key text PRIMARY KEY, claim_id uuid NOT NULL REFERENCES claims.claims(id), recorded_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE claims.effect_batches`);
  }
}
