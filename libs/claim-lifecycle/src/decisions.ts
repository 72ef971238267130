import { LocalDate, suspendedDays, suspensionEnds, warningOpenOn } from '@wc/rules';
import type { RecordedDiscontinuance } from './entitlement-facts';
import type { ClaimState } from './state';

/** What staff see of docs/rules.md §8 on a claim: its treatment requests, s48A warnings and any discontinuance. */
export interface ClaimDecisions {
  treatmentRequests: Array<{
    ref: string;
    treatment: string | null;
    provider: string | null;
    cost: string | null;
    requestedOn: LocalDate;
    acknowledgementDueOn: LocalDate | null;
    acknowledgedOn: LocalDate | null;
    decisionDueOn: LocalDate | null;
    decision: { outcome: 'approved' | 'declined'; on: LocalDate } | null;
    open: boolean;
  }>;
  s48aWarnings: Array<{ issuedOn: LocalDate; suspendFrom: LocalDate; suspensionEndsOn: LocalDate; compliedOn: LocalDate | null; suspended: { from: LocalDate; to: LocalDate } | null; open: boolean }>;
  discontinuance: RecordedDiscontinuance | null;
}

export function decisionsOf(s: ClaimState): ClaimDecisions {
  const day = s.clock.date;
  const of = (ref: string, type: string) => s.obligations.find((o) => o.ref === ref && o.type === type);
  return {
    treatmentRequests: s.instances
      .filter((i) => i.kind === 'treatment')
      .map((i) => {
        const ack = of(i.ref, 'treatment.acknowledgement');
        const dec = of(i.ref, 'treatment.decision');
        return {
          ref: i.ref,
          treatment: i.request?.treatment ?? null,
          provider: i.request?.provider ?? null,
          cost: i.request?.cost ?? null,
          requestedOn: i.openedOn,
          acknowledgementDueOn: ack?.dueOn ?? null,
          acknowledgedOn: ack?.completedOn ?? null,
          decisionDueOn: dec?.dueOn ?? null,
          decision: i.decision ?? null,
          open: !i.closed && !s.finalisedOn,
        };
      }),
    s48aWarnings: (s.s48aWarnings ?? []).map((w) => ({
      issuedOn: w.issuedOn,
      suspendFrom: w.suspendFrom,
      suspensionEndsOn: suspensionEnds(w),
      compliedOn: w.compliedOn,
      // Only what has begun: a suspension date still ahead has suspended nothing yet.
      suspended: w.suspendFrom <= day ? clip(suspendedDays(w), day) : null,
      open: warningOpenOn(w, day) && !s.finalisedOn,
    })),
    discontinuance: s.discontinuance ?? null,
  };
}

const clip = (d: { from: LocalDate; to: LocalDate } | null, day: LocalDate) => (d ? { from: d.from, to: d.to < day ? d.to : day } : null);
