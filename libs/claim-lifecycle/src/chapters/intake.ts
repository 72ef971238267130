import { OBLIGATIONS, ObligationType, reclassify } from '@wc/rules';
import type { LocalDate } from '@wc/rules';
import type { ObligationRecord } from '../state';
import { ChapterContext, chapter, problem } from './chapter';

/**
 * Notification, triage and initial contact (program 3.3 and 4.1; docs/rules.md §2, §3): the
 * notification completed, the claim classified and reclassified, the parties contacted.
 */
const SIGNIFICANT_TYPES: ObligationType[] = ['initial-contact.worker', 'initial-contact.employer', 'initial-contact.doctor', 'imp.initial', 'rtw-goal.review'];

export const intake = chapter({
  name: 'intake',
  events: ['notification.completed', 'contact.made', 'obligation.waived', 'triage.reclassified'] as const,
  refuse(state, event) {
    switch (event.type) {
      case 'notification.completed':
        return state.notificationComplete ? problem('type', 'the notification is already complete') : null;
      case 'obligation.waived':
        return OBLIGATIONS[event.obligation].cancelledBy.includes('obligation.waived')
          ? null
          : problem('obligation', `${event.obligation} cannot be waived (rules.md §4 allows waiving only initial contact)`);
      default:
        return null;
    }
  },
  handle(ctx, event, date) {
    const l = ctx.ledger;
    switch (event.type) {
      case 'notification.completed':
        ctx.state.notificationDate = date;
        notificationCompleted(ctx, date);
        return;
      case 'contact.made':
        l.completeAll(`initial-contact.${event.party}`, date, event.type);
        return;
      case 'obligation.waived':
        l.cancelAll(event.obligation, date, `${event.type}: ${event.reason}`);
        return;
      case 'triage.reclassified': {
        const r = reclassify(ctx.state.claim.injury, event.to);
        Object.assign(ctx.state, { classification: r.classification, segment: r.segment, triageReasons: r.reasons });
        ctx.emit({ kind: 'classified', on: date, ...r });
        if (event.to === 'significant' && ctx.state.notificationComplete) becameSignificant(ctx, date);
        return;
      }
    }
  },
});

/** Complete notification (docs/rules.md §3): the liability clock starts; significant claims open their obligations. */
export function notificationCompleted(ctx: ChapterContext, date: LocalDate): void {
  ctx.state.notificationComplete = true;
  ctx.ledger.open('liability.initial', date, {});
  if (ctx.state.classification === 'significant') becameSignificant(ctx, date);
}

function becameSignificant(ctx: ChapterContext, date: LocalDate): void {
  const s = ctx.state;
  if (s.significantObligationsOpened) return;
  s.significantObligationsOpened = true;
  s.significanceDate = date;
  const due = { 'significance-date': date, 'date-of-injury': s.claim.injury.dateOfInjury };
  for (const type of SIGNIFICANT_TYPES) {
    const o = ctx.ledger.open(type, date, due);
    if (o) settleFromEarlierEvents(ctx, o);
  }
}

/**
 * docs/rules.md §4 exception (and §8.4 for the s39 notice): an obligation that opens late is completed
 * or cancelled on its opening date by an earlier event that would have done so.
 */
export function settleFromEarlierEvents(ctx: ChapterContext, o: ObligationRecord): void {
  const def = OBLIGATIONS[o.type];
  for (const { event } of ctx.state.events) {
    if (event.type === 'triage.reclassified') continue;
    const key = event.type === 'contact.made' ? `contact.made:${event.party}` : event.type;
    if (def.completedBy.includes(key)) return ctx.ledger.complete(o, o.openedOn, event.type);
    if (def.cancelledBy.includes(event.type) && (event.type !== 'obligation.waived' || event.obligation === o.type)) return ctx.ledger.cancel(o, o.openedOn, event.type);
  }
}
