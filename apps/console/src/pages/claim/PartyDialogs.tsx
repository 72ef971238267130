import { consentInputSchema, localDate, partyInputSchema, partyRemovalSchema } from '@wc/contracts';
import type { operations as ClaimsOperations } from '../../api/openapi/claims';
import { resultOf } from '../../api/refusal';
import type { ClaimParty, Consent } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { ActionDialog } from '../../components/ActionDialog';
import { SchemaForm } from '../../components/forms/SchemaForm';
import { type FieldSpec, fieldsOf, valuesOf } from '../../components/forms/schema-form';
import { words } from '../../components/labels';

// Recording the claim's parties and the worker's consents (POST and PUT /claims/:id/parties, POST
// /claims/:id/parties/:partyId/removal, POST /claims/:id/consents), each a dialog whose form is made
// from the schema the API validates the body with (@wc/contracts): a new field of a party is a new
// input here with nothing written but its label. Loaded with the claim page, not before: the
// schemas bring zod.

type PartyBody = ClaimsOperations['PartiesController_add']['requestBody']['content']['application/json'];
type ConsentBody = ClaimsOperations['PartiesController_consent']['requestBody']['content']['application/json'];
type RemovalBody = ClaimsOperations['PartiesController_remove']['requestBody']['content']['application/json'];

const PARTY_FIELDS = fieldsOf(partyInputSchema);
// Which party a consent is for is the row's; its scope is the one there is (health information).
const CONSENT_FIELDS = fieldsOf(consentInputSchema, [[localDate, 'date']], ['partyId', 'scope']);
const REMOVAL_FIELDS = fieldsOf(partyRemovalSchema);

const LABELS: Record<string, string> = {
  role: 'Role',
  name: 'Name',
  relationship: 'What they are to the claim',
  capacities: 'Also',
  email: 'Email',
  mobile: 'Mobile',
  postalAddress: 'Postal address',
  channels: 'Write to them by',
  interpreter: 'Interpreter for',
  givenOn: 'Consent given on',
  evidence: 'Evidence of the consent',
  withdrawnOn: 'Withdrawn on',
  reason: 'Reason',
};

const HINTS: Record<string, string> = {
  relationship: 'Needed for a party of role Other, e.g. the worker’s solicitor, a rehabilitation provider.',
  capacities: 'What else the party is to the claim’s notices: who notified the injury, who complained, who attends a case conference, who provides treatment.',
  mobile: 'An Australian mobile: 04xx xxx xxx or +61 4xx xxx xxx.',
  postalAddress: 'One line each: the street, then the suburb, state and postcode.',
  channels: 'Tick them in the party’s order of preference. Each needs its detail above: an email, a mobile or a postal address.',
  interpreter: 'The worker only: the language of the interpreter used for every interaction with them (program 4.3).',
  givenOn: 'The day the worker signed it.',
  evidence: 'Where the signed consent is: the claim form’s consent section, or a document’s id.',
  withdrawnOn: 'Only to record that the worker withdrew it: from that day, no health information goes to this party.',
  reason: 'Kept with the party in the claim’s record, e.g. recorded by mistake, the solicitor no longer acts.',
};

const OPTIONS: Record<string, Record<string, string>> = {
  role: { worker: 'Worker', employer: 'Employer', doctor: 'Nominated treating doctor', other: 'Other' },
  channels: { email: 'Email', sms: 'SMS', post: 'Post' },
  capacities: { notifier: 'Notified the injury', complainant: 'Complainant', participant: 'Case conference participant', provider: 'Treatment provider' },
};

const label = (f: FieldSpec) => LABELS[f.name] ?? words(f.name);
const hint = (f: FieldSpec) => HINTS[f.name] ?? (f.kind === 'date' ? 'A Sydney date.' : undefined);
const optionLabel = (f: FieldSpec, v: string) => OPTIONS[f.name]?.[v] ?? words(v);
const common = { label, hint, optionLabel };

