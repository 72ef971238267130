import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ClaimEvent, FieldProblem, Notification } from '@wc/contracts';
import type { ClaimState, Effect, Timeline, TimelineDetails } from '@wc/claim-lifecycle';
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
}

/** The workflow id of a claim: derived from its claim number so a claim has exactly one. */
export function claimWorkflowId(claimNumber: string): string {
  return `claim-${claimNumber}`;
}

export const DEFAULT_HISTORY_LIMIT = 2000;

/** A staff action. Refused actions are rejected by the validator and never enter the history. */
export const actionUpdate = defineUpdate<{ ok: true; seq: number }, [ClaimEvent]>('action');
export const timelineQuery = defineQuery<{ timeline: Timeline; details: TimelineDetails }, [LocalDate?]>('timeline');
export const summaryQuery = defineQuery<ClaimSummary>('summary');

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
  /** Carries out what a step decided: records obligations and escalations, requests notices. */
  carryOutEffects(input: { claimId: string; effects: Effect[] }): Promise<void>;
}

export type { FieldProblem };
