import type { ClaimStaffingRecordedData, Envelope, StaffCoverRecordedData } from '@wc/contracts';
import { isEvent } from '@wc/messaging';
import type { StaffUser } from '../auth';
import { ClaimData, ClaimStaffing, seesAllClaims } from './policy';

/** Runs SQL: a DataSource or an EntityManager. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const q = (schema: string) => `"${schema.replace(/"/g, '""')}"`;

/** Today in Sydney, as PostgreSQL computes it: a cover runs over whole Sydney days. */
const SYDNEY_TODAY = `(now() AT TIME ZONE 'Australia/Sydney')::date`;

/**
 * Covers (leave): who covers for whom, over which Sydney days. The claims service records them
 * (POST /covers) and publishes each as staff.cover-recorded; every service keeps this table.
 */
export function staffCoversTableSql(schema: string): string[] {
  return [
    `CREATE TABLE ${q(schema)}.staff_covers (
  cover_id uuid PRIMARY KEY,
  case_manager text NOT NULL,
  covered_by text NOT NULL,
  from_on date NOT NULL,
  to_on date NOT NULL CHECK (to_on >= from_on),
  reason text NOT NULL,
  recorded_by text NOT NULL,
  cancelled boolean NOT NULL DEFAULT false
)`,
    `CREATE INDEX staff_covers_covered_by ON ${q(schema)}.staff_covers (covered_by, to_on)`,
  ];
}

/**
 * Who works on each claim, as the claims service announced it (claim.notified's assignment, then
 * claim.staffing-recorded): the services other than claims keep this copy. The claims service
 * has a view of the same name over its own tables, so one reader serves all four.
 */
export function claimStaffingTableSql(schema: string): string[] {
  return [
    `CREATE TABLE ${q(schema)}.claim_staffing (
  claim_id uuid PRIMARY KEY,
  case_manager text,
  team_leader text,
  reviewers text[] NOT NULL DEFAULT '{}'
)`,
    `CREATE INDEX claim_staffing_case_manager ON ${q(schema)}.claim_staffing (case_manager)`,
    `CREATE INDEX claim_staffing_team_leader ON ${q(schema)}.claim_staffing (team_leader)`,
  ];
}

/** claim.notified: the claim's first staffing. A later staffing event (same partition, so later) wins. */
export async function recordFirstStaffing(m: Queryable, schema: string, d: { claimId: string; assignment?: { caseManager: string | null; teamLeader: string | null } }): Promise<void> {
  await m.query(`INSERT INTO ${q(schema)}.claim_staffing (claim_id, case_manager, team_leader) VALUES ($1, $2, $3) ON CONFLICT (claim_id) DO NOTHING`, [
    d.claimId,
    d.assignment?.caseManager ?? null,
    d.assignment?.teamLeader ?? null,
  ]);
}

/** claim.staffing-recorded: the whole of the claim's staffing, as it now is. */
export async function recordStaffing(m: Queryable, schema: string, d: ClaimStaffingRecordedData): Promise<void> {
  await m.query(
    `INSERT INTO ${q(schema)}.claim_staffing (claim_id, case_manager, team_leader, reviewers) VALUES ($1, $2, $3, $4)
     ON CONFLICT (claim_id) DO UPDATE SET case_manager = EXCLUDED.case_manager, team_leader = EXCLUDED.team_leader, reviewers = EXCLUDED.reviewers`,
    [d.claimId, d.caseManager, d.teamLeader, d.reviewers],
  );
}

/** staff.cover-recorded: a cover, or its cancellation. */
export async function recordCover(m: Queryable, schema: string, d: StaffCoverRecordedData): Promise<void> {
  await m.query(
    `INSERT INTO ${q(schema)}.staff_covers (cover_id, case_manager, covered_by, from_on, to_on, reason, recorded_by, cancelled) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (cover_id) DO UPDATE SET cancelled = EXCLUDED.cancelled`,
    [d.coverId, d.caseManager, d.coveredBy, d.from, d.to, d.reason, d.recordedBy, d.cancelled],
  );
}

/**
 * A consumer of the claims topic keeps this service's copy of who works on which claim: call it
 * with every event, in the handler's transaction (claim.notified goes on to the caller's own use).
 */
export async function keepStaffing(m: Queryable, schema: string, event: Envelope<unknown>): Promise<void> {
  if (isEvent(event, 'claim.notified')) await recordFirstStaffing(m, schema, event.data);
  else if (isEvent(event, 'claim.staffing-recorded')) await recordStaffing(m, schema, event.data);
  else if (isEvent(event, 'staff.cover-recorded')) await recordCover(m, schema, event.data);
}

/** Who works on one claim today; null when this service has not heard of the claim. */
export async function staffingOf(m: Queryable, schema: string, claimId: string): Promise<ClaimStaffing | null> {
  const rows: { case_manager: string | null; team_leader: string | null; reviewers: string[]; covering: string[] }[] = await m.query(
    `SELECT s.case_manager, s.team_leader, s.reviewers,
            coalesce((SELECT array_agg(DISTINCT c.covered_by) FROM ${q(schema)}.staff_covers c
                       WHERE c.case_manager = s.case_manager AND NOT c.cancelled AND ${SYDNEY_TODAY} BETWEEN c.from_on AND c.to_on), '{}') AS covering
       FROM ${q(schema)}.claim_staffing s WHERE s.claim_id = $1`,
    [claimId],
  );
  if (!rows.length) return null;
  const r = rows[0];
  return { caseManager: r.case_manager, teamLeader: r.team_leader, reviewers: r.reviewers, coveringCaseManagers: r.covering };
}

/** Whether `user` covers for `caseManager` today (a recorded cover, not cancelled): they may work that person's queue. */
export async function coversFor(m: Queryable, schema: string, user: string, caseManager: string): Promise<boolean> {
  const rows: unknown[] = await m.query(`SELECT 1 FROM ${q(schema)}.staff_covers WHERE covered_by = $1 AND case_manager = $2 AND NOT cancelled AND ${SYDNEY_TODAY} BETWEEN from_on AND to_on LIMIT 1`, [
    user,
    caseManager,
  ]);
  return rows.length > 0;
}

/**
 * The condition a list's SQL adds so that it shows only the claims its reader may see (issue 14:
 * "lists are filtered, never leaking counts"): `column` is the list's claim id column, `param` the
 * number of the next query parameter. The same rule as decideClaimAccess, written as SQL.
 */
export function visibleClaimsCondition(who: StaffUser, data: ClaimData, schema: string, column: string, param: number): { sql: string; params: unknown[] } {
  const all = seesAllClaims(who, data);
  if (all === true) return { sql: 'true', params: [] };
  if (all === 'none') return { sql: 'false', params: [] };
  const s = q(schema);
  const p = `$${param}`;
  const byRole: Record<string, string> = {
    'case-manager': `s.case_manager = ${p} OR EXISTS (SELECT 1 FROM ${s}.staff_covers c WHERE c.case_manager = s.case_manager AND c.covered_by = ${p} AND NOT c.cancelled AND ${SYDNEY_TODAY} BETWEEN c.from_on AND c.to_on)`,
    'team-leader': `s.team_leader = ${p} OR s.team_leader IS NULL`,
    reviewer: `${p} = ANY (s.reviewers)`,
  };
  const condition = byRole[who.role];
  if (!condition) return { sql: 'false', params: [] };
  return { sql: `${column} IN (SELECT s.claim_id FROM ${s}.claim_staffing s WHERE ${condition})`, params: [who.user] };
}
