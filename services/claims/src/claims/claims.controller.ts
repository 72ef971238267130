import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { lodgeClaimSchema } from '@wc/contracts';
import { ClaimScoped, Roles, StaffUser, ZodBody, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { ClaimView, claimViewSchema } from './claims.responses';
import { ClaimsService } from './claims.service';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Post()
  @Roles('case-manager', 'team-leader')
  @ApiOperation({ summary: 'Lodge an injury notification: creates the claim and starts its workflow' })
  @ZodBody(lodgeClaimSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key and notification return the same claim' })
  @ZodResponse(201, claimViewSchema, 'claim created')
  @ZodResponse(200, claimViewSchema, 'the same notification was already lodged with this Idempotency-Key')
  @ApiResponse({ status: 400, description: 'invalid notification: `problems` names each field' })
  @ApiResponse({ status: 409, description: 'the Idempotency-Key was used for a different notification' })
  @HttpCode(201)
  async notify(@Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @Req() req: { staff: StaffUser }, @Res({ passthrough: true }) res: Response): Promise<ClaimView> {
    const { assignment, ...notification } = parseOr400(lodgeClaimSchema, body);
    if (key !== undefined) parseOr400(idempotencyKeySchema, key, 'header Idempotency-Key');
    const { claim, created } = await this.claims.notify(notification, key, req.staff, assignment);
    addLogContext({ claimId: claim.id });
    if (!created) res.status(200);
    res.setHeader('Location', `/claims/${claim.id}`);
    return this.claims.view(claim.id);
  }

  @Get(':id')
  @ClaimScoped('health')
  @ApiOperation({
    summary:
      'A claim: its classification, its workflow and the workflows of its parts (IME referrals, reviews, complaints, case conferences, work capacity assessments), its letters and correspondence',
  })
  @ZodResponse(200, claimViewSchema, 'the claim')
  @ApiResponse({ status: 404, description: 'no such claim' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ClaimView> {
    addLogContext({ claimId: id });
    return this.claims.view(id);
  }
}

const idempotencyKeySchema = z.string().min(8, 'must be at least 8 characters').max(200, 'must be at most 200 characters');
