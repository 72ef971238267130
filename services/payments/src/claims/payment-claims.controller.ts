import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { nonEmpty } from '@wc/contracts';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, parseOr400 } from '@wc/service-kit';
import { payeeSchema } from '@wc/contracts';
import { paymentClaim, paymentClaimList, paymentClaimWithFacts } from './payment-claims.responses';
import { PaymentClaimsService } from './payment-claims.service';
import { pendingChange } from '../approvals/changes.responses';
import { PayeeChanges } from './payee-changes';

@ApiTags('claims (payments)')
@ApiBearerAuth()
// Every route here shows or changes what one claim is paid and to whom (issue 14).
@ClaimScoped('payments', { param: 'claimId' })
@Controller('claims/:claimId')
export class PaymentClaimsController {
  constructor(
    private readonly claims: PaymentClaimsService,
    private readonly payees: PayeeChanges,
  ) {}

  @Get()
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ApiOperation({ summary: "Payments' view of a claim: who pays weekly compensation and to which account, and the staff actions payments has received (certificates, liability, earnings)" })
  @ZodResponse(200, paymentClaimWithFacts, 'the claim as payments sees it, with the facts it holds')
  @ApiResponse({ status: 404, description: 'payments has not heard of the claim (yet)' })
  async get(@Param('claimId', new ParseUUIDPipe()) claimId: string) {
    return { ...(await this.claims.get(claimId)), facts: await this.claims.facts(claimId) };
  }

  @Put('payee')
  @Roles('payments-officer', 'admin')
  @ApiOperation({ summary: 'Who pays weekly compensation (insurer or employer through payroll) and the bank account paid' })
  @ZodBody(payeeSchema)
  @ZodResponse(200, paymentClaim, 'the claim with the payee as recorded (its first account, or the same account)')
  @ZodResponse(202, pendingChange, 'another account replaces the one paid: held until a second person approves it (POST /changes/:id/approve)')
  @ApiResponse({ status: 400, description: 'a field is missing or malformed: `problems` names it' })
  async setPayee(@Param('claimId', new ParseUUIDPipe()) claimId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }, @Res({ passthrough: true }) res: Response) {
    const outcome = await this.payees.request(claimId, parseOr400(payeeSchema, body), req.staff);
    if ('claim' in outcome) return outcome.claim;
    res.status(202);
    return outcome.held;
  }
}

const findSchema = z.object({ number: nonEmpty.pipe(z.string().max(50, 'must be at most 50 characters')).meta({ description: 'the claim number, exactly' }) }).strict();

/** Finding a claim by its number, for a payments officer who has the number and not the claim (a claim without payments yet is in no list of theirs). */
@ApiTags('claims (payments)')
@ApiBearerAuth()
@Controller('claims')
export class PaymentClaimSearchController {
  constructor(private readonly claims: PaymentClaimsService) {}

  @Get()
  @Roles('payments-officer', 'case-manager', 'team-leader', 'admin')
  @ApiOperation({ summary: "Payments' view of the claim with this number, if payments has heard of it and you may see what it is paid (none otherwise)" })
  @ZodQuery(findSchema)
  @ZodResponse(200, paymentClaimList, 'the claim, or none')
  async find(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const { number } = parseOr400(findSchema, query, 'query');
    return { claims: await this.claims.findByNumber(number, req.staff) };
  }
}
