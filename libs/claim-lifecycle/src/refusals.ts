import type { ClaimEvent, FieldProblem } from '@wc/contracts';
import type { SydneyDateTime } from '@wc/rules';
import { chapterOf } from './chapters';
import type { ClaimState } from './state';

/**
 * Staff actions the platform refuses, with the field at fault; a refused action changes nothing
 * (docs/rules.md §8.5). What holds for every action is here; each chapter refuses its own events.
 * (Shape and types are checked by the zod contract before this.)
 */
export function refusal(state: ClaimState, event: ClaimEvent, at: SydneyDateTime): FieldProblem | null {
  if (state.finalisedOn) return { path: 'type', message: `the claim was finalised on ${state.finalisedOn}; nothing more can be recorded` };
  if (at.date < state.firstReceivedOn) return { path: 'at', message: `is before the claim was notified (${state.firstReceivedOn})` };
  const c = chapterOf(event.type);
  return c.refuse ? c.refuse(state, event as never, at) : null;
}
