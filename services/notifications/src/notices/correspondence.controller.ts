import { Body, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { typeError } from '@wc/contracts';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { CorrespondenceViews } from './correspondence-views';
import { contentGiven, digestsRun, printQueue, printed, resent, smsMessages, staffEntry, taskDone, taskList } from './correspondence.responses';
import { CorrespondenceService } from './correspondence.service';
import { DigestService } from './digest.service';

/**
 * Facts the platform records and prints on every copy: a person writes around them, never over them.
 * What it decided for one notice (docs/rules.md §8) depends on the notice, so the service refuses those.
 */
const RECORDED = ['claimNumber', 'issuedOn', 'worker', 'recipient', 'notifier'] as const;
const MAX_CONTENT_FIELDS = 50;
const MAX_CONTENT_CHARS = 32_768;
const contentSchema = z
  .object({
    content: z
      .record(z.string(), z.unknown(), typeError('must be an object of the notice fields to write'))
      .refine((c) => Object.keys(c).length > 0, 'must give at least one field')
      // Bounded (issue 14): a notice is a letter, not a store; the template checks each field at render time.
      .refine((c) => Object.keys(c).length <= MAX_CONTENT_FIELDS, `must have at most ${MAX_CONTENT_FIELDS} fields`)
      .refine((c) => JSON.stringify(c).length <= MAX_CONTENT_CHARS, `must be at most ${MAX_CONTENT_CHARS} characters as JSON`)
      .superRefine((c, ctx) => {
        for (const k of RECORDED) if (k in c) ctx.addIssue({ code: 'custom', path: [k], message: 'is recorded by the platform and cannot be written on a notice' });
      }),
  })
  .strict();
const tasksQuery = z.object({ assignee: z.string().min(1).optional(), includeDone: z.enum(['true', 'false']).optional() }).strict();
const printQuery = z.object({ includePrinted: z.enum(['true', 'false']).optional() }).strict();
const byClaim = z.object({ claimId: z.guid() }).strict();
const staffSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(200),
    role: z.string().trim().min(1, 'must not be empty').max(100),
    phone: z.string().trim().min(6, 'must be a phone number').max(40),
    email: z.string().trim().email('must be an email address').max(254),
  })
  .strict();

/**
 * Per-claim access (issue 14): notices, their copies, tasks, letters to print and text messages are
 * the claim's health information. A route about one claim is ClaimScoped (its claim id found from
 * the row it names); a list shows only the rows of claims its reader may see. The staff directory
 * and the digests are not about one claim.
 */
@ApiTags('notices and delivery')
@ApiBearerAuth()
@Controller('notifications')
export class CorrespondenceController {
  constructor(
    private readonly correspondence: CorrespondenceService,
    private readonly views: CorrespondenceViews,
    private readonly digests: DigestService,
  ) {}

  @Post('notices/:noticeId/content')
  @Roles('case-manager', 'team-leader', 'reviewer')
  @ClaimScoped('health', { param: 'noticeId', lookup: { table: 'notice_requests', key: 'notice_id' } })
  @ApiOperation({
    summary:
      "Write the parts of a notice only a person can (a decision's reasons and reports, an IME's place and examiner): merged over what the platform prefilled; every copy waiting is written again",
  })
  @ZodBody(contentSchema)
  // No @HttpCode: Nest answers a POST with 201.
  @ZodResponse(201, contentGiven, 'the content merged; copies waiting for it are written again')
  @ApiResponse({
    status: 400,
    description:
      "a field the platform recorded (claimNumber, issuedOn, worker, recipient, notifier) or decided for this notice (rules.md §8: e.g. a discontinuance's takesEffectOn, an s48A warning's suspendFrom, an s39 notice's ceaseOn), each named",
  })
  @ApiResponse({ status: 422, description: 'nothing of the notice is waiting for content (a sent notice is never changed)' })
  async content(@Param('noticeId', new ParseUUIDPipe()) noticeId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const { content } = parseOr400(contentSchema, body);
    return this.correspondence.supplyContent(noticeId, content, req.staff);
  }

  @Get('tasks')
  @Roles('case-manager', 'team-leader')
  @ApiOperation({
    summary:
      "Tasks notices made for a person: content to write, a party or consent to record, a delivery that failed, an interpreter to book (?assignee= for a team leader; 'unassigned' for claims nobody handles)",
  })
  @ZodQuery(tasksQuery)
  @ZodResponse(200, taskList, 'the tasks, oldest first')
  async tasks(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const q = parseOr400(tasksQuery, query, 'query');
    // A case manager works their own queue, and that of a colleague they cover for today (issue 14).
    if (q.assignee && q.assignee !== req.staff.user && req.staff.role === 'case-manager' && !(await this.correspondence.coversFor(req.staff.user, q.assignee)))
      throw new ForbiddenException('a case manager sees only their own tasks, and those of a colleague they cover for');
    const assignee = q.assignee ?? req.staff.user;
    // A team leader's ?assignee= (or 'unassigned') shows only their own team's claims.
    return { assignee, tasks: await this.views.tasks(req.staff, assignee === 'unassigned' ? null : assignee, q.includeDone === 'true') };
  }

