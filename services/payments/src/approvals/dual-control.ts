import type { StaffUser } from '@wc/service-kit';
import type { Payee } from '@wc/contracts';
import type { PaymentClaim } from '../claims/payment-claims.service';

/**
 * Two people for what moves money (issue 14): who may propose and who may approve a change. Pure,
 * so the rule is read (and tested) in one place.
 */
export type ChangeKind = 'payee' | 'authority-limit' | 'rate-tables';

/**
 * A payee's first account is recorded at once (nothing is redirected); replacing an account that
 * payments already go to, or switching who is paid, waits for a second person: the fraud it stops
 * is redirecting a worker's compensation.
 */
export function payeeChangeNeedsSecondPerson(current: PaymentClaim, next: Payee): boolean {
  const same = (a: { bsb: string; account: string } | null | undefined, b: { bsb: string; account: string } | null | undefined) => !a || !b || (a.bsb === b.bsb && a.account === b.account);
  const hadAccount = current.worker !== null || current.employer !== null;
  if (!hadAccount) return false;
  return current.paidBy !== next.paidBy || !same(current.worker, next.worker) || !same(current.employer, next.employer);
}

/** Nobody sets their own authority limit, not even by proposing it for a colleague to approve. */
export function mayProposeLimit(subject: string, by: StaffUser): string | null {
  return subject === `user:${by.user}` ? `${by.user} may not change their own authority limit` : null;
}

/** The second person: not the proposer, and for a limit, not the person whose limit it is. */
export function mayApprove(change: { kind: ChangeKind; subject: string; proposedBy: string }, by: StaffUser): string | null {
  if (change.proposedBy === by.user) return `${by.user} proposed this change; another person must approve it`;
  if (change.kind === 'authority-limit' && change.subject === `user:${by.user}`) return `${by.user} may not approve their own authority limit`;
  if (change.kind === 'authority-limit' && by.role !== 'admin') return 'an authority limit is approved by an administrator';
  if (change.kind === 'payee' && by.role !== 'payments-officer' && by.role !== 'team-leader') return "a payee's bank account change is approved by a payments officer or a team leader";
  // Corrected rate tables are what every later payment is valued with: a team leader or an administrator loads them.
  if (change.kind === 'rate-tables' && by.role !== 'team-leader' && by.role !== 'admin') return 'corrected rate tables are approved by a team leader or an administrator';
  return null;
}
