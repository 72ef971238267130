import { PAYMENT_OBLIGATION_TYPES } from '@wc/rules';
import type { ClaimState } from '../state';
import { chapter, problem } from './chapter';

/**
 * The payments service's clocks (program 4.6): weekly compensation paid within 5 business days of
 * a certificate or earnings, an employer's schedule reimbursed within 10; started and met by the
 * payments service, tracked and escalated here like any obligation.
 */
export const paymentClocks = chapter({
  name: 'payment clocks',
  events: ['payment-clock.started', 'payment-clock.met', 'payment-clock.stopped'] as const,
  refuse(state, event) {
    switch (event.type) {
      case 'payment-clock.started':
        return state.obligations.some((o) => o.ref === event.ref && isPaymentClock(o.type)) ? problem('ref', `payment clock ${JSON.stringify(event.ref)} was already started`) : null;
      case 'payment-clock.met':
      case 'payment-clock.stopped':
        return running(state, event.ref) ? null : problem('ref', `no running payment clock ${JSON.stringify(event.ref)}`);
    }
  },
  handle(ctx, event, date) {
    const l = ctx.ledger;
    switch (event.type) {
      case 'payment-clock.started':
        l.open(event.clock === 'weekly-payment' ? 'payment.weekly' : 'payment.reimbursement', date, { trigger: event.receivedOn }, { ref: event.ref });
        return;
      case 'payment-clock.met':
        for (const t of PAYMENT_OBLIGATION_TYPES) l.completeAll(t, date, event.type, event.ref);
        return;
      case 'payment-clock.stopped':
        for (const t of PAYMENT_OBLIGATION_TYPES) for (const o of l.openOf(t, event.ref)) l.cancel(o, date, `${event.type}: ${event.reason}`);
        return;
    }
  },
});

const isPaymentClock = (t: string) => (PAYMENT_OBLIGATION_TYPES as readonly string[]).includes(t);
const running = (state: ClaimState, ref: string) => state.obligations.some((o) => o.ref === ref && isPaymentClock(o.type) && !o.completedOn && !o.cancelledOn);