/** Records a new party on the claim (POST /claims/:id/parties). */
export function AddPartyDialog({ claimId, onDone }: { claimId: string; onDone(message: string): void }) {
  const { api } = useSignedIn();
  return (
    <ActionDialog label="Add a party…" name="Add a party…" title="Add a party">
      {(close) => (
        <SchemaForm
          {...common}
          schema={partyInputSchema}
          fields={PARTY_FIELDS}
          intro={<p>Notices go only to the parties recorded here, by the channels ticked.</p>}
          submitLabel="Add the party"
          pendingLabel="Recording the party…"
          send={(body) => resultOf(api.claims.POST('/claims/{id}/parties', { params: { path: { id: claimId } }, body: body as PartyBody }))}
          done={() => onDone('Party added.')}
          close={close}
        />
      )}
    </ActionDialog>
  );
}

/** Changes a party's details (PUT /claims/:id/parties/:partyId): notices not yet sent use them. */
export function ChangePartyDialog({ claimId, party, onDone }: { claimId: string; party: ClaimParty; onDone(message: string): void }) {
  const { api } = useSignedIn();
  const { partyId, ...details } = party;
  return (
    <ActionDialog label="Change…" name={`Change… ${party.name}`} title={`Change ${party.name}`}>
      {(close) => (
        <SchemaForm
          {...common}
          schema={partyInputSchema}
          fields={PARTY_FIELDS}
          initial={valuesOf(PARTY_FIELDS, details)}
          intro={<p>Notices not yet sent go to the details saved here.</p>}
          submitLabel="Save the changes"
          pendingLabel="Saving…"
          send={(body) => resultOf(api.claims.PUT('/claims/{id}/parties/{partyId}', { params: { path: { id: claimId, partyId } }, body: body as PartyBody }))}
          done={() => onDone(`${party.name}: details saved.`)}
          close={close}
        />
      )}
    </ActionDialog>
  );
}

/**
 * Records the worker's consent to share health information with a party, or its withdrawal (POST
 * /claims/:id/consents; program s11, 1998 Act s243). A party has one consent: what is recorded here
 * replaces it, so the one in force is where the form starts, and a withdrawal is that consent with
 * the day it was withdrawn.
 */
export function ConsentDialog({ claimId, party, consent, onDone }: { claimId: string; party: ClaimParty; consent?: Consent; onDone(message: string): void }) {
  const { api } = useSignedIn();
  const inForce = consent && !consent.withdrawnOn;
  const shown = inForce ? 'Change or withdraw consent…' : 'Record consent…';
  return (
    <ActionDialog label={shown} name={`${shown} ${party.name}`} title={`The worker’s consent for ${party.name}`}>
      {(close) => (
        <SchemaForm
          {...common}
          schema={consentInputSchema}
          fields={CONSENT_FIELDS}
          fixed={{ partyId: party.partyId, scope: 'health-information' }}
          initial={inForce ? valuesOf(CONSENT_FIELDS, consent) : {}}
          intro={<p>The worker&apos;s written consent to share their health information with {party.name}. Without one in force, no notice carrying health information goes to them.</p>}
          submitLabel="Record"
          pendingLabel="Recording the consent…"
          send={(body) => resultOf(api.claims.POST('/claims/{id}/consents', { params: { path: { id: claimId } }, body: body as ConsentBody }))}
          done={() => onDone(`${party.name}: consent recorded.`)}
          close={close}
        />
      )}
    </ActionDialog>
  );
}

/** Takes a party off the claim with the reason (POST /claims/:id/parties/:partyId/removal): its consents go with it. */
export function RemovePartyDialog({ claimId, party, onDone }: { claimId: string; party: ClaimParty; onDone(message: string): void }) {
  const { api } = useSignedIn();
  return (
    <ActionDialog label="Take off the claim…" name={`Take off the claim… ${party.name}`} title={`Take ${party.name} off the claim`}>
      {(close) => (
        <SchemaForm
          {...common}
          schema={partyRemovalSchema}
          fields={REMOVAL_FIELDS}
          intro={<p>Its consents go with it, and notices not yet sent to {party.name} are not sent.</p>}
          submitLabel="Take off the claim"
          pendingLabel="Taking the party off…"
          send={(body) => resultOf(api.claims.POST('/claims/{id}/parties/{partyId}/removal', { params: { path: { id: claimId, partyId: party.partyId } }, body: body as RemovalBody }))}
          done={() => onDone(`${party.name} taken off the claim.`)}
          close={close}
        />
      )}
    </ActionDialog>
  );
}
