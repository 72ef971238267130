import type { z } from 'zod';
import { problemsOf } from '@wc/contracts';
import { sydneyTimestamp } from './sydney-time';

// A form made from a zod object schema (the same schema the API validates the body with): one field
// per key, its input chosen by what the key's schema accepts. The values a person types become a
// body the schema then checks, in the browser before it is sent, and in the API when it arrives.

/** What input a field takes. */
export type FieldKind =
  /** a short text */
  | 'text'
  /** an id (a uuid) */
  | 'id'
  /** one or more texts, one per line */
  | 'lines'
  /** a calendar date (YYYY-MM-DD) */
  | 'date'
  /** when something happened: a date and, optionally, a time */
  | 'when'
  /** dollars as a decimal string */
  | 'money'
  | 'number'
  /** one of a list of values */
  | 'enum'
  /** any of a list of values, in the order they were chosen */
  | 'choices'
  | 'boolean'
  /** a list of objects (a decision's reports): each item its own fields, added and removed by the person */
  | 'items';

export interface FieldSpec {
  /** The key in the schema: the field's name in the form, in the body and in the API's problems. */
  name: string;
  kind: FieldKind;
  required: boolean;
  /** An enum's (or a choice's) values. */
  options?: readonly string[];
  /**
   * The key inside an object of one key the value is sent in (an interpreter's `{ language }`): the
   * form has one input for it, and the API's problems at `name.within` are the field's.
   */
  within?: string;
  /**
   * The object a field is a key of, when the schema nests one of several keys (a notification's
   * `worker`): the field's name is its path (`worker.givenName`), and the form shows the group's
   * fields together. `groupOptional`: the whole object may be left out (every field of it empty).
   */
  group?: string;
  groupOptional?: boolean;
  /** Null is a value of it (a number not known yet): left empty, it is sent as null. */
  nullable?: boolean;
  /** A number's bounds. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** The schema's own description (.meta or .describe). */
  description?: string;
  /** An `items` field's fields of one item, named within the item (`title`; the form names it `reports[0].title`). */
  item?: FieldSpec[];
  /** The fewest items an `items` field must have (the form starts with that many). */
  minItems?: number;
}

/** Schemas a form knows by identity (a contract's named primitives: its date, its money, its event time). */
export type KnownSchemas = ReadonlyArray<readonly [z.ZodType, FieldKind]>;

export class UnsupportedSchemaError extends Error {}

type Def = z.core.$ZodTypeDef;
type Described = Omit<FieldSpec, 'name' | 'required'> & { optional: boolean };

const defOf = (s: z.core.$ZodType): Def => s._zod.def;
const metaOf = (s: z.core.$ZodType): { description?: string; format?: string } => (s as z.ZodType).meta?.() ?? {};

/** A text-like schema: a string, a string through a pipe (trimmed, checked). */
function isText(s: z.core.$ZodType): boolean {
  const d = defOf(s);
  return d.type === 'string' || (d.type === 'pipe' && isText((d as z.core.$ZodPipeDef).in));
}

