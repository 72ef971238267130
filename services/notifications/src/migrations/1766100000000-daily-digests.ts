import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/**
 * One scheduled digest per team leader per day (issue 15): the day a digest of the daily schedule
 * was for, unique with its team leader, so a retried or repeated scheduled digest finds the day's
 * already sent. A digest a team leader asks for (POST /notifications/digests) has no day.
 */
export class DailyDigests1766100000000 implements MigrationInterface {
  name = 'DailyDigests1766100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}".digests ADD COLUMN day date`);
    await q.query(`CREATE UNIQUE INDEX digests_one_a_day ON "${s}".digests (team_leader, day) WHERE day IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP INDEX "${s}".digests_one_a_day`);
    await q.query(`ALTER TABLE "${s}".digests DROP COLUMN day`);
  }
}
