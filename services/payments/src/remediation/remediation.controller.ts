import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { localDate, uuidOf } from '@wc/contracts';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodQuery, ZodResponse, parseOr400 } from '@wc/service-kit';
import { remediationView, remediationWeeks, remediationsOfClaim } from './remediation.responses';
import { RemediationService } from './remediation.service';
import { pendingChange } from '../approvals/changes.responses';

const amountRow = z.object({ from: localDate, amount: z.string().regex(/^(0|[1-9]\d*)(\.\d{1,2})?$/, 'must be an amount such as "2523.00"') }).strict();
const factorRow = z.object({ on: localDate, factor: z.string().regex(/^(0|[1-9]\d*)(\.\d+)?$/, 'must be a decimal factor such as "1.0062"') }).strict();
export const remediationSchema = z
  .object({
    reason: z.string().trim().min(1, 'must say what changed and why'),
    parameters: z
      .object({ maxWeeklyCompensation: z.array(amountRow).min(1).optional(), indexation: z.array(factorRow).min(1).optional(), employerExcessCap: z.array(amountRow).min(1).optional() })
      .strict()
      .optional(),
    claimIds: z.array(uuidOf('must be a claim id (uuid)')).min(1).optional(),
  })
  .strict()
  .refine((r) => r.parameters || r.claimIds, { message: 'give the corrected parameters, or the claims whose PIAWE changed, or both', path: ['parameters'] });

const byClaim = z.object({ claimId: uuidOf('must be a claim id (uuid)') }).strict();
/** Read as one parameter (its problem names `query claimId`); the object is for OpenAPI. */
const weeksQuery = z.object({ claimId: uuidOf('must be a claim id (uuid)').optional() }).strict();

@ApiTags('remediation')
@ApiBearerAuth()
@Controller('remediations')
export class RemediationController {
  constructor(private readonly remediation: RemediationService) {}

  @Post()
  @HttpCode(202)
  @Roles('team-leader', 'admin')
  @ApiOperation({
    summary: 'Recompute every paid week after a change with effect in the past (rate table, indexation factor, PIAWE); arrears become payments awaiting authorisation, overpayments are recorded',
    description: '`parameters` replaces whole tables (a new parameter version every later payment uses); runs in the background over the whole book, or over `claimIds`.',
  })
  @ZodBody(remediationSchema)
  @ZodResponse(
    202,
    z.union([remediationView, pendingChange]),
    'started: it runs in the background (poll GET /remediations/:id); with corrected `parameters`, a change held until a second person approves it (POST /changes/:id/approve), which starts it',
  )
  @ApiResponse({ status: 400, description: 'a table row is malformed (named), or the tables are inconsistent' })
  // A batch over the book (or the claims named), so by role (issue 14); what it makes is listed to each reader as their claims allow.
  async create(@Body() body: unknown, @Req() req: { staff: StaffUser }) {
    return this.remediation.request(parseOr400(remediationSchema, body), req.staff);
  }

  @Get()
  @Roles('team-leader', 'payments-officer', 'case-manager', 'admin')
  @ClaimScoped('payments', { query: 'claimId' })
  @ApiOperation({
    summary:
      "A claim's remediations, newest first: those staff started and those made when a fact took away days already paid (an s48A suspension, a discontinuance: rules.md §8), with their overpaid and arrears totals",
  })
  @ZodQuery(byClaim)
  @ZodResponse(200, remediationsOfClaim, "the claim's remediations, newest first")
  @ApiResponse({ status: 400, description: 'claimId is missing or not a uuid' })
  async list(@Query() query: unknown) {
    const { claimId } = parseOr400(byClaim, query, 'query');
    return { remediations: await this.remediation.ofClaim(claimId) };
  }

  @Get(':id')
  @Roles('team-leader', 'payments-officer', 'admin')
  // A batch's progress and totals over all its claims, by role (issue 14): GET :id/weeks shows each claim's weeks to those who may see it.
  @ApiOperation({ summary: 'Progress and totals' })
  @ZodResponse(200, remediationView, 'the remediation')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.remediation.view(id);
  }

  @Get(':id/weeks')
  @Roles('team-leader', 'payments-officer', 'case-manager', 'admin')
  // ?claimId= narrows to one claim (refused to whoever may not see it); without it, the weeks of the claims the reader may see.
  @ClaimScoped('payments', { query: 'claimId' })
  @ApiOperation({ summary: 'Each corrected week: old amount, new amount, difference, what changed' })
  @ZodQuery(weeksQuery)
  @ZodResponse(200, remediationWeeks, 'the corrected weeks of the claims you may see, by claim and week, at most 5,000')
  async weeks(@Param('id', new ParseUUIDPipe()) id: string, @Query('claimId') claimId: string | undefined, @Req() req: { staff: StaffUser }) {
    const c = claimId === undefined ? undefined : parseOr400(weeksQuery.shape.claimId.unwrap(), claimId, 'query claimId');
    return this.remediation.weeks(id, c, req.staff);
  }
}
