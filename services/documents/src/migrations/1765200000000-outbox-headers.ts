import { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxHeadersSql } from '@wc/messaging';
import { schemaOf } from './1763780000000-initial';

/**
 * Each outbox row keeps the trace context and baggage (request id) of the transaction that wrote
 * it, published as the event's Kafka headers (issue 18: traces across Kafka).
 */
export class OutboxHeaders1765200000000 implements MigrationInterface {
  name = 'OutboxHeaders1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of outboxHeadersSql(schemaOf(q))) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.outbox DROP COLUMN headers`);
  }
}
