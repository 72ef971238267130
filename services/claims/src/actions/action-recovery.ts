import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JsonLogger, withLogContext } from '@wc/service-kit';
import { LOGGER } from '../claims/claims.service';
import { CLAIMS_CONFIG, ClaimsConfig } from '../config';
import { TemporalGateway } from '../workflow/temporal.gateway';
import { ActionsService, IntentRow, actionUpdateId, intentOf } from './actions.service';

/**
 * Staff actions a dead process sent to a claim's workflow but never recorded (issue 14: exactly once
 * even if the claims service dies between the workflow's update and its own commit). Each intent
 * older than ACTION_RECOVERY_AFTER_S (no live request takes that long) is settled by asking the claim: applied,
 * it is recorded and published now, once; never applied, the intent is dropped, since its request
 * failed as far as the person who sent it could tell (a retry with the same key sends it again).
 */
const SWEEP_EVERY_MS = 5000;

@Injectable()
export class ActionRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly temporal: TemporalGateway,
    private readonly actions: ActionsService,
    @Inject(LOGGER) private readonly log: JsonLogger,
    @Inject(CLAIMS_CONFIG) private readonly config: ClaimsConfig,
  ) {}

  onApplicationBootstrap() {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    }, SWEEP_EVERY_MS);
  }

  /** Settles the intents left behind; answers how many it recorded and dropped. */
  async sweep(): Promise<{ recorded: number; dropped: number }> {
    const done = { recorded: 0, dropped: 0 };
    try {
      // One at a time, locked, so replicas sweeping at once never settle the same intent twice.
      for (let i = 0; i < 100; i++) {
        const settled = await this.ds.transaction(async (m) => {
          const rows: (IntentRow & { workflow_id: string; claim_number: string })[] = await m.query(
            `SELECT i.id, i.claim_id, i.event, i.by_user, i.role, i.idempotency_key, i.request_hash, i.backdating_reason, c.workflow_id, c.claim_number
               FROM claims.action_intents i JOIN claims.claims c ON c.id = i.claim_id
              WHERE i.created_at < now() - make_interval(secs => $1)
              ORDER BY i.created_at LIMIT 1 FOR UPDATE OF i SKIP LOCKED`,
            [this.config.ACTION_RECOVERY_AFTER_S],
          );
          const row = rows[0];
          if (!row) return undefined;
          const intent = intentOf(row);
          return withLogContext({ claimId: intent.claimId }, async () => {
            const result = await this.temporal.appliedAction(row.workflow_id, actionUpdateId(intent.claimId, intent.id));
            if (!result) {
              await m.query(`DELETE FROM claims.action_intents WHERE id = $1`, [intent.id]);
              this.log.warn('action dropped: sent by a process that died before the claim applied it', { action: intent.event.type, intentId: intent.id, by: intent.by.user });
              return 'dropped' as const;
            }
            // Recorded in its own transaction (it deletes this intent, which this one has locked:
            // so it is released first, by ending this transaction with nothing else done).
            return { intent, result, claim: { id: intent.claimId, claimNumber: row.claim_number } };
          });
        });
        if (!settled) break;
        if (settled === 'dropped') {
          done.dropped++;
          continue;
        }
        await withLogContext({ claimId: settled.claim.id }, async () => {
          await this.actions.record(settled.claim, settled.intent, settled.result);
          this.log.warn('action recovered: the claim applied it before the process that sent it died', { action: settled.intent.event.type, actionId: settled.intent.id });
        });
        done.recorded++;
      }
    } catch (e) {
      this.log.warn('action recovery sweep failed', { error: (e as Error).message });
    }
    return done;
  }

  async onApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }
}
