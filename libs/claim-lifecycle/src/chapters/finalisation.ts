import { chapter } from './chapter';

/** Finalisation (program section 5, "Finalisation of your claim"; docs/rules.md §4): every obligation still open is cancelled, and nothing opens after it. */
export const finalisation = chapter({
  name: 'finalisation',
  events: ['claim.finalised'] as const,
  handle(ctx, event, date) {
    for (const o of ctx.state.obligations) ctx.ledger.cancel(o, date, `${event.type}: ${event.reason}`);
    ctx.state.finalisedOn = date;
    // Nothing opens after finalisation, so the s59A period is not looked at again.
    if (ctx.state.s59aCheck) ctx.state.s59aCheck = null;
  },
});
