import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Notification } from '@wc/contracts';
import { StaffUser, badRequest, pageOf, visibleClaimsCondition } from '@wc/service-kit';
import type { ClaimList, ClaimListItem } from './claim-search.responses';

export interface ClaimSearch {
  /** Part of a claim number (from its start), of the worker's name or of the employer's name. */
  q?: string;
  limit: number;
  /** The last claim of the previous page. */
  before?: string;
}

/** LIKE's own characters taken literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Claim search and list (issue 13): the claims the reader may see (issue 14: filtered in SQL before
 * LIMIT, so nothing shows of the others), newest first, a page at a time.
 */
@Injectable()
export class ClaimSearchService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async search(s: ClaimSearch, who: StaffUser): Promise<ClaimList> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const visible = visibleClaimsCondition(who, 'health', 'claims', 'c.id', params.length + 1);
    params.push(...visible.params);
    where.push(visible.sql);
    if (s.before) {
      const known = await this.ds.query(`SELECT 1 FROM claims.claims WHERE id = $1`, [s.before]);
      if (known.length === 0) throw badRequest('before', `is no claim (${s.before})`, 'query');
      const p = param(s.before);
      where.push(`(c.created_at, c.id) < (SELECT created_at, id FROM claims.claims WHERE id = ${p})`);
    }
    if (s.q) {
      const start = param(`${literal(s.q)}%`);
      const within = param(`%${literal(s.q)}%`);
      where.push(`(c.claim_number ILIKE ${start}
        OR (c.notification->'worker'->>'givenName') || ' ' || (c.notification->'worker'->>'familyName') ILIKE ${within}
        OR (c.notification->'worker'->>'familyName') || ' ' || (c.notification->'worker'->>'givenName') ILIKE ${within}
        OR c.notification->'employer'->>'name' ILIKE ${within})`);
    }
    const limit = param(s.limit + 1);
    const rows: Array<{
      id: string;
      claim_number: string;
      notification: Notification;
      date_of_injury: string;
      notification_date: string;
      classification: ClaimListItem['classification'];
      liability: string | null;
      finalised: boolean;
      case_manager: string | null;
      team_leader: string | null;
    }> = await this.ds.query(
      `SELECT c.id, c.claim_number, c.notification, c.date_of_injury::text AS date_of_injury, c.notification_date::text AS notification_date, c.classification,
              c.case_manager, c.team_leader,
              (SELECT a.type FROM claims.claim_actions a WHERE a.claim_id = c.id AND a.type LIKE 'liability.%' ORDER BY a.recorded_at DESC LIMIT 1) AS liability,
              EXISTS (SELECT 1 FROM claims.claim_actions a WHERE a.claim_id = c.id AND a.type = 'claim.finalised') AS finalised
         FROM claims.claims c
        WHERE ${where.join(' AND ')}
        ORDER BY c.created_at DESC, c.id DESC LIMIT ${limit}`,
      params,
    );
    const { items, next } = pageOf(rows, s.limit, (r) => r.id);
    return {
      claims: items.map((r) => ({
        id: r.id,
        claimNumber: r.claim_number,
        worker: {
          givenName: r.notification.worker.givenName,
          familyName: r.notification.worker.familyName,
          ...(r.notification.worker.nameOrder ? { nameOrder: r.notification.worker.nameOrder } : {}),
        },
        employer: r.notification.employer.name,
        dateOfInjury: r.date_of_injury,
        notificationDate: r.notification_date,
        classification: r.classification,
        liability: r.liability ? (r.liability.slice('liability.'.length) as ClaimListItem['liability']) : null,
        status: r.finalised ? 'finalised' : 'open',
        caseManager: r.case_manager,
        teamLeader: r.team_leader,
      })),
      next,
    };
  }
}
