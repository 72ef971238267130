import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, Link, Text, TextField } from 'react-aria-components';
import { type Refusal, resultOf } from '../../api/refusal';
import type { PaymentRun } from '../../api/types';
import { hrefs, navigate } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { MorePages, usePages } from '../../app/use-pages';
import { Day, Instant } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { sydneyToday } from '../../format/format';
import '../operations.css';

/**
 * Starting a payment run (POST /payment-runs): every authorised payment not yet in a run goes into
 * one ABA bank file, built in the background; the run's page shows its progress and gives the file.
 * The request carries an Idempotency-Key made once per start, so a press repeated after a lost
 * answer gives the same run, never a second one.
 */
export function PaymentRunsPage() {
  const { api } = useSignedIn();
  const [key, setKey] = useState(() => `console-run-${crypto.randomUUID()}`);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const fieldErrors = Object.fromEntries((refusal?.problems ?? []).filter((p) => p.field === 'processingDate').map((p) => [p.field, p.problem]));
  return (
    <Page title="Payment runs">
      <p className="lede">
        A payment run pays every authorised payment not yet in a run, in one ABA bank file for the processing date. Payments are authorised on the <Link href={hrefs.payments}>Payments</Link> page; a
        payment in a run links to its run.
      </p>
      <Section id="start-run" title="Start a payment run">
        <Form
          className="stacked-form"
          validationErrors={fieldErrors}
          onSubmit={async (e) => {
            e.preventDefault();
            const processingDate = String(new FormData(e.currentTarget).get('processingDate') ?? '');
            setPending(true);
            setRefusal(undefined);
            const r = await resultOf(api.payments.POST('/payment-runs', { params: { header: { 'Idempotency-Key': key } }, body: { processingDate } }));
            setPending(false);
            if (!r.ok) {
              setRefusal(r.refusal);
              // Refused, nothing started: another press is another request.
              if (r.refusal.status >= 400 && r.refusal.status < 500) setKey(`console-run-${crypto.randomUUID()}`);
              return;
            }
            navigate(hrefs.paymentRun(r.data.id));
          }}
        >
          <TextField name="processingDate" type="date" isRequired defaultValue={sydneyToday()} className="field field-date">
            <Label>Processing date</Label>
            <Input />
            <Text slot="description" className="hint">
              The day the bank processes the file (a Sydney date).
            </Text>
            <FieldError className="field-error" />
          </TextField>
          <Button type="submit" isDisabled={pending} className="react-aria-Button primary">
            Start payment run
          </Button>
          {pending && (
            <p role="status" className="muted">
              Starting the run…
            </p>
          )}
          {refusal && Object.keys(fieldErrors).length === 0 && <RefusalMessage refusal={refusal} level={3} />}
        </Form>
      </Section>
      <Section id="runs" title="Payment runs so far">
        <RunList />
      </Section>
    </Page>
  );
}

const PAGE = 20;

/** The runs, newest first (GET /payment-runs), a page at a time: "Older runs" asks for the page after the last one shown. */
function RunList() {
  const { api } = useSignedIn();
  const {
    items: runs,
    next,
    pending,
    refusal,
    more,
  } = usePages<PaymentRun>(async (before) => {
    const r = await resultOf(api.payments.GET('/payment-runs', { params: { query: { limit: PAGE, ...(before ? { before } : {}) } } }));
    return r.ok ? { ok: true, data: { items: r.data.runs, next: r.data.next } } : r;
  }, 'runs');
  if (refusal) return <RefusalMessage refusal={refusal} level={3} />;
  if (!runs) return <Loading what="the payment runs" />;
  if (runs.length === 0) return <p className="muted">No payment run yet.</p>;
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Processing date</th>
            <th scope="col">Status</th>
            <th scope="col" className="number">
              Payments
            </th>
            <th scope="col" className="number">
              Total (net)
            </th>
            <th scope="col">Started</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link href={hrefs.paymentRun(r.id)}>
                  <Day value={r.processingDate} />
                </Link>
              </th>
              <td>{r.status === 'complete' ? 'Bank file ready' : `Building (${r.done} of ${r.payments})`}</td>
              <td className="number">{r.payments}</td>
              <td className="number">
                <Money amount={r.total} />
              </td>
              <td className="nowrap">
                <Instant value={r.createdAt} />
                <div className="muted small">{r.createdBy}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <MorePages next={next} pending={pending} more={more} label="Older runs" working="Fetching runs…" />
    </>
  );
}
