import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { z } from 'zod';
import type { Refusal, Result } from '../../api/refusal';
import { type Refused, RefusedMessage } from './RefusedMessage';
import { SchemaField } from './SchemaField';
import { words } from '../labels';
import { type FieldProblem, type FieldSpec, type FormValue, type FormValues, TIME_SUFFIX, bodyOf, fieldNames, itemCount, itemName, placeProblems, problemsOfBody, withoutItem } from './schema-form';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` on `under`, object by object: what the form holds wins, what it does not hold keeps its default. */
function merged(under: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...under };
  for (const [k, v] of Object.entries(over)) out[k] = isObject(v) && isObject(out[k]) ? merged(out[k], v) : v;
  return out;
}

/** The fields in order, those of one nested object together: a run of ungrouped fields, or one group. */
function groupsOf(fields: readonly FieldSpec[]): { group?: string; fields: FieldSpec[] }[] {
  const runs: { group?: string; fields: FieldSpec[] }[] = [];
  for (const f of fields) {
    const last = runs[runs.length - 1];
    if (last && last.group === f.group) last.fields.push(f);
    else runs.push({ group: f.group, fields: [f] });
  }
  return runs;
}

export interface SchemaFormProps {
  /** The schema the API validates the body with: checked here before anything is sent. */
  schema: z.ZodType;
  fields: readonly FieldSpec[];
  /** What the form starts with (a recorded thing being changed). */
  initial?: FormValues;
  /** Keys of the body the form does not ask for (which party a consent is for), or defaults under what it asks (deep: `{ injury: { redFlags: [] } }`). */
  fixed?: Record<string, unknown>;
  label(field: FieldSpec): string;
  /** A group's legend (the fields of a nested object, e.g. `worker`). */
  groupLabel?(group: string): string;
  /**
   * What one item of an `items` field is called, e.g. "Report" (its legend is "Report 1"; its button
   * "Add report"). `label`, `hint` and `optionLabel` are asked for an item's field by its list and its
   * name (`reports.title`).
   */
  itemLabel?(field: FieldSpec): string;
  hint?(field: FieldSpec): string | undefined;
  optionLabel?(field: FieldSpec, value: string): string;
  intro?: ReactNode;
  submitLabel: string;
  /** What the status line says while the request is out, e.g. "Recording the party…". */
  pendingLabel: string;
  send(body: Record<string, unknown>): Promise<Result<unknown>>;
  /** After the API took it: the form closes, and the caller says what was done (with the API's answer). */
  done(answer: unknown): void;
  /** Cancel, and after `done`: a dialog closes; a page goes elsewhere. */
  close(): void;
  className?: string;
}

/**
 * A form made from the schema the API validates with (schema-form.ts), in a dialog or on a page: a
 * field per key (a nested object's keys together, under its legend), the body checked before it is
 * sent, and the problems (the schema's, or the API's 400) shown at the fields they name, the rest
 * above the buttons in the API's words. Nothing is sent twice while a request is out; the form
 * closes only once the API has taken the body.
 */
export function SchemaForm({
  schema,
  fields,
  initial = {},
  fixed = {},
  label,
  groupLabel = (g) => words(g.split('.').pop() ?? g),
  itemLabel = (f) => words(f.name.split('.').pop() ?? f.name).replace(/s$/, ''),
  hint,
  optionLabel,
  intro,
  submitLabel,
  pendingLabel,
  send,
  done,
  close,
  className = 'dialog-form',
}: SchemaFormProps) {
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [refused, setRefused] = useState<Refused>();
  const [pending, setPending] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const inFlight = useRef(false);

  // After a refusal, the first field it names takes the focus (its error is read with it).
  useEffect(() => {
    if (!refused) return;
    formRef.current?.querySelector<HTMLElement>('[data-invalid] :is(input:not([type="hidden"]), textarea, button, [role="spinbutton"]):not([tabindex="-1"])')?.focus();
  }, [refused]);

  const set = (name: string) => (v: FormValue) => {
    setValues((old) => ({ ...old, [name]: v }));
    setErrors(({ [name]: _seen, ...rest }) => rest);
  };

  function show(problems: FieldProblem[], refusal?: Refusal) {
    const { atFields, elsewhere } = placeProblems(fieldNames(fields, values), problems);
    setErrors(atFields);
    const placed = Object.keys(atFields).length;
    setRefused(refusal ? { refusal, elsewhere, atFields: placed } : { local: elsewhere, atFields: placed });
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // One request at a time: a second press before the answer (the button not yet disabled) sends nothing.
    if (inFlight.current) return;
    const body = merged(fixed, bodyOf(fields, values));
    const problems = problemsOfBody(schema, body);
    if (problems.length) return show(problems);
    setErrors({});
    setRefused(undefined);
    inFlight.current = true;
    setPending(true);
    const r = await send(body).finally(() => {
      inFlight.current = false;
    });
    setPending(false);
    if (!r.ok) return show(r.refusal.problems, r.refusal);
    close();
    done(r.data);
  }

  return (
    <Form ref={formRef} className={className} validationBehavior="aria" onSubmit={submit}>
      {intro}
      {groupsOf(fields).map(({ group, fields: inGroup }) => {
        // `named` is how the caller knows the field (an item's field by its list: `reports.title`); `name` is its own in the form (`reports[0].title`).
        const input = (f: FieldSpec, name = f.name, named: FieldSpec = f) => (
          <SchemaField
            key={name}
            field={name === f.name ? f : { ...f, name }}
            label={label(named)}
            hint={hint?.(named)}
            value={values[name]}
            onChange={set(name)}
            errors={errors[name]}
            optionLabel={optionLabel ? (v) => optionLabel(named, v) : undefined}
            time={f.kind === 'when' ? { name: name + TIME_SUFFIX, value: values[name + TIME_SUFFIX], onChange: set(name + TIME_SUFFIX) } : undefined}
          />
        );
        const inputs = inGroup.map((f) =>
          f.kind === 'items' ? (
            <fieldset key={f.name} className="field-group items" data-invalid={errors[f.name] ? true : undefined}>
              <legend>
                {label(f)}
                {!f.required && <span className="optional"> (optional)</span>}
              </legend>
              {hint?.(f) && <p className="hint">{hint(f)}</p>}
              {errors[f.name] && <p className="field-error">{errors[f.name].join(' ')}</p>}
              {Array.from({ length: itemCount(f, values) }, (_, i) => (
                <fieldset key={i} className="field-group item">
                  <legend>{`${itemLabel(f)} ${i + 1}`}</legend>
                  {(f.item ?? []).map((sub) => input(sub, itemName(f, i, sub), { ...sub, name: `${f.name}.${sub.name}` }))}
                  <Button onPress={() => setValues((old) => withoutItem(f, i, old))} aria-label={`Remove ${itemLabel(f).toLowerCase()} ${i + 1}`}>
                    Remove
                  </Button>
                </fieldset>
              ))}
              <Button onPress={() => setValues((old) => ({ ...old, [f.name]: itemCount(f, old) + 1 }))}>{`Add ${itemLabel(f).toLowerCase()}`}</Button>
            </fieldset>
          ) : (
            input(f)
          ),
        );
        if (!group) return inputs;
        return (
          <fieldset key={group} className="field-group">
            <legend>
              {groupLabel(group)}
              {inGroup[0].groupOptional && <span className="optional"> (optional)</span>}
            </legend>
            {inputs}
          </fieldset>
        );
      })}
      {refused && <RefusedMessage refused={refused} notSent="The API would refuse this as it is." />}
      <div className="dialog-buttons">
        <Button type="submit" className="react-aria-Button primary" isDisabled={pending}>
          {submitLabel}
        </Button>
        <Button onPress={close}>Cancel</Button>
      </div>
      {pending && (
        <p role="status" className="muted">
          {pendingLabel}
        </p>
      )}
    </Form>
  );
}
