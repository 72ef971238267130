import { useState } from 'react';
import { approvalSchema, invoiceSchema, localDate } from '@wc/contracts';
import type { operations as PaymentsOperations } from '../../api/openapi/payments';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { ActionDialog } from '../../components/ActionDialog';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { type FieldSpec, type KnownSchemas, fieldsOf } from '../../components/forms/schema-form';
import { keyWords, words } from '../../components/labels';
import { formatMoney } from '../../format/format';
import { type ChosenProvider, ProviderPicker } from './ProviderPicker';

// A claim's medical costs (the payments service): an invoice recorded and assessed line by line
// (POST /claims/:claimId/invoices, docs/medical-assessment.md) and treatment approved for payment
// (POST /claims/:claimId/approvals, 1987 Act s60(2A)). Each form is made from the schema the
// service validates with (@wc/contracts' invoiceSchema, approvalSchema); the provider is found by
// name and chosen, not typed as an id. Loaded when the claim's medical section is shown.

type InvoiceBody = PaymentsOperations['MedicalController_submit']['requestBody']['content']['application/json'];
type Invoice = PaymentsOperations['MedicalController_submit']['responses'][201]['content']['application/json'];
type ApprovalBody = PaymentsOperations['MedicalController_approve']['requestBody']['content']['application/json'];
type Approval = PaymentsOperations['MedicalController_approve']['responses'][201]['content']['application/json'];

const KNOWN: KnownSchemas = [[localDate, 'date']];
const INVOICE_FIELDS = fieldsOf(invoiceSchema, KNOWN, ['providerId']);
const APPROVAL_FIELDS = fieldsOf(approvalSchema, KNOWN, ['providerId']);

const LABELS: Record<string, string> = {
  invoiceNumber: 'Invoice number',
  payee: 'Paid to',
  lines: 'Lines',
  'lines.serviceDate': 'Service date',
  'lines.item': 'Fee order item',
  'lines.charged': 'Charged',
  treatmentRef: 'Treatment request',
  items: 'Fee order items',
  units: 'Units in all',
};
const HINTS: Record<string, string> = {
  invoiceNumber: 'As the provider wrote it.',
  payee: 'The provider, or the worker who paid it and sent the receipt.',
  'lines.item': 'The fee order’s item code, e.g. PTA001.',
  'lines.charged': 'Dollars and cents, e.g. 95.00.',
  treatmentRef: 'An approved treatment request of the claim.',
  items: 'One fee order item code per line, e.g. PTA001.',
  units: 'How many units the approval covers, over all its items.',
};
const common = {
  label: (f: FieldSpec) => LABELS[f.name] ?? keyWords(f.name.split('.').pop() ?? f.name),
  hint: (f: FieldSpec) => HINTS[f.name],
  optionLabel: (_f: FieldSpec, v: string) => words(v),
  itemLabel: () => 'Line',
};

/** Records one invoice (POST /claims/:claimId/invoices): every line is assessed at once, and the assessment is shown. */
export function RecordInvoiceDialog({ claimId, onDone }: { claimId: string; onDone(message: string): void }) {
  const { api } = useSignedIn();
  const [provider, setProvider] = useState<ChosenProvider>();
  return (
    <ActionDialog label="Record an invoice…" name="Record an invoice…" title="Record a medical invoice">
      {(close) => (
        <>
          <ProviderPicker chosen={provider} onChoose={setProvider} />
          <SchemaForm
            {...common}
            schema={invoiceSchema}
            fields={INVOICE_FIELDS}
            fixed={provider ? { providerId: provider.id } : {}}
            intro={<p>Each line is assessed against the fee order, the claim&apos;s liability and its approvals; paid and reduced lines become payments waiting for authorisation.</p>}
            submitLabel="Record the invoice"
            pendingLabel="Recording the invoice…"
            send={(body) => resultOf(api.payments.POST('/claims/{claimId}/invoices', { params: { path: { claimId } }, body: body as InvoiceBody }))}
            done={(answer) => {
              const i = answer as Invoice;
              onDone(`Invoice ${i.invoiceNumber} from ${i.providerName} recorded: ${formatMoney(i.totals.charged)} charged, ${formatMoney(i.totals.payable)} payable.`);
            }}
            close={close}
          />
        </>
      )}
    </ActionDialog>
  );
}

/**
 * Approves an approved treatment request for payment (POST /claims/:claimId/approvals): its provider,
 * fee order items, units and dates. Lines held for want of it are assessed again.
 */
export function ApproveTreatmentDialog({ claimId, requests, onDone }: { claimId: string; requests: readonly { ref: string; treatment: string }[]; onDone(message: string): void }) {
  const { api } = useSignedIn();
  const [provider, setProvider] = useState<ChosenProvider>();
  // The request is one of the claim's approved treatment requests, chosen from them.
  const fields = APPROVAL_FIELDS.map((f) => (f.name === 'treatmentRef' ? { ...f, kind: 'enum' as const, options: requests.map((r) => r.ref) } : f));
  const treatment = new Map(requests.map((r) => [r.ref, r.treatment]));
  return (
    <ActionDialog label="Approve treatment for payment…" name="Approve treatment for payment…" title="Approve treatment for payment">
      {(close) => (
        <>
          <ProviderPicker chosen={provider} onChoose={setProvider} />
          <SchemaForm
            {...common}
            optionLabel={(f, v) => (f.name === 'treatmentRef' ? `${v}: ${treatment.get(v) ?? ''}` : words(v))}
            schema={approvalSchema}
            fields={fields}
            fixed={provider ? { providerId: provider.id } : {}}
            intro={<p>No invoice line is paid without the insurer&apos;s approval of the treatment (1987 Act s60(2A)). Lines held for want of this one are assessed again.</p>}
            submitLabel="Approve"
            pendingLabel="Approving…"
            send={(body) => resultOf(api.payments.POST('/claims/{claimId}/approvals', { params: { path: { claimId } }, body: body as ApprovalBody }))}
            done={(answer) => {
              const a = answer as Approval;
              onDone(
                `Treatment ${a.treatmentRef} approved for payment${a.heldLinesAssessedAgain ? `: ${a.heldLinesAssessedAgain} held ${a.heldLinesAssessedAgain === 1 ? 'line' : 'lines'} assessed again` : ''}.`,
              );
            }}
            close={close}
          />
        </>
      )}
    </ActionDialog>
  );
}
