import type { ClaimEvent } from '@wc/contracts';
import { CertificateFact, EarningsFact, LiabilityFact, LocalDate, ParameterTables, WeeklyCompensationInput, sydneyDate } from '@wc/rules';

/**
 * The facts weekly compensation depends on, read from the staff actions the claims service
 * published, exactly as the claim's workflow reads them (libs/claim-lifecycle): an action's day is
 * its `at` in Sydney; certificates keep the order received (the last received decides an overlap,
 * rules.md §6); a later earnings report for a week replaces an earlier one.
 */
export function entitlementInputFrom(actions: ClaimEvent[], piawe: string, through: LocalDate, tables: ParameterTables): WeeklyCompensationInput {
  const certificates: CertificateFact[] = [];
  const liability: LiabilityFact[] = [];
  const earnings: EarningsFact[] = [];
  const wpiAssessments: { on: LocalDate; percent: number }[] = [];
  let s38ApprovedOn: LocalDate | null = null;
  let finalisedOn: LocalDate | null = null;
  for (const a of actions) {
    const on = sydneyDate(a.at);
    switch (a.type) {
      case 'certificate.received':
        certificates.push({ capacity: a.capacity, from: a.from, to: a.to, receivedOn: on });
        break;
      case 'liability.provisional':
        liability.push({ on, decision: 'provisional' });
        break;
      case 'liability.accepted':
        liability.push({ on, decision: 'accepted' });
        break;
      case 'liability.disputed':
        liability.push({ on, decision: 'disputed' });
        break;
      case 'earnings.reported':
        earnings.push({ weekStarting: a.weekStarting, amount: a.amount, hours: a.hours });
        break;
      case 'wpi.assessed':
        wpiAssessments.push({ on, percent: a.percent });
        break;
      case 's38.approved':
        s38ApprovedOn ??= on;
        break;
      case 'claim.finalised':
        finalisedOn ??= on;
        break;
      default:
        break;
    }
  }
  return { piawe, certificates, liability, earnings, wpiAssessments, s38ApprovedOn, finalisedOn, through, tables };
}

/** The action types that change what is payable; others are not stored by payments. */
export const PAYMENT_FACTS: ReadonlySet<ClaimEvent['type']> = new Set([
  'certificate.received',
  'liability.provisional',
  'liability.accepted',
  'liability.disputed',
  'earnings.reported',
  'wpi.assessed',
  's38.approved',
  'claim.finalised',
]);
