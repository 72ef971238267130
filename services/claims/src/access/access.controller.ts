import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { coverInputSchema, reviewerInputSchema } from '@wc/contracts';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { CoverView, StaffingView, coverListSchema, coverViewSchema, staffingViewSchema } from './access.responses';
import { StaffingService } from './staffing.service';

/**
 * Who works on a claim besides its case manager and team leader (PUT /claims/:id/assignment):
 * reviewers, and case managers covering for an absent colleague (issue 14: "and those of a
 * colleague they cover for, recorded").
 */
@ApiTags('access')
@ApiBearerAuth()
@Controller()
export class AccessController {
  constructor(private readonly staffing: StaffingService) {}

  @Get('claims/:id/staffing')
  @Roles('case-manager', 'team-leader', 'reviewer')
  @ClaimScoped('health')
  @ApiOperation({ summary: 'Who works on the claim: its case manager, team leader and reviewers' })
  @ZodResponse(200, staffingViewSchema, "the claim's staffing")
  @ApiResponse({ status: 404, description: 'no such claim' })
  async view(@Param('id', new ParseUUIDPipe()) id: string): Promise<StaffingView> {
    addLogContext({ claimId: id });
    return this.staffing.view(id);
  }

  @Post('claims/:id/reviewers')
  @Roles('team-leader')
  @ClaimScoped('health')
  @ApiOperation({ summary: 'Assign a review of the claim to a reviewer, who may then see the claim (program 9, internal review)' })
  @ZodBody(reviewerInputSchema)
  @ZodResponse(201, staffingViewSchema, "the claim's staffing with the reviewer")
  @ApiResponse({ status: 404, description: 'no such claim' })
  async assignReviewer(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @Req() req: { staff: StaffUser }): Promise<StaffingView> {
    addLogContext({ claimId: id });
    return this.staffing.assignReviewer(id, parseOr400(reviewerInputSchema, body).reviewer, req.staff);
  }

  @Delete('claims/:id/reviewers/:reviewer')
  @Roles('team-leader')
  @ClaimScoped('health')
  @ApiOperation({ summary: 'The reviewer no longer reviews the claim (and no longer sees it)' })
  @ZodResponse(200, staffingViewSchema, "the claim's staffing without the reviewer")
  @ApiResponse({ status: 404, description: 'no such claim, or the reviewer reviews nothing on it' })
  async removeReviewer(@Param('id', new ParseUUIDPipe()) id: string, @Param('reviewer') reviewer: string, @Req() req: { staff: StaffUser }): Promise<StaffingView> {
    addLogContext({ claimId: id });
    return this.staffing.removeReviewer(id, reviewer, req.staff);
  }

  @Post('covers')
  @Roles('team-leader')
  @ApiOperation({ summary: "Record that a case manager covers for another over whole Sydney days: they may work the absent colleague's claims meanwhile" })
  @ZodBody(coverInputSchema)
  @ZodResponse(201, coverViewSchema, 'the cover')
  async recordCover(@Body() body: unknown, @Req() req: { staff: StaffUser }): Promise<CoverView> {
    return this.staffing.recordCover(parseOr400(coverInputSchema, body), req.staff);
  }

  @Get('covers')
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: 'Covers today or later, earliest first' })
  @ZodResponse(200, coverListSchema, 'the covers not over')
  async covers() {
    return { covers: await this.staffing.currentCovers() };
  }

  @Post('covers/:coverId/cancel')
  @Roles('team-leader')
  @ApiOperation({ summary: 'End a cover early (the colleague is back)' })
  @ZodResponse(201, coverViewSchema, 'the cover, cancelled')
  @ApiResponse({ status: 404, description: 'no such cover' })
  async cancelCover(@Param('coverId', new ParseUUIDPipe()) coverId: string, @Req() req: { staff: StaffUser }): Promise<CoverView> {
    return this.staffing.cancelCover(coverId, req.staff);
  }
}
