import { z } from 'zod';
import documentsApi from '../../api/openapi/documents.json';
import { type Result, resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { useResult } from '../../app/use-result';
import { ActionDialog } from '../../components/ActionDialog';
import { Loading } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { type FieldSpec, UnsupportedSchemaError, fieldsOf } from '../../components/forms/schema-form';
import { keyWords, words } from '../../components/labels';
import { neededKeys, waitingKind } from './notice-needs';

// Writing what only a person can write of a notice (POST /notifications/notices/:id/content): a
// decision's reasons and the reports it considered, an IME's place and examiner. The documents
// service named each field the notice still needs when it refused to render it (the copies'
// `contentNeeded`); the form asks for exactly those, each checked with the schema the documents
// service renders the notice with (its OpenAPI document, which the console is built with). Loaded
// when a notice is to be written: the schemas bring zod.

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; required?: string[]; additionalProperties?: boolean; [k: string]: unknown };

/** Each document kind's data, as the documents service validates it (POST /documents). */
const DATA_SCHEMAS: Record<string, JsonSchema> = Object.fromEntries(
  (documentsApi.paths['/documents'].post.requestBody.content['application/json'].schema.oneOf as unknown as Array<{ properties: { kind: { enum: string[] }; data: JsonSchema } }>).map((o) => [
    o.properties.kind.enum[0],
    o.properties.data,
  ]),
);

/** The schema of those keys of the document's data, as a zod object a form is made from; undefined when the documents service names no such kind. */
export function contentSchema(kind: string, keys: readonly string[]): z.ZodObject | undefined {
  const data = DATA_SCHEMAS[kind];
  if (!data?.properties) return undefined;
  const properties = Object.fromEntries(keys.filter((k) => data.properties?.[k]).map((k) => [k, data.properties![k]]));
  const required = keys.filter((k) => data.required?.includes(k) && properties[k]);
  return z.fromJSONSchema({ type: 'object', properties, required, additionalProperties: false } as Parameters<typeof z.fromJSONSchema>[0]) as z.ZodObject;
}

const LABELS: Record<string, string> = {
  decision: 'The decision',
  effect: 'What it changes for the worker',
  takesEffectOn: 'Takes effect on',
  issues: 'Issues decided',
  reasons: 'Reasons',
  provisions: 'Provisions of the legislation relied on',
  reports: 'Reports and documents considered',
  'reports.date': 'Dated',
  'reports.supports': 'It supports the decision',
  'reports.submittedBy': 'Given to us by',
  'reports.reliedOn': 'We relied on it (a copy is enclosed)',
};
const HINTS: Record<string, string> = {
  decision: 'One or two plain sentences, e.g. “We dispute your claim for weekly payments.”',
  issues: 'One per line.',
  reasons: 'One per line.',
  provisions: 'One per line, e.g. Workers Compensation Act 1987 s4.',
  reports: 'Every report and document considered, including every one the worker or the employer gave us.',
};
const common = {
  // An item's field is asked for by its list and name (reports.title).
  label: (f: FieldSpec) => LABELS[f.name] ?? keyWords(f.name.split('.').pop() ?? f.name),
  hint: (f: FieldSpec) => HINTS[f.name] ?? f.description,
  itemLabel: (f: FieldSpec) => (f.name === 'reports' ? 'Report' : words(f.name).replace(/s$/, '')),
  optionLabel: (_f: FieldSpec, v: string) => words(v),
};

/** The notice's fields its waiting copies need, in a dialog opened from a task or the claim page. */
export function WriteNoticeDialog({ claimId, noticeId, what, onDone }: { claimId: string; noticeId: string; what: string; onDone(message: string): void }) {
  return (
    <ActionDialog label="Write…" name={`Write… ${what}`} title={`Write the ${what}`}>
      {(close) => <WriteNoticeForm claimId={claimId} noticeId={noticeId} onDone={onDone} close={close} />}
    </ActionDialog>
  );
}

function WriteNoticeForm({ claimId, noticeId, onDone, close }: { claimId: string; noticeId: string; onDone(message: string): void; close(): void }) {
  const { api } = useSignedIn();
  const notices = useResult((signal) => resultOf(api.notifications.GET('/notifications/notices', { params: { query: { claimId } }, signal })), [api, claimId]);
  if (!notices) return <Loading what="the notice" />;
  if (!notices.ok) return <RefusalMessage refusal={notices.refusal} level={3} />;
  const notice = notices.data.notices.find((n) => n.noticeId === noticeId);
  const kind = notice && waitingKind(notice);
  if (!notice || !kind) return <p>Nothing of this notice is waiting to be written any more: it may have been written already.</p>;
  const keys = neededKeys(notice);
  let schema: z.ZodObject | undefined;
  let fields: FieldSpec[] = [];
  try {
    schema = contentSchema(kind, keys);
    fields = schema ? fieldsOf(schema) : [];
  } catch (e) {
    if (!(e instanceof UnsupportedSchemaError)) throw e;
    return <p>The console has no form for this notice ({e.message}): write it through the API (POST /notifications/notices/:id/content).</p>;
  }
  if (!schema || fields.length === 0) return <p>The documents service named nothing for a person to write on this notice.</p>;
  return (
    <SchemaForm
      {...common}
      schema={schema}
      fields={fields}
      intro={
        <p>
          What only a person can write. The rest of the {words(kind).toLowerCase()} (the worker, the dates, who to contact) the platform fills in, and every copy waiting for it is written and sent.
        </p>
      }
      submitLabel="Write the notice"
      pendingLabel="Writing the notice…"
      send={async (content) => {
        const r = await resultOf(api.notifications.POST('/notifications/notices/{noticeId}/content', { params: { path: { noticeId } }, body: { content } }));
        // The API names a field of the body (content.reasons); the form's field is the notice's (reasons).
        return r.ok ? r : ({ ok: false, refusal: { ...r.refusal, problems: r.refusal.problems.map((p) => ({ ...p, field: p.field.replace(/^content\./, '') })) } } satisfies Result<never>);
      }}
      done={(answer) => {
        const copies = (answer as { copiesToWrite: number }).copiesToWrite;
        onDone(`The ${words(kind).toLowerCase()} is written: ${copies === 1 ? '1 copy is' : `${copies} copies are`} being sent.`);
      }}
      close={close}
    />
  );
}
