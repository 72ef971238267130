import { Context, log } from '@temporalio/activity';
import type { Effect } from '@wc/claim-lifecycle';
import type { ClaimActivities } from './definitions';

/** Where the effects of a claim's step go: the claims service in production, memory in `simulate`. */
export interface ClaimEffectsPort {
  /** `batchKey` is the same on every retry of one activity: a port records a batch once. */
  record(claimId: string, effects: Effect[], batchKey: string): Promise<void>;
}

/** Activities built from their dependencies (samples-typescript style). */
export function createClaimActivities(deps: { effects: ClaimEffectsPort }): ClaimActivities {
  return {
    async carryOutEffects({ claimId, effects }) {
      const info = Context.current().info;
      const batchKey = `${info.workflowExecution?.runId ?? info.workflowType}/${info.activityId}`;
      log.info('carrying out claim effects', { claimId, count: effects.length, kinds: [...new Set(effects.map((e) => e.kind))] });
      await deps.effects.record(claimId, effects, batchKey);
    },
  };
}

/** Keeps every effect in memory, per claim: for `simulate` and tests. */
export class InMemoryEffects implements ClaimEffectsPort {
  readonly byClaim = new Map<string, Effect[]>();
  async record(claimId: string, effects: Effect[]): Promise<void> {
    const list = this.byClaim.get(claimId) ?? [];
    list.push(...effects);
    this.byClaim.set(claimId, list);
  }
}
