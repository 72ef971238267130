import type { ClaimEvent } from '@wc/contracts';

import type { FieldProblem } from '@wc/contracts';
import { OBLIGATIONS, PAYMENT_OBLIGATION_TYPES, SydneyDateTime } from '@wc/rules';
import type { ClaimState, InstanceKind } from './state';

/**
 * Staff actions the platform refuses, with the field at fault; a refused action changes nothing.
 * (Shape and types are checked by the zod contract before this.)
 */
export function refusal(state: ClaimState, event: ClaimEvent, at: SydneyDateTime): FieldProblem | null {
  const date = at.date;
  const problem = (path: string, message: string): FieldProblem => ({ path, message });
  if (state.finalisedOn) return problem('type', `the claim was finalised on ${state.finalisedOn}; nothing more can be recorded`);
  if (date < state.firstReceivedOn) return problem('at', `is before the claim was notified (${state.firstReceivedOn})`);
  const decisions = state.liability.map((l) => l.decision);
  const last = decisions[decisions.length - 1];
  const openInstance = (kind: InstanceKind) => {
    const list = state.instances.filter((i) => i.kind === kind && !i.closed);
    if (event.ref !== undefined) return list.find((i) => i.ref === event.ref) ? null : problem('ref', `no open ${kind} with ref ${JSON.stringify(event.ref)}`);
    return list.length ? null : problem('type', `there is no open ${kind}`);
  };
  switch (event.type) {
    case 'notification.completed':
      return state.notificationComplete ? problem('type', 'the notification is already complete') : null;
    case 'liability.provisional':
      if (last === 'provisional' || last === 'accepted') return problem('type', `liability is already ${last}; a decision cannot be recorded twice`);
      return null;
    case 'liability.accepted':
      return last === 'accepted' ? problem('type', 'liability is already accepted; a decision cannot be recorded twice') : null;
    case 'liability.disputed':
      return last === 'disputed' ? problem('type', 'liability is already disputed; a decision cannot be recorded twice') : null;
    case 'liability.reasonable-excuse':
      if (decisions.length) return problem('type', `a reasonable excuse cannot follow a liability decision (${last})`);
      return state.excuseGiven ? problem('type', 'a reasonable excuse was already given') : null;
    case 'obligation.waived': {
      if (!OBLIGATIONS[event.obligation].cancelledBy.includes('obligation.waived')) {
        return problem('obligation', `${event.obligation} cannot be waived (rules.md §4 allows waiving only initial contact)`);
      }
      return null;
    }
    case 'certificate.received':
      return event.to < event.from ? problem('to', `is before from (${event.from})`) : null;
    case 'ime.booked': {
      const today = date > state.clock.date ? date : state.clock.date;
      return event.appointmentOn < today ? problem('appointmentOn', `is in the past (before ${today})`) : null;
    }
    case 'ime.cancelled':
      return openInstance('ime');
    case 'review.completed':
      return openInstance('review');
    case 'complaint.acknowledged': {
      const pending = state.obligations.some((o) => o.type === 'complaint.acknowledgement' && !o.completedOn && !o.cancelledOn && (event.ref === undefined || o.ref === event.ref));
      return openInstance('complaint') ?? (pending ? null : problem('type', 'no complaint is waiting for an acknowledgement'));
    }
    case 'complaint.resolved':
      return openInstance('complaint');
    case 'complaint.extended':
      return openInstance('complaint') ?? (event.newDate < date ? problem('newDate', `is in the past (before ${date})`) : null);
    case 'case-conference.scheduled':
      return event.on < date ? problem('on', `is in the past (before ${date})`) : null;
    case 'case-conference.held':
      // A conference may be held without its scheduling having been recorded; a named one must exist.
      return event.ref !== undefined ? openInstance('case-conference') : null;
    case 'case-conference.agenda-sent':
    case 'case-conference.summary-sent':
    case 'case-conference.cancelled':
      return openInstance('case-conference');
    case 'payment-clock.started':
      return state.obligations.some((o) => o.ref === event.ref && isPaymentClock(o.type)) ? problem('ref', `payment clock ${JSON.stringify(event.ref)} was already started`) : null;
    case 'payment-clock.met':
    case 'payment-clock.stopped':
      return state.obligations.some((o) => o.ref === event.ref && isPaymentClock(o.type) && !o.completedOn && !o.cancelledOn) ? null : problem('ref', `no running payment clock ${JSON.stringify(event.ref)}`);
    default:
      return null;
  }
}

const isPaymentClock = (t: string) => (PAYMENT_OBLIGATION_TYPES as readonly string[]).includes(t);
