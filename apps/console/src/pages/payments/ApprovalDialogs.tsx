import { changeDecisionSchema } from '@wc/contracts';
import type { operations as PaymentsOperations } from '../../api/openapi/payments';
import { resultOf } from '../../api/refusal';
import type { PendingChange } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { ActionDialog } from '../../components/ActionDialog';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { fieldsOf } from '../../components/forms/schema-form';

// Approving or rejecting a change (POST /changes/:id/approve, /reject), the form made from the schema
// the payments service validates with (@wc/contracts' changeDecisionSchema).

type DecisionBody = PaymentsOperations['ChangesController_approve']['requestBody']['content']['application/json'];
const FIELDS = fieldsOf(changeDecisionSchema, []);
const TEXT = {
  approve: { label: 'Approve…', title: 'Approve the', submit: 'Approve', pending: 'Approving…', done: 'approved: it is recorded now.', intro: 'Approved, it is recorded at once.' },
  reject: { label: 'Reject…', title: 'Reject the', submit: 'Reject', pending: 'Rejecting…', done: 'rejected: nothing is recorded.', intro: 'Rejected, nothing of it is recorded.' },
} as const;

export function DecideChangeDialog({ change, decision, what, onDone }: { change: PendingChange; decision: 'approve' | 'reject'; what: string; onDone(message: string): void }) {
  const { api } = useSignedIn();
  const t = TEXT[decision];
  return (
    <ActionDialog label={t.label} name={`${t.label} ${what}`} title={`${t.title} ${what}`}>
      {(close) => (
        <SchemaForm
          schema={changeDecisionSchema}
          fields={FIELDS}
          label={() => 'Note'}
          hint={() => 'Optional: what you checked. Kept with the decision.'}
          intro={<p>{t.intro} You cannot decide a change you proposed yourself.</p>}
          submitLabel={t.submit}
          pendingLabel={t.pending}
          send={(body) =>
            resultOf(
              decision === 'approve'
                ? api.payments.POST('/changes/{id}/approve', { params: { path: { id: change.changeId } }, body: body as DecisionBody })
                : api.payments.POST('/changes/{id}/reject', { params: { path: { id: change.changeId } }, body: body as DecisionBody }),
            )
          }
          done={() => onDone(`The ${what} was ${t.done}`)}
          close={close}
        />
      )}
    </ActionDialog>
  );
}
