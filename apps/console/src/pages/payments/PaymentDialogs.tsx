import { TAX_SCALES, localDate, paymentCancelSchema, payeeSchema, weeklyGenerateSchema } from '@wc/contracts';
import type { operations as PaymentsOperations } from '../../api/openapi/payments';
import { resultOf } from '../../api/refusal';
import type { Payment, PaymentClaim } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { ActionDialog } from '../../components/ActionDialog';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { type FieldSpec, type FormValues, type KnownSchemas, fieldsOf } from '../../components/forms/schema-form';
import { words } from '../../components/labels';
import { formatDate, formatMoney, sydneyToday } from '../../format/format';
import { sumMoney } from '../../format/money';

// The payments officer's actions on one claim's payments (the payments service): who is paid and the
// account (PUT /claims/:claimId/payee), generating the weeks that have ended (POST
// /claims/:claimId/weekly-payments/generate) and cancelling a payment not yet in a bank file (POST
// /payments/:id/cancel). Each form is made from the schema the service validates with (@wc/contracts'
// payeeSchema, weeklyGenerateSchema, paymentCancelSchema). Loaded with the claim page's payments.

type PayeeBody = PaymentsOperations['PaymentClaimsController_setPayee']['requestBody']['content']['application/json'];
type GenerateBody = PaymentsOperations['WeeklyPaymentsController_generate']['requestBody']['content']['application/json'];
type Generated = PaymentsOperations['WeeklyPaymentsController_generate']['responses'][200]['content']['application/json'];
type CancelBody = PaymentsOperations['PaymentsController_cancel']['requestBody']['content']['application/json'];

const KNOWN: KnownSchemas = [[localDate, 'date']];
const PAYEE_FIELDS = fieldsOf(payeeSchema, KNOWN);
const GENERATE_FIELDS = fieldsOf(weeklyGenerateSchema, KNOWN);
const CANCEL_FIELDS = fieldsOf(paymentCancelSchema, KNOWN);

const LABELS: Record<string, string> = {
  paidBy: 'Who pays weekly compensation',
  'worker.bsb': 'BSB',
  'worker.account': 'Account number',
  'worker.accountTitle': 'Account name',
  'worker.taxScale': 'PAYG tax scale',
  'employer.bsb': 'BSB',
  'employer.account': 'Account number',
  'employer.accountTitle': 'Account name',
  through: 'Weeks ended by',
  reason: 'Why it is cancelled',
};
const HINTS: Record<string, string> = {
  paidBy: 'The insurer pays the worker directly, withholding PAYG; or the employer pays through payroll and is reimbursed (program 4.6).',
  'worker.accountTitle': 'As the bank holds it: at most 32 characters, printed in the bank file.',
  'worker.taxScale': "From the worker's TFN declaration (ATO Schedule 1).",
  through: 'Weeks are paid in arrears: only weeks that have ended are generated. Safe to repeat: a week is paid at most once.',
  reason: 'Kept in the payment’s audit trail. Its week can be generated again.',
};
const OPTIONS: Record<string, Record<string, string>> = {
  paidBy: { insurer: 'The insurer, to the worker’s account', employer: 'The employer, through payroll' },
  'worker.taxScale': {
    'tax-free-threshold': 'Tax-free threshold claimed',
    'no-tax-free-threshold': 'No tax-free threshold',
    'no-tfn-resident': 'No TFN given (resident)',
    'no-tfn-foreign-resident': 'No TFN given (foreign resident)',
  } satisfies Record<(typeof TAX_SCALES)[number], string>,
};
const GROUPS: Record<string, string> = { worker: "The worker's account (when the insurer pays)", employer: "The employer's account for reimbursements (when the employer pays)" };

const common = {
  label: (f: FieldSpec) => LABELS[f.name] ?? words(f.name),
  hint: (f: FieldSpec) => HINTS[f.name],
  optionLabel: (f: FieldSpec, v: string) => OPTIONS[f.name]?.[v] ?? words(v),
  groupLabel: (g: string) => GROUPS[g] ?? words(g),
};

/** The form's values from the payee recorded now, so a change starts from it. */
function payeeValues(c: PaymentClaim): FormValues {
  const values: FormValues = { paidBy: c.paidBy };
  for (const who of ['worker', 'employer'] as const) {
    const account = c[who];
    if (account) for (const [k, v] of Object.entries(account)) values[`${who}.${k}`] = v;
  }
  return values;
}

