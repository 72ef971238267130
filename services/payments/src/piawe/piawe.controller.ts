import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodResponse, parseOr400 } from '@wc/service-kit';
import { piaweView } from './piawe.responses';
import { piaweRequestSchema, piaweReviewSchema } from '@wc/contracts';
import { PiaweService } from './piawe.service';

@ApiTags('PIAWE')
@ApiBearerAuth()
@Controller()
export class PiaweController {
  constructor(private readonly piawe: PiaweService) {}

  @Post('claims/:claimId/piawe')
  @Roles('case-manager', 'payments-officer', 'team-leader')
  @ClaimScoped('payments', { param: 'claimId' })
  @ApiOperation({
    summary: 'Determine PIAWE: calculated from earnings lines (the regime of the date of injury), an interim amount, or a worker–employer agreement',
    description:
      'Every determination waits (status awaiting-review) for a second person (POST /piawe/{id}/review), never its maker: approved, a calculated or agreed amount becomes final, and an interim amount comes into force (issue 14: two people for what moves money; until then no weekly payment is valued with it). Every determination keeps its evidence.',
  })
  @ZodBody(piaweRequestSchema)
  @ZodResponse(201, piaweView, 'determined, awaiting review by a second person: interim ones too, which are in force only once approved')
  @ApiResponse({ status: 400, description: 'malformed evidence: `problems` names each field (e.g. earnings[3].to)' })
  @ApiResponse({ status: 422, description: 'the evidence is not enough: what is missing is listed; set an interim PIAWE meanwhile' })
  async determine(@Param('claimId', new ParseUUIDPipe()) claimId: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    return this.piawe.determine(claimId, parseOr400(piaweRequestSchema, body), req.staff);
  }

  @Get('claims/:claimId/piawe')
  @Roles('case-manager', 'payments-officer', 'team-leader', 'reviewer', 'admin')
  // The determinations carry their evidence (payslips, agreements): issue 14 has every read of PIAWE evidence recorded.
  @ClaimScoped('payments', { param: 'claimId', audited: true })
  @ApiOperation({ summary: "The claim's PIAWE determinations, with their evidence and reviews" })
  @ZodResponse(200, z.array(piaweView), 'the determinations, oldest first')
  async list(@Param('claimId', new ParseUUIDPipe()) claimId: string) {
    return this.piawe.list(claimId);
  }

  @Post('piawe/:id/review')
  @HttpCode(200)
  @Roles('team-leader', 'payments-officer', 'reviewer')
  @ClaimScoped('payments', { lookup: { table: 'piawe_determinations' } })
  @ApiOperation({
    summary: 'Peer review: approve (a calculated or agreed PIAWE becomes final, an interim one comes into force) or reject; never by the person who determined it',
    description:
      'An approved interim PIAWE replaces the interim one in force but never a final one, and (unlike a final one) publishes no piawe.determined and sends no notice. Approving a final one supersedes the earlier ones, publishes piawe.determined, asks for the s43 notice and, if weeks were paid, remediates the claim.',
  })
  @ZodBody(piaweReviewSchema)
  @ZodResponse(200, piaweView, 'reviewed: final, interim (in force) or rejected')
  @ApiResponse({ status: 403, description: 'you made the determination (a second person must review it), your role may not review PIAWE, or you may not see the claim' })
  @ApiResponse({ status: 422, description: 'the determination is not awaiting review' })
  async review(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }) {
    return this.piawe.review(id, parseOr400(piaweReviewSchema, body), req.staff);
  }
}
