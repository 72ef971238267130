import { z } from 'zod';

/** One line per problem: `path.to.field: what is wrong` (docs/simulate.md, and the API's 400 bodies). */
export interface FieldProblem {
  path: string;
  message: string;
}

export function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');
}

/** What a value is, in the words a message uses ("got number", "got null"). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'nan';
  return typeof value;
}

const list = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
const plural = (n: number | bigint, one: string) => `${n} ${one}${n === 1 || n === 1n ? '' : 's'}`;

const FORMATS: Record<string, string> = {
  uuid: 'a uuid',
  guid: 'a uuid',
  datetime: 'an ISO timestamp',
  date: 'a date YYYY-MM-DD',
  email: 'an email address',
  url: 'a URL',
};

/**
 * The platform's wording of a validation problem, for every problem a schema does not word itself
 * (a schema's own message always wins: zod asks the schema first, then this map). One wording for
 * the API's 400s, `claimctl`'s input errors and the configuration checks.
 */
export const platformErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'must be a whole number';
      return `must be ${issue.expected === 'int' ? 'integer' : issue.expected}, got ${kindOf(issue.input)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      // A discriminated union names the tag it did not know; a plain union says only that nothing matched.
      return issue.discriminator !== undefined && issue.options ? `unknown ${issue.discriminator}; expected one of ${list(issue.options as readonly unknown[])}` : undefined;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${list(issue.values)}, got ${JSON.stringify(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${plural(issue.minimum, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${plural(issue.minimum, 'item')}`;
      return issue.inclusive === false ? `must be more than ${issue.minimum}` : `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${plural(issue.maximum, 'character')}`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${plural(issue.maximum, 'item')}`;
      return issue.inclusive === false ? `must be less than ${issue.maximum}` : `must be at most ${issue.maximum}`;
    case 'invalid_format':
      return `must be ${FORMATS[issue.format] ?? `in the ${issue.format} format`}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
};

// Every parse in a process that uses the contracts words its problems the platform's way.
z.config({ customError: platformErrorMap });

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path) || '(root)', message: i.message }));
}
