import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import { type Refusal, resultOf } from '../../api/refusal';
import type { ClaimAction, Escalation } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { ActionDialog } from '../../components/ActionDialog';
import { RefusalMessage } from '../../components/RefusalMessage';
import { obligationName } from '../../components/labels';

type Waiver = Extract<ClaimAction, { type: 'obligation.waived' }>;

/** The 400's problems at their fields; anything else as the API worded it. */
function fieldErrorsOf(refusal: Refusal | undefined, fields: string[]): Record<string, string> {
  return Object.fromEntries((refusal?.problems ?? []).filter((p) => fields.includes(p.field)).map((p) => [p.field, p.problem]));
}

/**
 * Waives the escalated obligation with a reason (`obligation.waived`, a team leader's action): the
 * claim's rules decide whether it may be waived (docs/rules.md §4 allows initial contact only) and
 * a refusal is shown in their words.
 */
export function WaiveDialog({ item, onWaived }: { item: Escalation; onWaived(message: string): void }) {
  const name = obligationName(item.type);
  return (
    <ActionDialog label="Waive…" name={`Waive… ${name} on ${item.claimNumber}`} title={`Waive ${name} on ${item.claimNumber}`}>
      {(close) => <WaiveForm item={item} close={close} onWaived={onWaived} />}
    </ActionDialog>
  );
}

function WaiveForm({ item, close, onWaived }: { item: Escalation; close(): void; onWaived(message: string): void }) {
  const { api } = useSignedIn();
  // One key per dialog: pressing again after a lost answer records the waiver once.
  const [key] = useState(() => `console-waive-${crypto.randomUUID()}`);
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const errors = fieldErrorsOf(refusal, ['reason']);
  return (
    <Form
      className="dialog-form"
      validationErrors={errors}
      onSubmit={async (e) => {
        e.preventDefault();
        const reason = String(new FormData(e.currentTarget).get('reason') ?? '');
        setPending(true);
        setRefusal(undefined);
        // No `at`: the API dates the action now, by its own clock (the generated type, from the schema's output, has it always).
        const body = { type: 'obligation.waived', obligation: item.type as Waiver['obligation'], reason } as Waiver;
        const r = await resultOf(api.claims.POST('/claims/{id}/actions', { params: { path: { id: item.claimId }, header: { 'Idempotency-Key': key } }, body }));
        setPending(false);
        if (!r.ok) return setRefusal(r.refusal);
        close();
        onWaived(`${obligationName(item.type)} on ${item.claimNumber} waived.`);
      }}
    >
      <p>The obligation is no longer required on this claim. The reason is kept with the action in the claim&apos;s record.</p>
      <TextField name="reason" isRequired className="field" autoFocus>
        <Label>Reason</Label>
        <TextArea rows={3} />
        <Text slot="description" className="hint">
          Why it is not needed, e.g. the worker was contacted by the employer&apos;s rehabilitation provider.
        </Text>
        <FieldError className="field-error" />
      </TextField>
      {refusal && Object.keys(errors).length === 0 && <RefusalMessage refusal={refusal} level={3} />}
      <div className="dialog-buttons">
        <Button type="submit" className="react-aria-Button primary" isDisabled={pending}>
          Waive
        </Button>
        <Button onPress={close}>Cancel</Button>
      </div>
      {pending && (
        <p role="status" className="muted">
          Recording the waiver…
        </p>
      )}
    </Form>
  );
}

/** Gives the claim to another case manager or team leader (PUT /claims/:id/assignment); its open escalations follow its team leader. */
export function ReassignDialog({ item, onReassigned }: { item: Escalation; onReassigned(message: string): void }) {
  return (
    <ActionDialog label="Reassign…" name={`Reassign… ${item.claimNumber}`} title={`Reassign ${item.claimNumber}`}>
      {(close) => <ReassignForm item={item} close={close} onReassigned={onReassigned} />}
    </ActionDialog>
  );
}

function ReassignForm({ item, close, onReassigned }: { item: Escalation; close(): void; onReassigned(message: string): void }) {
  const { api, session } = useSignedIn();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const errors = fieldErrorsOf(refusal, ['caseManager', 'teamLeader']);
  return (
    <Form
      className="dialog-form"
      validationErrors={errors}
      onSubmit={async (e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const body = { caseManager: String(form.get('caseManager') ?? '').trim(), teamLeader: String(form.get('teamLeader') ?? '').trim() };
        setPending(true);
        setRefusal(undefined);
        const r = await resultOf(api.claims.PUT('/claims/{id}/assignment', { params: { path: { id: item.claimId } }, body }));
        setPending(false);
        if (!r.ok) return setRefusal(r.refusal);
        close();
        onReassigned(`${item.claimNumber} is now handled by ${r.data.caseManager}, led by ${r.data.teamLeader}.`);
      }}
    >
      <p>Its escalations not yet handled go to the team leader named here.</p>
      <TextField name="caseManager" isRequired defaultValue={item.caseManager ?? ''} className="field" autoFocus>
        <Label>Case manager</Label>
        <Input />
        <Text slot="description" className="hint">
          Their user name, e.g. cm.sam.
        </Text>
        <FieldError className="field-error" />
      </TextField>
      <TextField name="teamLeader" isRequired defaultValue={session.user} className="field">
        <Label>Team leader</Label>
        <Input />
        <FieldError className="field-error" />
      </TextField>
      {refusal && Object.keys(errors).length === 0 && <RefusalMessage refusal={refusal} level={3} />}
      <div className="dialog-buttons">
        <Button type="submit" className="react-aria-Button primary" isDisabled={pending}>
          Reassign
        </Button>
        <Button onPress={close}>Cancel</Button>
      </div>
      {pending && (
        <p role="status" className="muted">
          Reassigning…
        </p>
      )}
    </Form>
  );
}
