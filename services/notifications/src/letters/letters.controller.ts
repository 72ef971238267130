import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ClaimScoped, StaffUser, ZodQuery, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { claimLetters } from './letters.responses';
import { LettersService } from './letters.service';

const lettersQuery = z.object({ claimId: z.guid().meta({ description: 'the claim (uuid)' }) }).strict();

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  /** Any staff role, on a claim they work on (issue 14: a letter is the claim's health information; the read is audited). */
  @Get('letters')
  @ClaimScoped('health', { query: 'claimId' })
  @ApiOperation({ summary: 'The letters requested for a claim, oldest first, with the document each became' })
  @ZodQuery(lettersQuery)
  @ZodResponse(200, claimLetters, "the claim's letters, oldest first")
  @ApiResponse({ status: 400, description: 'claimId missing or not a uuid' })
  async list(@Query() query: unknown, @Req() req: { staff: StaffUser }) {
    const { claimId } = parseOr400(lettersQuery, query, 'query');
    addLogContext({ claimId });
    return { claimId, letters: await this.letters.forClaim(req.staff, claimId) };
  }
}
