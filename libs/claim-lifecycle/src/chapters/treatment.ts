import { LocalDate, MedicalPeriod, addDays, dueDate, s59aMedicalPeriod } from '@wc/rules';
import { weeklyPaymentsState } from '../entitlement-facts';
import { findInstance, newInstance, noOpenInstance } from '../instances';
import type { ClaimState, InstanceRecord } from '../state';
import { ChapterContext, chapter, problem } from './chapter';

/**
 * Medical and related treatment (program 4.8; docs/rules.md §8.1): requests for treatment, acknowledged
 * within 10 business days (SIRA Standard of Practice S4) and decided within 21 days (1998 Act
 * s279); and the end of medical compensation (1987 Act s59A) with its notice to the worker and the
 * nominated treating doctor at least 13 weeks before (Standard of Practice S19; docs/sources.md T23).
 */
export const treatment = chapter({
  name: 'treatment',
  events: ['treatment.requested', 'treatment.acknowledged', 'treatment.approved', 'treatment.declined', 's59a.notice-issued'] as const,
  refuse(state, event) {
    switch (event.type) {
      case 'treatment.requested':
        return event.ref !== undefined && state.instances.some((i) => i.kind === 'treatment' && i.ref === event.ref)
          ? problem('ref', `a treatment request with ref ${JSON.stringify(event.ref)} already exists; give the new request a ref of its own`)
          : null;
      case 'treatment.acknowledged':
        return requestFor(state, event.ref, 'treatment.acknowledgement', 'acknowledge');
      case 'treatment.approved':
      case 'treatment.declined':
        return requestFor(state, event.ref, 'treatment.decision', 'decide');
      default:
        return null;
    }
  },
  handle(ctx, event, date) {
    const l = ctx.ledger;
    switch (event.type) {
      case 'treatment.requested': {
        const inst = newInstance(ctx.state, 'treatment', event.ref, date, { request: { treatment: event.treatment, provider: event.provider, cost: event.cost } });
        ctx.outcome.ref = inst.ref;
        l.open('treatment.acknowledgement', date, {}, { ref: inst.ref });
        l.open('treatment.decision', date, {}, { ref: inst.ref });
        return;
      }
      case 'treatment.acknowledged': {
        const inst = findInstance(ctx, 'treatment', event.ref, 'treatment.acknowledgement')!;
        ctx.outcome.ref = inst.ref;
        l.completeAll('treatment.acknowledgement', date, event.type, inst.ref);
        return;
      }
      case 'treatment.approved':
      case 'treatment.declined': {
        const inst = findInstance(ctx, 'treatment', event.ref, 'treatment.decision')!;
        ctx.outcome.ref = inst.ref;
        // A decision is also the acknowledgement (docs/rules.md §8.1).
        l.completeAll('treatment.acknowledgement', date, event.type, inst.ref);
        l.completeAll('treatment.decision', date, event.type, inst.ref);
        const outcome = event.type === 'treatment.approved' ? 'approved' : 'declined';
        inst.decision = { outcome, on: date };
        inst.closed = true;
        const facts = {
          treatment: inst.request?.treatment ?? null,
          provider: inst.request?.provider ?? null,
          cost: inst.request?.cost ?? null,
          requestedOn: inst.openedOn,
          decision: outcome,
          decidedOn: date,
        };
        if (outcome === 'approved') ctx.notice('treatment-decision', date, event.type, ['provider', 'worker'], inst.ref, facts);
        else {
          // A declined request disputes liability for medical expenses: the worker gets the s78
          // decision notice (with review rights), the provider the treatment decision.
          ctx.notice('decision-notice', date, event.type, ['worker'], inst.ref, facts);
          ctx.notice('treatment-decision', date, event.type, ['provider'], inst.ref, facts);
        }
        return;
      }
      case 's59a.notice-issued': {
        ctx.ledger.completeAll('s59a.notice', date, event.type);
        const p = ctx.features.rules8Clocks ? medicalPeriodOf(ctx, date) : null;
        ctx.notice('s59a-notice', date, event.type, ['doctor', 'worker'], undefined, p ? { ceaseOn: p.ceaseOn, period: p.period, from: p.from, basis: p.basis } : undefined);
        return;
      }
    }
  },
  dayStart(ctx, day) {
    if (ctx.state.s59aCheck && ctx.state.s59aCheck <= day) reviewMedicalPeriod(ctx, day);
  },
  wakeUps(state) {
    return state.s59aCheck ? [state.s59aCheck] : [];
  },
});

