import { Suspense, lazy } from 'react';
import { resultOf } from '../../api/refusal';
import type { Payment, PaymentClaim } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { MorePages, usePages } from '../../app/use-pages';
import { Money } from '../../components/Money';
import { PaymentPaid, PaymentPeriod } from '../../components/Payment';
import { Loading } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { words } from '../../components/labels';

// One claim's payee and payments (the payments service's), as the claim page shows them to its case
// manager and team leader, and as the payments officer's page of the claim shows them with its actions.

const PAGE = 52;
export const PAYMENT_STATUS: Record<Payment['status'], string> = {
  generated: 'Waiting for authorisation',
  authorised: 'Authorised',
  'in-run': 'In a payment run',
  released: 'Paid',
  cancelled: 'Cancelled',
};
const PAID_BY: Record<PaymentClaim['paidBy'], string> = { insurer: 'The insurer, to the worker’s account', employer: 'The employer, through payroll (reimbursed)' };
// Not yet in a bank file (the API refuses the rest).
const CANCELLABLE: ReadonlySet<Payment['status']> = new Set(['generated', 'authorised']);

// The cancel dialog brings zod and the contracts' schema: loaded once a payment could be cancelled.
const CancelPaymentDialog = lazy(() => import('./PaymentDialogs').then((m) => ({ default: m.CancelPaymentDialog })));

/** Who pays weekly compensation and the accounts recorded. */
export function PayeeFacts({ claim: c }: { claim: PaymentClaim }) {
  return (
    <dl className="facts">
      <div>
        <dt>Paid by</dt>
        <dd>{PAID_BY[c.paidBy]}</dd>
      </div>
      <div>
        <dt>Worker&apos;s account</dt>
        <dd>{c.worker ? <Account account={c.worker} /> : <span className="muted">None recorded</span>}</dd>
      </div>
      <div>
        <dt>Employer&apos;s account</dt>
        <dd>{c.employer ? <Account account={c.employer} /> : <span className="muted">None recorded</span>}</dd>
      </div>
    </dl>
  );
}

function Account({ account: a }: { account: NonNullable<PaymentClaim['employer']> & { taxScale?: string } }) {
  return (
    <>
      {a.accountTitle}, BSB {a.bsb}, account {a.account}
      {a.taxScale && <div className="muted small">PAYG: {words(a.taxScale)}</div>}
    </>
  );
}

/**
 * The claim's payments (GET /payments?claimId=), a page at a time, oldest first; read again when
 * `version` changes. `mayCancel`: each payment not yet in a bank file offers its cancellation.
 */
export function ClaimPaymentsTable({ claimId, version, mayCancel, onDone }: { claimId: string; version: number; mayCancel: boolean; onDone(message: string): void }) {
  const { api } = useSignedIn();
  const list = usePages<Payment>(async (after) => {
    const r = await resultOf(api.payments.GET('/payments', { params: { query: { claimId, limit: PAGE, ...(after ? { after } : {}) } } }));
    return r.ok ? { ok: true, data: { items: r.data.payments, next: r.data.next } } : r;
  }, `${claimId}:${version}`);
  if (list.refusal) return <RefusalMessage refusal={list.refusal} level={3} />;
  if (!list.items) return <Loading what="the payments" />;
  if (list.items.length === 0) return <p className="empty">No payments on this claim yet.</p>;
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Paid</th>
            <th scope="col">Period</th>
            <th scope="col" className="number">
              Gross
            </th>
            <th scope="col" className="number">
              PAYG
            </th>
            <th scope="col" className="number">
              Net
            </th>
            <th scope="col">Status</th>
            {mayCancel && (
              <th scope="col">
                <span className="visually-hidden">Cancel</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {list.items.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.reference}</th>
              <td>
                <PaymentPaid payment={p} />
              </td>
              <td>
                <PaymentPeriod payment={p} />
              </td>
              <td className="number">
                <Money amount={p.gross} />
              </td>
              <td className="number">
                <Money amount={p.payg} />
              </td>
              <td className="number">
                <Money amount={p.net} />
              </td>
              <td>{PAYMENT_STATUS[p.status]}</td>
              {mayCancel && (
                <td>
                  {CANCELLABLE.has(p.status) && (
                    <Suspense fallback={null}>
                      <CancelPaymentDialog payment={p} onDone={onDone} />
                    </Suspense>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <MorePages next={list.next} pending={list.pending} more={list.more} label={`Show the next ${PAGE} payments`} working="Loading more payments…" />
    </>
  );
}