function describe(name: string, schema: z.core.$ZodType, known: KnownSchemas): Described {
  const description = metaOf(schema).description;
  const k = known.find(([s]) => s === schema);
  if (k) return { kind: k[1], optional: false, description };
  const d = defOf(schema);
  switch (d.type) {
    case 'optional':
    case 'default':
    case 'prefault': {
      const inner = describe(name, (d as z.core.$ZodOptionalDef).innerType, known);
      return { ...inner, description: description ?? inner.description, optional: true };
    }
    case 'nullable':
      return { ...describe(name, (d as z.core.$ZodNullableDef).innerType, known), nullable: true };
    case 'pipe':
      return { ...describe(name, (d as z.core.$ZodPipeDef).in, known), description };
    case 'string': {
      const format = (schema as z.ZodString).format ?? metaOf(schema).format;
      if (format === 'uuid' || format === 'guid') return { kind: 'id', optional: false, description };
      if (format === 'date') return { kind: 'date', optional: false, description };
      return { kind: 'text', optional: false, description };
    }
    case 'enum':
      return { kind: 'enum', options: (schema as z.ZodEnum).options as string[], optional: false, description };
    case 'literal': {
      const values = (d as z.core.$ZodLiteralDef<z.core.util.Literal>).values;
      if (values.every((v) => typeof v === 'string')) return { kind: 'enum', options: values as string[], optional: false, description };
      break;
    }
    case 'number': {
      const n = schema as z.ZodNumber;
      const bound = (v: number | null) => (v === null || !Number.isFinite(v) ? undefined : v);
      return { kind: 'number', min: bound(n.minValue), max: bound(n.maxValue), integer: n.isInt, optional: false, description };
    }
    case 'boolean':
      return { kind: 'boolean', optional: false, description };
    case 'array': {
      const element = (d as z.core.$ZodArrayDef).element;
      if (isText(element)) return { kind: 'lines', optional: false, description };
      if (defOf(element).type === 'enum') return { kind: 'choices', options: (element as z.ZodEnum).options as string[], optional: false, description };
      if (defOf(element).type === 'object') {
        // The list's own .min(n) (a check of the array's length).
        const min = (d.checks ?? []).map((c) => c._zod.def as { check: string; minimum?: number }).find((c) => c.check === 'min_length')?.minimum;
        return { kind: 'items', item: fieldsOf(element as z.ZodObject, known), minItems: min ?? 0, optional: false, description };
      }
      break;
    }
    case 'object': {
      // An object of one key is that key's input, its value sent inside the object.
      const keys = Object.entries((schema as z.ZodObject).shape);
      if (keys.length === 1) {
        const [within, inner] = keys[0];
        const { optional: _inner, ...rest } = describe(`${name}.${within}`, inner as z.core.$ZodType, known);
        if (rest.kind !== 'choices' && rest.within === undefined) return { ...rest, description: description ?? rest.description, within, optional: false };
      }
      break;
    }
    case 'union': {
      // One text or a list of them (a decision's reasons): a line each.
      const options = (d as z.core.$ZodUnionDef).options;
      if (options.every((o) => isText(o) || (defOf(o).type === 'array' && isText((defOf(o) as z.core.$ZodArrayDef).element)))) return { kind: 'lines', optional: false, description };
      break;
    }
  }
  throw new UnsupportedSchemaError(`${name}: a form has no input for a ${d.type} schema`);
}

/** An object schema of more than one key, and whether it may be left out: its keys become fields of their own. */
function nestedObject(s: z.core.$ZodType): { object: z.ZodObject; optional: boolean } | undefined {
  const d = defOf(s);
  if (d.type === 'optional') {
    const inner = nestedObject((d as z.core.$ZodOptionalDef).innerType);
    return inner && { ...inner, optional: true };
  }
  if (d.type === 'object' && Object.keys((s as z.ZodObject).shape).length > 1) return { object: s as z.ZodObject, optional: false };
  return undefined;
}

/**
 * The fields of an object schema, in its keys' order, leaving out those named in `omit`. A key
 * that is itself an object of several keys gives a field per key, named by its path.
 */
export function fieldsOf(schema: z.ZodObject, known: KnownSchemas = [], omit: readonly string[] = [], prefix = ''): FieldSpec[] {
  return Object.entries(schema.shape)
    .map(([key, s]) => [prefix ? `${prefix}.${key}` : key, s as z.core.$ZodType] as const)
    .filter(([name]) => !omit.includes(name))
    .flatMap(([name, s]): FieldSpec[] => {
      const nested = nestedObject(s);
      if (nested)
        return fieldsOf(nested.object, known, omit, name).map((f) => ({
          ...f,
          required: f.required && !nested.optional,
          group: f.group ?? name,
          ...(nested.optional || f.groupOptional ? { groupOptional: true } : {}),
        }));
      const { optional, ...rest } = describe(name, s, known);
      return [{ name, required: !optional, ...rest }];
    });
}

/** The second input of a `when` field: its time, beside its date. */
export const TIME_SUFFIX = '-time';

/**
 * What the form holds for a field: the text typed, a number (NaN when empty), a checkbox's state, the
 * choices made; for an `items` field, how many items it shows (each item's fields are values of their
 * own, named `reports[0].title`).
 */
