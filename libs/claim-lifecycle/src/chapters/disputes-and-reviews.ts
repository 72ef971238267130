import { findInstance, newInstance, noOpenInstance } from '../instances';
import { chapter, problem } from './chapter';

/**
 * Internal reviews of decisions (WIMWCA s287A; program 9) and complaints (program 8): each one a
 * part of the claim with its own obligations, several open at once, picked by `ref`.
 */
export const disputesAndReviews = chapter({
  name: 'disputes and reviews',
  events: ['review.requested', 'review.completed', 'complaint.received', 'complaint.acknowledged', 'complaint.extended', 'complaint.resolved'] as const,
  refuse(state, event, at) {
    switch (event.type) {
      case 'review.completed':
        return noOpenInstance(state, 'review', event.ref);
      case 'complaint.acknowledged': {
        const pending = state.obligations.some((o) => o.type === 'complaint.acknowledgement' && !o.completedOn && !o.cancelledOn && (event.ref === undefined || o.ref === event.ref));
        return noOpenInstance(state, 'complaint', event.ref) ?? (pending ? null : problem('type', 'no complaint is waiting for an acknowledgement'));
      }
      case 'complaint.resolved':
        return noOpenInstance(state, 'complaint', event.ref);
      case 'complaint.extended':
        return noOpenInstance(state, 'complaint', event.ref) ?? (event.newDate < at.date ? problem('newDate', `is in the past (before ${at.date})`) : null);
      default:
        return null;
    }
  },
  handle(ctx, event, date) {
    const l = ctx.ledger;
    switch (event.type) {
      case 'review.requested': {
        const inst = newInstance(ctx.state, 'review', event.ref, date);
        ctx.outcome.ref = inst.ref;
        l.open('review.internal', date, {}, { ref: inst.ref });
        return;
      }
      case 'review.completed': {
        const inst = findInstance(ctx, 'review', event.ref, 'review.internal')!;
        ctx.outcome.ref = inst.ref;
        l.completeAll('review.internal', date, event.type, inst.ref);
        inst.closed = true;
        ctx.notice('review-outcome', date, event.type, undefined, inst.ref);
        return;
      }
      case 'complaint.received': {
        const inst = newInstance(ctx.state, 'complaint', event.ref, date);
        ctx.outcome.ref = inst.ref;
        l.open('complaint.acknowledgement', date, {}, { ref: inst.ref });
        l.open('complaint.resolution', date, {}, { ref: inst.ref });
        return;
      }
      case 'complaint.acknowledged': {
        const inst = findInstance(ctx, 'complaint', event.ref, 'complaint.acknowledgement')!;
        ctx.outcome.ref = inst.ref;
        l.completeAll('complaint.acknowledgement', date, event.type, inst.ref);
        ctx.notice('complaint-acknowledgement', date, event.type, undefined, inst.ref);
        if (!l.openOf('complaint.resolution', inst.ref).length) inst.closed = true;
        return;
      }
      case 'complaint.extended': {
        const inst = findInstance(ctx, 'complaint', event.ref, 'complaint.resolution')!;
        ctx.outcome.ref = inst.ref;
        for (const o of l.openOf('complaint.resolution', inst.ref)) {
          o.dueOn = event.newDate;
          o.due = { ...o.due, dueOn: event.newDate, rule: `extended to ${event.newDate} (complaint.extended)` };
          // A new deadline starts its reminder and escalation afresh.
          o.escalatedOn = null;
          o.remindedOn = null;
          o.overdueNotifiedOn = null;
          if (ctx.features.rescheduledEffect) ctx.emit({ kind: 'obligation-rescheduled', obligation: o, on: date });
        }
        return;
      }
      case 'complaint.resolved': {
        const inst = findInstance(ctx, 'complaint', event.ref, 'complaint.resolution')!;
        ctx.outcome.ref = inst.ref;
        l.completeAll('complaint.resolution', date, event.type, inst.ref);
        if (!l.openOf('complaint.acknowledgement', inst.ref).length) inst.closed = true;
        return;
      }
    }
  },
});
