import { randomUUID } from 'node:crypto';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { HealthInformationReadData, StaffCoverRecordedData, TOPICS } from '@wc/contracts';
import { enqueue, newEnvelope } from '@wc/messaging';
import { StaffUser, pageOf, recordCover, staffingOf } from '@wc/service-kit';
import { SCHEMA } from '../config';
import type { CoverView, HealthReadList, StaffingView } from './access.responses';

const SOURCE = 'wc-claims/claims';

/**
 * Who works on which claim (issue 14): the claims service is its system of record, and publishes
 * every change (claim.staffing-recorded, staff.cover-recorded) for the other services' copies.
 */
@Injectable()
export class StaffingService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Publishes the claim's staffing as it stands in this transaction (after an assignment or a reviewer's change). */
  async publish(m: EntityManager, claimId: string, by: string): Promise<StaffingView> {
    const staffing = await staffingOf(m, SCHEMA, claimId);
    const [claim]: { claim_number: string }[] = await m.query(`SELECT claim_number FROM claims.claims WHERE id = $1`, [claimId]);
    if (!staffing || !claim) throw new NotFoundException(`no claim ${claimId}`);
    const data = { claimId, claimNumber: claim.claim_number, caseManager: staffing.caseManager, teamLeader: staffing.teamLeader, reviewers: [...staffing.reviewers], by };
    await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'claim.staffing-recorded', source: SOURCE, subject: claimId, data }));
    return { claimId, caseManager: data.caseManager, teamLeader: data.teamLeader, reviewers: data.reviewers };
  }

  async view(claimId: string): Promise<StaffingView> {
    const s = await staffingOf(this.ds, SCHEMA, claimId);
    if (!s) throw new NotFoundException(`no claim ${claimId}`);
    return { claimId, caseManager: s.caseManager, teamLeader: s.teamLeader, reviewers: [...s.reviewers] };
  }

  /** A review of the claim is assigned to a reviewer: they may now see it (program 9, internal review). */
  async assignReviewer(claimId: string, reviewer: string, by: StaffUser): Promise<StaffingView> {
    return this.ds.transaction(async (m) => {
      const locked = await m.query(`SELECT id FROM claims.claims WHERE id = $1 FOR UPDATE`, [claimId]);
      if (!locked.length) throw new NotFoundException(`no claim ${claimId}`);
      await m.query(`INSERT INTO claims.claim_reviewers (claim_id, reviewer, assigned_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [claimId, reviewer, by.user]);
      return this.publish(m, claimId, by.user);
    });
  }

  async removeReviewer(claimId: string, reviewer: string, by: StaffUser): Promise<StaffingView> {
    return this.ds.transaction(async (m) => {
      const locked = await m.query(`SELECT id FROM claims.claims WHERE id = $1 FOR UPDATE`, [claimId]);
      if (!locked.length) throw new NotFoundException(`no claim ${claimId}`);
      // In a CTE: TypeORM answers a bare DELETE ... RETURNING with [rows, count], a SELECT with its rows.
      const removed: unknown[] = await m.query(`WITH d AS (DELETE FROM claims.claim_reviewers WHERE claim_id = $1 AND reviewer = $2 RETURNING reviewer) SELECT * FROM d`, [claimId, reviewer]);
      if (!removed.length) throw new NotFoundException(`${reviewer} reviews nothing on claim ${claimId}`);
      return this.publish(m, claimId, by.user);
    });
  }

  /** A case manager covers for another over whole Sydney days (leave), recorded by a team leader. */
  async recordCover(input: { caseManager: string; coveredBy: string; from: string; to: string; reason: string }, by: StaffUser): Promise<CoverView> {
    // Its dates in order and two different people: coverInputSchema (@wc/contracts) checked both.
    const cover: StaffCoverRecordedData = { coverId: randomUUID(), ...input, recordedBy: by.user, cancelled: false };
    await this.ds.transaction(async (m) => {
      await recordCover(m, SCHEMA, cover);
      await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'staff.cover-recorded', source: SOURCE, subject: cover.caseManager, data: cover }));
    });
    return cover;
  }

  async cancelCover(coverId: string, by: StaffUser): Promise<CoverView> {
    return this.ds.transaction(async (m) => {
      const rows: CoverRow[] = await m.query(`WITH u AS (UPDATE claims.staff_covers SET cancelled = true WHERE cover_id = $1 RETURNING *) SELECT * FROM u`, [coverId]);
      if (!rows.length) throw new NotFoundException(`no cover ${coverId}`);
      const cover = coverView(rows[0]);
      await enqueue(m, SCHEMA, TOPICS.claims, newEnvelope({ type: 'staff.cover-recorded', source: SOURCE, subject: cover.caseManager, data: { ...cover, recordedBy: by.user } }));
      return cover;
    });
  }

  /** Covers not over (today or later, Sydney), cancelled ones left out. */
  async currentCovers(): Promise<CoverView[]> {
    const rows: CoverRow[] = await this.ds.query(
      `SELECT * FROM claims.staff_covers WHERE NOT cancelled AND to_on >= (now() AT TIME ZONE 'Australia/Sydney')::date ORDER BY from_on, case_manager, covered_by`,
    );
    return rows.map(coverView);
  }

  /** The audit, newest first, a page at a time (`after`: the last id of the previous page). */
  async healthReads(filter: { claimId?: string; user?: string; from?: string; to?: string; after?: string; limit: number }): Promise<HealthReadList> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.claimId) add('claim_id = ?', filter.claimId);
    if (filter.user) add('"user" = ?', filter.user);
    // from/to are Sydney dates, both days included.
    if (filter.from) add(`at >= (?::date)::timestamp AT TIME ZONE 'Australia/Sydney'`, filter.from);
    if (filter.to) add(`at < ((?::date) + 1)::timestamp AT TIME ZONE 'Australia/Sydney'`, filter.to);
    if (filter.after) add('id < ?', filter.after);
    params.push(filter.limit + 1);
    const rows: { id: string; claim_id: string; user: string; role: string; basis: string; service: string; what: string; at: Date }[] = await this.ds.query(
      `SELECT id, claim_id, "user", role, basis, service, what, at FROM claims.health_reads ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    const { items, next } = pageOf(rows, filter.limit, (r) => String(r.id));
    return {
      reads: items.map((r) => ({ id: String(r.id), claimId: r.claim_id, user: r.user, role: r.role, basis: r.basis, service: r.service, what: r.what, at: r.at.toISOString() })),
      next,
    };
  }
}

/** A read of health information, kept for the privacy officer; `eventId` when another service reported it (kept once). */
export async function recordHealthRead(m: EntityManager, read: HealthInformationReadData, eventId: string | null = null): Promise<void> {
  await m.query(`INSERT INTO claims.health_reads (event_id, claim_id, "user", role, basis, service, what, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING`, [
    eventId,
    read.claimId,
    read.user,
    read.role,
    read.basis,
    read.service,
    read.what,
    read.at,
  ]);
}

type CoverRow = { cover_id: string; case_manager: string; covered_by: string; from_on: string; to_on: string; reason: string; recorded_by: string; cancelled: boolean };

function coverView(r: CoverRow): CoverView {
  return { coverId: r.cover_id, caseManager: r.case_manager, coveredBy: r.covered_by, from: r.from_on, to: r.to_on, reason: r.reason, recordedBy: r.recorded_by, cancelled: r.cancelled };
}
