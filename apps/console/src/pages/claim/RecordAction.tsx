import { type FormEvent, type MouseEvent, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Button, Form, TextField, Input, Label, Text, FieldError } from 'react-aria-components';
import type { ClaimEventType } from '@wc/contracts';
import type { operations as ClaimsOperations } from '../../api/openapi/claims';
import { type Refusal, resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { Day } from '../../components/Dates';
import { Section } from '../../components/Page';
import { type Refused, RefusedMessage } from '../../components/forms/RefusedMessage';
import { GroupedSelect, SchemaField } from '../../components/forms/SchemaField';
import { type FieldProblem, type FormValue, type FormValues, placeProblems } from '../../components/forms/schema-form';
import { formatDate, sydneyToday } from '../../format/format';
import {
  type ActionRequest,
  BACKDATING_REASON,
  TIME_SUFFIX,
  actionForm,
  actionGroups,
  actionName,
  datedOn,
  days,
  fieldHint,
  fieldLabel,
  fieldNames,
  optionLabel,
  problemsOfRequest,
  requestOf,
} from './action-forms';

type Act = ClaimsOperations['ActionsController_act'];
/** POST /claims/:id/actions's body; `at` may be left out (the API records the action as done now). */
type ActionBody = Act['requestBody']['content']['application/json'];
type Applied = Act['responses'][202]['content']['application/json'];

interface Recorded {
  type: ClaimEventType;
  applied: Applied;
}

const GROUPS = actionGroups().map((g) => ({ name: g.name, options: g.types }));

/** An Idempotency-Key: a random uuid (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Recording a staff action on the claim (POST /claims/:id/actions): every action type the API
 * takes, each as a form made from the schema the API validates with. The body is checked with that
 * schema before it is sent, and what the API refuses is shown as it words it, at the field it
 * names. Who may record what is the API's to decide: a refusal says why.
 */
export function RecordAction({ claimId, backdatingWindowDays, onRecorded }: { claimId: string; backdatingWindowDays: number; onRecorded(): void }) {
  const { api } = useSignedIn();
  const [type, setType] = useState<ClaimEventType | null>(null);
  const form = useMemo(() => (type ? actionForm(type) : undefined), [type]);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [refused, setRefused] = useState<Refused>();
  const [pending, setPending] = useState(false);
  const [recorded, setRecorded] = useState<Recorded>();
  const formRef = useRef<HTMLFormElement>(null);
  // One request at a time, and one key per request until it is answered: a retry of a request that
  // got no answer is the same request to the API, applied once. A double click is one press
  // (oneClickOfMany): its second click sends nothing, whether it comes while the first is in flight
  // or after a fast answer has emptied the form.
  const inFlight = useRef(false);
  const lastSent = useRef<{ request: string; key: string }>(undefined);
  const today = sydneyToday();

  const choose = (t: ClaimEventType | null) => {
    setType(t);
    setValues({});
    setErrors({});
    setRefused(undefined);
  };
  // A field edited is taken as seen to: its problems go (as it is typed in, not when it loses focus).
  const set =
    (name: string, problemsAt = name) =>
    (v: FormValue) => {
      setValues((old) => ({ ...old, [name]: v }));
      setErrors((old) => {
        if (!(problemsAt in old)) return old;
        const { [problemsAt]: _seen, ...rest } = old;
        return rest;
      });
    };

  // After a refusal, the first field it names takes the focus (its error is read with it).
  useEffect(() => {
    if (!refused?.atFields) return;
    const input = formRef.current?.querySelector<HTMLElement>('[data-invalid] :is(input:not([type="hidden"]), textarea, button, [role="spinbutton"]):not([tabindex="-1"])');
    input?.focus();
  }, [refused]);

  function show(problems: FieldProblem[], refusal?: Refusal) {
    if (!form) return;
    const { atFields, elsewhere } = placeProblems(fieldNames(form), problems);
    setErrors(atFields);
    const placed = Object.keys(atFields).length;
    setRefused(refusal ? { refusal, elsewhere, atFields: placed } : { local: elsewhere, atFields: placed });
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!form || inFlight.current) return;
    const request = requestOf(form, values, today);
    const problems = problemsOfRequest(request);
    // Nothing sent changes nothing on the claim: the last action recorded stays confirmed beside what
    // this one lacks (the form a success emptied, pressed again, says what it needs and takes nothing back).
    if (problems.length) return show(problems);
    setRecorded(undefined);
    setErrors({});
    setRefused(undefined);
    const key = keyFor(request);
    inFlight.current = true;
    setPending(true);
    const r = await resultOf(
      api.claims.POST('/claims/{id}/actions', {
        params: { path: { id: claimId }, header: { 'Idempotency-Key': key, ...(request.backdatingReason ? { 'Backdating-Reason': request.backdatingReason } : {}) } },
        body: request.body as ActionBody,
      }),
    );
    // An answer ends the request: what is sent next is a new one, with a key of its own.
    if (r.ok || (r.refusal.status >= 400 && r.refusal.status < 500)) lastSent.current = undefined;
    // The answer is on the page (the form emptied, or the refusal shown) before the next submit is
    // taken: one handled in between would otherwise send the values just recorded a second time.
    flushSync(() => {
      setPending(false);
      if (!r.ok) return show(r.refusal.problems, r.refusal);
      setRecorded({ type: form.type, applied: r.data });
      setValues({});
    });
    inFlight.current = false;
    if (r.ok) onRecorded();
  }

  function keyFor(request: ActionRequest): string {
    const sent = JSON.stringify(request);
    if (lastSent.current?.request !== sent) lastSent.current = { request: sent, key: newKey() };
    return lastSent.current.key;
  }

  const dated = datedOn(values);
  const backdated = (dated !== undefined && dated < today) || errors[BACKDATING_REASON] !== undefined;

  return (
    <Section id="record-action" title="Record an action">
      <div role="status" className="confirmation-region">
        {recorded && <Confirmation recorded={recorded} />}
      </div>
      <Form ref={formRef} className="action-form" validationBehavior="aria" onSubmit={submit} onClickCapture={oneClickOfMany}>
        <GroupedSelect<ClaimEventType>
          label="Action"
          name="action"
          value={type}
          onChange={choose}
          groups={GROUPS}
          optionLabel={actionName}
          placeholder="Choose an action…"
          hint="Every action the claims API takes. Whether you may record it is the API's to say."
        />
        {refused && <RefusedMessage refused={refused} notSent="The claims API would refuse the action as it is." />}
        {form && (
          <>
            {form.fields.map((f) => (
              <SchemaField
                key={`${form.type}:${f.name}`}
                field={f}
                label={fieldLabel(form.type, f.name)}
                hint={fieldHint(form.type, f, backdatingWindowDays)}
                value={values[f.name]}
                onChange={set(f.name)}
                errors={errors[f.name]}
                optionLabel={(v) => optionLabel(f.name, v)}
                time={f.kind === 'when' ? { name: f.name + TIME_SUFFIX, value: values[f.name + TIME_SUFFIX], onChange: set(f.name + TIME_SUFFIX, f.name) } : undefined}
              />
            ))}
            {backdated && (
              <TextField
                name={BACKDATING_REASON}
                className="field"
                value={typeof values[BACKDATING_REASON] === 'string' ? values[BACKDATING_REASON] : ''}
                onChange={set(BACKDATING_REASON)}
                isInvalid={errors[BACKDATING_REASON] !== undefined}
              >
                <Label>
                  Reason for backdating<span className="optional"> (optional)</span>
                </Label>
                <Input />
                <Text slot="description" className="hint">
                  Needed, from a team leader, when the action is dated more than {days(backdatingWindowDays)} back (dated {dated ? formatDate(dated) : 'earlier'}; today in Sydney is{' '}
                  {formatDate(today)}). Kept with the action for audit.
                </Text>
                <FieldError className="field-error">{errors[BACKDATING_REASON]?.join(' ')}</FieldError>
              </TextField>
            )}
            <div className="form-actions">
              <Button type="submit" className="react-aria-Button primary" isDisabled={pending}>
                Record: {actionName(form.type)}
              </Button>
              {pending && <span className="muted">Recording…</span>}
            </div>
          </>
        )}
      </Form>
    </Section>
  );
}