/**
 * Records who pays and the account (PUT /claims/:claimId/payee). The first account is recorded at
 * once; another account in its place waits for a second person (the API answers 202 with the change).
 */
export function SetPayeeDialog({ claim, onDone }: { claim: PaymentClaim; onDone(message: string): void }) {
  const { api } = useSignedIn();
  return (
    <ActionDialog label="Set the payee and account…" name="Set the payee and account…" title={`Who is paid on claim ${claim.claimNumber}`}>
      {(close) => (
        <SchemaForm
          {...common}
          schema={payeeSchema}
          fields={PAYEE_FIELDS}
          initial={payeeValues(claim)}
          intro={<p>A new account in place of one already paid is held until a second person approves it (Approvals).</p>}
          submitLabel="Record the payee"
          pendingLabel="Recording the payee…"
          send={(body) => resultOf(api.payments.PUT('/claims/{claimId}/payee', { params: { path: { claimId: claim.claimId } }, body: body as PayeeBody }))}
          done={(answer) =>
            onDone(
              typeof answer === 'object' && answer !== null && 'changeId' in answer
                ? 'The new account waits for a second person to approve it (Approvals); payments go to the account recorded until then.'
                : 'Payee recorded.',
            )
          }
          close={close}
        />
      )}
    </ActionDialog>
  );
}

/** Generates a payment for each week ended by a date that has none (POST /claims/:claimId/weekly-payments/generate). */
export function GenerateWeeksDialog({ claimId, onDone }: { claimId: string; onDone(message: string): void }) {
  const { api } = useSignedIn();
  return (
    <ActionDialog label="Generate weekly payments…" name="Generate weekly payments…" title="Generate weekly payments">
      {(close) => (
        <SchemaForm
          {...common}
          schema={weeklyGenerateSchema}
          fields={GENERATE_FIELDS}
          initial={{ through: sydneyToday() }}
          intro={<p>Each week is valued by the rules (1987 Act s36–s38, s82A indexation) with the PIAWE in force. The payments wait for another person to authorise them.</p>}
          submitLabel="Generate"
          pendingLabel="Generating the payments…"
          send={(body) => resultOf(api.payments.POST('/claims/{claimId}/weekly-payments/generate', { params: { path: { claimId } }, body: body as GenerateBody }))}
          done={(answer) => onDone(generatedMessage(answer as Generated))}
          close={close}
        />
      )}
    </ActionDialog>
  );
}

/** What a generation made, with the service's warnings in its own words. */
export function generatedMessage(g: Generated): string {
  const made =
    g.generated.length === 0
      ? 'No week was due: every week ended by then has a payment.'
      : `${g.generated.length} ${g.generated.length === 1 ? 'payment' : 'payments'} generated, ${formatMoney(sumMoney(g.generated.map((p) => p.gross)))} gross, waiting for authorisation.`;
  // The service's warnings in its words, each one apart.
  return g.warnings.length ? `${made} To look at: ${g.warnings.join('; ')}.` : made;
}

/** Cancels a payment not yet in a bank file, with the reason (POST /payments/:id/cancel). */
export function CancelPaymentDialog({ payment, onDone }: { payment: Pick<Payment, 'id' | 'reference' | 'from'>; onDone(message: string): void }) {
  const { api } = useSignedIn();
  const what = `payment ${payment.reference} (from ${formatDate(payment.from)})`;
  return (
    <ActionDialog label="Cancel…" name={`Cancel… ${payment.reference}`} title={`Cancel ${what}`}>
      {(close) => (
        <SchemaForm
          {...common}
          schema={paymentCancelSchema}
          fields={CANCEL_FIELDS}
          submitLabel="Cancel the payment"
          pendingLabel="Cancelling the payment…"
          send={(body) => resultOf(api.payments.POST('/payments/{id}/cancel', { params: { path: { id: payment.id } }, body: body as CancelBody }))}
          done={() => onDone(`${what[0].toUpperCase()}${what.slice(1)} cancelled.`)}
          close={close}
        />
      )}
    </ActionDialog>
  );
}
