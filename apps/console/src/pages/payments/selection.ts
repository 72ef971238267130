import type { FieldProblem } from '../../api/refusal';
import { compareMoney, sumMoney } from '../../format/money';

// What the payments page works out from the API's answers: the totals of what is selected, the
// authority limit that applies to the person (as the payments service applies it), and which
// payment each of a bulk refusal's problems is about. The API decides; these only show.

/** The few fields of a payment these need (GET /payments). */
export interface PaymentAmounts {
  id: string;
  gross: string;
  payg: string;
  net: string;
  generatedBy: string;
}

/** React Aria's selection: every row, or the keys chosen. */
export type Selected = 'all' | ReadonlySet<string | number>;

export interface SelectionTotals {
  count: number;
  gross: string;
  payg: string;
  net: string;
}

/** The payments selected, in the list's order (the order they are sent in, so a problem's index finds its payment). */
export function selectedPayments<P extends PaymentAmounts>(payments: readonly P[], selected: Selected): P[] {
  return selected === 'all' ? [...payments] : payments.filter((p) => selected.has(p.id));
}

/** The exact totals of the payments selected. */
export function selectionTotals(payments: readonly PaymentAmounts[], selected: Selected): SelectionTotals {
  const chosen = selectedPayments(payments, selected);
  return { count: chosen.length, gross: sumMoney(chosen.map((p) => p.gross)), payg: sumMoney(chosen.map((p) => p.payg)), net: sumMoney(chosen.map((p) => p.net)) };
}

export interface AuthorityLimit {
  subject: string;
  maxAmount: string;
}

/** The limit that applies to a person (GET /authority-limits): their own when set, else their role's; null when neither is. */
export function limitFor(limits: readonly AuthorityLimit[], user: string, role: string): AuthorityLimit | null {
  return limits.find((l) => l.subject === `user:${user}`) ?? limits.find((l) => l.subject === `role:${role}`) ?? null;
}

/** Why the signed-in person may not authorise a payment, as the payments service would refuse it, or null. */
export function authorisationHint(p: PaymentAmounts, user: string, limit: AuthorityLimit | null): 'maker' | 'over-limit' | 'no-limit' | null {
  if (p.generatedBy === user) return 'maker';
  if (!limit) return 'no-limit';
  return compareMoney(p.gross, limit.maxAmount) > 0 ? 'over-limit' : null;
}

/**
 * A bulk authorisation's refusal names each payment by its place in the request (`ids[2]`): the
 * problems by payment id, so each is shown with its payment; problems naming no payment are kept under ''.
 */
export function problemsByPayment(ids: readonly string[], problems: readonly FieldProblem[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const p of problems) {
    const m = /^ids\[(\d+)\]$/.exec(p.field);
    const id = m ? (ids[Number(m[1])] ?? '') : '';
    by.set(id, [...(by.get(id) ?? []), p.problem]);
  }
  return by;
}
