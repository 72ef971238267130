import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { type Refusal, resultOf } from '../../api/refusal';
import { hrefs, navigate } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { RefusalMessage } from '../../components/RefusalMessage';

/**
 * Opens a claim's payments by its number (the payments service's GET /claims?number=): how a
 * payments officer reaches a claim that has no payment yet (to record its payee), or one an employer
 * rang about.
 */
export function FindPaymentClaim() {
  const { api } = useSignedIn();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [notFound, setNotFound] = useState<string>();
  return (
    <Form
      className="inline-form"
      aria-label="A claim's payments"
      validationErrors={notFound ? { number: notFound } : Object.fromEntries((refusal?.problems ?? []).map((p) => [p.field, p.problem]))}
      onSubmit={async (e) => {
        e.preventDefault();
        const number = String(new FormData(e.currentTarget).get('number') ?? '').trim();
        setPending(true);
        setRefusal(undefined);
        setNotFound(undefined);
        const r = await resultOf(api.payments.GET('/claims', { params: { query: { number } } }));
        setPending(false);
        if (!r.ok) return setRefusal(r.refusal);
        const [claim] = r.data.claims;
        if (!claim) return setNotFound(`no claim ${number} has reached payments, or it is not one you may see`);
        navigate(hrefs.paymentClaim(claim.claimId));
      }}
    >
      <TextField name="number" isRequired className="field">
        <Label>Claim number</Label>
        <Input />
        <Text slot="description" className="hint">
          Opens the claim&apos;s payee and payments, e.g. to record who is paid before its first payment.
        </Text>
        <FieldError className="field-error" />
      </TextField>
      <Button type="submit" isPending={pending}>
        Open its payments
      </Button>
      {refusal && refusal.problems.length === 0 && <RefusalMessage refusal={refusal} level={3} />}
    </Form>
  );
}
