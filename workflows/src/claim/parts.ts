import { allHandlersFinished, condition, patched, setHandler } from '@temporalio/workflow';
import type { Effect } from '@wc/claim-lifecycle';
import { type ClaimPartInput, partEffectsSignal, partQuery } from './definitions';
import { effectsCarrier } from './refused-effects';

/**
 * One part of a claim with a life of its own (an IME referral, an internal review, a complaint, a
 * case conference, a work capacity assessment), as a workflow of its own whose id is the claim's
 * workflow id and the part's id. The claim's lifecycle decides; this carries out the part's effects
 * (its obligations, reminders, escalations and notices) in the order the claim sent them, in a
 * history of its own, across any number of the claim's runs, and ends when the claim says the part
 * has ended.
 *
 * Started by signal-with-start from the claim's activity rather than as a Temporal child workflow:
 * a part outlives the claim's run (a complaint can span a continueAsNew), and on the time-skipping
 * test server `simulate` runs on, a child completing after its parent's run continued as new takes
 * a clock lock that only the closed parent would release: time stops for the whole simulation
 * (reproduced 2026-11-22 with the complaint of incomplete-psychological and historyLimit 25).
 * Signal-with-start starts-or-signals in one call (a new run for an ended part), and `batchId`
 * makes the activity's retries harmless.
 */
export async function claimPartWorkflow(input: ClaimPartInput): Promise<{ effectsCarriedOut: number }> {
  // Version 10 (2026-12-07), as the claim's: a refused batch raises an incident and waits for an operator.
  const carryOutEffects = effectsCarrier(patched('stop-on-refused-effects'));
  const queue: Effect[][] = [];
  const seen = new Set<string>();
  let ending = false;
  let carried = 0;
  setHandler(partEffectsSignal, (effects, end, batchId) => {
    // A retried send delivers its signal again: once is enough.
    if (seen.has(batchId)) return;
    seen.add(batchId);
    if (effects.length) queue.push(effects);
    if (end) ending = true;
  });
  setHandler(partQuery, () => ({ ...input.part, effectsCarriedOut: carried, batchesWaiting: queue.length, ending }));
  for (;;) {
    await condition(() => queue.length > 0 || ending);
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      await carryOutEffects(input.claimId, batch);
      carried += batch.length;
    }
    if (ending) {
      await condition(allHandlersFinished);
      if (queue.length === 0) return { effectsCarriedOut: carried };
    }
  }
}
