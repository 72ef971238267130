import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/**
 * What the platform decided that a notice states (notice.requested's `facts`, docs/rules.md §8): a
 * treatment request and its outcome, the dates of an s48A warning or suspension, when a
 * discontinuance takes effect after the s80 notice period, when s39 weekly payments and s59A
 * treatment stop. Kept with the notice so every copy prints the same decision, a person cannot write
 * over it, and a provider recorded later is matched against the provider the request named. `ref`
 * says which request or instance the notice is about (several treatment requests can be open).
 */
export class NoticeDecided1763880000000 implements MigrationInterface {
  name = 'NoticeDecided1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.notice_requests ADD COLUMN decided jsonb, ADD COLUMN ref text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ${schemaOf(q)}.notice_requests DROP COLUMN ref, DROP COLUMN decided`);
  }
}