  @Post('tasks/:id/done')
  @HttpCode(200)
  @Roles('case-manager', 'team-leader')
  @ClaimScoped('health', { lookup: { table: 'tasks' } })
  @ApiOperation({ summary: 'Mark a task done' })
  @ZodResponse(200, taskDone, 'done')
  async done(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }) {
    return this.correspondence.completeTask(id, req.staff);
  }

  @Post('deliveries/:deliveryId/resend')
  @HttpCode(200)
  @Roles('case-manager', 'team-leader')
  @ClaimScoped('health', { param: 'deliveryId', lookup: { table: 'deliveries' } })
  @ApiOperation({ summary: 'Send a refused, bounced or failed copy again, once what stopped it is fixed (a consent recorded, an address corrected); its tasks are done' })
  @ZodResponse(200, resent, 'the copy is being written again')
  @ApiResponse({ status: 422, description: 'the copy is not refused, bounced or failed' })
  async resend(@Param('deliveryId', new ParseUUIDPipe()) deliveryId: string, @Req() req: { staff: StaffUser }) {
    return this.correspondence.resend(deliveryId, req.staff);
  }

  // Not payments officers any more (issue 14): a letter to post is health information, which they never
  // see; with the role they would only ever get an empty queue (which reads as "nothing to print").
  @Get('print-queue')
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: 'Letters to print and post on the claims the reader works on, oldest first (the PDF is at the documents service)' })
  @ZodQuery(printQuery)
  @ZodResponse(200, printQueue, 'the letters, oldest first')
  async printQueue(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const q = parseOr400(printQuery, query, 'query');
    return { letters: await this.views.printQueue(req.staff, q.includePrinted === 'true') };
  }

  @Post('print-queue/:deliveryId/printed')
  @HttpCode(200)
  @Roles('case-manager', 'team-leader')
  // Looked up as a delivery (every letter in the queue is one): a copy of another's claim not in the
  // queue is then a 403 as well, not a 404 that would tell it from one that is.
  @ClaimScoped('health', { param: 'deliveryId', lookup: { table: 'deliveries' } })
  @ApiOperation({ summary: 'A letter was printed and posted: its delivery becomes sent' })
  @ZodResponse(200, printed, 'the copy is sent')
  async printed(@Param('deliveryId', new ParseUUIDPipe()) deliveryId: string, @Req() req: { staff: StaffUser }) {
    return this.correspondence.markPrinted(deliveryId, req.staff);
  }

  @Get('sms')
  @ClaimScoped('health', { query: 'claimId' })
  @ApiOperation({ summary: "The local SMS provider's messages for a claim (what a gateway would have sent)" })
  @ZodQuery(byClaim)
  @ZodResponse(200, smsMessages, 'the messages, oldest first')
  async sms(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const { claimId } = parseOr400(byClaim, query, 'query');
    addLogContext({ claimId });
    return { claimId, messages: await this.views.smsFor(req.staff, claimId) };
  }

  @Put('staff/:user')
  @Roles('admin')
  @ApiOperation({ summary: "A staff member's name, role, phone and email: letters' contact block and team leaders' digests" })
  @ZodBody(staffSchema)
  @ZodResponse(200, staffEntry, 'the entry as saved')
  async staff(@Param('user') user: string, @Body() body: unknown) {
    const s = parseOr400(staffSchema, body);
    if (user.length > 200) throw new ForbiddenException('user must be at most 200 characters');
    return this.correspondence.saveStaff(user, s);
  }

  @Post('digests')
  @HttpCode(200)
  @Roles('team-leader')
  @ApiOperation({
    summary: "Email the calling team leader their escalations not yet in a digest, now (an admin: every team leader's; the daily digest's schedule sends the rest, DIGEST_SCHEDULE)",
  })
  @ZodResponse(200, digestsRun, 'the digests sent, and who could not be sent one')
  async digest(@Req() req: { staff: StaffUser }) {
    // A team leader sends, and is told of, their own digest only: another team's counts are not theirs to see (issue 14).
    return this.digests.run(req.staff.role === 'team-leader' ? req.staff.user : undefined);
  }
}
