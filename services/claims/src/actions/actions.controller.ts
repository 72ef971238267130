import { Body, ConflictException, Controller, ForbiddenException, Get, Headers, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { claimEventSchema, localDate, nonEmpty } from '@wc/contracts';
import { addDays, parseEventTime, sydneyAt, sydneyInstant } from '@wc/rules';
import { ClaimAccess, ClaimScoped, Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, addLogContext, badRequest, parseOr400 } from '@wc/service-kit';
import { ClaimEntity } from '../claims/claim.entity';
import { TemporalGateway, WorkflowNotStartedError } from '../workflow/temporal.gateway';
import { ActionsService } from './actions.service';
import { BACKDATING_REASON_HEADER, backdatingRefusal } from './backdating';
import { CLAIMS_CONFIG, ClaimsConfig } from '../config';
import { AppliedAction, AssignmentView, ClaimTimeline, appliedActionSchema, assignmentViewSchema, claimTimelineSchema } from './actions.responses';
import { requestHash } from '../http/request-hash';
import { PartiesService } from '../parties/parties.service';
import { StaffingService } from '../access/staffing.service';

/** `at` may be left out: the action happened now. A future `at` is refused (time only runs forward). */
function withTime(body: unknown): unknown {
  if (body && typeof body === 'object' && !Array.isArray(body) && !('at' in body)) return { ...body, at: new Date().toISOString() };
  return body;
}

const assignmentSchema = z.object({ caseManager: nonEmpty, teamLeader: nonEmpty }).strict();
const untilSchema = z.object({ until: localDate.optional().meta({ description: 'the timeline as at the end of this day (default today, Sydney); at most ten years ahead' }) }).strict();

/** Not yet started is a state the caller can wait out, not a server fault. */
function notStartedAs409(e: unknown): never {
  if (e instanceof WorkflowNotStartedError) throw new ConflictException(e.message);
  throw e;
}

@ApiTags('claim actions')
@ApiBearerAuth()
@Controller('claims/:id')
export class ActionsController {
  constructor(
    private readonly actions: ActionsService,
    private readonly temporal: TemporalGateway,
    private readonly parties: PartiesService,
    private readonly staffing: StaffingService,
    private readonly access: ClaimAccess,
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig,
  ) {}

  @Post('actions')
  @HttpCode(202)
  @Roles('case-manager', 'team-leader', 'reviewer', 'payments-officer')
  @ApiOperation({ summary: "Record what was done on a claim (simulate.md's event types): applied by the claim's workflow, or refused with reasons" })
  @ZodBody(claimEventSchema, '`at` may be left out: the action happened now')
  @ZodResponse(202, appliedActionSchema, 'applied by the workflow')
  @ApiResponse({ status: 400, description: 'not a valid action: `problems` names each field' })
  @ApiResponse({ status: 422, description: 'refused by the rules (a decision recorded twice, an IME in the past, a finalised claim, ...); nothing changed' })
  @ApiResponse({ status: 409, description: 'the Idempotency-Key was already used on this claim for another action' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and body apply and record the action once and answer as the first time; the same key with another body is a 409' })
  @ApiHeader({
    name: 'Backdating-Reason',
    required: false,
    description: 'why an action is dated further back than ACTION_BACKDATING_DAYS (default 14): required then, and only a team leader may; kept with the action (GET /audit/backdated-actions)',
  })
  @ApiResponse({ status: 403, description: 'may not act on this claim, may not record this action, or may not date it so far back (a team leader may, with a Backdating-Reason)' })
  async act(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Headers(BACKDATING_REASON_HEADER) reason: string | undefined,
    @Req() req: { staff: StaffUser },
  ): Promise<AppliedAction> {
    addLogContext({ claimId: id });
    // Before the body is checked: someone who may not act on the claim learns nothing from its validation.
    // Earnings are payment data (a payments officer records them from payroll); everything else done on a claim is its health record.
    const data = (body as { type?: unknown } | null)?.type === 'earnings.reported' ? 'payments' : 'health';
    await this.access.require(req.staff, id, data, { route: 'POST /claims/:id/actions', read: false });
    const event = parseOr400(claimEventSchema, withTime(body));
    const at = parseEventTime(event.at);
    if (sydneyInstant(at.date, at.minuteOfDay) > Date.now() + 60_000) throw badRequest('at', 'must not be in the future');
    if (key !== undefined && (key.length < 8 || key.length > 200)) throw badRequest('Idempotency-Key', 'must be 8 to 200 characters', 'header');
    const refusal = backdatingRefusal({ at: at.date, today: sydneyAt(Date.now()).date, role: req.staff.role, reason, windowDays: this.config.ACTION_BACKDATING_DAYS });
    if (refusal?.status === 400) throw badRequest(refusal.field, refusal.problem, refusal.in);
    if (refusal)
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `${req.staff.user} may not record an action dated so far back`,
        problems: [{ field: refusal.field, problem: refusal.problem }],
      });
    // The key is compared by the body as sent: a retry that left `at` out is the same request.
    return this.actions.apply(id, event, req.staff, key === undefined ? undefined : { key, hash: requestHash(body) }, false, reason).catch(notStartedAs409);
  }

  @Get('timeline')
  @ClaimScoped('health')
  @ApiOperation({ summary: "The claim's timeline (same shape as `claimctl simulate --json`), as at the end of `until` (default today)" })
  @ZodQuery(untilSchema)
  @ZodResponse(200, claimTimelineSchema, 'the timeline, with the warnings of the rules and why each obligation is due when it is')
  async timeline(@Param('id', new ParseUUIDPipe()) id: string, @Query() query: unknown): Promise<ClaimTimeline> {
    addLogContext({ claimId: id });
    const { until } = parseOr400(untilSchema, query, 'query');
    const claim = await this.ds.getRepository(ClaimEntity).findOneBy({ id });
    if (!claim) throw new NotFoundException(`no claim ${id}`);
    if (until && until > addDays(sydneyAt(Date.now()).date, 3653)) throw badRequest('until', 'must be at most ten years from today', 'query');
    const { timeline, details } = await this.temporal.timeline(claim.workflowId, until).catch(notStartedAs409);
    return { ...timeline, warnings: details.warnings, explanations: details.obligations.map((o) => ({ type: o.type, openedOn: o.openedOn, dueOn: o.dueOn, rule: o.rule, source: o.source })) };
  }

  @Put('assignment')
  @Roles('team-leader')
  @ClaimScoped('health')
  @ApiOperation({ summary: 'Who handles the claim and whose queue its escalations go to' })
  @ZodBody(assignmentSchema)
  @ZodResponse(200, assignmentViewSchema, 'the claim is assigned')
  async assign(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }): Promise<AssignmentView> {
    addLogContext({ claimId: id });
    const a = parseOr400(assignmentSchema, body);
    await this.ds.transaction(async (m) => {
      // The same lock the effects projection takes: tasks are moved and made under one owner at a time.
      const claim = await m.getRepository(ClaimEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!claim) throw new NotFoundException(`no claim ${id}`);
      await m.getRepository(ClaimEntity).update({ id }, { caseManager: a.caseManager, teamLeader: a.teamLeader });
      // Escalations not yet handled follow the claim to its new team leader.
      await m.query(`UPDATE claims.escalation_tasks SET team_leader = $2 WHERE claim_id = $1 AND resolved_on IS NULL`, [id, a.teamLeader]);
      // Delivery failures become the handling case manager's tasks: notifications learns who that is now.
      await this.parties.republish(m, { ...claim, ...a }, req.staff.user);
      // Every service's copy of who may see the claim follows (issue 14).
      await this.staffing.publish(m, id, req.staff.user);
    });
    return { id, ...a };
  }
}
