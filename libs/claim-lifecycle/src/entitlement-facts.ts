import type { ActionOutcomeData, ClaimEvent } from '@wc/contracts';
import {
  CertificateFact,
  addDays,
  Discontinuance,
  DiscontinuanceBasis,
  EarningsFact,
  LiabilityFact,
  LocalDate,
  ParameterTables,
  S48aWarning,
  continuousPaidDaysEndingOn,
  s80Discontinuance,
  sydneyDate,
  warningOpenOn,
} from '@wc/rules';
import { valueEntitlement } from './valuation';

export interface ReceivedCertificate extends CertificateFact {
  id: string;
  seq: number;
}

/** A discontinuance as recorded on the claim: by a notice under s80, or by terminating after an s48A suspension. */
export interface RecordedDiscontinuance extends Discontinuance {
  by: 'weekly.discontinued' | 's48a.terminated';
}

/**
 * The facts weekly compensation is valued from (docs/rules.md §6 and §8): what the claim's lifecycle
 * keeps in its state and what the payments service rebuilds from the published staff actions, with
 * the same code (`recordEntitlementFact`), so the two never read an action differently.
 */
export interface EntitlementFacts {
  /** In the order received: where certificates overlap, the one received last decides (docs/rules.md §6). */
  certificates: ReceivedCertificate[];
  liability: LiabilityFact[];
  earnings: EarningsFact[];
  s38ApprovedOn: LocalDate | null;
  wpi: { on: LocalDate; percent: number }[];
  finalisedOn: LocalDate | null;
  /** s48A warnings (docs/rules.md §8.2); absent on claims recorded before §8. */
  s48aWarnings?: S48aWarning[];
  /** docs/rules.md §8.3; absent on claims recorded before §8. */
  discontinuance?: RecordedDiscontinuance | null;
  seq: number;
}

export function emptyEntitlementFacts(): EntitlementFacts {
  return { certificates: [], liability: [], earnings: [], s38ApprovedOn: null, wpi: [], finalisedOn: null, s48aWarnings: [], discontinuance: null, seq: 0 };
}

/** What a recorded action decided that is not in the action itself (the lifecycle works it out; payments reads it back). */
export interface ActionOutcome {
  /** The instance an action created or applied to (a treatment request, a complaint...). */
  ref?: string;
  /** weekly.discontinued, s48a.terminated: when payments stop (docs/rules.md §8.3). */
  discontinuance?: RecordedDiscontinuance;
}

// The published contract (claim.action-recorded's `outcome`) carries exactly this shape.
const _sameShape: [ActionOutcome, ActionOutcomeData] = [{} as ActionOutcomeData, {} as ActionOutcome];
void _sameShape;

/** The valuation a discontinuance needs to count C (docs/rules.md §8.3). */
export interface Valuation {
  piawe: string;
  /** Injuries before 26 Oct 2018: the PIAWE for weeks after the 52nd (former s44C(1)); the lifecycle does not know it. */
  piaweAfter52Weeks?: string | null;
  tables: ParameterTables;
}

/**
 * docs/rules.md §8.3: notice given on `noticeOn`; C counted from the facts as they are now (certificates
 * and earnings recorded later do not count), then the s80 notice period.
 */
export function decideDiscontinuance(f: EntitlementFacts, v: Valuation, noticeOn: LocalDate, basis: DiscontinuanceBasis, by: RecordedDiscontinuance['by']): RecordedDiscontinuance {
  const valuation = valueEntitlement(f, v, noticeOn, { includeBlockInProgress: true });
  return { ...s80Discontinuance(noticeOn, basis, continuousPaidDaysEndingOn(valuation, noticeOn)), by };
}

/** The warning open on `day`, if any (docs/rules.md §8.2: at most one is). */
export function openWarning(f: EntitlementFacts, day: LocalDate): S48aWarning | undefined {
  return (f.s48aWarnings ?? []).find((w) => warningOpenOn(w, day));
}

/**
 * Records what an accepted action changes in the facts. `outcome` is what the lifecycle decided
 * when it accepted the action (a discontinuance's dates); without it a discontinuance is decided
 * here from `valuation`, with the same rules.
 */
