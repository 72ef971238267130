import type { ClaimState, Effect, InstanceKind, ObligationRecord } from './state';

/**
 * The parts of a claim with a life of their own (issue 4): an IME referral (program 4.9), an
 * internal review (s287A), a complaint (program 8), a case conference (case conference guide) and
 * each work capacity assessment (s43, at 78 weeks and every two years after 130). The claim's
 * lifecycle still decides everything about them, so the timeline is one state; each part's effects
 * (its obligations, reminders, escalations and notices) are carried out by a workflow of its own,
 * with its own history, that ends when the part does (workflows/src/claim/parts.ts).
 */
export type PartKind = InstanceKind | 'wca';
export interface PartRef {
  /** Unique within the claim, usable in a workflow id. */
  id: string;
  kind: PartKind;
}

const WCA_TYPES: ReadonlySet<string> = new Set(['wca.78-weeks', 'wca.biennial']);

const isOpen = (o: ObligationRecord) => o.completedOn === null && o.cancelledOn === null;
// `wca.78-weeks#23` → `wca-78-weeks-23`: one part per assessment, named so in a workflow id.
const wcaPartId = (o: ObligationRecord) => `wca-${o.id.replace(/^wca\./, '').replace(/[^A-Za-z0-9.-]+/g, '-')}`;

function partOfObligation(state: ClaimState, o: ObligationRecord): PartRef | null {
  if (o.ref !== undefined) {
    const inst = state.instances.find((i) => i.ref === o.ref);
    // Payment clocks carry a ref too, but they are no instance: they stay with the claim.
    if (inst) return { id: inst.ref, kind: inst.kind };
  }
  if (WCA_TYPES.has(o.type)) return { id: wcaPartId(o), kind: 'wca' };
  return null;
}

/** The part an effect belongs to, or null when it is the claim's own. */
export function partOfEffect(state: ClaimState, effect: Effect): PartRef | null {
  switch (effect.kind) {
    case 'notice': {
      const inst = effect.notice.ref === undefined ? undefined : state.instances.find((i) => i.ref === effect.notice.ref);
      return inst ? { id: inst.ref, kind: inst.kind } : null;
    }
    case 'classified':
      return null;
    default:
      return partOfObligation(state, effect.obligation);
  }
}

/** A step's effects: the claim's own, and each part's, every list in the order they happened. */
export function splitEffects(state: ClaimState, effects: Effect[]): { own: Effect[]; parts: Array<{ part: PartRef; effects: Effect[] }> } {
  const own: Effect[] = [];
  const byPart = new Map<string, { part: PartRef; effects: Effect[] }>();
  for (const e of effects) {
    const part = partOfEffect(state, e);
    if (!part) {
      own.push(e);
      continue;
    }
    const entry = byPart.get(part.id) ?? { part, effects: [] };
    entry.effects.push(e);
    byPart.set(part.id, entry);
  }
  return { own, parts: [...byPart.values()] };
}

/** Whether the part has ended: the instance closed with nothing of it still open; the assessment done or cancelled. */
export function partFinished(state: ClaimState, part: PartRef): boolean {
  if (part.kind === 'wca') return !state.obligations.some((o) => WCA_TYPES.has(o.type) && wcaPartId(o) === part.id && isOpen(o));
  const inst = state.instances.find((i) => i.ref === part.id);
  // A finalised claim ends every part (its open obligations were cancelled).
  return !!inst && (inst.closed || state.finalisedOn !== null) && !state.obligations.some((o) => o.ref === part.id && isOpen(o));
}
