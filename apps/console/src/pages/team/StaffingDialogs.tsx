import { coverInputSchema, localDate, reviewerInputSchema } from '@wc/contracts';
import type { operations as ClaimsOperations } from '../../api/openapi/claims';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { ActionDialog } from '../../components/ActionDialog';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { type FieldSpec, type KnownSchemas, fieldsOf } from '../../components/forms/schema-form';
import { words } from '../../components/labels';
import { formatDate, sydneyToday } from '../../format/format';

// A team leader's staffing of their team's claims (the claims service): a cover while a case manager
// is away (POST /covers) and a reviewer assigned to a claim (POST /claims/:id/reviewers), each form
// made from the schema the service validates with (@wc/contracts' coverInputSchema,
// reviewerInputSchema). Loaded with the page that offers them: the schemas bring zod.

type CoverBody = ClaimsOperations['AccessController_recordCover']['requestBody']['content']['application/json'];
type ReviewerBody = ClaimsOperations['AccessController_assignReviewer']['requestBody']['content']['application/json'];
type Cover = ClaimsOperations['AccessController_recordCover']['responses'][201]['content']['application/json'];

const KNOWN: KnownSchemas = [[localDate, 'date']];
const COVER_FIELDS = fieldsOf(coverInputSchema, KNOWN);
const REVIEWER_FIELDS = fieldsOf(reviewerInputSchema, KNOWN);
const LABELS: Record<string, string> = { caseManager: 'Case manager away', coveredBy: 'Covered by', from: 'From', to: 'To (included)', reason: 'Reason', reviewer: 'Reviewer' };
const HINTS: Record<string, string> = {
  caseManager: 'Their user name, e.g. cm.sam.',
  coveredBy: 'The case manager who works their claims meanwhile: they see those claims and their tasks.',
  reason: 'E.g. annual leave.',
  reviewer: 'The reviewer’s user name. They may see the claim while the review is theirs (program 9).',
};
const label = (f: FieldSpec) => LABELS[f.name] ?? words(f.name);
const hint = (f: FieldSpec) => HINTS[f.name];

/** Records a cover (POST /covers): over whole Sydney days, from and to included. */
export function RecordCoverDialog({ onDone }: { onDone(message: string): void }) {
  const { api } = useSignedIn();
  return (
    <ActionDialog label="Record a cover…" name="Record a cover…" title="Record a cover">
      {(close) => (
        <SchemaForm
          schema={coverInputSchema}
          fields={COVER_FIELDS}
          label={label}
          hint={hint}
          initial={{ from: sydneyToday() }}
          intro={<p>While a case manager is away, a colleague works their claims: their queue, their claims&apos; health information and tasks.</p>}
          submitLabel="Record the cover"
          pendingLabel="Recording the cover…"
          send={(body) => resultOf(api.claims.POST('/covers', { body: body as CoverBody }))}
          done={(answer) => {
            const c = answer as Cover;
            onDone(`${c.coveredBy} covers for ${c.caseManager} from ${formatDate(c.from)} to ${formatDate(c.to)}.`);
          }}
          close={close}
        />
      )}
    </ActionDialog>
  );
}

/** Assigns a review of the claim to a reviewer (POST /claims/:id/reviewers). */
export function AssignReviewerDialog({ claimId, claimNumber, onDone }: { claimId: string; claimNumber: string; onDone(message: string): void }) {
  const { api } = useSignedIn();
  return (
    <ActionDialog label="Assign a reviewer…" name="Assign a reviewer…" title={`Assign a reviewer to claim ${claimNumber}`}>
      {(close) => (
        <SchemaForm
          schema={reviewerInputSchema}
          fields={REVIEWER_FIELDS}
          label={label}
          hint={hint}
          submitLabel="Assign"
          pendingLabel="Assigning the reviewer…"
          send={(body) => resultOf(api.claims.POST('/claims/{id}/reviewers', { params: { path: { id: claimId } }, body: body as ReviewerBody }))}
          done={() => onDone('Reviewer assigned.')}
          close={close}
        />
      )}
    </ActionDialog>
  );
}
