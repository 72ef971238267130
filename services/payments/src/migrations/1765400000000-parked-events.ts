import { MigrationInterface, QueryRunner } from 'typeorm';
import { dropParkedEventsTableSql, parkedEventsTableSql } from '@wc/messaging';

/**
 * Kafka messages this service's consumers could not handle (malformed, or failing every attempt),
 * kept to be replayed instead of blocking their partition or being lost (issue 14).
 */
export class ParkedEvents1765400000000 implements MigrationInterface {
  name = 'ParkedEvents1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of parkedEventsTableSql('payments')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropParkedEventsTableSql('payments')) await q.query(sql);
  }
}
