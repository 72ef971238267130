import { Suspense, lazy } from 'react';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { Day, Instant } from '../../components/Dates';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { StatusMessage } from '../../components/StatusMessage';
import { actionName } from '../../components/labels';
import { ClaimMedical } from './ClaimMedical';
import { ClaimPaymentsTable, PayeeFacts } from './ClaimPaymentParts';
import '../operations.css';

// The dialogs bring zod and the contracts' schemas: loaded with this page, not with the console.
const dialogs = () => import('./PaymentDialogs');
const SetPayeeDialog = lazy(() => dialogs().then((m) => ({ default: m.SetPayeeDialog })));
const GenerateWeeksDialog = lazy(() => dialogs().then((m) => ({ default: m.GenerateWeeksDialog })));

/**
 * A claim as the payments officer works it (the payments service's GET /claims/:claimId: never the
 * claim's health information, which a payments officer does not see): who is paid and the account
 * (set here, a new account in place of one paid held for a second person), its payments (weeks
 * generated here, a payment cancelled with its reason), its medical invoices (recorded here) and the
 * staff actions payments has received.
 */
export function PaymentClaimPage({ claimId }: { claimId: string }) {
  const { api } = useSignedIn();
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  const claim = useResult((signal) => resultOf(api.payments.GET('/claims/{claimId}', { params: { path: { claimId } }, signal })), [api, claimId, changedCount]);
  if (!claim)
    return (
      <Page title="Claim payments">
        <Loading what="the claim" />
      </Page>
    );
  if (!claim.ok)
    return (
      <Page title="Claim payments">
        <RefusalMessage refusal={claim.refusal} />
      </Page>
    );
  const c = claim.data;
  return (
    <Page title={`Payments of claim ${c.claimNumber}`}>
      <dl className="facts">
        <div>
          <dt>Worker</dt>
          <dd>{c.workerName}</dd>
        </div>
        <div>
          <dt>Employer</dt>
          <dd>
            {c.employerName} <span className="muted">(policy {c.employerPolicyNumber})</span>
          </dd>
        </div>
        <div>
          <dt>Date of injury</dt>
          <dd>
            <Day value={c.dateOfInjury} />
          </dd>
        </div>
      </dl>
      <StatusMessage message={changedMessage} />
      <Section id="payee" title="Who is paid">
        <PayeeFacts claim={c} />
        <Suspense fallback={null}>
          <div className="row-actions">
            <SetPayeeDialog claim={c} onDone={onDone} />
          </div>
        </Suspense>
      </Section>
      <Section id="payments" title="Payments">
        <Suspense fallback={null}>
          <div className="row-actions">
            <GenerateWeeksDialog claimId={claimId} onDone={onDone} />
          </div>
        </Suspense>
        <ClaimPaymentsTable claimId={claimId} version={changedCount} mayCancel onDone={onDone} />
      </Section>
      <ClaimMedical claimId={claimId} mayInvoice mayApprove={false} />
      <Section id="facts" title="What payments has heard">
        {c.facts.length === 0 ? (
          <p className="empty">No staff action that bears on payments yet.</p>
        ) : (
          <ul className="plain">
            {c.facts.map((f, i) => (
              <li key={`${f.type}:${f.recordedAt}:${i}`}>
                {actionName(f.type)}{' '}
                <span className="muted small">
                  (dated <Instant value={f.at} />)
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </Page>
  );
}
