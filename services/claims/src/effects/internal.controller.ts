import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController } from '@nestjs/swagger';
import { z } from 'zod';
import type { Effect } from '@wc/claim-lifecycle';
import { Internal, ZodBody, ZodResponse, addLogContext, parseOr400 } from '@wc/service-kit';
import { EffectsService } from './effects.service';
import { EffectsRecorded, effectsRecordedSchema } from './internal.responses';

const effectsBody = z.object({ batchKey: z.string().min(1).max(300), effects: z.array(z.looseObject({ kind: z.string() })) }).strict();

/** Called by the claim worker's activities with its own credential (scope claims:effects); a staff token is refused, admin's too. */
@ApiExcludeController()
@ApiBearerAuth()
@Controller('internal/claims')
export class InternalController {
  constructor(private readonly effects: EffectsService) {}

  @Post(':id/effects')
  @Internal('claims:effects')
  @HttpCode(200)
  @ZodBody(effectsBody)
  @ZodResponse(200, effectsRecordedSchema, 'the batch is recorded (now, or by an earlier try)')
  async record(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown): Promise<EffectsRecorded> {
    addLogContext({ claimId: id });
    const { batchKey, effects } = parseOr400(effectsBody, body);
    return this.effects.record(id, batchKey, effects as unknown as Effect[]);
  }
}
