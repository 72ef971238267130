import { findInstance, newInstance, noOpenInstance } from '../instances';
import { chapter, problem } from './chapter';

/**
 * Injury management (program 4.7 injury management plans, 4.9 IME referrals, 5.5 the return to
 * work goal; the case conference guide): the plan and its revisions, the worker back on pre-injury
 * duties, independent medical examinations and case conferences.
 */
export const injuryManagement = chapter({
  name: 'injury management',
  events: [
    'rtw.pre-injury-duties',
    'rtw-goal.set',
    'imp.issued',
    'imp.change-notified',
    'ime.booked',
    'ime.cancelled',
    'case-conference.scheduled',
    'case-conference.agenda-sent',
    'case-conference.held',
    'case-conference.summary-sent',
    'case-conference.cancelled',
    'employment.no-suitable-duties',
  ] as const,
  refuse(state, event, at) {
    switch (event.type) {
      case 'ime.booked': {
        const today = at.date > state.clock.date ? at.date : state.clock.date;
        return event.appointmentOn < today ? problem('appointmentOn', `is in the past (before ${today})`) : null;
      }
      case 'ime.cancelled':
        return noOpenInstance(state, 'ime', event.ref);
      case 'case-conference.scheduled':
        return event.on < at.date ? problem('on', `is in the past (before ${at.date})`) : null;
      case 'case-conference.held':
        // A conference may be held without its scheduling having been recorded; a named one must exist.
        return event.ref !== undefined ? noOpenInstance(state, 'case-conference', event.ref) : null;
      case 'case-conference.agenda-sent':
      case 'case-conference.summary-sent':
      case 'case-conference.cancelled':
        return noOpenInstance(state, 'case-conference', event.ref);
      default:
        return null;
    }
  },
  handle(ctx, event, date) {
    const l = ctx.ledger;
    switch (event.type) {
      case 'rtw.pre-injury-duties':
        ctx.state.rtwPreInjuryOn ??= date;
        for (const t of ['imp.initial', 'rtw-goal.review', 'certificate.renewal'] as const) l.cancelAll(t, date, event.type);
        return;
      case 'rtw-goal.set':
        l.completeAll('rtw-goal.review', date, event.type);
        return;
      case 'imp.issued':
        l.completeAll('imp.initial', date, event.type);
        l.completeAll('imp.revision', date, event.type);
        ctx.notice('imp', date, event.type);
        return;
      case 'imp.change-notified':
        l.open('imp.revision', date, {});
        return;
      case 'ime.booked': {
        const inst = newInstance(ctx.state, 'ime', event.ref, date, { on: event.appointmentOn });
        ctx.outcome.ref = inst.ref;
        const o = l.open('ime.notice', date, { appointment: event.appointmentOn }, { ref: inst.ref });
        // program 4.9: the notice goes out at once on booking, so the obligation is met or late right away.
        ctx.notice('ime-notice', date, event.type, undefined, inst.ref);
        if (o) l.complete(o, date, 'notice:ime-notice');
        return;
      }
      case 'ime.cancelled': {
        const inst = findInstance(ctx, 'ime', event.ref)!;
        ctx.outcome.ref = inst.ref;
        inst.closed = true;
        return;
      }
      case 'case-conference.scheduled': {
        const inst = newInstance(ctx.state, 'case-conference', event.ref, date, { on: event.on });
        ctx.outcome.ref = inst.ref;
        l.open('case-conference.agenda', date, { conference: event.on }, { ref: inst.ref });
        return;
      }
      case 'case-conference.agenda-sent': {
        const inst = findInstance(ctx, 'case-conference', event.ref, 'case-conference.agenda')!;
        ctx.outcome.ref = inst.ref;
        l.completeAll('case-conference.agenda', date, event.type, inst.ref);
        ctx.notice('case-conference-agenda', date, event.type, undefined, inst.ref);
        return;
      }
      case 'case-conference.held': {
        const inst = findInstance(ctx, 'case-conference', event.ref) ?? newInstance(ctx.state, 'case-conference', undefined, date, { on: date });
        ctx.outcome.ref = inst.ref;
        l.open('case-conference.summary', date, {}, { ref: inst.ref });
        l.completeAll('case-conference.required', date, event.type);
        return;
      }
      case 'case-conference.summary-sent': {
        const inst = findInstance(ctx, 'case-conference', event.ref, 'case-conference.summary')!;
        ctx.outcome.ref = inst.ref;
        l.completeAll('case-conference.summary', date, event.type, inst.ref);
        inst.closed = true;
        ctx.notice('case-conference-summary', date, event.type, undefined, inst.ref);
        return;
      }
      case 'case-conference.cancelled': {
        const inst = findInstance(ctx, 'case-conference', event.ref)!;
        ctx.outcome.ref = inst.ref;
        for (const o of l.openOf('case-conference.agenda', inst.ref)) l.cancel(o, date, event.type);
        inst.closed = true;
        return;
      }
      case 'employment.no-suitable-duties':
        l.open('case-conference.required', date, {});
        return;
    }
  },
});
