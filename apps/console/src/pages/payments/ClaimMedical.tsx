import { Suspense, lazy, useState } from 'react';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { useResult } from '../../app/use-result';
import { Day } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loading, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
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
  const [changed, setChanged] = useState<{ count: number; message?: string }>({ count: 0 });
  const onDone = (message: string) => setChanged((c) => ({ count: c.count + 1, message }));
  const medical = useResult((signal) => resultOf(api.payments.GET('/claims/{claimId}/medical', { params: { path: { claimId } }, signal })), [api, claimId, changed.count]);
  const approved = medical?.ok ? medical.data.treatmentRequests.filter((r) => r.decision === 'approved') : [];
  return (
    <Section id="medical" title="Medical costs">
      <StatusMessage message={changed.message} />
      <Suspense fallback={null}>
        <div className="row-actions">
          {mayApprove && approved.length > 0 && <ApproveTreatmentDialog claimId={claimId} requests={approved} onDone={onDone} />}
          {mayInvoice && <RecordInvoiceDialog claimId={claimId} onDone={onDone} />}
        </div>
      </Suspense>
      {!medical ? (
        <Loading what="the medical costs" />
      ) : !medical.ok ? (
        <RefusalMessage refusal={medical.refusal} level={3} />
      ) : (
        <>
          <h3>Approvals for payment</h3>
          {medical.data.approvals.length === 0 ? (
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
                {medical.data.approvals.map((a) => (
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
          {medical.data.invoices.length === 0 ? (
            <p className="empty">No invoices yet.</p>
          ) : (
            medical.data.invoices.map((i) => (
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
            Estimate of the claim&apos;s cost as at <Day value={medical.data.estimate.asAt} />: <Money amount={medical.data.estimate.total} /> (medical{' '}
            <Money amount={medical.data.estimate.medical.amount} />)
          </p>
        </>
      )}
    </Section>
  );
}
