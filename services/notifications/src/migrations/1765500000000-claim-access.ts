import { MigrationInterface, QueryRunner } from 'typeorm';
import { claimStaffingTableSql, staffCoversTableSql } from '@wc/service-kit';
import { schemaOf } from './1763790000000-initial';

/**
 * Per-claim access (issue 14): this service's copy of who works on each claim and of the covers
 * between case managers, kept from the claims service's events, from which it decides who may see
 * a claim's data (libs/service-kit/src/access).
 */
export class ClaimAccess1765500000000 implements MigrationInterface {
  name = 'ClaimAccess1765500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    for (const sql of [...claimStaffingTableSql(s), ...staffCoversTableSql(s)]) await q.query(sql);
    // The claims this service already knows, with the case manager and team leader it was told of.
    await q.query(`INSERT INTO "${s}".claim_staffing (claim_id, case_manager, team_leader) SELECT claim_id, case_manager, team_leader FROM "${s}".claims ON CONFLICT DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE "${s}".claim_staffing, "${s}".staff_covers`);
  }
}
