import { Body, Controller, ForbiddenException, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { typeError } from '@wc/contracts';
import { Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { CorrespondenceViews } from './correspondence-views';
import { contentGiven, digestsRun, printQueue, printed, resent, smsMessages, staffEntry, taskDone, taskList } from './correspondence.responses';
import { CorrespondenceService } from './correspondence.service';
import { DigestService } from './digest.service';

/**
 * Facts the platform records and prints on every copy: a person writes around them, never over them.
 * What it decided for one notice (docs/rules.md §8) depends on the notice, so the service refuses those.
 */
const RECORDED = ['claimNumber', 'issuedOn', 'worker', 'recipient', 'notifier'] as const;
const contentSchema = z
  .object({
    content: z
      .record(z.string(), z.unknown(), typeError('must be an object of the notice fields to write'))
      .refine((c) => Object.keys(c).length > 0, 'must give at least one field')
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
    if (q.assignee && q.assignee !== req.staff.user && req.staff.role === 'case-manager') throw new ForbiddenException('a case manager sees only their own tasks');
    const assignee = q.assignee ?? req.staff.user;
    return { assignee, tasks: await this.views.tasks(assignee === 'unassigned' ? null : assignee, q.includeDone === 'true') };
  }

  @Post('tasks/:id/done')
  @HttpCode(200)
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: 'Mark a task done' })
  @ZodResponse(200, taskDone, 'done')
  async done(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: { staff: StaffUser }) {
    return this.correspondence.completeTask(id, req.staff);
  }

  @Post('deliveries/:deliveryId/resend')
  @HttpCode(200)
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: 'Send a refused, bounced or failed copy again, once what stopped it is fixed (a consent recorded, an address corrected); its tasks are done' })
  @ZodResponse(200, resent, 'the copy is being written again')
  @ApiResponse({ status: 422, description: 'the copy is not refused, bounced or failed' })
  async resend(@Param('deliveryId', new ParseUUIDPipe()) deliveryId: string, @Req() req: { staff: StaffUser }) {
    return this.correspondence.resend(deliveryId, req.staff);
  }

  @Get('print-queue')
  @Roles('case-manager', 'team-leader', 'payments-officer')
  @ApiOperation({ summary: 'Letters to print and post, oldest first (the PDF is at the documents service)' })
  @ZodQuery(printQuery)
  @ZodResponse(200, printQueue, 'the letters, oldest first')
  async printQueue(@Query() query: unknown) {
    const q = parseOr400(printQuery, query, 'query');
    return { letters: await this.views.printQueue(q.includePrinted === 'true') };
  }

  @Post('print-queue/:deliveryId/printed')
  @HttpCode(200)
  @Roles('case-manager', 'team-leader', 'payments-officer')
  @ApiOperation({ summary: 'A letter was printed and posted: its delivery becomes sent' })
  @ZodResponse(200, printed, 'the copy is sent')
  async printed(@Param('deliveryId', new ParseUUIDPipe()) deliveryId: string, @Req() req: { staff: StaffUser }) {
    return this.correspondence.markPrinted(deliveryId, req.staff);
  }

  @Get('sms')
  @ApiOperation({ summary: "The local SMS provider's messages for a claim (what a gateway would have sent)" })
  @ZodQuery(byClaim)
  @ZodResponse(200, smsMessages, 'the messages, oldest first')
  async sms(@Query() query: unknown) {
    const { claimId } = parseOr400(byClaim, query, 'query');
    addLogContext({ claimId });
    return { claimId, messages: await this.views.smsFor(claimId) };
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
  @ApiOperation({ summary: 'Email every team leader their escalations not yet in a digest, now (it also runs every DIGEST_EVERY_MS)' })
  @ZodResponse(200, digestsRun, 'the digests sent, and who could not be sent one')
  async digest() {
    return this.digests.run();
  }
}
