import { Controller, ForbiddenException, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { nonEmpty } from '@wc/contracts';
import { Roles, StaffUser, ZodQuery, ZodResponse, parseOr400 } from '@wc/service-kit';
import { sydneyAt } from '@wc/rules';
import { escalationQueueSchema, teamSchema, workQueueSchema } from './queues.responses';

const forSchema = z.object({ for: nonEmpty.optional().meta({ description: "whose queue, when not the caller's own: for their team leader or an administrator" }) }).strict();

/** Another person's queue is for their team leader (or an admin) to look at. */
export function whose(staff: StaffUser, requested: string | undefined): string {
  if (!requested || requested === staff.user) return staff.user;
  if (staff.role === 'team-leader' || staff.role === 'admin') return requested;
  throw new ForbiddenException(`role ${staff.role} may only see its own queue`);
}

@ApiTags('queues')
@ApiBearerAuth()
@Controller()
export class QueuesController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get('work-queue')
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: "A case manager's open obligations, by due date (?for=user: a team leader looking at a member's queue)" })
  @ZodQuery(forSchema)
  @ZodResponse(200, workQueueSchema, 'the open obligations of the claims the case manager handles')
  async workQueue(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const user = whose(req.staff, parseOr400(forSchema, query, 'query').for);
    const rows = await this.ds.query(
      `SELECT o.claim_id, c.claim_number, o.obligation_id, o.type, o.ref, o.opened_on, o.due_on, o.reminded_on, o.escalated_on, o.rule, o.source
         FROM claims.obligations o JOIN claims.claims c ON c.id = o.claim_id
        WHERE c.case_manager = $1 AND o.completed_on IS NULL AND o.cancelled_on IS NULL
        ORDER BY o.due_on, c.claim_number, o.type`,
      [user],
    );
    // remindedOn: the 09:00 reminder one business day before the due date (docs/rules.md §4).
    return { caseManager: user, items: rows.map((r: Record<string, unknown>) => ({ ...toItem(r), remindedOn: fmt(r.reminded_on) })) };
  }

  @Get('team')
  @Roles('team-leader', 'admin')
  @ApiOperation({
    summary:
      "A team leader's team: the case managers of the claims they lead, each with their open claims, obligations overdue and due today (Sydney) and escalations not yet resolved (?for=user: another team leader's)",
  })
  @ZodQuery(forSchema)
  @ZodResponse(200, teamSchema, 'the case managers of the claims the team leader leads, by user name')
  async team(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const teamLeader = whose(req.staff, parseOr400(forSchema, query, 'query').for);
    // Today on Sydney's calendar, as My work counts overdue and due today (the obligations' due dates are Sydney dates).
    const today = sydneyAt(Date.now()).date;
    const rows: { case_manager: string; open_claims: number; overdue: number; due_today: number; escalations: number }[] = await this.ds.query(
      `WITH led AS (
         SELECT c.id, c.case_manager, EXISTS (SELECT 1 FROM claims.claim_actions a WHERE a.claim_id = c.id AND a.type = 'claim.finalised') AS finalised
           FROM claims.claims c WHERE c.team_leader = $1 AND c.case_manager IS NOT NULL)
       SELECT l.case_manager,
              count(*) FILTER (WHERE NOT l.finalised)::int AS open_claims,
              COALESCE(sum(o.overdue), 0)::int AS overdue,
              COALESCE(sum(o.due_today), 0)::int AS due_today,
              COALESCE(sum(e.n), 0)::int AS escalations
         FROM led l
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE due_on < $2::date) AS overdue, count(*) FILTER (WHERE due_on = $2::date) AS due_today
             FROM claims.obligations WHERE claim_id = l.id AND completed_on IS NULL AND cancelled_on IS NULL) o ON true
         LEFT JOIN LATERAL (
           SELECT count(*) AS n FROM claims.escalation_tasks t WHERE t.claim_id = l.id AND t.team_leader = $1 AND t.resolved_on IS NULL) e ON true
        GROUP BY l.case_manager
        ORDER BY l.case_manager`,
      [teamLeader, today],
    );
    return {
      teamLeader,
      today,
      members: rows.map((r) => ({ caseManager: r.case_manager, openClaims: r.open_claims, overdue: r.overdue, dueToday: r.due_today, escalations: r.escalations })),
    };
  }

  @Get('escalations')
  @Roles('team-leader')
  @ApiOperation({ summary: "A team leader's escalation queue: obligations escalated at 09:00 on their due day, and those reported again as overdue" })
  @ZodQuery(forSchema)
  @ZodResponse(200, escalationQueueSchema, "the team leader's escalation tasks not yet resolved")
  async escalations(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const user = whose(req.staff, parseOr400(forSchema, query, 'query').for);
    const rows = await this.ds.query(
      `SELECT t.id AS task_id, t."on" AS escalated_on, t.overdue_on, t.team_leader, t.claim_id, c.claim_number, c.case_manager,
              o.obligation_id, o.type, o.ref, o.opened_on, o.due_on, o.rule, o.source
         FROM claims.escalation_tasks t
         JOIN claims.claims c ON c.id = t.claim_id
         JOIN claims.obligations o ON o.claim_id = t.claim_id AND o.obligation_id = t.obligation_id
        WHERE (t.team_leader = $1 OR t.team_leader IS NULL) AND t.resolved_on IS NULL
        ORDER BY t."on", o.due_on, c.claim_number`,
      [user],
    );
    return {
      teamLeader: user,
      // Escalations of claims nobody leads yet are shown to every team leader, marked unassigned.
      items: rows.map((r: Record<string, unknown>) => ({
        taskId: r.task_id,
        ...toItem(r),
        escalatedOn: fmt(r.escalated_on),
        overdueOn: fmt(r.overdue_on),
        caseManager: r.case_manager,
        assigned: r.team_leader !== null,
      })),
    };
  }
}

function fmt(d: unknown): string | null {
  if (d === null || d === undefined) return null;
  return typeof d === 'string' ? d : (d as Date).toISOString().slice(0, 10);
}

function toItem(r: Record<string, unknown>) {
  return {
    claimId: r.claim_id,
    claimNumber: r.claim_number,
    obligationId: r.obligation_id,
    type: r.type,
    ...(r.ref ? { ref: r.ref } : {}),
    openedOn: fmt(r.opened_on),
    dueOn: fmt(r.due_on),
    escalatedOn: fmt(r.escalated_on),
    rule: r.rule,
    source: r.source,
  };
}
