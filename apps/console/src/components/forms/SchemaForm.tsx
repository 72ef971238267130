import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import type { z } from 'zod';
import type { Refusal, Result } from '../../api/refusal';
import { type Refused, RefusedMessage } from './RefusedMessage';
import { SchemaField } from './SchemaField';
import { type FieldProblem, type FieldSpec, type FormValue, type FormValues, bodyOf, placeProblems, problemsOfBody } from './schema-form';

export interface SchemaDialogFormProps {
  /** The schema the API validates the body with: checked here before anything is sent. */
  schema: z.ZodType;
  fields: readonly FieldSpec[];
  /** What the form starts with (a recorded thing being changed). */
  initial?: FormValues;
  /** Keys of the body the form does not ask for (which party a consent is for). */
  fixed?: Record<string, unknown>;
  label(field: FieldSpec): string;
  hint?(field: FieldSpec): string | undefined;
  optionLabel?(field: FieldSpec, value: string): string;
  intro?: ReactNode;
  submitLabel: string;
  /** What the status line says while the request is out, e.g. "Recording the party…". */
  pendingLabel: string;
  send(body: Record<string, unknown>): Promise<Result<unknown>>;
  /** After the API took it: the dialog closes, and the caller says what was done. */
  done(): void;
  close(): void;
}

/**
 * A dialog's form made from the schema the API validates with (schema-form.ts): a field per key,
 * the body checked before it is sent, and the problems (the schema's, or the API's 400) shown at the
 * fields they name, the rest above the buttons in the API's words. Nothing is sent twice while a
 * request is out; the dialog closes only once the API has taken the body.
 */
export function SchemaDialogForm({ schema, fields, initial = {}, fixed = {}, label, hint, optionLabel, intro, submitLabel, pendingLabel, send, done, close }: SchemaDialogFormProps) {
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
    const { atFields, elsewhere } = placeProblems(
      fields.map((f) => f.name),
      problems,
    );
    setErrors(atFields);
    const placed = Object.keys(atFields).length;
    setRefused(refusal ? { refusal, elsewhere, atFields: placed } : { local: elsewhere, atFields: placed });
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // One request at a time: a second press before the answer (the button not yet disabled) sends nothing.
    if (inFlight.current) return;
    const body = { ...fixed, ...bodyOf(fields, values) };
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
    done();
  }

  return (
    <Form ref={formRef} className="dialog-form" validationBehavior="aria" onSubmit={submit}>
      {intro}
      {fields.map((f) => (
        <SchemaField
          key={f.name}
          field={f}
          label={label(f)}
          hint={hint?.(f)}
          value={values[f.name]}
          onChange={set(f.name)}
          errors={errors[f.name]}
          optionLabel={optionLabel ? (v) => optionLabel(f, v) : undefined}
        />
      ))}
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
