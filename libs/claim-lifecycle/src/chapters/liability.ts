import { recordEntitlementFact } from '../entitlement-facts';
import { chapter, problem } from './chapter';
import { afterLiabilityDecision } from './work-capacity';

/**
 * Liability (program 4.2-4.4; WIMWCA s267-s274): provisional liability, a reasonable excuse,
 * acceptance or a dispute, and the clocks each starts or stops.
 */
export const liability = chapter({
  name: 'liability',
  events: ['liability.provisional', 'liability.reasonable-excuse', 'information.received', 'liability.accepted', 'liability.disputed'] as const,
  refuse(state, event) {
    const decisions = state.liability.map((l) => l.decision);
    const last = decisions[decisions.length - 1];
    switch (event.type) {
      case 'liability.provisional':
        return last === 'provisional' || last === 'accepted' ? problem('type', `liability is already ${last}; a decision cannot be recorded twice`) : null;
      case 'liability.accepted':
        return last === 'accepted' ? problem('type', 'liability is already accepted; a decision cannot be recorded twice') : null;
      case 'liability.disputed':
        return last === 'disputed' ? problem('type', 'liability is already disputed; a decision cannot be recorded twice') : null;
      case 'liability.reasonable-excuse':
        if (decisions.length) return problem('type', `a reasonable excuse cannot follow a liability decision (${last})`);
        return state.excuseGiven ? problem('type', 'a reasonable excuse was already given') : null;
      default:
        return null;
    }
  },
  handle(ctx, event, date) {
    const l = ctx.ledger;
    switch (event.type) {
      case 'liability.provisional':
        recordEntitlementFact(ctx.state, event, date);
        for (const t of ['liability.initial', 'liability.after-excuse'] as const) l.completeAll(t, date, event.type);
        l.open('liability.determination', date, { 'notification-date': ctx.state.notificationDate });
        ctx.notice('provisional-liability', date, event.type);
        afterLiabilityDecision(ctx, date);
        return;
      case 'liability.reasonable-excuse':
        ctx.state.excuseGiven = true;
        l.completeAll('liability.initial', date, event.type);
        ctx.notice('reasonable-excuse', date, event.type);
        return;
      case 'information.received':
        // program 4.4: once the information arrives, liability is decided within 7 days.
        if (ctx.state.excuseGiven && ctx.state.liability.length === 0 && l.openOf('liability.after-excuse').length === 0) l.open('liability.after-excuse', date, {});
        return;
      case 'liability.accepted':
        recordEntitlementFact(ctx.state, event, date);
        for (const t of ['liability.initial', 'liability.determination', 'liability.after-excuse'] as const) l.completeAll(t, date, event.type);
        ctx.notice('liability-accepted', date, event.type);
        afterLiabilityDecision(ctx, date);
        return;
      case 'liability.disputed':
        recordEntitlementFact(ctx.state, event, date);
        for (const t of ['liability.initial', 'liability.determination', 'liability.after-excuse'] as const) l.completeAll(t, date, event.type);
        ctx.notice('decision-notice', date, event.type);
        afterLiabilityDecision(ctx, date, false);
        return;
    }
  },
});
