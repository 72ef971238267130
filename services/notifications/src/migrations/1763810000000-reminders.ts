import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from './1763790000000-initial';

/** Case managers' reminders, one business day before an obligation is due (docs/rules.md §4). */
export class Reminders1763810000000 implements MigrationInterface {
  name = 'Reminders1763810000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`CREATE TABLE ${s}.case_manager_reminders (
      event_id uuid PRIMARY KEY,
      claim_id uuid NOT NULL,
      claim_number text NOT NULL,
      obligation_id text NOT NULL,
      obligation_type text NOT NULL,
      due_on date NOT NULL,
      "on" date NOT NULL,
      case_manager text,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX case_manager_reminders_who ON ${s}.case_manager_reminders (case_manager, "on")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ${schemaOf(q)}.case_manager_reminders`);
  }
}
