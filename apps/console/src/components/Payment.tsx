import type { Payment } from '../api/types';
import { Day } from './Dates';
import { words } from './labels';

// A payment's cells, as the payments page and the claim page both show them.

/** What it pays and to whom: "Weekly to worker". */
export function PaymentPaid({ payment: p }: { payment: Payment }) {
  return (
    <>
      {words(p.kind)} to {p.payee}
    </>
  );
}

/** The period it pays, and its entitlement week (s32A) when it is a weekly payment. */
export function PaymentPeriod({ payment: p }: { payment: Payment }) {
  return (
    <>
      <Day value={p.from} /> – <Day value={p.to} />
      {p.week !== null && <div className="muted small">entitlement week {p.week}</div>}
    </>
  );
}
