import { addDays, suspendFromProblem, suspensionEnds } from '@wc/rules';
import type { LocalDate } from '@wc/rules';
import { decideDiscontinuance, openWarning, recordEntitlementFact, type RecordedDiscontinuance } from '../entitlement-facts';
import type { ClaimState, NoticeFacts } from '../state';
import { chapter, problem } from './chapter';
import { reviewMedicalPeriod } from './treatment';

/**
 * Decisions that stop or suspend weekly payments (docs/rules.md §8.2-§8.4; program section 5
 * "Management of non-participation"): an s48A warning, its suspension and a termination after it
 * (1998 Act s48A), notice of a discontinuance with the s80 notice period, and the s39 notice before
 * payments end at 260 weeks (1987 Act s39; SIRA Standard of Practice S17).
 */
export const entitlementDecisions = chapter({
  name: 'entitlement decisions',
  events: ['s48a.warning-issued', 's48a.complied', 's48a.terminated', 'weekly.discontinued', 's39.notice-issued'] as const,
  refuse(state, event, at) {
    const day = at.date;
    switch (event.type) {
      case 's48a.warning-issued': {
        const open = openWarning(state, day);
        if (open)
          return problem(
            'type',
            `the s48A warning of ${open.issuedOn} is still open (until the worker complies or its suspension ends on ${suspensionEnds(open)}); a second warning cannot be given (rules.md §8.2)`,
          );
        const p = suspendFromProblem(day, event.suspendFrom);
        return p ? problem('suspendFrom', p) : null;
      }
      case 's48a.complied':
        return openWarning(state, day) ? null : problem('type', 'there is no open s48A warning to comply with (rules.md §8.2)');
      case 's48a.terminated': {
        if (state.discontinuance) return alreadyDiscontinued(state.discontinuance);
        const last = state.s48aWarnings?.[state.s48aWarnings.length - 1];
        if (!last || last.compliedOn || day <= suspensionEnds(last)) {
          return problem('type', 'weekly payments can be terminated under s48A only after a suspension has run its 28 days without the worker complying (s48A(1)(b), (3))');
        }
        return null;
      }
      case 'weekly.discontinued':
        return state.discontinuance ? alreadyDiscontinued(state.discontinuance) : null;
      default:
        return null;
    }
  },
  handle(ctx, event, date) {
    const l = ctx.ledger;
    switch (event.type) {
      case 's48a.warning-issued': {
        recordEntitlementFact(ctx.state, event, date);
        l.open('s48a.compliance', date, { 'suspend-from': event.suspendFrom });
        const w = { issuedOn: date, suspendFrom: event.suspendFrom };
        ctx.notice('s48a-warning', date, event.type, ['worker'], undefined, { suspendFrom: w.suspendFrom, suspensionEndsOn: suspensionEnds(w) });
        return;
      }
      case 's48a.complied':
        // During a suspension, the day of compliance is payable again (s48A(4)): the fact records it.
        l.completeAll('s48a.compliance', date, event.type);
        recordEntitlementFact(ctx.state, event, date);
        return;
      case 'weekly.discontinued':
      case 's48a.terminated': {
        const basis = event.type === 'weekly.discontinued' ? event.basis : 'other';
        const d = decideDiscontinuance(ctx.state, ctx.valuation(), date, basis, event.type);
        ctx.outcome.discontinuance = d;
        recordEntitlementFact(ctx.state, event, date, { discontinuance: d });
        // s78: the decision notice states the date the decision takes effect, after the s80 notice period.
        ctx.notice('decision-notice', date, event.type, ['worker'], undefined, discontinuanceFacts(d));
        reviewMedicalPeriod(ctx, date);
        return;
      }
      case 's39.notice-issued':
        l.completeAll('s39.notice', date, event.type);
        ctx.notice('s39-notice', date, event.type, ['worker'], undefined, s39Facts(ctx.state));
        return;
    }
  },
  dayStart(ctx, day) {
    const s = ctx.state;
    for (const w of s.s48aWarnings ?? []) {
      // docs/rules.md §8.2: not complied with by the end of the day before: suspended from today.
      if (w.suspendFrom === day && !w.compliedOn) {
        ctx.notice('s48a-suspension', day, 'suspension', ['worker'], undefined, { warnedOn: w.issuedOn, suspendedFrom: w.suspendFrom, suspensionEndsOn: suspensionEnds(w) });
      }
    }
    // docs/rules.md §8.3: a renewal still open at the start of F is cancelled then.
    if (s.discontinuance?.firstDayNotPayable === day) {
      for (const o of ctx.ledger.openOf('certificate.renewal')) ctx.ledger.cancel(o, day, `weekly payments no longer payable from ${day} (${s.discontinuance.by}; s80)`);
    }
  },
  wakeUps(state) {
    const days: LocalDate[] = [];
    for (const w of state.s48aWarnings ?? []) if (!w.compliedOn) days.push(w.suspendFrom);
    if (state.discontinuance) days.push(state.discontinuance.firstDayNotPayable);
    return days;
  },
});

function alreadyDiscontinued(d: RecordedDiscontinuance) {
  return problem(
    'type',
    `weekly payments were already discontinued by notice of ${d.noticeOn} (${d.by}), no longer payable from ${d.firstDayNotPayable}; a second discontinuance cannot be recorded (rules.md §8.3)`,
  );
}

function discontinuanceFacts(d: RecordedDiscontinuance): NoticeFacts {
  return { takesEffectOn: d.firstDayNotPayable, lastPayableDay: d.lastPayableDay, noticePeriod: d.period, continuousDays: d.continuousDays, basis: d.basis, rule: d.rule };
}

/** What the s39 notice states (SoP S17), projected from the start of week 235 while payments stay continuous. */
function s39Facts(s: ClaimState): NoticeFacts | undefined {
  const started = s.weekTriggers.find((t) => t.week === 235)?.startedOn;
  if (!started) return undefined;
  // Weeks 235 to 260 are 26 weeks: the last payable day is the 182nd day from week 235's first.
  const lastPaymentOn = addDays(started, 26 * 7 - 1);
  return { lastPaymentOn, ceaseOn: addDays(lastPaymentOn, 1), week235StartedOn: started };
}
