import { Suspense, lazy, useState } from 'react';
import { Button } from 'react-aria-components';
import type { operations as PaymentsOperations } from '../../api/openapi/payments';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { Instant } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loading, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { StatusMessage } from '../../components/StatusMessage';
import { words } from '../../components/labels';
import { formatMoney } from '../../format/format';
import { ClaimPaymentsTable, PayeeFacts } from '../payments/ClaimPaymentParts';

type Determination = PaymentsOperations['PiaweController_list']['responses'][200]['content']['application/json'][number];

const PIAWE_STATUS: Record<Determination['status'], string> = {
  interim: 'In force (interim)',
  final: 'In force (final)',
  'awaiting-review': 'Waiting for a second person',
  rejected: 'Rejected',
  superseded: 'Superseded',
};

/**
 * The claim's payments (GET /payments?claimId=, the payments service's, a page at a time, oldest
 * first) and, when asked for, its PIAWE determinations (GET /claims/:id/piawe). The determinations
 * carry their evidence (payslips, agreements), and every read of them is kept in the privacy audit
 * (issue 14), so they are read only when the case manager asks, not with every opening of the claim.
 * An interim or agreed PIAWE is recorded here, and reviewed by a second person (PiaweDialogs). Who is
 * paid and the payments are shown as the payments officer's page of the claim shows them
 * (payments/ClaimPaymentParts.tsx), where they are changed.
 */
export function ClaimPayments({ claimId }: { claimId: string }) {
  const { session } = useSignedIn();
  // Counts the payments cancelled here: the list is read again after each.
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  return (
    <Section id="payments" title="Payments and PIAWE">
      <Piawe claimId={claimId} />
      <h3>Who is paid</h3>
      <ClaimPayee claimId={claimId} />
      <h3>Payments</h3>
      <StatusMessage message={changedMessage} />
      {/* The API decides; the console offers cancelling to the team leader, whose requests it takes (a case manager's it refuses). */}
      <ClaimPaymentsTable claimId={claimId} version={changedCount} mayCancel={session.role === 'team-leader'} onDone={onDone} />
    </Section>
  );
}

/** Who is paid, as the payments service holds it (GET /claims/:claimId there); a payments officer changes it on their page of the claim. */
function ClaimPayee({ claimId }: { claimId: string }) {
  const { api } = useSignedIn();
  const shown = useResult((signal) => resultOf(api.payments.GET('/claims/{claimId}', { params: { path: { claimId } }, signal })), [api, claimId]);
  if (!shown) return <Loading what="the payee" />;
  if (!shown.ok) return <RefusalMessage refusal={shown.refusal} level={3} />;
  return <PayeeFacts claim={shown.data} />;
}

// The dialogs that record and review a PIAWE bring zod and the contracts' schemas: loaded with the
// claim page's payments, not with the console.
const piaweDialogs = () => import('./PiaweDialogs');
const DeterminePiaweDialog = lazy(() => piaweDialogs().then((m) => ({ default: m.DeterminePiaweDialog })));
const ReviewPiaweDialog = lazy(() => piaweDialogs().then((m) => ({ default: m.ReviewPiaweDialog })));

function Piawe({ claimId }: { claimId: string }) {
  const [asked, setAsked] = useState(false);
  // Counts what was recorded here: the determinations, when shown, are read again.
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  return (
    <>
      <h3>PIAWE</h3>
      <StatusMessage message={changedMessage} />
      <Suspense fallback={null}>
        <div className="row-actions">
          <DeterminePiaweDialog claimId={claimId} basis="interim" onDone={onDone} />
          <DeterminePiaweDialog claimId={claimId} basis="agreement" onDone={onDone} />
          <DeterminePiaweDialog claimId={claimId} basis="calculated" onDone={onDone} />
        </div>
      </Suspense>
      {asked ? (
        <Determinations claimId={claimId} version={changedCount} onDone={onDone} />
      ) : (
        <div className="section-actions">
          <Button onPress={() => setAsked(true)}>Show the PIAWE determinations</Button>
          <p className="muted small">With their evidence: your reading them is kept in the privacy audit.</p>
        </div>
      )}
    </>
  );
}

function Determinations({ claimId, version, onDone }: { claimId: string; version: number; onDone(message: string): void }) {
  const { api } = useSignedIn();
  const shown = useResult((signal) => resultOf(api.payments.GET('/claims/{claimId}/piawe', { params: { path: { claimId } }, signal })), [api, claimId, version]);
  if (!shown) return <Loading what="the PIAWE determinations" />;
  if (!shown.ok) return <RefusalMessage refusal={shown.refusal} level={3} />;
  return (
    <>
      {shown.data.length === 0 ? (
        <p className="empty">No PIAWE determined yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Basis</th>
              <th scope="col" className="number">
                Amount
              </th>
              <th scope="col">Status</th>
              <th scope="col">Determined</th>
              <th scope="col">Reviewed</th>
              <th scope="col">
                <span className="visually-hidden">Review</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.data.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {words(d.basis)}
                  <div className="muted small">{d.reason}</div>
                </th>
                <td className="number">
                  <Money amount={d.amount} />
                  {d.amountAfter52Weeks && (
                    <div className="muted small">
                      after 52 weeks <Money amount={d.amountAfter52Weeks} />
                    </div>
                  )}
                </td>
                <td>{PIAWE_STATUS[d.status]}</td>
                <td>
                  {d.determinedBy}
                  <div className="muted small">
                    <Instant value={d.determinedAt} />
                  </div>
                </td>
                <td>
                  {d.reviewedBy ?? <span className="muted">Not yet</span>}
                  {d.reviewedAt && (
                    <div className="muted small">
                      <Instant value={d.reviewedAt} />
                      {d.reviewNote && `: ${d.reviewNote}`}
                    </div>
                  )}
                </td>
                <td>
                  {d.status === 'awaiting-review' && (
                    <Suspense fallback={null}>
                      <ReviewPiaweDialog determinationId={d.id} what={`${words(d.basis).toLowerCase()} PIAWE of ${formatMoney(d.amount)}`} onDone={onDone} />
                    </Suspense>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
