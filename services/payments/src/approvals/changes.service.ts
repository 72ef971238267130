import { randomUUID } from 'node:crypto';
import { ConflictException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { JsonLogger, StaffUser, visibleClaimsCondition, withLogContext } from '@wc/service-kit';
import { LOGGER, SCHEMA } from '../config';
import type { PendingChange } from './changes.responses';
import { ChangeKind, mayApprove } from './dual-control';

type Row = {
  id: string;
  kind: ChangeKind;
  subject: string;
  claim_id: string | null;
  change: Record<string, unknown>;
  reason: string;
  status: PendingChange['status'];
  proposed_by: string;
  proposed_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
  result: Record<string, unknown> | null;
};

const view = (r: Row): PendingChange => ({
  changeId: r.id,
  kind: r.kind,
  subject: r.subject,
  claimId: r.claim_id,
  change: r.change,
  reason: r.reason,
  status: r.status,
  proposedBy: r.proposed_by,
  proposedAt: r.proposed_at.toISOString(),
  decidedBy: r.decided_by,
  decidedAt: r.decided_at?.toISOString() ?? null,
  note: r.note,
  result: r.result,
});

/**
 * Applies an approved change, in the approval's transaction (the payee service, the authority
 * service): `result` is kept with the change (the remediation it started), `afterCommit` runs once the
 * approval has committed (paying what waited for the account, starting the remediation).
 */
export type ApplyChange = (m: EntityManager, change: PendingChange, approvedBy: StaffUser) => Promise<{ result?: Record<string, unknown>; afterCommit?: () => Promise<unknown> } | void>;

/**
 * Changes held for a second person (issue 14): proposed, then approved (and applied in the same
 * transaction) or rejected by someone else. A newer proposal for the same thing supersedes the one
 * waiting, so what is approved is always the latest.
 */
@Injectable()
export class ChangesService {
  private readonly appliers = new Map<ChangeKind, ApplyChange>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(LOGGER) private readonly log: JsonLogger,
  ) {}

  /** Each kind's owner says how its change is applied (kept out of this module's dependencies). */
  register(kind: ChangeKind, apply: ApplyChange): void {
    this.appliers.set(kind, apply);
  }

  async propose(p: { kind: ChangeKind; subject: string; claimId: string | null; change: Record<string, unknown>; reason: string }, by: StaffUser): Promise<PendingChange> {
    return this.ds.transaction(async (m) => {
      await m.query(`UPDATE payments.pending_changes SET status = 'superseded', decided_at = now(), note = $3 WHERE kind = $1 AND subject = $2 AND status = 'pending'`, [
        p.kind,
        p.subject,
        `superseded by a later proposal of ${by.user}`,
      ]);
      const id = randomUUID();
      const [row]: Row[] = await m.query(`INSERT INTO payments.pending_changes (id, kind, subject, claim_id, change, reason, proposed_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`, [
        id,
        p.kind,
        p.subject,
        p.claimId,
        JSON.stringify(p.change),
        p.reason,
        by.user,
      ]);
      withLogContext({ claimId: p.claimId ?? undefined }, () => this.log.info('change proposed, waiting for a second person', { changeId: id, kind: p.kind, subject: p.subject, by: by.user }));
      return view(row);
    });
  }

  /** Pending (or all) changes the person may see: payee changes of the claims they may see, limits for administrators. */
  async list(by: StaffUser, all: boolean): Promise<PendingChange[]> {
    const visible = visibleClaimsCondition(by, 'payments', SCHEMA, 'claim_id', 2);
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM payments.pending_changes
        WHERE ($1 OR status = 'pending') AND ((kind = 'payee' AND (${visible.sql})) OR (kind = 'authority-limit' AND ${by.role === 'admin' ? 'true' : 'false'})
               OR (kind = 'rate-tables' AND ${by.role === 'admin' || by.role === 'team-leader' ? 'true' : 'false'}))
        ORDER BY proposed_at LIMIT 500`,
      [all, ...visible.params],
    );
    return rows.map(view);
  }

  async decide(id: string, by: StaffUser, decision: 'approved' | 'rejected', note: string | undefined): Promise<PendingChange> {
    // Set inside the transaction, run after it committed (TypeScript cannot follow a let through the callback).
    const after: { run?: () => Promise<unknown> } = {};
    const decided = await this.ds.transaction(async (m) => {
      const rows: Row[] = await m.query(`SELECT * FROM payments.pending_changes WHERE id = $1 FOR UPDATE`, [id]);
      if (!rows.length) throw new NotFoundException(`no change ${id}`);
      const change = view(rows[0]);
      if (change.status !== 'pending') throw new ConflictException(`change ${id} is ${change.status}${change.decidedBy ? ` (by ${change.decidedBy})` : ''}, not waiting for a decision`);
      const refused = mayApprove(change, by);
      if (refused) throw new ForbiddenException(refused);
      const [row]: Row[] = await m.query(`WITH u AS (UPDATE payments.pending_changes SET status = $2, decided_by = $3, decided_at = now(), note = $4 WHERE id = $1 RETURNING *) SELECT * FROM u`, [
        id,
        decision,
        by.user,
        note ?? null,
      ]);
      if (decision === 'approved') {
        const apply = this.appliers.get(change.kind);
        if (!apply) throw new Error(`no way to apply a ${change.kind} change`);
        const applied: { result?: Record<string, unknown>; afterCommit?: () => Promise<unknown> } = (await apply(m, change, by)) ?? {};
        after.run = applied.afterCommit;
        if (applied.result) {
          await m.query(`UPDATE payments.pending_changes SET result = $2 WHERE id = $1`, [id, JSON.stringify(applied.result)]);
          row.result = applied.result;
        }
      }
      withLogContext({ claimId: change.claimId ?? undefined }, () =>
        this.log.info(`change ${decision}`, { changeId: id, kind: change.kind, subject: change.subject, proposedBy: change.proposedBy, by: by.user }),
      );
      return view(row);
    });
    if (after.run) await after.run();
    return decided;
  }
}
