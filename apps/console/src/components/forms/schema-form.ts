import type { z } from 'zod';

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
  | 'boolean';

export interface FieldSpec {
  /** The key in the schema: the field's name in the form, in the body and in the API's problems. */
  name: string;
  kind: FieldKind;
  required: boolean;
  /** An enum's values. */
  options?: readonly string[];
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
    case 'array':
      if (isText((d as z.core.$ZodArrayDef).element)) return { kind: 'lines', optional: false, description };
      break;
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

/** What the form holds for a field: the text typed, a number (NaN when empty), a checkbox's state. */
export type FormValue = string | number | boolean | undefined;
export type FormValues = Record<string, FormValue>;

/**
 * A field's value as the body takes it, or undefined when nothing was given (the key is then left
 * out, and the schema says whether it was required). `when` is the caller's: it has two inputs.
 */
export function valueOf(field: FieldSpec, raw: FormValue): unknown {
  switch (field.kind) {
    case 'boolean':
      return raw === true;
    case 'number':
      return typeof raw === 'number' && !Number.isNaN(raw) ? raw : undefined;
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

export interface FieldProblem {
  field: string;
  problem: string;
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
