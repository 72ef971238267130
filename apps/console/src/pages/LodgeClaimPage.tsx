import { useState } from 'react';
import { eventTime, localDate, lodgeClaimSchema, moneyText } from '@wc/contracts';
import type { operations as ClaimsOperations } from '../api/openapi/claims';
import { resultOf } from '../api/refusal';
import { hrefs, navigate } from '../app/router';
import { useSignedIn } from '../app/session';
import { Page } from '../components/Page';
import { SchemaForm } from '../components/forms/SchemaForm';
import { type FieldSpec, type KnownSchemas, TIME_SUFFIX, fieldsOf } from '../components/forms/schema-form';
import { words } from '../components/labels';
import { sydneyNow } from '../format/format';

type LodgeBody = ClaimsOperations['ClaimsController_notify']['requestBody']['content']['application/json'];

// Lodging a claim (POST /claims): the injury notification as staff take it, a form made from the
// schema the claims API validates with (@wc/contracts' lodgeClaimSchema): a new field of the
// notification is a new input here with nothing written but its label. Loaded when asked for: the
// schema brings zod.

const KNOWN: KnownSchemas = [
  [eventTime, 'when'],
  [localDate, 'date'],
  [moneyText, 'money'],
];
const FIELDS = fieldsOf(lodgeClaimSchema, KNOWN);

const LABELS: Record<string, string> = {
  'worker.givenName': 'Given name',
  'worker.familyName': 'Family name',
  'worker.nameOrder': 'Name order',
  'worker.dateOfBirth': 'Date of birth',
  'employer.name': 'Employer',
  'employer.policyNumber': 'Policy number',
  'injury.dateOfInjury': 'Date of injury',
  'injury.employerAwareOn': 'Employer aware on',
  'injury.nature': 'Nature of the injury',
  'injury.bodyLocation': 'Part of the body',
  'injury.likelySurgery': 'Surgery likely',
  'injury.expectedIncapacityDays': 'Days of incapacity expected',
  'injury.redFlags': 'Red flags',
  'injury.yellowFlags': 'Yellow flags',
  notifiedAt: 'Notified',
  notificationComplete: 'The notification is complete',
  piawe: 'PIAWE, if known',
  'assignment.caseManager': 'Case manager',
  'assignment.teamLeader': 'Team leader',
};
const HINTS: Record<string, string> = {
  'worker.nameOrder': 'How the worker’s name is written: given name first, or family name first.',
  'injury.employerAwareOn': 'The day the employer became aware of the injury (the clocks of program 4.1 start from it).',
  'injury.expectedIncapacityDays': 'Empty when not known yet. More than 7 days makes the injury significant (program 3.3).',
  'injury.redFlags': 'Physical warning signs, one a line; empty when none.',
  'injury.yellowFlags': 'Psychosocial risk factors, one a line; empty when none.',
  notifiedAt: 'When the insurer was told, on Sydney’s clock: the statutory clocks run from it.',
  notificationComplete: 'Tick when nothing the notification needs is missing.',
  piawe: 'The worker’s pre-injury average weekly earnings, in dollars, when the notification states them.',
  'assignment.caseManager': 'Their user name. Empty: the claim waits to be assigned.',
  'assignment.teamLeader': 'Their user name.',
};
const GROUPS: Record<string, string> = { worker: 'Worker', employer: 'Employer', injury: 'Injury', assignment: 'Who handles it' };
const OPTIONS: Record<string, Record<string, string>> = { 'worker.nameOrder': { 'given-first': 'Given name first', 'family-first': 'Family name first' } };

/** Lodges a claim from its injury notification; the claim's page opens once the API has taken it. */
export function LodgeClaimPage() {
  const { api, session } = useSignedIn();
  // One key for the page: a retry after no answer lodges the claim once.
  const [key] = useState(() => `console-lodge-${crypto.randomUUID()}`);
  const now = sydneyNow();
  return (
    <Page title="Lodge a claim">
      <p className="lede">An injury notification, as the worker, the employer or their doctor gave it. The claim&apos;s workflow triages it and starts its clocks at once.</p>
      <SchemaForm
        schema={lodgeClaimSchema}
        fields={FIELDS}
        // Notified now, by default; lodged by a case manager, theirs by default.
        initial={{ notifiedAt: now.date, [`notifiedAt${TIME_SUFFIX}`]: now.time, ...(session.role === 'case-manager' ? { 'assignment.caseManager': session.user } : {}) }}
        // No flags is a list of none (the schema takes an empty list, not a missing one).
        fixed={{ injury: { redFlags: [], yellowFlags: [] } }}
        label={(f: FieldSpec) => LABELS[f.name] ?? words(f.name.split('.').pop() ?? f.name)}
        groupLabel={(g) => GROUPS[g] ?? words(g)}
        hint={(f) => HINTS[f.name] ?? (f.kind === 'date' ? 'A Sydney date.' : undefined)}
        optionLabel={(f, v) => OPTIONS[f.name]?.[v] ?? words(v)}
        className="page-form"
        submitLabel="Lodge the claim"
        pendingLabel="Lodging the claim…"
        send={(body) => resultOf(api.claims.POST('/claims', { params: { header: { 'Idempotency-Key': key } }, body: body as LodgeBody }))}
        done={(answer) => navigate(hrefs.claim((answer as { id: string }).id))}
        close={() => navigate(hrefs.claims)}
      />
    </Page>
  );
}
