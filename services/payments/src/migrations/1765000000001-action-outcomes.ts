import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the claim decided with an action (docs/rules.md §8.3: when payments stop after a discontinuance), kept beside it. */
export class ActionOutcomes1765000000001 implements MigrationInterface {
  name = 'ActionOutcomes1765000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments.claim_actions ADD COLUMN outcome jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE payments.claim_actions DROP COLUMN outcome`);
  }
}
