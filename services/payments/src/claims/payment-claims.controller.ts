import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodResponse, parseOr400 } from '@wc/service-kit';
import { payeeSchema } from './payee';
import { paymentClaim, paymentClaimWithFacts } from './payment-claims.responses';
import { PaymentClaimsService } from './payment-claims.service';
import { InvoicesService } from '../medical/invoices/invoices.service';

@ApiTags('claims (payments)')
@ApiBearerAuth()
// Every route here shows or changes what one claim is paid and to whom (issue 14).
@ClaimScoped('payments', { param: 'claimId' })
@Controller('claims/:claimId')
export class PaymentClaimsController {
  constructor(
    private readonly claims: PaymentClaimsService,
    private readonly invoices: InvoicesService,
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
  @ZodResponse(200, paymentClaim, 'the claim with the payee as recorded')
  @ApiResponse({ status: 400, description: 'a field is missing or malformed: `problems` names it' })
  async setPayee(@Param('claimId', new ParseUUIDPipe()) claimId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const claim = await this.claims.setPayee(claimId, parseOr400(payeeSchema, body), req.staff);
    // The worker's receipts already assessed for payment waited for the worker's account.
    if (claim.worker) await this.invoices.payPending({ claimId }, req.staff);
    return claim;
  }
}
