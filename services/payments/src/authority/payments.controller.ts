import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { moneyText, paymentCancelSchema, uuidOf } from '@wc/contracts';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, badRequest, parseOr400 } from '@wc/service-kit';
import { AuthorityService } from './authority.service';
import { pendingChange } from '../approvals/changes.responses';
import { listPayments, paymentExists, paymentWithAudit } from '../ledger/ledger';
import { authorityLimit, paymentAuthorised, paymentCancelled, paymentDetail, paymentList, paymentStatus, paymentsAuthorised } from './payments.responses';

const authoriseSchema = z.object({ note: z.string().max(500, 'must be at most 500 characters').optional() }).strict();
const authoriseManySchema = z
  .object({ ids: z.array(uuidOf('must be a payment id (uuid)')).min(1, 'must name at least one payment').max(10000, 'at most 10,000 payments at once'), note: z.string().max(500).optional() })
  .strict()
  .refine((b) => new Set(b.ids).size === b.ids.length, { message: 'must not name a payment twice', path: ['ids'] });
const limitSchema = z.object({ maxAmount: moneyText }).strict();
const subjectSchema = z.string().regex(/^(role|user):[A-Za-z0-9._@-]+$/, 'must be role:<role> or user:<user id>');
const listSchema = z
  .object({
    status: paymentStatus.optional(),
    claimId: uuidOf('must be a claim id (uuid)').optional(),
    limit: z.coerce.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
    after: uuidOf("must be the id of a payment (the previous page's `next`)").optional(),
  })
  .strict();

@ApiTags('payments')
@ApiBearerAuth()
@Controller()
export class PaymentsController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly authority: AuthorityService,
  ) {}

  @Get('payments')
  @Roles('payments-officer', 'team-leader', 'case-manager', 'admin')
  @ApiOperation({ summary: "Payments by status and claim, oldest first, a page at a time (e.g. ?status=generated: waiting for authorisation; ?after= the previous page's next)" })
  @ZodQuery(listSchema)
  // Narrowed to one claim (?claimId=), the list is that claim's payments: refused (403) to whoever may not see the claim.
  @ClaimScoped('payments', { query: 'claimId' })
  @ZodResponse(200, paymentList, 'a page of payments, oldest first, at most `limit`, and the cursor of the next page (null on the last)')
  @ApiResponse({ status: 400, description: 'a bad filter, or `after` names no payment' })
  @ApiResponse({ status: 403, description: '?claimId= names a claim you may not see' })
  async list(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const q = parseOr400(listSchema, query, 'query');
    if (q.after && !(await paymentExists(this.ds.manager, q.after))) throw badRequest('after', `is no payment (${q.after})`, 'query');
    // Issue 14: only the claims the reader may see, filtered before LIMIT so that nothing (not even a count) shows of the others.
    return listPayments(this.ds.manager, q, req.staff);
  }

  @Get('payments/:id')
  @Roles('payments-officer', 'team-leader', 'case-manager', 'admin')
  @ClaimScoped('payments', { lookup: { table: 'payments' } })
  @ApiOperation({ summary: 'One payment with how it was calculated and every change to it (who, when, why)' })
  @ZodResponse(200, paymentDetail, 'the payment, its explanation (by kind) and its audit trail, oldest first')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const payment = await paymentWithAudit(this.ds.manager, id);
    if (!payment) throw new NotFoundException(`no payment ${id}`);
    return payment;
  }

  @Post('payments/authorise')
  @HttpCode(200)
  @Roles('payments-officer', 'team-leader')
  @ApiOperation({ summary: 'Authorise many generated payments at once: all or none, with every problem listed by payment' })
  @ZodBody(authoriseManySchema)
  @ZodResponse(200, paymentsAuthorised, 'every payment named was authorised')
  @ApiResponse({ status: 403, description: 'some were made by you, or exceed your authority, or are on a claim you may not see: none authorised' })
  async authoriseMany(@Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const { ids, note } = parseOr400(authoriseManySchema, body);
    return this.authority.authoriseMany(ids, req.staff, note);
  }

  @Post('payments/:id/authorise')
  @HttpCode(200)
  @Roles('payments-officer', 'team-leader')
  @ClaimScoped('payments', { lookup: { table: 'payments' } })
  @ApiOperation({ summary: 'Authorise a generated payment: not by whoever generated it, and only within your authority limit' })
  @ZodBody(authoriseSchema)
  @ZodResponse(200, paymentAuthorised, 'authorised: it goes into the next payment run')
  @ApiResponse({ status: 403, description: 'you generated it (maker-checker), or it exceeds your authority: it waits for someone else' })
  @ApiResponse({ status: 422, description: 'the payment is not waiting for authorisation' })
  async authorise(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const { note } = parseOr400(authoriseSchema, body ?? {});
    return this.authority.authorise(id, req.staff, note);
  }

  @Post('payments/:id/cancel')
  @HttpCode(200)
  @Roles('payments-officer', 'team-leader')
  @ClaimScoped('payments', { lookup: { table: 'payments' } })
  @ApiOperation({ summary: 'Cancel a payment not yet in a bank file, with the reason' })
  @ZodBody(paymentCancelSchema)
  @ZodResponse(200, paymentCancelled, 'cancelled; its week can be generated again')
  async cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const { reason } = parseOr400(paymentCancelSchema, body);
    return this.authority.cancel(id, req.staff, reason);
  }

  @Get('authority-limits')
  @Roles('payments-officer', 'team-leader', 'admin')
  @ApiOperation({ summary: 'Authority limits per role and per user (a user limit replaces the role limit)' })
  @ZodResponse(200, z.array(authorityLimit), 'every limit, by subject')
  async limits() {
    return this.authority.limits();
  }

  @Put('authority-limits/:subject')
  @Roles('admin')
  @HttpCode(202)
  @ApiOperation({ summary: 'Propose the authority limit of role:<role> or user:<user id>: recorded once another administrator approves it (POST /changes/:id/approve)' })
  @ZodBody(limitSchema)
  @ZodResponse(202, pendingChange, 'proposed: waiting for a second administrator')
  @ApiResponse({ status: 403, description: 'your own limit: nobody sets it, or approves it, for themselves' })
  async setLimit(@Param('subject') subject: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const s = parseOr400(subjectSchema, subject, 'path subject');
    const { maxAmount } = parseOr400(limitSchema, body);
    return this.authority.proposeLimit(s, maxAmount, req.staff);
  }
}
