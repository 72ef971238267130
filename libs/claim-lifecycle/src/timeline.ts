import { LocalDate, OBLIGATION_TYPES, ParameterError, employerExcess } from '@wc/rules';
import type { ClaimLifecycle } from './lifecycle';
import type { ObligationRecord } from './state';

export type ObligationStatus = 'met' | 'late' | 'overdue' | 'open' | 'cancelled';

/** docs/simulate.md's timeline: what the platform did with a claim, as at the end of `until`. */
export interface Timeline {
  name?: string;
  claim: {
    notificationDate: LocalDate;
    significanceDate: LocalDate | null;
    classification: string;
    segment: string;
    employerExcess: string | null;
  };
  obligations: { type: string; openedOn: LocalDate; dueOn: LocalDate; status: ObligationStatus; completedOn: LocalDate | null; escalatedOn: LocalDate | null }[];
  notices: { type: string; on: LocalDate; to: string[] }[];
  payments: { week: number; from: LocalDate; to: LocalDate; amount: string }[];
}

/** Explanations staff and auditors ask for, beyond the simulate contract. */
export interface TimelineDetails {
  warnings: string[];
  obligations: (Timeline['obligations'][number] & { id: string; rule: string; source: string; cancelledOn: LocalDate | null; ref?: string })[];
}

/** docs/rules.md §4: status judged at the end of `until`; overdue means not done by the end of `dueOn`. */
export function statusAt(o: ObligationRecord, until: LocalDate): ObligationStatus {
  if (o.completedOn && o.completedOn <= until) return o.completedOn <= o.dueOn ? 'met' : 'late';
  if (o.cancelledOn && o.cancelledOn <= until) return 'cancelled';
  return o.dueOn <= until ? 'overdue' : 'open';
}

const RULE_BOOK_TYPES = new Set<string>(OBLIGATION_TYPES);
/** Notices the platform issues beyond docs/rules.md §5 (simulate's timeline leaves them out, as it leaves out obligations beyond §4 and §8). */
const BEYOND_RULE_BOOK_NOTICES = new Set<string>(['s59a-notice']);

function sortObligations<T extends { openedOn: string; type: string; dueOn: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.openedOn !== b.openedOn ? cmp(a.openedOn, b.openedOn) : a.type !== b.type ? cmp(a.type, b.type) : cmp(a.dueOn, b.dueOn)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The timeline as at the end of `until`. The lifecycle must have been advanced to the end of that
 * day (the workflow's query does this on a copy).
 */
export function timelineOf(lc: ClaimLifecycle, until: LocalDate, name?: string): { timeline: Timeline; details: TimelineDetails } {
  const s = lc.state;
  const opened = s.obligations.filter((o) => o.openedOn <= until && RULE_BOOK_TYPES.has(o.type));
  const view = (o: ObligationRecord) => ({
    type: o.type,
    openedOn: o.openedOn,
    dueOn: o.dueOn,
    status: statusAt(o, until),
    completedOn: o.completedOn && o.completedOn <= until ? o.completedOn : null,
    escalatedOn: o.escalatedOn && o.escalatedOn <= until ? o.escalatedOn : null,
  });
  const warnings: string[] = [];
  let payments: Timeline['payments'] = [];
  let excess: string | null = null;
  if (s.claim.piawe) {
    const weekly = lc.valueEntitlement(until);
    payments = weekly.weeks.map((w) => ({ week: w.week!, from: w.from, to: w.to, amount: w.amount }));
    warnings.push(...weekly.warnings);
    try {
      const e = employerExcess({
        piawe: s.claim.piawe,
        dateOfInjury: s.claim.injury.dateOfInjury,
        employerAwareOn: s.claim.injury.employerAwareOn,
        firstReceivedOn: s.firstReceivedOn,
        tables: s.tables,
      });
      excess = e.amount;
      warnings.push(...e.warnings);
    } catch (e) {
      if (!(e instanceof ParameterError)) throw e;
      warnings.push(`employer excess not computed: ${e.message}`);
    }
  } else warnings.push('no PIAWE recorded: weekly compensation and employer excess not computed');
  const notices = s.notices
    .filter((n) => n.on <= until && !BEYOND_RULE_BOOK_NOTICES.has(n.type))
    .map((n) => ({ type: n.type, on: n.on, to: n.to }))
    .sort((a, b) => (a.on !== b.on ? cmp(a.on, b.on) : a.type !== b.type ? cmp(a.type, b.type) : cmp(a.to.join(), b.to.join())));
  const timeline: Timeline = {
    ...(name !== undefined ? { name } : {}),
    claim: {
      notificationDate: s.notificationDate,
      significanceDate: s.significanceDate && s.significanceDate <= until ? s.significanceDate : null,
      classification: s.classification,
      segment: s.segment,
      employerExcess: excess,
    },
    obligations: sortObligations(opened).map(view),
    notices,
    payments,
  };
  const details: TimelineDetails = {
    warnings,
    obligations: sortObligations(opened).map((o) => ({ ...view(o), id: o.id, rule: o.due.rule, source: o.due.source, cancelledOn: o.cancelledOn, ...(o.ref ? { ref: o.ref } : {}) })),
  };
  return { timeline, details };
}
