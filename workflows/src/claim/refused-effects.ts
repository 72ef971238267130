import { ActivityFailure, ApplicationFailure, condition, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Effect } from '@wc/claim-lifecycle';
import { type ClaimActivities, EFFECTS_REFUSED, type EffectsIncident, retryEffectsSignal, stuckEffectsQuery } from './definitions';

/** The claim's and its parts' activities, retried until they succeed or are refused (the one retry policy they share). */
export const activities = proxyActivities<ClaimActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});
// Telling operators is worth some tries, not a claim's life: after about an hour the workflow
// logs it and waits all the same (its stuckEffects query and Temporal's UI still show it).
const incidents = proxyActivities<ClaimActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10 },
});

/**
 * How a claim's workflow and its parts' workflows carry out effects (issue 14: an activity that can
 * never succeed stops retrying and raises a task). A batch the claims service refuses for a reason
 * no retry changes (claims-service-effects.ts, REFUSALS) is not retried for ever: the workflow raises
 * an incident for the operators (GET /admin/incidents in the claims service) and waits, effects in
 * order, until one of them has it carried out again (POST /admin/incidents/:id/retry, the
 * retryEffects signal). Actions keep arriving meanwhile; their effects wait behind the refused batch.
 * `stopWhenRefused` is the workflow's version 10: runs started before keep retrying, as they did.
 */
export function effectsCarrier(stopWhenRefused: boolean): (claimId: string, effects: Effect[]) => Promise<void> {
  let stuck: EffectsIncident | null = null;
  let retry = false;
  setHandler(retryEffectsSignal, () => {
    retry = true;
  });
  setHandler(stuckEffectsQuery, () => stuck);
  return async (claimId, effects) => {
    if (!stopWhenRefused) return activities.carryOutEffects({ claimId, effects });
    for (let attempt = 1; ; attempt++) {
      try {
        await activities.carryOutEffects({ claimId, effects, stopWhenRefused });
        stuck = null;
        return;
      } catch (e) {
        const refusal = e instanceof ActivityFailure && e.cause instanceof ApplicationFailure && e.cause.type === EFFECTS_REFUSED ? e.cause : undefined;
        if (!refusal) throw e;
        const { workflowId, runId } = workflowInfo();
        const status = Number((refusal.details?.[0] as { status?: unknown } | undefined)?.status ?? 0);
        stuck = {
          claimId,
          workflowId,
          runId,
          key: `${runId}/${(e as ActivityFailure).activityId}/${attempt}`,
          status,
          message: refusal.message,
          kinds: [...new Set(effects.map((x) => x.kind))],
          since: new Date(Date.now()).toISOString(),
        };
        retry = false;
        try {
          await incidents.raiseIncident(stuck);
        } catch (raiseFailed) {
          log.error('the incident could not be raised either; the workflow waits all the same', { claimId, status, error: (raiseFailed as Error).message });
        }
        await condition(() => retry);
      }
    }
  };
}
