import { parseDate, parseTime } from '@internationalized/date';
import { type ReactNode, useId } from 'react';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  DateField,
  DateInput,
  DateSegment,
  FieldError,
  Header,
  I18nProvider,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  ListBoxSection,
  NumberField,
  Popover,
  Select,
  SelectValue,
  Text,
  TextArea,
  TextField,
  TimeField,
} from 'react-aria-components';
import type { FieldSpec, FormValue } from './schema-form';
import './forms.css';

// The input for one field of a schema-made form (schema-form.ts). Each is a React Aria field: its
// label, its hint and its errors (the problems the schema or the API found at it) are tied to the
// input, so a screen reader reads them with it. The errors are the caller's to clear, as the field
// is edited: React Aria's own server errors go when the field loses focus, and the lines they leave
// move the button below under the pointer of whoever just pressed it.

export interface SchemaFieldProps {
  field: FieldSpec;
  label: string;
  hint?: string;
  value: FormValue;
  onChange(value: FormValue): void;
  /** An enum value in words. */
  optionLabel?(value: string): string;
  /** The problems found at the field, shown as its error. */
  errors?: readonly string[];
  /** A `when` field's second input (its time): its value and change. */
  time?: { name: string; value: FormValue; onChange(value: string): void };
}

/** "(optional)" after the label of a field that may be left empty. */
function FieldLabel({ field, label }: { field: FieldSpec; label: string }) {
  return (
    <Label>
      {label}
      {!field.required && <span className="optional"> (optional)</span>}
    </Label>
  );
}

function Hint({ children }: { children?: ReactNode }) {
  return children ? (
    <Text slot="description" className="hint">
      {children}
    </Text>
  ) : null;
}

const str = (v: FormValue) => (typeof v === 'string' ? v : '');

// Dates and times are typed as NSW writes them (day, month, year; a 24-hour clock), whatever the
// browser's language: React Aria's date fields, in the en-AU locale. Their values are the API's
// text (YYYY-MM-DD, HH:MM); a date not yet complete is no date.
const LOCALE = 'en-AU';

function dateOf(v: FormValue) {
  try {
    return typeof v === 'string' && v ? parseDate(v) : null;
  } catch {
    return null;
  }
}

function timeOf(v: FormValue) {
  try {
    return typeof v === 'string' && v ? parseTime(v) : null;
  } catch {
    return null;
  }
}

/** A field's errors: React Aria shows them, and ties them to the input, while the field is invalid. */
const invalid = (errors?: readonly string[]) => ({ isInvalid: (errors?.length ?? 0) > 0 });
const Errors = ({ errors }: { errors?: readonly string[] }) => <FieldError className="field-error">{errors?.join(' ')}</FieldError>;

function SydneyDate({
  name,
  label,
  field,
  hint,
  value,
  onChange,
  errors,
}: {
  name: string;
  label: string;
  field?: FieldSpec;
  hint?: string;
  value: FormValue;
  onChange(v: string | undefined): void;
  errors?: readonly string[];
}) {
  return (
    <I18nProvider locale={LOCALE}>
      <DateField name={name} className="field" value={dateOf(value)} onChange={(d) => onChange(d ? d.toString() : undefined)} shouldForceLeadingZeros {...invalid(errors)}>
        {field ? <FieldLabel field={field} label={label} /> : <Label>{label}</Label>}
        <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
        <Hint>{hint}</Hint>
        <Errors errors={errors} />
      </DateField>
    </I18nProvider>
  );
}

