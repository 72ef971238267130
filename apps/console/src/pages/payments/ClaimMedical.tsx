import { Suspense, lazy } from 'react';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { Day } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loaded } from '../../components/Loaded';
import { Section } from '../../components/Page';
import { StatusMessage } from '../../components/StatusMessage';
import { words } from '../../components/labels';

// The dialogs bring zod and the contracts' schemas: loaded with this section.
const dialogs = () => import('./MedicalDialogs');
const RecordInvoiceDialog = lazy(() => dialogs().then((m) => ({ default: m.RecordInvoiceDialog })));
const ApproveTreatmentDialog = lazy(() => dialogs().then((m) => ({ default: m.ApproveTreatmentDialog })));

/**
 * A claim's medical costs (the payments service's GET /claims/:claimId/medical): its approvals of
 * treatment for payment with the units used, its invoices with every line as assessed, and the
 * estimate. Who records an invoice and who approves treatment is the API's to say; the console
 * offers each to the roles it takes them from.
 */
export function ClaimMedical({ claimId, mayInvoice, mayApprove }: { claimId: string; mayInvoice: boolean; mayApprove: boolean }) {
  const { api } = useSignedIn();
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  const medical = useResult((signal) => resultOf(api.payments.GET('/claims/{claimId}/medical', { params: { path: { claimId } }, signal })), [api, claimId, changedCount]);
  const approved = medical?.ok ? medical.data.treatmentRequests.filter((r) => r.decision === 'approved') : [];
  return (
    <Section id="medical" title="Medical costs">
      <StatusMessage message={changedMessage} />
      <Suspense fallback={null}>
        <div className="row-actions">
          {mayApprove && approved.length > 0 && <ApproveTreatmentDialog claimId={claimId} requests={approved} onDone={onDone} />}
          {mayInvoice && <RecordInvoiceDialog claimId={claimId} onDone={onDone} />}
        </div>
      </Suspense>
      <Loaded result={medical} what="the medical costs">
        {(data) => (
          <>
            <h3>Approvals for payment</h3>
            {data.approvals.length === 0 ? (
              <p className="empty">No treatment approved for payment yet.</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Treatment request</th>
                    <th scope="col">Provider</th>
                    <th scope="col">Items</th>
                    <th scope="col" className="number">
                      Units used
                    </th>
                    <th scope="col">Dates</th>
                  </tr>
                </thead>
                <tbody>
                  {data.approvals.map((a) => (
                    <tr key={a.id}>
                      <th scope="row">{a.treatmentRef}</th>
                      <td>{a.providerName}</td>
                      <td>{a.items.join(', ')}</td>
                      <td className="number">
                        {a.unitsUsed} of {a.units}
                      </td>
                      <td>
                        <Day value={a.from} /> – <Day value={a.to} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>Invoices</h3>
            {data.invoices.length === 0 ? (
              <p className="empty">No invoices yet.</p>
            ) : (
              data.invoices.map((i) => (
                <table key={i.id} className="table">
                  <caption>
                    Invoice {i.invoiceNumber} from {i.providerName}, to {i.payee === 'worker' ? 'the worker' : 'the provider'}: <Money amount={i.totals.charged} /> charged,{' '}
                    <Money amount={i.totals.payable} /> payable
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Line</th>
                      <th scope="col">Service date</th>
                      <th scope="col">Item</th>
                      <th scope="col" className="number">
                        Charged
                      </th>
                      <th scope="col" className="number">
                        Payable
                      </th>
                      <th scope="col">Assessed</th>
                    </tr>
                  </thead>
                  <tbody>
                    {i.lines.map((l) => (
                      <tr key={l.line}>
                        <th scope="row">{l.line}</th>
                        <td>
                          <Day value={l.serviceDate} />
                        </td>
                        <td>
                          {l.item} × {l.units}
                        </td>
                        <td className="number">
                          <Money amount={l.charged} />
                        </td>
                        <td className="number">
                          <Money amount={l.payable} />
                        </td>
                        <td>
                          {words(l.status)}
                          {l.reason && <div className="muted small">{words(l.reason)}</div>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ))
            )}
            <p>
              Estimate of the claim&apos;s cost as at <Day value={data.estimate.asAt} />: <Money amount={data.estimate.total} /> (medical <Money amount={data.estimate.medical.amount} />)
            </p>
          </>
        )}
      </Loaded>
    </Section>
  );
}