export type FormValue = string | number | boolean | readonly string[] | undefined;
export type FormValues = Record<string, FormValue>;

/**
 * A field's value as the body takes it, or undefined when nothing was given (the key is then left
 * out, and the schema says whether it was required). `when` is the caller's: it has two inputs.
 */
export function valueOf(field: FieldSpec, raw: FormValue): unknown {
  const v = plainValueOf(field, raw);
  if (v === undefined) return field.nullable ? null : undefined;
  return field.within === undefined ? v : { [field.within]: v };
}

function plainValueOf(field: FieldSpec, raw: FormValue): unknown {
  switch (field.kind) {
    case 'boolean':
      return raw === true;
    case 'number':
      return typeof raw === 'number' && !Number.isNaN(raw) ? raw : undefined;
    case 'choices':
      return Array.isArray(raw) && raw.length ? [...raw] : undefined;
    case 'lines': {
      const lines = String(raw ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      return lines.length ? lines : undefined;
    }
    default:
      return typeof raw === 'string' && raw !== '' ? raw : undefined;
  }
}

/** A date and, optionally, a time on Sydney's clock, as an event time: a date alone is that day (the API reads it as 12:00 Sydney). */
export function whenValueOf(date: FormValue, time: FormValue): string | undefined {
  const d = typeof date === 'string' ? date.trim() : '';
  const t = typeof time === 'string' ? time.trim() : '';
  if (!d) return undefined;
  return t ? sydneyTimestamp(d, t) : d;
}

// `reports[0].title` is reports, 0, title.
const pathOf = (name: string) => name.replace(/\[(\d+)\]/g, '.$1').split('.');

function setPath(body: Record<string, unknown>, name: string, v: unknown): void {
  const keys = pathOf(name);
  let at = body;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys[keys.length - 1]] = v;
}

function getPath(body: unknown, name: string): unknown {
  return pathOf(name).reduce<unknown>((at, k) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[k] : undefined), body);
}

/** An `items` field's item `i`: its fields' names in the form (`reports[0].title`). */
export const itemName = (field: FieldSpec, i: number, sub: FieldSpec) => `${field.name}[${i}].${sub.name}`;

/** How many items an `items` field shows: as many as the person made, or the fewest it must have. */
export const itemCount = (field: FieldSpec, values: FormValues) => (typeof values[field.name] === 'number' ? (values[field.name] as number) : (field.minItems ?? 0));

/** One item's values, by the item's own field names. */
function itemValues(field: FieldSpec, i: number, values: FormValues): FormValues {
  return Object.fromEntries(
    (field.item ?? []).flatMap((sub) => [[sub.name, values[itemName(field, i, sub)]] as const, [sub.name + TIME_SUFFIX, values[itemName(field, i, sub) + TIME_SUFFIX]] as const]),
  );
}

/** Every field's name in the form as it is now: an `items` field's item fields too, for each item shown. */
export function fieldNames(fields: readonly FieldSpec[], values: FormValues): string[] {
  return fields.flatMap((f) => (f.kind === 'items' ? [f.name, ...Array.from({ length: itemCount(f, values) }, (_, i) => (f.item ?? []).map((sub) => itemName(f, i, sub))).flat()] : [f.name]));
}

/** The values with item `i` of an `items` field taken out, the items after it moved up one. */
export function withoutItem(field: FieldSpec, i: number, values: FormValues): FormValues {
  const count = itemCount(field, values);
  const out: FormValues = { ...values, [field.name]: count - 1 };
  for (let j = i; j < count; j++)
    for (const sub of field.item ?? [])
      for (const suffix of ['', TIME_SUFFIX]) {
        const next = j + 1 < count ? values[itemName(field, j + 1, sub) + suffix] : undefined;
        if (next === undefined) delete out[itemName(field, j, sub) + suffix];
        else out[itemName(field, j, sub) + suffix] = next;
      }
  return out;
}

