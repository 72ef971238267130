import type { z } from 'zod';
import { problemsOf } from '@wc/contracts';

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
  | 'boolean';

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
  /** A number's bounds. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** The schema's own description (.meta or .describe). */
  description?: string;
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
      return describe(name, (d as z.core.$ZodNullableDef).innerType, known);
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

/** The fields of an object schema, in its keys' order, leaving out those named in `omit`. */
export function fieldsOf(schema: z.ZodObject, known: KnownSchemas = [], omit: readonly string[] = []): FieldSpec[] {
  return Object.entries(schema.shape)
    .filter(([name]) => !omit.includes(name))
    .map(([name, s]) => {
      const { optional, ...rest } = describe(name, s as z.core.$ZodType, known);
      return { name, required: !optional, ...rest };
    });
}

/** What the form holds for a field: the text typed, a number (NaN when empty), a checkbox's state, the choices made. */
export type FormValue = string | number | boolean | readonly string[] | undefined;
export type FormValues = Record<string, FormValue>;

/**
 * A field's value as the body takes it, or undefined when nothing was given (the key is then left
 * out, and the schema says whether it was required). `when` is the caller's: it has two inputs.
 */
export function valueOf(field: FieldSpec, raw: FormValue): unknown {
  const v = plainValueOf(field, raw);
  return field.within === undefined || v === undefined ? v : { [field.within]: v };
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

/** The body made of a form's fields: a key for each field given a value. */
export function bodyOf(fields: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = valueOf(f, values[f.name]);
    if (v !== undefined) body[f.name] = v;
  }
  return body;
}

/** What a form holds for a body's values (a recorded thing to change): valueOf turned round. */
export function valuesOf(fields: readonly FieldSpec[], body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    let v = body[f.name];
    if (f.within !== undefined) v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[f.within] : undefined;
    if (v === undefined || v === null) continue;
    if (f.kind === 'lines') values[f.name] = Array.isArray(v) ? v.join('\n') : String(v);
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
  const missing = (path: string, code: string) => code !== 'custom' && /^[A-Za-z][\w-]*$/.test(path) && !(path in body);
  const codes = parsed.error.issues.map((i) => i.code);
  return problemsOf(parsed.error).map((p, i) => ({ field: p.path, problem: missing(p.path, codes[i]) ? 'is required' : p.message }));
}

/** A problem's field as the form names it: `reasons[1]` and `reasons` are both the reasons field. */
export const fieldOfProblem = (path: string): string => /^[^.[]*/.exec(path)?.[0] ?? path;

/**
 * Problems split between the form's fields (shown at each, as its error) and the rest (the action
 * itself, a header the form has no field for, the body as a whole), shown above the form.
 */
export function placeProblems(fieldNames: readonly string[], problems: readonly FieldProblem[]): { atFields: Record<string, string[]>; elsewhere: FieldProblem[] } {
  const atFields: Record<string, string[]> = {};
  const elsewhere: FieldProblem[] = [];
  for (const p of problems) {
    const name = fieldOfProblem(p.field);
    if (fieldNames.includes(name)) (atFields[name] ??= []).push(p.field === name ? p.problem : `${p.field}: ${p.problem}`);
    else elsewhere.push(p);
  }
  return { atFields, elsewhere };
}
