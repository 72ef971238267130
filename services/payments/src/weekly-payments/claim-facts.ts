import { ENTITLEMENT_FACT_TYPES, type ActionOutcome, entitlementFactsFromActions, entitlementInputOf } from '@wc/claim-lifecycle';
import type { ClaimEvent } from '@wc/contracts';
import type { LocalDate, ParameterTables, WeeklyCompensationInput } from '@wc/rules';

/** A staff action payments keeps (claim.action-recorded), with what the claim decided with it (docs/rules.md §8.3's dates). */
export interface RecordedAction {
  event: ClaimEvent;
  outcome?: ActionOutcome;
}

/**
 * The facts weekly compensation depends on, read from the published staff actions by the claim
 * lifecycle's own reader (libs/claim-lifecycle entitlement-facts.ts), so payments and the claim's
 * workflow never read an action differently: certificates in the order received, the latest
 * earnings report for a week, s48A suspensions, and a discontinuance on the dates the claim decided.
 */
export function entitlementInputFrom(actions: RecordedAction[], piawe: string, through: LocalDate, tables: ParameterTables): WeeklyCompensationInput {
  const valuation = { piawe, tables };
  return entitlementInputOf(entitlementFactsFromActions(actions, valuation), valuation, through);
}

/** The action types that change what is payable; others are not stored by payments. */
export const PAYMENT_FACTS: ReadonlySet<ClaimEvent['type']> = ENTITLEMENT_FACT_TYPES;