/**
 * A double click is one press of the Record button: its second click (and a triple click's third)
 * submits nothing. Without this, a fast answer to the first click re-enables the button, empties the
 * form and confirms the action before the second click lands, and that click would submit the
 * emptied form: another recording of an action with nothing required, or, where something is, the
 * schema's "is required" in place of the confirmation. The browser counts the clicks (detail: 2 for
 * a double click's second), so no timing is guessed here: separate clicks (detail 1), Enter and
 * Space (detail 0) are each a press, and an action recorded again on purpose is sent again.
 */
function oneClickOfMany(e: MouseEvent<HTMLFormElement>) {
  if (e.detail > 1 && e.target instanceof Element && e.target.closest('button[type="submit"]')) e.preventDefault();
}

function Confirmation({ recorded: { type, applied } }: { recorded: Recorded }) {
  const d = applied.outcome?.discontinuance;
  return (
    <div className="confirmation">
      <p>
        <strong>Recorded: {actionName(type)}.</strong> The claim&apos;s obligations and notices below are brought up to date.
      </p>
      <p className="muted small">
        Action id {applied.actionId} · entry {applied.seq} in the claim&apos;s history
      </p>
      {applied.outcome?.ref && (
        <p>
          Reference: <strong>{applied.outcome.ref}</strong>
        </p>
      )}
      {d && (
        <p>
          Weekly payments are payable to <Day value={d.lastPayableDay} /> (notice {d.period}, given <Day value={d.noticeOn} />
          ); the first day not payable is <Day value={d.firstDayNotPayable} />.
        </p>
      )}
    </div>
  );
}
