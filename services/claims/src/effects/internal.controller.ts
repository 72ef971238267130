import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeController } from '@nestjs/swagger';
import { z } from 'zod';
import type { Effect } from '@wc/claim-lifecycle';
import { Roles, addLogContext, parseOr400 } from '@wc/service-kit';
import { EffectsService } from './effects.service';

const effectsBody = z.object({ batchKey: z.string().min(1).max(300), effects: z.array(z.object({ kind: z.string() }).passthrough()) }).strict();

/** Called by the claim worker's activities (a service token with the admin role), not by staff. */
@ApiExcludeController()
@ApiBearerAuth()
@Controller('internal/claims')
export class InternalController {
  constructor(private readonly effects: EffectsService) {}

  @Post(':id/effects')
  @Roles('admin')
  @HttpCode(200)
  async record(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown) {
    addLogContext({ claimId: id });
    const { batchKey, effects } = parseOr400(effectsBody, body);
    return this.effects.record(id, batchKey, effects as unknown as Effect[]);
  }
}
