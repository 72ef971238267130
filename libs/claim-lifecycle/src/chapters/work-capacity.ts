import { addDays } from '@wc/rules';
import type { LocalDate } from '@wc/rules';
import { recordEntitlementFact } from '../entitlement-facts';
import { checkWeekTriggers, highestNeeds, scheduleWeekTriggers, wpiAbove } from '../week-triggers';
import { ChapterContext, chapter, problem } from './chapter';
import { reviewMedicalPeriod } from './treatment';

/**
 * Capacity for work and what it is worth (program 2.4 and 4.6 certificates of capacity, 5.6 work
 * capacity assessments; 1987 Act s32A-s39 and s44B; docs/rules.md §4, §6): certificates and their
 * renewal, earnings, assessments of work capacity and of permanent impairment, s38 approvals, and
 * the entitlement weeks whose start opens an obligation.
 */
export const workCapacity = chapter({
  name: 'work capacity',
  events: ['certificate.received', 'earnings.reported', 'wca.completed', 'wpi.assessed', 's38.approved'] as const,
  refuse(_state, event) {
    if (event.type === 'certificate.received' && event.to < event.from) return problem('to', `is before from (${event.from})`);
    return null;
  },
  handle(ctx, event, date) {
    const l = ctx.ledger;
    switch (event.type) {
      case 'certificate.received': {
        // program 2.4, 4.6: the next certificate (any capacity) continuing the last one renews it.
        for (const o of l.openOf('certificate.renewal')) {
          const renewed = ctx.state.certificates.find((c) => c.id === o.certificateId);
          if (renewed && event.from <= addDays(renewed.to, 1)) l.complete(o, date, event.type);
        }
        recordEntitlementFact(ctx.state, event, date);
        openCertificateRenewals(ctx, date);
        if (event.capacity !== 'fit') scheduleWeekTriggers(ctx);
        reviewMedicalPeriod(ctx, date);
        return;
      }
      case 'earnings.reported':
        recordEntitlementFact(ctx.state, event, date);
        return;
      case 'wca.completed': {
        l.completeAll('wca.78-weeks', date, event.type);
        l.completeAll('wca.biennial', date, event.type);
        // program 5.6: after week 131 starts, each assessment opens the next one two years on.
        const t131 = ctx.state.weekTriggers.find((t) => t.week === 131);
        if (t131?.startedOn && t131.startedOn <= date && !highestNeeds(ctx.state)) l.open('wca.biennial', date, {});
        return;
      }
      case 'wpi.assessed':
        recordEntitlementFact(ctx.state, event, date);
        if (highestNeeds(ctx.state)) l.cancelAll('wca.biennial', date, `${event.type}: ${event.percent}%`);
        // docs/rules.md §8.4: above 20% weekly payments go on after 260 weeks (s39(2)), so no s39 notice.
        if (wpiAbove(ctx.state, 20)) l.cancelAll('s39.notice', date, `${event.type}: ${event.percent}%`);
        reviewMedicalPeriod(ctx, date);
        return;
      case 's38.approved':
        recordEntitlementFact(ctx.state, event, date);
        return;
    }
  },
  dayStart(ctx, day) {
    checkWeekTriggers(ctx, day);
  },
  wakeUps(state) {
    return state.weekTriggers.filter((t) => !t.startedOn && t.nextCheck).map((t) => t.nextCheck!);
  },
});

/**
 * docs/rules.md §4 certificate.renewal: opens for each none/some certificate once liability is
 * provisional or accepted, unless its next certificate has arrived, the worker is back on pre-injury
 * duties or the claim is finalised; and (§8.3) never from the first day no longer payable after a
 * discontinuance.
 */
export function openCertificateRenewals(ctx: ChapterContext, date: LocalDate): void {
  const s = ctx.state;
  const last = s.liability[s.liability.length - 1]?.decision;
  if (last !== 'provisional' && last !== 'accepted') return;
  if (s.rtwPreInjuryOn || s.finalisedOn) return;
  if (s.discontinuance && date >= s.discontinuance.firstDayNotPayable) return;
  const opened = new Set(s.obligations.filter((o) => o.type === 'certificate.renewal').map((o) => o.certificateId));
  for (const c of s.certificates) {
    if (c.capacity === 'fit' || opened.has(c.id)) continue;
    const continued = s.certificates.some((n) => n.seq > c.seq && n.from <= addDays(c.to, 1));
    if (continued) continue;
    ctx.ledger.open('certificate.renewal', date, { 'certificate-to': c.to }, { certificateId: c.id });
  }
}

/** After a liability decision: certificates waiting for one open their renewals, the week triggers look again, and so does s59A. */
export function afterLiabilityDecision(ctx: ChapterContext, date: LocalDate, payable = true): void {
  if (payable) {
    openCertificateRenewals(ctx, date);
    scheduleWeekTriggers(ctx);
  }
  reviewMedicalPeriod(ctx, date);
}
