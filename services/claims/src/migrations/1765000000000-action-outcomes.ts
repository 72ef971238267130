import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the claim decided with an action (docs/rules.md §8: a discontinuance's dates, a request's ref),
 * kept with it; and what a notice states that the platform decided (when a decision takes effect).
 */
export class ActionOutcomes1765000000000 implements MigrationInterface {
  name = 'ActionOutcomes1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.claim_actions ADD COLUMN outcome jsonb`);
    await q.query(`ALTER TABLE claims.notices ADD COLUMN facts jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims.notices DROP COLUMN facts`);
    await q.query(`ALTER TABLE claims.claim_actions DROP COLUMN outcome`);
  }
}
