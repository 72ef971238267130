import type { ClaimEventType } from '@wc/contracts';
import { CLAIM_EVENT_TYPES } from '@wc/contracts';
import type { Chapter } from './chapter';
import { disputesAndReviews } from './disputes-and-reviews';
import { entitlementDecisions } from './entitlement-decisions';
import { finalisation } from './finalisation';
import { injuryManagement } from './injury-management';
import { intake } from './intake';
import { liability } from './liability';
import { paymentClocks } from './payment-clocks';
import { treatment } from './treatment';
import { workCapacity } from './work-capacity';

export * from './chapter';

/**
 * The chapters of a claim's life, in the order their day starts run (work capacity first: its
 * week triggers ran first before the chapters were split, and effects keep their order on replay).
 */
export const CHAPTERS: readonly Chapter[] = [
  intake,
  liability,
  workCapacity,
  injuryManagement,
  treatment,
  disputesAndReviews,
  entitlementDecisions,
  paymentClocks,
  finalisation,
] as unknown as Chapter[];

const BY_EVENT = new Map<ClaimEventType, Chapter>();
for (const c of CHAPTERS) for (const e of c.events) BY_EVENT.set(e, c);

/** The chapter that handles an event type: every event type has exactly one (tested). */
export function chapterOf(type: ClaimEventType): Chapter {
  const c = BY_EVENT.get(type);
  if (!c) throw new Error(`no chapter handles ${type}`);
  return c;
}

/** Event types no chapter handles, and those two chapters claim: both empty (a test keeps it so). */
export function chapterCoverage(): { missing: ClaimEventType[]; twice: ClaimEventType[] } {
  const all = CHAPTERS.flatMap((c) => c.events);
  return { missing: CLAIM_EVENT_TYPES.filter((t) => !all.includes(t)), twice: all.filter((t, i) => all.indexOf(t) !== i) };
}