export function SchemaField({ field, label, hint, value, onChange, optionLabel = (v) => v, time, errors }: SchemaFieldProps) {
  const common = { name: field.name, className: 'field', ...invalid(errors) };
  switch (field.kind) {
    case 'enum':
      return (
        <Select {...common} value={str(value) || null} onChange={(k) => onChange(k === null ? undefined : String(k))} placeholder="Choose…">
          <FieldLabel field={field} label={label} />
          <Button className="select-button">
            <SelectValue />
            <span aria-hidden="true" className="select-arrow">
              ▾
            </span>
          </Button>
          <Hint>{hint}</Hint>
          <Errors errors={errors} />
          <Popover className="select-popover">
            <ListBox className="select-list">
              {(field.options ?? []).map((o) => (
                <ListBoxItem key={o} id={o} className="select-option">
                  {optionLabel(o)}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
      );
    case 'number':
      return (
        <NumberField
          {...common}
          value={typeof value === 'number' ? value : Number.NaN}
          onChange={onChange}
          minValue={field.min}
          maxValue={field.max}
          formatOptions={{ maximumFractionDigits: field.integer ? 0 : 2, useGrouping: false }}
        >
          <FieldLabel field={field} label={label} />
          <Input className="react-aria-Input short" />
          <Hint>{hint ?? bounds(field)}</Hint>
          <Errors errors={errors} />
        </NumberField>
      );
    case 'choices': {
      // Chosen in order: the order ticked is the order sent (a party's channels, in its order of preference).
      const chosen = Array.isArray(value) ? value : [];
      return (
        <CheckboxGroup {...common} value={[...chosen]} onChange={onChange}>
          <FieldLabel field={field} label={label} />
          <div className="choices">
            {(field.options ?? []).map((o) => (
              <Checkbox key={o} value={o} className="checkbox">
                <span className="checkbox-box" aria-hidden="true" />
                {optionLabel(o)}
                {chosen.length > 1 && chosen.includes(o) && <span className="muted small"> ({ordinal(chosen.indexOf(o) + 1)})</span>}
              </Checkbox>
            ))}
          </div>
          <Hint>{hint}</Hint>
          <Errors errors={errors} />
        </CheckboxGroup>
      );
    }
    case 'boolean':
      return <BooleanField field={field} label={label} hint={hint} value={value} onChange={onChange} errors={errors} />;
    case 'lines':
      return (
        <TextField {...common} value={str(value)} onChange={onChange}>
          <FieldLabel field={field} label={label} />
          <TextArea rows={3} />
          <Hint>{hint}</Hint>
          <Errors errors={errors} />
        </TextField>
      );
    case 'when':
      // A Sydney date and, optionally, a time; its problems (the API's `at`) are the date's.
      return (
        <fieldset className="field when">
          <legend>
            {label}
            {!field.required && <span className="optional"> (optional)</span>}
          </legend>
          <div className="when-inputs">
            <SydneyDate name={field.name} label="Date (Sydney)" hint={hint} value={value} onChange={onChange} errors={errors} />
            {time && (
              <I18nProvider locale={LOCALE}>
                <TimeField name={time.name} className="field" value={timeOf(time.value)} onChange={(t) => time.onChange(t ? t.toString().slice(0, 5) : '')} hourCycle={24} shouldForceLeadingZeros>
                  <Label>Time (Sydney)</Label>
                  <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
                </TimeField>
              </I18nProvider>
            )}
          </div>
        </fieldset>
      );
    case 'date':
      return <SydneyDate name={field.name} label={label} field={field} hint={hint} value={value} onChange={onChange} errors={errors} />;
    default:
      return (
        <TextField {...common} inputMode={field.kind === 'money' ? 'decimal' : undefined} spellCheck={field.kind === 'id' ? 'false' : undefined} value={str(value)} onChange={onChange}>
          <FieldLabel field={field} label={label} />
          <Input className={field.kind === 'text' ? 'react-aria-Input' : 'react-aria-Input short'} />
          <Hint>{hint}</Hint>
          <Errors errors={errors} />
        </TextField>
      );
  }
}

/** A checkbox, its hint and its errors described by ids of their own (React Aria's Checkbox has no slots for them). */
function BooleanField({ field, label, hint, value, onChange, errors }: Omit<SchemaFieldProps, 'optionLabel' | 'time'>) {
  const id = useId();
  const described = [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={errors?.length ? true : undefined}>
      <Checkbox name={field.name} isSelected={value === true} onChange={onChange} className="checkbox" aria-describedby={described} {...invalid(errors)}>
        <span className="checkbox-box" aria-hidden="true" />
        {label}
      </Checkbox>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {errors?.length ? (
        <span id={`${id}-error`} className="field-error">
          {errors.join(' ')}
        </span>
      ) : null}
    </div>
  );
}

const ordinal = (n: number) => ['1st', '2nd', '3rd'][n - 1] ?? `${n}th`;

function bounds(f: FieldSpec): string | undefined {
  if (f.min !== undefined && f.max !== undefined) return `From ${f.min} to ${f.max}.`;
  if (f.min !== undefined) return `At least ${f.min}.`;
  if (f.max !== undefined) return `At most ${f.max}.`;
  return undefined;
}

/** A choice among groups of options (React Aria's Select with a section each). */
export function GroupedSelect<K extends string>({
  label,
  name,
  value,
  onChange,
  groups,
  optionLabel,
  placeholder = 'Choose…',
  hint,
}: {
  label: string;
  name: string;
  value: K | null;
  onChange(value: K | null): void;
  groups: { name: string; options: readonly K[] }[];
  optionLabel(value: K): string;
  placeholder?: string;
  hint?: string;
}) {
  return (
    <Select name={name} className="field" value={value} onChange={(k) => onChange(k === null ? null : (String(k) as K))} placeholder={placeholder}>
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true" className="select-arrow">
          ▾
        </span>
      </Button>
      <Hint>{hint}</Hint>
      <Popover className="select-popover">
        <ListBox className="select-list">
          {groups.map((g) => (
            <ListBoxSection key={g.name} id={g.name} className="select-section">
              <Header className="select-header">{g.name}</Header>
              {g.options.map((o) => (
                <ListBoxItem key={o} id={o} className="select-option" textValue={optionLabel(o)}>
                  {optionLabel(o)}
                </ListBoxItem>
              ))}
            </ListBoxSection>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
