import { MigrationInterface, QueryRunner } from 'typeorm';
import { claimStaffingTableSql, staffCoversTableSql } from '@wc/service-kit';

/**
 * Per-claim access (issue 14): this service's copy of who works on each claim and of the covers
 * between case managers, kept from the claims service's events, from which it decides who may see
 * a claim's data (libs/service-kit/src/access).
 */
export class ClaimAccess1765500000000 implements MigrationInterface {
  name = 'ClaimAccess1765500000000';

  async up(q: QueryRunner): Promise<void> {
    const s = 'payments';
    for (const sql of [...claimStaffingTableSql(s), ...staffCoversTableSql(s)]) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = 'payments';
    await q.query(`DROP TABLE "${s}".claim_staffing, "${s}".staff_covers`);
  }
}
