import type { FieldProblem } from '@wc/contracts';
import type { LocalDate, ObligationType } from '@wc/rules';
import type { ObligationLedger } from './ledger';
import type { ClaimState, InstanceKind, InstanceRecord } from './state';

/**
 * The parts of a claim that come several at a time, each with its own obligations: IME referrals
 * (program 4.9), internal reviews (s287A; program 9), complaints (program 8), case conferences
 * (case conference guide) and treatment requests (s279; docs/rules.md §8.1). Events carry `ref`;
 * without it they mean the oldest open one. Each chapter handles its own kinds; these are the
 * shared ways of finding one.
 */
export function newInstance(state: ClaimState, kind: InstanceKind, ref: string | undefined, openedOn: LocalDate, extra: Partial<InstanceRecord> = {}): InstanceRecord {
  const r = ref ?? `${kind}-${state.instances.filter((i) => i.kind === kind).length + 1}`;
  const inst: InstanceRecord = { kind, ref: r, openedOn, closed: false, ...extra };
  state.instances.push(inst);
  return inst;
}

/** By ref, or the oldest open one with the obligation still pending, or else the oldest open one. */
export function findInstance(ctx: { state: ClaimState; ledger: ObligationLedger }, kind: InstanceKind, ref: string | undefined, pending?: ObligationType): InstanceRecord | undefined {
  const open = ctx.state.instances.filter((i) => i.kind === kind && !i.closed);
  if (ref !== undefined) return open.find((i) => i.ref === ref);
  return (pending && open.find((i) => ctx.ledger.openOf(pending, i.ref).length > 0)) || open[0];
}

/** The refusal for an event about an instance when none is open (or none with its ref). */
export function noOpenInstance(state: ClaimState, kind: InstanceKind, ref: string | undefined): FieldProblem | null {
  const list = state.instances.filter((i) => i.kind === kind && !i.closed);
  if (ref !== undefined) return list.find((i) => i.ref === ref) ? null : { path: 'ref', message: `no open ${kind} with ref ${JSON.stringify(ref)}` };
  return list.length ? null : { path: 'type', message: `there is no open ${kind}` };
}
