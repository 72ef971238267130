import { Controller, ForbiddenException, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ClaimScoped, Roles, StaffUser, ZodQuery, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { alertList, claimNotices, reminderList } from './alerts.responses';
import { AlertsService } from './alerts.service';
import { CorrespondenceViews } from '../notices/correspondence-views';

const byClaim = z.object({ claimId: z.guid() }).strict();
const byLeader = z.object({ teamLeader: z.string().min(1).optional() }).strict();
const byCaseManager = z.object({ caseManager: z.string().min(1).optional() }).strict();

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class AlertsController {
  constructor(
    private readonly notices: AlertsService,
    private readonly correspondence: CorrespondenceViews,
  ) {}

  @Get('notices')
  // Health information about one claim: 403 for a claim the reader does not work on, and the read is audited (issue 14).
  @ClaimScoped('health', { query: 'claimId' })
  @ApiOperation({ summary: "The notices a claim's workflow requested (rules.md §5), each with its copies: to whom, by which channel, the document and how far it got" })
  @ZodQuery(byClaim)
  @ZodResponse(200, claimNotices, "the claim's notices, by date")
  async list(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const { claimId } = parseOr400(byClaim, query, 'query');
    addLogContext({ claimId });
    return { claimId, notices: await this.correspondence.noticesFor(req.staff, claimId) };
  }

  @Get('reminders')
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: "A case manager's reminders, one business day before each obligation is due (?caseManager= for a team leader)" })
  @ZodQuery(byCaseManager)
  @ZodResponse(200, reminderList, 'the reminders, by day')
  async reminders(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const asked = parseOr400(byCaseManager, query, 'query').caseManager;
    if (asked && asked !== req.staff.user && req.staff.role === 'case-manager') throw new ForbiddenException('a case manager sees only their own reminders');
    const caseManager = asked ?? req.staff.user;
    // Only the claims the reader works on: a team leader sees a case manager's reminders on their own team's claims.
    return { caseManager, reminders: await this.notices.remindersFor(req.staff, caseManager) };
  }

  @Get('alerts')
  @Roles('team-leader')
  @ApiOperation({ summary: "A team leader's escalation alerts on their team's claims (an admin may name ?teamLeader=, but reads no claim: an empty list)" })
  @ZodQuery(byLeader)
  @ZodResponse(200, alertList, 'the alerts, by day')
  async alerts(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const asked = parseOr400(byLeader, query, 'query').teamLeader;
    if (asked && asked !== req.staff.user && req.staff.role !== 'admin') throw new ForbiddenException('a team leader sees only their own alerts');
    const teamLeader = asked ?? req.staff.user;
    // An administrator is answered an empty list, not a 403: a list never says whether there is anything to hide.
    return { teamLeader, alerts: await this.notices.alertsFor(req.staff, teamLeader) };
  }
}