export function recordEntitlementFact(f: EntitlementFacts, event: ClaimEvent, date: LocalDate, outcome?: ActionOutcome, valuation?: Valuation): void {
  switch (event.type) {
    case 'certificate.received':
      f.seq++;
      f.certificates.push({ id: `certificate#${f.seq}`, seq: f.seq, capacity: event.capacity, from: event.from, to: event.to, receivedOn: date });
      return;
    case 'liability.provisional':
      f.liability.push({ on: date, decision: 'provisional' });
      return;
    case 'liability.accepted':
      f.liability.push({ on: date, decision: 'accepted' });
      return;
    case 'liability.disputed':
      f.liability.push({ on: date, decision: 'disputed' });
      return;
    case 'earnings.reported':
      f.earnings.push({ weekStarting: event.weekStarting, amount: event.amount, hours: event.hours });
      return;
    case 'wpi.assessed':
      f.wpi.push({ on: date, percent: event.percent });
      return;
    case 's38.approved':
      f.s38ApprovedOn ??= date;
      return;
    case 'claim.finalised':
      f.finalisedOn ??= date;
      return;
    case 's48a.warning-issued':
      (f.s48aWarnings ??= []).push({ issuedOn: date, suspendFrom: event.suspendFrom, compliedOn: null });
      return;
    case 's48a.complied': {
      const w = openWarning(f, date);
      if (w) w.compliedOn = date;
      return;
    }
    case 'weekly.discontinued':
    case 's48a.terminated': {
      if (f.discontinuance) return;
      const basis = event.type === 'weekly.discontinued' ? event.basis : 'other';
      const decided = outcome?.discontinuance ?? (valuation ? decideDiscontinuance(f, valuation, date, basis, event.type) : undefined);
      if (!decided) throw new Error(`${event.type} on ${date}: neither the decided discontinuance nor a valuation to decide it was given`);
      f.discontinuance = decided;
      return;
    }
    default:
      return;
  }
}

/** The action types that change what is payable (the payments service keeps only these). */
export const ENTITLEMENT_FACT_TYPES: ReadonlySet<ClaimEvent['type']> = new Set([
  'certificate.received',
  'liability.provisional',
  'liability.accepted',
  'liability.disputed',
  'earnings.reported',
  'wpi.assessed',
  's38.approved',
  'claim.finalised',
  's48a.warning-issued',
  's48a.complied',
  'weekly.discontinued',
  's48a.terminated',
]);

/**
 * The facts from a claim's accepted actions in the order they were recorded (the payments
 * service's copy of claim.action-recorded), each read exactly as the lifecycle read it.
 */
export function entitlementFactsFromActions(actions: Array<{ event: ClaimEvent; outcome?: ActionOutcome }>, valuation: Valuation): EntitlementFacts {
  const f = emptyEntitlementFacts();
  for (const a of actions) recordEntitlementFact(f, a.event, sydneyDate(a.event.at), a.outcome, valuation);
  return f;
}

/**
 * Whether weekly payments were ever payable, are still, or ceased (the s59A period and docs/medical-assessment.md's
 * `weeklyPayments`), as the facts stand on `day`: they cease on the first day no longer payable
 * after a discontinuance or an s48A termination, or after week 260 when WPI is not above 20% (s39).
 * Payments that merely stopped for want of a certificate have not ceased to be payable while the
 * worker stays entitled (Vella v Penrith City Council [2014] NSW WCC PD 363).
 */
export function weeklyPaymentsState(f: EntitlementFacts, v: Valuation, day: LocalDate): { status: 'never' } | { status: 'current' } | { status: 'ceased'; on: LocalDate } {
  const valued = valueEntitlement(f, v, day, { includeBlockInProgress: true });
  if (valued.weeks.length === 0) return { status: 'never' };
  const latest = f.wpi.length ? f.wpi[f.wpi.length - 1].percent : null;
  const week260 = valued.weeks.find((w) => w.week === 260);
  const s39End = week260 && (latest === null || latest <= 20) ? addDays(week260.from, 7) : null;
  const ceased = [f.discontinuance?.firstDayNotPayable, s39End].filter((d): d is LocalDate => !!d).sort()[0];
  return ceased ? { status: 'ceased', on: ceased } : { status: 'current' };
}
