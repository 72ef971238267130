import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { Roles, StaffUser, ZodQuery, ZodResponse, badRequest, pageOf, parseOr400, visibleClaimsCondition } from '@wc/service-kit';
import { CLAIMS_CONFIG, ClaimsConfig } from '../config';
import { BackdatedActionList, backdatedActionListSchema } from './actions.responses';

const filterSchema = z
  .object({
    claimId: z.guid().optional(),
    from: localDate.optional().meta({ description: 'recorded on or after this Sydney day' }),
    to: localDate.optional().meta({ description: 'recorded on or before this Sydney day' }),
    beyondWindow: z.enum(['true', 'false']).optional().meta({ description: 'only those dated further back than the window (ACTION_BACKDATING_DAYS), each with its reason' }),
    limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(100),
    before: z.guid("must be the id of an action (the previous page's `next`)").optional(),
  })
  .strict();

/**
 * The audit of backdated actions (issue 14: the backdating window is bounded and audited): for a team
 * leader, each action on their team's claims that was dated before the day it was recorded, how many
 * days back, by whom, and the reason given beyond the window. What was recorded is not shown: the
 * claim's own page shows that to whoever may read it.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class BackdatingController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig,
  ) {}

  @Get('backdated-actions')
  @Roles('team-leader')
  @ApiOperation({ summary: "Actions dated before the day they were recorded, on the reader's claims; newest first, a page at a time (?before= the previous page's next)" })
  @ZodQuery(filterSchema)
  @ZodResponse(200, backdatedActionListSchema, 'the backdated actions')
  async list(@Query() query: unknown, @Req() req: { staff: StaffUser }): Promise<BackdatedActionList> {
    const f = parseOr400(filterSchema, query, 'query');
    if (f.from && f.to && f.to < f.from) throw badRequest('to', 'must not be before from', 'query');
    const params: unknown[] = [];
    const where: string[] = [];
    const add = (sql: (p: string) => string, v: unknown) => {
      params.push(v);
      where.push(sql(`$${params.length}`));
    };
    // Days back: kept since migration 1765900000000; for older actions, from `at` and the day recorded.
    const days = `COALESCE(a.backdated_days, GREATEST(0, (a.recorded_at AT TIME ZONE 'Australia/Sydney')::date - substr(a.event->>'at', 1, 10)::date))`;
    where.push(`${days} > 0`);
    const visible = visibleClaimsCondition(req.staff, 'health', 'claims', 'a.claim_id', params.length + 1);
    params.push(...visible.params);
    where.push(visible.sql);
    if (f.claimId) add((p) => `a.claim_id = ${p}`, f.claimId);
    if (f.from) add((p) => `(a.recorded_at AT TIME ZONE 'Australia/Sydney')::date >= ${p}::date`, f.from);
    if (f.to) add((p) => `(a.recorded_at AT TIME ZONE 'Australia/Sydney')::date <= ${p}::date`, f.to);
    if (f.beyondWindow === 'true') add((p) => `${days} > ${p}`, this.config.ACTION_BACKDATING_DAYS);
    if (f.before) {
      if ((await this.ds.query(`SELECT 1 FROM claims.claim_actions WHERE id = $1`, [f.before])).length === 0) throw badRequest('before', `is no action (${f.before})`, 'query');
      add((p) => `(a.recorded_at, a.id) < (SELECT recorded_at, id FROM claims.claim_actions WHERE id = ${p})`, f.before);
    }
    params.push(f.limit + 1);
    const rows: Array<{ id: string; claim_id: string; claim_number: string; type: string; at: string; recorded_at: Date; days: number; by_user: string; role: string; reason: string | null }> =
      await this.ds.query(
        `SELECT a.id, a.claim_id, c.claim_number, a.type, a.event->>'at' AS at, a.recorded_at, ${days} AS days, a.by_user, a.role, a.backdating_reason AS reason
           FROM claims.claim_actions a JOIN claims.claims c ON c.id = a.claim_id
          WHERE ${where.join(' AND ')}
          ORDER BY a.recorded_at DESC, a.id DESC LIMIT $${params.length}`,
        params,
      );
    const { items, next } = pageOf(rows, f.limit, (r) => r.id);
    return {
      windowDays: this.config.ACTION_BACKDATING_DAYS,
      next,
      actions: items.map((r) => ({
        actionId: r.id,
        claimId: r.claim_id,
        claimNumber: r.claim_number,
        type: r.type,
        at: r.at,
        recordedAt: r.recorded_at.toISOString(),
        daysBack: r.days,
        by: { user: r.by_user, role: r.role },
        reason: r.reason,
      })),
    };
  }
}