/** docs/rules.md §8.1: which request an event means, or why there is none. */
function requestFor(state: ClaimState, ref: string | undefined, pending: 'treatment.acknowledgement' | 'treatment.decision', verb: 'acknowledge' | 'decide') {
  const waiting = (i: InstanceRecord) => state.obligations.some((o) => o.type === pending && o.ref === i.ref && o.completedOn === null && o.cancelledOn === null);
  if (ref !== undefined) {
    const named = state.instances.find((i) => i.kind === 'treatment' && i.ref === ref);
    if (named?.decision) {
      const then = `treatment request ${JSON.stringify(ref)} was already ${named.decision.outcome} on ${named.decision.on}`;
      return problem('ref', verb === 'decide' ? `${then}; it cannot be decided again` : `${then}; there is nothing left to acknowledge`);
    }
    const none = noOpenInstance(state, 'treatment', ref);
    if (none) return problem('ref', `no open treatment request with ref ${JSON.stringify(ref)}`);
    return waiting(named!) ? null : problem('ref', `treatment request ${JSON.stringify(ref)} was already acknowledged`);
  }
  if (state.instances.some((i) => i.kind === 'treatment' && !i.closed && waiting(i))) return null;
  return problem('type', `no treatment request is waiting to ${verb === 'acknowledge' ? 'be acknowledged' : 'be decided'}`);
}

/** How many weeks before it is due the platform opens the s59A notice: time to write it, not a rule of the Act. */
const S59A_NOTICE_LEAD_DAYS = 8 * 7;

/**
 * The s59A medical compensation period as the facts stand on `day`: from a decision that ended
 * weekly payments (docs/rules.md §8.3 F, or the end of week 260 under s39 with WPI of 20% or less), or
 * from the day the claim was first made when no weekly payment was ever payable. Weekly payments
 * that merely stopped (no certificate) have not "ceased to be payable" while the worker remains
 * entitled (Vella v Penrith City Council [2014] NSW WCC PD 363), so they give no end date.
 */
export function medicalPeriodOf(ctx: ChapterContext, day: LocalDate): MedicalPeriod | null {
  const s = ctx.state;
  const latest = s.wpi.length ? s.wpi[s.wpi.length - 1].percent : null;
  const state = weeklyPaymentsState(s, ctx.valuation(), day);
  return s59aMedicalPeriod({ wpiPercent: latest, weeklyCeasedOn: state.status === 'ceased' ? state.on : null, claimFirstMadeOn: s.firstReceivedOn, everPayable: state.status !== 'never' });
}

/**
 * Looks at the s59A period again after a fact that can move it (a certificate, a liability
 * decision, a WPI, a discontinuance, week 260) or on the day chosen last time: opens the notice 8
 * weeks before it is due, moves its due date when the end moves, cancels it when medical
 * compensation no longer ends (WPI above 20%, or weekly payments payable again: s59A(3)).
 */
export function reviewMedicalPeriod(ctx: ChapterContext, day: LocalDate): void {
  const s = ctx.state;
  if (!ctx.features.rules8Clocks || s.finalisedOn) return;
  s.s59aCheck = null;
  const period = medicalPeriodOf(ctx, day);
  const open = ctx.ledger.openOf('s59a.notice');
  if (!period) {
    const why =
      s.wpi.length && s.wpi[s.wpi.length - 1].percent > 20 ? 'WPI above 20%: medical compensation is not limited (s59A)' : 'weekly payments payable: medical compensation does not end yet (s59A(3))';
    for (const o of open) ctx.ledger.cancel(o, day, why);
    return;
  }
  const due = dueDate('s59a.notice', { trigger: day, 'medical-cessation': period.ceaseOn }, ctx.cal);
  for (const o of open) {
    if (o.due.from === period.ceaseOn) continue;
    o.dueOn = due.dueOn;
    o.due = { ...due, rule: `${due.rule}; ${period.rule}` };
    o.escalatedOn = null;
    o.remindedOn = null;
    o.overdueNotifiedOn = null;
    if (ctx.features.rescheduledEffect) ctx.emit({ kind: 'obligation-rescheduled', obligation: o, on: day });
  }
  if (open.length) return;
  // Already given for this end date: nothing more to do until it moves.
  if (s.obligations.some((o) => o.type === 's59a.notice' && o.completedOn && o.due.from === period.ceaseOn)) return;
  const openOn = addDays(due.dueOn, -S59A_NOTICE_LEAD_DAYS);
  if (openOn > day) {
    s.s59aCheck = openOn;
    return;
  }
  const o = ctx.ledger.open('s59a.notice', day, { 'medical-cessation': period.ceaseOn });
  if (o) o.due = { ...o.due, rule: `${o.due.rule}; ${period.rule}` };
}
