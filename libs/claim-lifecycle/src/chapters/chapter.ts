import type { ClaimEvent, ClaimEventType, FieldProblem } from '@wc/contracts';
import type { BusinessCalendar, LocalDate, SydneyDateTime, WeeklyCompensationResult } from '@wc/rules';
import type { ActionOutcome, Valuation } from '../entitlement-facts';
import type { ValuationOptions } from '../valuation';
import type { ObligationLedger } from '../ledger';
import type { ClaimState, Effect, NoticeFacts, NoticeType, Recipient } from '../state';

/** Behaviour that changed after claims were already running; the workflow sets these from patched(). */
export interface LifecycleFeatures {
  /** Emit `obligation-rescheduled` when a due date moves (2026-11-22). */
  rescheduledEffect: boolean;
  /**
   * docs/rules.md §8 things that happen by the passing of time alone (2026-12-06): the s39 notice at
   * entitlement week 235, the end of weekly payments at week 260 and the s59A medical period. They
   * would change the timers of claims already running, so those keep the old behaviour until their
   * workflow takes the new version.
   */
  rules8Clocks: boolean;
  /**
   * Nothing happens by time alone once the claim is finalised (2026-12-06, version 6): no s48A
   * suspension notice for a warning given before it, no wake-up for a discontinuance or an
   * entitlement week. Before it, a finalised claim with §8 clocks still woke, and could send a notice.
   */
  quietAfterFinalisation: boolean;
}

/** What a chapter may use while it applies an event or the passing of time. */
export interface ChapterContext {
  readonly state: ClaimState;
  readonly ledger: ObligationLedger;
  readonly cal: BusinessCalendar;
  readonly features: LifecycleFeatures;
  /** Issues a notice (docs/rules.md §5) on `on`; `to` defaults to the notice type's recipients. */
  notice(type: NoticeType, on: LocalDate, cause: string, to?: Recipient[], ref?: string, facts?: NoticeFacts): void;
  emit(effect: Effect): void;
  /** The PIAWE and tables weekly compensation is valued with. */
  valuation(): Valuation;
  /** The claim's weekly compensation as its facts stand now, valued through `through` (valuation.ts). */
  valueEntitlement(through: LocalDate, opts?: ValuationOptions): WeeklyCompensationResult;
  /** What the action being applied decided, for whoever recorded it. */
  readonly outcome: ActionOutcome;
}

export type EventOf<T extends ClaimEventType> = Extract<ClaimEvent, { type: T }>;

/**
 * One chapter of a claim's life (named after the Injury Management Program's sections and the
 * Acts): the events it handles, the ones it refuses and why (docs/rules.md §8.5: a refused event changes
 * nothing), and what the passing of days does to it. `lifecycle.ts` keeps the clock, the dispatch
 * and the 09:00 sweep; every rule lives in exactly one chapter.
 */
export interface Chapter<T extends ClaimEventType = ClaimEventType> {
  name: string;
  events: readonly T[];
  /** Why the event cannot be recorded now (shape was checked by the zod contract before), or null. */
  refuse?(state: ClaimState, event: EventOf<T>, at: SydneyDateTime): FieldProblem | null;
  handle(ctx: ChapterContext, event: EventOf<T>, date: LocalDate): void;
  /** 00:00 of `day`: what the passing of time changes (after overdue notices are sent). */
  dayStart?(ctx: ChapterContext, day: LocalDate): void;
  /** Days whose start may change something in this chapter (the claim's timers). */
  wakeUps?(state: ClaimState, features: LifecycleFeatures): LocalDate[];
}

export function chapter<T extends ClaimEventType>(c: Chapter<T>): Chapter<T> {
  return c;
}

export const problem = (path: string, message: string): FieldProblem => ({ path, message });
