import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ClaimEvent, FieldProblem, Notification } from '@wc/contracts';
import type { ActionOutcome, ClaimDecisions, ClaimState, Effect, PartKind, PartRef, Timeline, TimelineDetails } from '@wc/claim-lifecycle';
import type { EscalationPolicy, LocalDate, ParameterTables } from '@wc/rules';

export const CLAIM_TASK_QUEUE = 'claims';

export interface ClaimWorkflowInput {
  claimId: string;
  claim: Notification;
  policy?: EscalationPolicy;
  /** Tables that replace the built-in ones (simulate's `parameters`; a test's). */
  tables?: Partial<ParameterTables>;
  /**
   * Milliseconds added to the server's clock to get the claim's clock. Always 0 in production;
   * `simulate` replays claims dated in the past on a time-skipping server that only moves forward.
   */
  clockOffsetMs?: number;
  /** continueAsNew once the history has more events than this. */
  historyLimit?: number;
  /** Carried across continueAsNew. */
  state?: ClaimState;
  /** The parts given a workflow so far, and whether each is still going (carried across continueAsNew). */
  parts?: Array<[string, { kind: PartKind; running: boolean }]>;
  /** The latest actions applied, by update id, with their answers (carried across continueAsNew; appliedActionQuery). */
  appliedActions?: Array<[string, ActionResult]>;
}

/** A part of a claim with a life of its own, run as a workflow of its own (claim/parts.ts). */
export interface ClaimPartInput {
  claimId: string;
  part: PartRef;
}

/** The workflow id of a part: the claim's workflow id and the part's id, so each part has exactly one. */
export function claimPartWorkflowId(claimWorkflowId: string, partId: string): string {
  return `${claimWorkflowId}/${partId}`;
}

/**
 * The claim sends a part its effects, in order; `end` says the part has ended (after these).
 * `batchId` is the same on every retry of the sending activity: a part carries out a batch once.
 */
export const partEffectsSignal = defineSignal<[Effect[], boolean, string]>('partEffects');
export const partQuery = defineQuery<PartRef & { effectsCarriedOut: number; batchesWaiting: number; ending: boolean }>('part');
/** The claim's parts and whether each part's workflow is still going. */
export const partsQuery = defineQuery<Array<{ id: string; kind: PartKind; running: boolean; workflowId: string }>>('parts');

/** The workflow id of a claim: derived from its claim number so a claim has exactly one. */
export function claimWorkflowId(claimNumber: string): string {
  return `claim-${claimNumber}`;
}

export const DEFAULT_HISTORY_LIMIT = 2000;

/** A staff action. Refused actions are rejected by the validator and never enter the history. */
export const actionUpdate = defineUpdate<ActionResult, [ClaimEvent]>('action');
/** An accepted action, and what the claim decided with it (a treatment request's ref, a discontinuance's dates). */
export interface ActionResult {
  ok: true;
  seq: number;
  outcome?: ActionOutcome;
  /** The action this update id applied (absent in answers recorded before 2026-12-06). */
  applied?: ClaimEvent;
}
/**
 * How many applied actions the claim remembers by update id. The claims service asks about an
 * action it sent but could not record (it died between the update and its commit) within minutes;
 * the last 200 of a claim's actions cover that many times over.
 */
export const REMEMBERED_ACTIONS = 200;
/** The answer the claim gave the action with this update id, or null if it never applied one. */
export const appliedActionQuery = defineQuery<ActionResult | null, [string]>('appliedAction');
export const timelineQuery = defineQuery<{ timeline: Timeline; details: TimelineDetails }, [LocalDate?]>('timeline');
export const summaryQuery = defineQuery<ClaimSummary>('summary');
/** docs/rules.md §8 on the claim: treatment requests, s48A warnings, a discontinuance. */
export const decisionsQuery = defineQuery<ClaimDecisions>('decisions');

export interface ClaimSummary {
  claimId: string;
  classification: string;
  segment: string;
  notificationDate: LocalDate;
  significanceDate: LocalDate | null;
  finalisedOn: LocalDate | null;
  clock: { date: LocalDate; minuteOfDay: number };
}

/** The activities the claim workflow calls (ports; adapters are chosen by whoever runs the worker). */
export interface ClaimActivities {
  /**
   * Carries out what a step decided: records obligations and escalations, requests notices. With
   * `stopWhenRefused` (runs of workflow version 10 on), an answer that no retry can change (the
   * claims service refusing the batch: 400, 401, 403, 404, 413, 422) fails it at once, as a
   * non-retryable EFFECTS_REFUSED failure, and the workflow raises an incident and waits.
   */
  carryOutEffects(input: { claimId: string; effects: Effect[]; stopWhenRefused?: boolean }): Promise<void>;
  /** Tells the platform's operators that a claim's effects were refused and the workflow is waiting (refused-effects.ts). */
  raiseIncident(input: EffectsIncident): Promise<void>;
  /** Gives a part's workflow its effects, starting it if it is not running (signal-with-start). */
  sendToPart(input: { claimId: string; workflowId: string; part: PartRef; effects: Effect[]; end: boolean }): Promise<void>;
}

export type { FieldProblem };

/** The memo key that starts a run traced (tracing-interceptors.ts): the claims service and the production worker set it. */
export const TRACED_MEMO = 'traced';

/** The failure type of an effects batch the claims service refused (ClaimActivities.carryOutEffects). */
export const EFFECTS_REFUSED = 'EffectsRefused';

/** A batch of effects the claims service refused, which the workflow waits on until an operator has it retried. */
export interface EffectsIncident {
  claimId: string;
  workflowId: string;
  runId: string;
  /** The same for every raising of one refusal: the incident is recorded once. */
  key: string;
  /** The HTTP status the claims service answered. */
  status: number;
  message: string;
  /** The kinds of effect in the batch (what is waiting). */
  kinds: string[];
  /** When the workflow stopped (its own time, ISO). */
  since: string;
}
/** An operator has fixed the cause: carry out the refused batch again. */
export const retryEffectsSignal = defineSignal('retryEffects');
/** The refused batch the workflow is waiting on, if any. */
export const stuckEffectsQuery = defineQuery<EffectsIncident | null>('stuckEffects');