/** The body made of a form's fields: a key for each field given a value, nested along its path. */
export function bodyOf(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  // A group the body must have is there even with nothing in it: the schema then names each key it lacks, at its field.
  for (const f of fields.filter((x) => x.group !== undefined && !x.groupOptional)) {
    let at = body;
    for (const k of pathOf(f.name).slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  }
  for (const f of fields) {
    const v =
      f.kind === 'when'
        ? whenValueOf(values[f.name], values[f.name + TIME_SUFFIX])
        : f.kind === 'items'
          ? // Every item shown is sent, an empty one too: the schema then names what it lacks, at its fields.
            itemsValueOf(f, values)
          : valueOf(f, values[f.name]);
    if (v !== undefined) setPath(body, f.name, v);
  }
  return body;
}

function itemsValueOf(f: FieldSpec, values: FormValues): unknown[] | undefined {
  const items = Array.from({ length: itemCount(f, values) }, (_, i) => bodyOf(f.item ?? [], itemValues(f, i, values)));
  return items.length ? items : undefined;
}

/** What a form holds for a body's values (a recorded thing to change): valueOf turned round. */
export function valuesOf(fields: readonly FieldSpec[], body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    let v = getPath(body, f.name);
    if (f.within !== undefined) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[f.within] : undefined;
    if (v === undefined || v === null) continue;
    if (f.kind === 'items') {
      const items = Array.isArray(v) ? v : [];
      values[f.name] = items.length;
      items.forEach((item, i) => {
        for (const [k, iv] of Object.entries(valuesOf(f.item ?? [], typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {}))) values[`${f.name}[${i}].${k}`] = iv;
      });
    } else if (f.kind === 'lines') values[f.name] = Array.isArray(v) ? v.join('\n') : String(v);
    else if (f.kind === 'choices') values[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') values[f.name] = v;
  }
  return values;
}

export interface FieldProblem {
  field: string;
  problem: string;
}

/**
 * The problems a schema finds in a body, as the API words them (its 400s' `problems`): none means it
 * may be sent. A key left out is "is required", the platform's word for it, whatever its schema says
 * (a union says only "Invalid input"), unless a rule of the schema words why it is needed. `filled` is what the API adds before it validates (an
 * action's `at`: now), not the form's to ask for.
 */
export function problemsOfBody(schema: z.ZodType, body: Record<string, unknown>, filled: Record<string, unknown> = {}): FieldProblem[] {
  const parsed = schema.safeParse({ ...filled, ...body });
  if (parsed.success) return [];
  // The schema's own complaint about a key left out (its type, or a union's "Invalid input"), not a
  // rule's (a refinement saying when the key is needed, which says more than "required").
  const missing = (path: string, code: string) => code !== 'custom' && /^[A-Za-z][\w-]*(\[\d+\])?(\.[A-Za-z][\w-]*(\[\d+\])?)*$/.test(path) && getPath(body, path) === undefined;
  const codes = parsed.error.issues.map((i) => i.code);
  return problemsOf(parsed.error).map((p, i) => ({ field: p.path, problem: missing(p.path, codes[i]) ? 'is required' : p.message }));
}

/**
 * A problem's field as the form names it: the longest of `names` the path is, or is within
 * (`reasons[1]` is the reasons field, `worker.givenName` the worker's given name, `interpreter.language`
 * the interpreter field); without such a name, the path's first key.
 */
export function fieldOfProblem(path: string, names: readonly string[] = []): string {
  const within = names.filter((n) => path === n || path.startsWith(`${n}.`) || path.startsWith(`${n}[`)).sort((a, b) => b.length - a.length);
  return within[0] ?? /^[^.[]*/.exec(path)?.[0] ?? path;
}

/**
 * Problems split between the form's fields (shown at each, as its error) and the rest (the action
 * itself, a header the form has no field for, the body as a whole), shown above the form.
 */
export function placeProblems(fieldNames: readonly string[], problems: readonly FieldProblem[]): { atFields: Record<string, string[]>; elsewhere: FieldProblem[] } {
  const atFields: Record<string, string[]> = {};
  const elsewhere: FieldProblem[] = [];
  for (const p of problems) {
    const name = fieldOfProblem(p.field, fieldNames);
    if (fieldNames.includes(name)) (atFields[name] ??= []).push(p.field === name ? p.problem : `${p.field}: ${p.problem}`);
    else elsewhere.push(p);
  }
  return { atFields, elsewhere };
}
