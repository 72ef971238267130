import { localDate, moneyText, piaweRequestSchema, piaweReviewSchema } from '@wc/contracts';
import type { operations as PaymentsOperations } from '../../api/openapi/payments';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { ActionDialog } from '../../components/ActionDialog';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { type FieldSpec, type KnownSchemas, fieldsOf } from '../../components/forms/schema-form';
import { keyWords, words } from '../../components/labels';

// Recording a PIAWE determination and reviewing one (POST /claims/:claimId/piawe, POST
// /piawe/:id/review, the payments service), each a dialog whose form is made from the schema the
// payments service validates with (@wc/contracts' piaweRequestSchema, piaweReviewSchema). An interim
// or agreed PIAWE is a few fields; a calculated one is the worker's employments and every earnings
// line, each a list of items (the rule book checks each line's kind and amount, and names the line).
// Loaded with the claim page's payments, not before: the schemas bring zod.

type DetermineBody = PaymentsOperations['PiaweController_determine']['requestBody']['content']['application/json'];
type ReviewBody = PaymentsOperations['PiaweController_review']['requestBody']['content']['application/json'];

const KNOWN: KnownSchemas = [
  [moneyText, 'money'],
  [localDate, 'date'],
];
type Basis = 'interim' | 'agreement' | 'calculated';
const schemaOf = (basis: Basis) => piaweRequestSchema.options.find((o) => o.shape.basis.value === basis)!;
const FIELDS: Record<Basis, FieldSpec[]> = {
  interim: fieldsOf(schemaOf('interim'), KNOWN, ['basis']),
  agreement: fieldsOf(schemaOf('agreement'), KNOWN, ['basis']),
  calculated: fieldsOf(schemaOf('calculated'), KNOWN, ['basis']),
};
const REVIEW_FIELDS = fieldsOf(piaweReviewSchema, KNOWN);

const LABELS: Record<string, string> = {
  amount: 'PIAWE (weekly)',
  reason: 'How the amount was arrived at',
  agreedOn: 'Agreed on',
  document: 'The agreement',
  decision: 'Decision',
  note: 'What you checked',
  employments: 'Employments at the time of injury',
  'employments.id': 'Reference',
  'employments.startedOn': 'Started on',
  'employments.materialChangeOn': 'Material change on',
  'employments.expectedWeeklyEarnings': 'Expected weekly earnings',
  earnings: 'Earnings in the 52 weeks before the injury',
  'earnings.id': 'Reference',
  'earnings.employment': 'Employment (its reference)',
  'earnings.kind': 'Kind of pay',
  'earnings.amount': 'Gross amount',
  unpaidLeave: 'Unpaid leave',
  'unpaidLeave.employment': 'Employment (its reference)',
};
const HINTS: Record<string, string> = {
  amount: 'Dollars a week, e.g. 1300.00.',
  reason: 'E.g. the employer’s stated wage, until payslips arrive. Kept with the determination.',
  agreedOn: 'The day the worker and the insurer agreed it (1987 Act Sch 3 cl 3).',
  document: 'Where the signed agreement is, e.g. a document’s id.',
  note: 'Kept with the review, e.g. the estimate checked against the employer’s wage statement.',
  employments: 'Every employment the worker had when injured (1987 Act Sch 3 cl 6).',
  'employments.id': 'Your name for it, e.g. E1: an earnings line names its employment by it.',
  'employments.materialChangeOn': 'A change in the earnings arrangement (Reg cl 8E), if there was one.',
  'employments.expectedWeeklyEarnings': 'For an employment too new to have a history (Sch 3 cl 5).',
  earnings: 'A line per payslip item: its period, kind and gross amount. The rule book decides what counts, and names a line it refuses.',
  'earnings.id': 'E.g. the payslip’s number.',
  'earnings.kind':
    'As the rule book names it: ordinary, overtime, shift-allowance, allowance, paid-leave, commission, piece-rate, non-monetary-benefit, employer-super, workers-compensation or discretionary-bonus.',
  'earnings.amount': 'Dollars, e.g. 1300.00.',
  unpaidLeave: 'Periods of unpaid leave in the 52 weeks, left out of the average (Reg cl 8C).',
};
const ITEMS: Record<string, string> = { employments: 'Employment', earnings: 'Earnings line', unpaidLeave: 'Unpaid leave period' };
const OPTIONS: Record<string, Record<string, string>> = { decision: { approve: 'Approve: it comes into force', reject: 'Reject: it never does' } };

const common = {
  // An item's field is asked for by its list and name (earnings.amount).
  label: (f: FieldSpec) => LABELS[f.name] ?? keyWords(f.name.split('.').pop() ?? f.name),
  hint: (f: FieldSpec) => HINTS[f.name],
  optionLabel: (f: FieldSpec, v: string) => OPTIONS[f.name]?.[v] ?? words(v),
  itemLabel: (f: FieldSpec) => ITEMS[f.name] ?? words(f.name),
};

const TITLES: Record<Basis, string> = { interim: 'Record an interim PIAWE', agreement: 'Record an agreed PIAWE', calculated: 'Calculate the PIAWE' };
const INTROS: Record<Basis, string> = {
  interim: 'An estimate, so weekly payments start on time while information is missing (SoP S7). It is in force once a second person approves it.',
  agreement: 'The amount agreed with the worker (1987 Act Sch 3 cl 3). It is in force once a second person approves it.',
  calculated:
    'From the worker’s employments and earnings in the 52 weeks before the injury (1987 Act Sch 3; Reg cl 8A–8F): the rule book works out the amount. It is in force once a second person approves it.',
};

/** Records an interim or agreed PIAWE (POST /claims/:claimId/piawe): awaiting review until a second person approves it. */
export function DeterminePiaweDialog({ claimId, basis, onDone }: { claimId: string; basis: Basis; onDone(message: string): void }) {
  const { api } = useSignedIn();
  return (
    <ActionDialog label={`${TITLES[basis]}…`} name={`${TITLES[basis]}…`} title={TITLES[basis]}>
      {(close) => (
        <SchemaForm
          {...common}
          schema={schemaOf(basis)}
          fields={FIELDS[basis]}
          fixed={{ basis }}
          intro={<p>{INTROS[basis]}</p>}
          submitLabel="Record the PIAWE"
          pendingLabel="Recording the PIAWE…"
          send={(body) => resultOf(api.payments.POST('/claims/{claimId}/piawe', { params: { path: { claimId } }, body: body as DetermineBody }))}
          done={() => onDone('PIAWE recorded: it waits for a second person to approve it.')}
          close={close}
        />
      )}
    </ActionDialog>
  );
}

/** Approves or rejects a determination (POST /piawe/:id/review): never by whoever determined it, which the API says. */
export function ReviewPiaweDialog({ determinationId, what, onDone }: { determinationId: string; what: string; onDone(message: string): void }) {
  const { api } = useSignedIn();
  return (
    <ActionDialog label="Review…" name={`Review… ${what}`} title={`Review the ${what}`}>
      {(close) => (
        <SchemaForm
          {...common}
          schema={piaweReviewSchema}
          fields={REVIEW_FIELDS}
          intro={<p>A second person checks the amount and its evidence. Approved, it is the claim&apos;s PIAWE from now on.</p>}
          submitLabel="Record the review"
          pendingLabel="Recording the review…"
          send={(body) => resultOf(api.payments.POST('/piawe/{id}/review', { params: { path: { id: determinationId } }, body: body as ReviewBody }))}
          done={() => onDone(`${what}: review recorded.`)}
          close={close}
        />
      )}
    </ActionDialog>
  );
}
