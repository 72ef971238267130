import { randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Effect } from '@wc/claim-lifecycle';
import { JsonLogger, withLogContext } from '@wc/service-kit';
import { SCHEMA } from '../config';
import { ClaimEffectEntity, ClaimEntity } from '../claims/claim.entity';
import { LOGGER } from '../claims/claims.service';

/**
 * Records what a claim's workflow did (its activity calls this). A retried activity sends the same
 * batch key, so a batch is recorded once.
 */
@Injectable()
export class EffectsService {
  constructor(@InjectDataSource() private readonly ds: DataSource, @Inject(LOGGER) private readonly log: JsonLogger) {}

  async record(claimId: string, batchKey: string, effects: Effect[]): Promise<{ recorded: boolean }> {
    return withLogContext({ claimId }, () =>
      this.ds.transaction(async (m) => {
        if (!(await m.getRepository(ClaimEntity).existsBy({ id: claimId }))) throw new NotFoundException(`no claim ${claimId}`);
        const fresh = await m.query(`INSERT INTO ${SCHEMA}.effect_batches (batch_key, claim_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING batch_key`, [batchKey, claimId]);
        if (fresh.length === 0) return { recorded: false };
        for (const e of effects) {
          await m.getRepository(ClaimEffectEntity).insert({ id: randomUUID(), claimId, kind: e.kind, effect: e });
          if (e.kind === 'classified') {
            await m.getRepository(ClaimEntity).update({ id: claimId }, { classification: e.classification, segment: e.segment, triageReasons: e.reasons, classifiedAt: new Date() });
            this.log.info('claim classified', { classification: e.classification, segment: e.segment });
          }
        }
        return { recorded: true };
      }),
    );
  }
}
