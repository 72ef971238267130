import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, currentUpdateInfo, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import { ClaimLifecycle, END_OF_DAY_MINUTE, decisionsOf, type Effect, type PartKind, type PartRef, partFinished, refusal, splitEffects, timelineOf } from '@wc/claim-lifecycle';
import { DECLARED_DAYS_VERSION, addDays, builtInDeclaredDays, parseEventTime, sydneyAt, sydneyInstant, SydneyDateTime } from '@wc/rules';
import {
  type ActionResult,
  ClaimWorkflowInput,
  DEFAULT_HISTORY_LIMIT,
  REMEMBERED_ACTIONS,
  actionUpdate,
  appliedActionQuery,
  claimPartWorkflowId,
  decisionsQuery,
  partsQuery,
  summaryQuery,
  timelineQuery,
} from './definitions';
import { activities, effectsCarrier } from './refused-effects';

/**
 * One claim's life, for years (docs/rules.md; program sections cited in the lifecycle). The lifecycle
 * decides; this workflow gives it time (timers to the next moment that matters, in Sydney time),
 * staff actions (updates), and carries out its effects through activities. It never completes: a
 * claim lives until it is archived (terminated), crossing continueAsNew as its history grows.
 */
export async function claimWorkflow(input: ClaimWorkflowInput): Promise<void> {
  const offset = input.clockOffsetMs ?? 0;
  const now = (): SydneyDateTime => sydneyAt(Date.now() + offset);
  // Every patched() is called here, before the lifecycle starts, in the order the versions were
  // added (setHandler records nothing, so the markers keep the order older histories have).
  // Version 2 (2026-11-22): an action that arrives while effects are being carried out is not
  // forgotten. Before it, the loop cleared `stepped` after the activity, so such an action's effects
  // waited for the next timer (for ever on a finalised claim). Claims started earlier replay as before.
  const drainActionsDuringActivity = patched('drain-actions-during-activity');
  // Version 3 (2026-11-22): effects still pending when the history limit is reached are carried out
  // before continueAsNew (they are not part of the state it carries); and a moved due date is an effect.
  const drainBeforeContinueAsNew = patched('drain-before-continue-as-new');
  const rescheduledEffect = patched('emit-rescheduled-effect');
  // Version 4 (2026-11-22): each IME referral, review, complaint, case conference and work capacity
  // assessment carries out its effects in a workflow of its own (claim/parts.ts); the claim's
  // lifecycle still decides everything. Claims started earlier carry out every effect themselves.
  const partWorkflows = patched('part-workflows');
  // Version 5 (2026-12-06): docs/rules.md §8 (treatment requests, s48A, discontinuance, the s39 and s59A
  // notices) with its clocks that run by time alone, and the holidays declared on 15 Feb 2026 (Mon 27
  // Apr 2026, Mon 26 Apr 2027). Claims started earlier keep the old calendar and clocks until a run
  // of theirs takes this version (at its start, e.g. after continueAsNew), so their histories replay.
  const rules8 = patched('rules-8-and-declared-days-2026');
  // Version 6 (2026-12-06): a finalised claim has no timers and nothing happens to it by time alone
  // (an s48A warning given before finalisation sent its suspension notice after it, and the §8
  // clocks kept waking the claim). Runs started earlier keep their timers until their next run.
  const quietAfterFinalisation = patched('quiet-after-finalisation');
  // Version 7 (2026-12-06): a part is ended only once the effects the claim decided for it have all
  // been sent. Before it, an action applied while effects were carried out (a finalisation during
  // the complaint's first notice) could end the part first; its last effects (the cancellations)
  // then started a second run of the part (seen on a fresh-clone CI run, claim-WC0000007/complaint-1).
  const endPartsAfterTheirEffects = patched('end-parts-after-their-effects');
  // Version 9 (2026-12-07; the v8 recordings are of traced runs, with no patch of their own): the
  // claim remembers the last actions it applied by update id, across continueAsNew, and answers a
  // repeated one as it did the first time without applying it again (issue 14: the claims service
  // may die between the update and its commit, and asks again with the same id; Temporal itself
  // deduplicates update ids only within one run).
  const rememberActions = patched('remember-applied-actions');
  // Version 10 (2026-12-07): a batch of effects the claims service refuses for a reason no retry
  // changes (a bad credential, an unknown claim, a batch too large) is not retried for ever: the
  // claim raises an incident and waits for an operator (refused-effects.ts; issue 14).
  const carryOutEffects = effectsCarrier(patched('stop-on-refused-effects'));
  const features = { rescheduledEffect, rules8Clocks: rules8, quietAfterFinalisation };
  const lc = input.state
    ? ClaimLifecycle.restore(input.state, features)
    : ClaimLifecycle.start({ claim: input.claim, policy: input.policy, tables: input.tables, features, declaredHolidays: builtInDeclaredDays(rules8 ? DECLARED_DAYS_VERSION : 1) });
  if (input.state && rules8) lc.declareHolidays(builtInDeclaredDays());
  let stepped = !input.state; // effects of the start are waiting to be carried out

  // Insertion order is the order applied: the oldest is forgotten first.
  const applied = new Map<string, ActionResult>(input.appliedActions ?? []);
  const remembered = (): ActionResult | undefined => (rememberActions ? applied.get(currentUpdateInfo()?.id ?? '') : undefined);
  setHandler(
    actionUpdate,
    (event) => {
      const before = remembered();
      if (before) return before;
      const r = lc.apply(event);
      if (!r.ok) throw ApplicationFailure.nonRetryable(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '), 'ActionRefused', ...r.problems);
      stepped = true;
      // `applied` says which action this update id applied: a retry with the same id gets this answer again.
      const result: ActionResult = { ok: true as const, seq: lc.state.seq, applied: event, ...(Object.keys(r.outcome).length ? { outcome: r.outcome } : {}) };
      if (rememberActions) {
        applied.set(currentUpdateInfo()!.id, result);
        for (const id of applied.keys()) if (applied.size > REMEMBERED_ACTIONS) applied.delete(id);
      }
      return result;
    },
    {
      validator: (event) => {
        // An action already applied is answered again, not judged again (the claim has moved on since).
        if (remembered()) return;
        const problem = refusal(lc.state, event, parseEventTime(event.at));
        if (problem) throw ApplicationFailure.nonRetryable(`${problem.path}: ${problem.message}`, 'ActionRefused', problem);
      },
    },
  );
  // A projection on a copy: queries must not change the claim.
  setHandler(timelineQuery, (until) => {
    const day = until ?? now().date;
    // Projecting decades ahead would tie up the worker: ten years past the claim's clock at most.
    if (day > addDays(lc.state.clock.date, 3653)) throw new Error(`until ${day} is more than ten years after the claim's clock (${lc.state.clock.date})`);
    const copy = ClaimLifecycle.restore(JSON.parse(JSON.stringify(lc.state)), lc.features);
    copy.advanceTo({ date: day, minuteOfDay: END_OF_DAY_MINUTE });
    return timelineOf(copy, day);
  });
  setHandler(decisionsQuery, () => decisionsOf(lc.state));
  setHandler(appliedActionQuery, (updateId) => applied.get(updateId) ?? null);
  setHandler(summaryQuery, () => {
    const s = lc.state;
    return {
      claimId: input.claimId,
      classification: s.classification,
      segment: s.segment,
      notificationDate: s.notificationDate,
      significanceDate: s.significanceDate,
      finalisedOn: s.finalisedOn,
      clock: s.clock,
    };
  });

  const parts = new Map<string, { kind: PartKind; running: boolean }>(input.parts ?? []);
  setHandler(partsQuery, () => [...parts].map(([id, p]) => ({ id, ...p, workflowId: claimPartWorkflowId(workflowInfo().workflowId, id) })));

  const sendToPart = async (part: PartRef, effects: Effect[], end: boolean) => {
    await activities.sendToPart({ claimId: input.claimId, workflowId: claimPartWorkflowId(workflowInfo().workflowId, part.id), part, effects, end });
    parts.set(part.id, { kind: part.kind, running: !end });
  };
  const endFinishedParts = async () => {
    // Effects still waiting to be drained may be some part's last: they go first, with its end.
    if (endPartsAfterTheirEffects && lc.hasPendingEffects()) return;
    for (const [id, p] of [...parts]) if (p.running && partFinished(lc.state, { id, kind: p.kind })) await sendToPart({ id, kind: p.kind }, [], true);
  };
  const carryOut = async (effects: Effect[]) => {
    if (!partWorkflows) return carryOutEffects(input.claimId, effects);
    const split = splitEffects(lc.state, effects);
    for (const { part, effects: mine } of split.parts) await sendToPart(part, mine, partFinished(lc.state, part));
    if (split.own.length) await carryOutEffects(input.claimId, split.own);
    await endFinishedParts();
  };

  for (;;) {
    if (drainActionsDuringActivity) stepped = false;
    const effects = lc.drainEffects();
    if (effects.length) await carryOut(effects);
    // A part can end on an action with no effect of its own (an IME cancelled after its notice went).
    else if (partWorkflows) await endFinishedParts();
    // A finalised claim stays addressable (its timeline, and a refusal for any action) but has no timers.
    const info = workflowInfo();
    if (info.historyLength > (input.historyLimit ?? DEFAULT_HISTORY_LIMIT) || info.continueAsNewSuggested) {
      await condition(allHandlersFinished);
      if (drainBeforeContinueAsNew) {
        for (let pending = lc.drainEffects(); pending.length; pending = lc.drainEffects()) {
          await carryOut(pending);
          await condition(allHandlersFinished);
        }
      }
      // The parts' workflows are not children: they go on while the claim continues as new.
      return continueAsNew<typeof claimWorkflow>({
        ...input,
        state: lc.state,
        ...(partWorkflows ? { parts: [...parts] } : {}),
        ...(rememberActions ? { appliedActions: [...applied] } : {}),
      });
    }
    if (!drainActionsDuringActivity) stepped = false;
    const next = lc.nextWakeUp();
    const waitMs = next ? Math.max(0, sydneyInstant(next.date, next.minuteOfDay) - (Date.now() + offset)) : undefined;
    if (stepped && drainActionsDuringActivity) {
      // an action came in while the effects were carried out: handle it before waiting
    } else if (waitMs === undefined) await condition(() => stepped);
    else if (waitMs > 0) await condition(() => stepped, waitMs);
    lc.advanceTo(now());
  }
}
