import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { weeklyGenerateSchema } from '@wc/contracts';
import { sydneyAt } from '@wc/rules';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodResponse, parseOr400 } from '@wc/service-kit';
import { generatedForClaim, generationSummary } from './weekly-payments.responses';
import { WeeklyPaymentsService } from './weekly-payments.service';

// Weeks are paid in arrears: a week that has not ended yet is never generated.
const generateSchema = weeklyGenerateSchema.refine((b) => b.through <= sydneyAt(Date.now()).date, { message: 'is in the future: only weeks that have ended are paid', path: ['through'] });

@ApiTags('weekly payments')
@ApiBearerAuth()
@Controller()
export class WeeklyPaymentsController {
  constructor(private readonly weekly: WeeklyPaymentsService) {}

  @Post('weekly-payments/generate')
  @HttpCode(200)
  @Roles('payments-officer', 'admin')
  // Over the whole book, so by role (issue 14): its answer is counts and sums, and what it makes is listed to each reader as their claims allow.
  @ApiOperation({
    summary: 'The weekly cycle over the book: generate, for every claim the insurer pays directly, the entitlement weeks ended by `through` that have no payment yet',
    description: 'Claims without a payee account or a PIAWE in force are skipped (GET /claims/:claimId shows why). Safe to repeat.',
  })
  @ZodBody(generateSchema)
  @ZodResponse(200, generationSummary, 'what was generated over the book')
  async generateAll(@Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const { through } = parseOr400(generateSchema, body);
    return this.weekly.generateAll(through, req.staff);
  }

  @Post('claims/:claimId/weekly-payments/generate')
  @HttpCode(200)
  @Roles('payments-officer', 'admin')
  @ClaimScoped('payments', { param: 'claimId' })
  @ApiOperation({
    summary: 'Generate a payment, awaiting authorisation, for each entitlement week ended by `through` that has none yet',
    description:
      'Weeks and amounts per rules.md §6 (1987 Act s32A–s39, s82A indexation), valued with the PIAWE in force (the final one, else the interim one). Safe to repeat: a week is paid at most once.',
  })
  @ZodBody(generateSchema)
  @ZodResponse(200, generatedForClaim, 'the payments generated now, each waiting for authorisation')
  @ApiResponse({ status: 422, description: 'no PIAWE in force, no payee account, or the employer pays through payroll' })
  async generate(@Param('claimId', new ParseUUIDPipe()) claimId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    const { through } = parseOr400(generateSchema, body);
    return this.weekly.generate(claimId, through, req.staff);
  }
}
