import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, Link, Text, TextField } from 'react-aria-components';
import { type Refusal, resultOf } from '../../api/refusal';
import { hrefs, navigate } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { Page, Section } from '../../components/Page';
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
    </Page>
  );
}
