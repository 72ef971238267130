import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JsonLogger, withLogContext } from '@wc/service-kit';
import { LOGGER } from '../claims/claims.service';
import { TemporalGateway } from '../workflow/temporal.gateway';
import type { EffectsIncident } from '@wc/workflows/dist/claim/definitions';
import type { IncidentView } from './incidents.responses';

/** What a claim's workflow raises (workflows/src/claim/refused-effects.ts); the claim is the route's. */
export type RaisedIncident = Omit<EffectsIncident, 'claimId'>;

interface IncidentRow {
  id: string;
  claim_id: string;
  workflow_id: string;
  run_id: string;
  status: number;
  message: string;
  kinds: string[];
  since: Date;
  raised_at: Date;
  retried_at: Date | null;
  retried_by: string | null;
}

/**
 * Claim workflows waiting on effects this service refused (workflows/src/claim/refused-effects.ts):
 * raised once per refusal, listed for the operators, retried by one of them once the cause is fixed
 * (a credential, a claim restored, a limit), which tells the workflow to carry the batch out again.
 */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalGateway,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  async raise(claimId: string, i: RaisedIncident): Promise<{ recorded: boolean }> {
    return withLogContext({ claimId }, async () => {
      const rows: unknown[] = await this.ds.query(
        `INSERT INTO claims.incidents (id, key, claim_id, workflow_id, run_id, status, message, kinds, since)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (key) DO NOTHING RETURNING id`,
        [i.key, claimId, i.workflowId, i.runId, i.status, i.message, i.kinds, i.since],
      );
      if (rows.length) this.log.error('incident: a claim workflow waits on effects this service refused', { workflowId: i.workflowId, status: i.status, message: i.message, kinds: i.kinds });
      return { recorded: rows.length > 0 };
    });
  }

  async list(all: boolean, limit: number): Promise<IncidentView[]> {
    const rows: IncidentRow[] = await this.ds.query(`SELECT * FROM claims.incidents ${all ? '' : 'WHERE retried_at IS NULL'} ORDER BY raised_at DESC LIMIT $1`, [limit]);
    return rows.map(view);
  }

  async openCount(): Promise<number> {
    return (await this.ds.query(`SELECT count(*)::int AS n FROM claims.incidents WHERE retried_at IS NULL`))[0].n;
  }

  /** Signals the workflow to carry the refused batch out again; a refusal again raises a new incident. */
  async retry(id: string, by: string): Promise<IncidentView> {
    const rows: IncidentRow[] = await this.ds.query(`SELECT * FROM claims.incidents WHERE id = $1`, [id]);
    const row = rows[0];
    if (!row) throw new NotFoundException(`no incident ${id}`);
    return withLogContext({ claimId: row.claim_id }, async () => {
      if (row.retried_at) throw new ConflictException(`incident ${id} was retried by ${row.retried_by} at ${row.retried_at.toISOString()}`);
      // Signalled first: if Temporal is unreachable nothing is marked, and the operator tries again.
      await this.temporal.retryEffects(row.workflow_id);
      // TypeORM answers UPDATE … RETURNING with [rows, count].
      const [updated]: [IncidentRow[], number] = await this.ds.query(`UPDATE claims.incidents SET retried_at = now(), retried_by = $2 WHERE id = $1 AND retried_at IS NULL RETURNING *`, [id, by]);
      this.log.info('incident retried: the workflow carries the refused effects out again', { incidentId: id, workflowId: row.workflow_id, by });
      return view(updated[0] ?? row);
    });
  }
}

const view = (r: IncidentRow): IncidentView => ({
  id: r.id,
  claimId: r.claim_id,
  workflowId: r.workflow_id,
  runId: r.run_id,
  status: r.status,
  message: r.message,
  kinds: r.kinds,
  since: r.since.toISOString(),
  raisedAt: r.raised_at.toISOString(),
  retriedAt: r.retried_at?.toISOString() ?? null,
  retriedBy: r.retried_by,
});
