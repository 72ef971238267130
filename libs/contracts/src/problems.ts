import { ZodError, ZodIssue } from 'zod';

/** One line per problem: `path.to.field: what is wrong` (docs/simulate.md, and the API's 400 bodies). */
export interface FieldProblem {
  path: string;
  message: string;
}

export function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

function describe(issue: ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.received === 'undefined' ? 'is required' : `must be ${issue.expected}, got ${issue.received}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_union_discriminator':
      return `unknown type; expected one of ${issue.options.join(', ')}`;
    case 'invalid_enum_value':
      return `must be one of ${issue.options.join(', ')}, got ${JSON.stringify(issue.received)}`;
    case 'invalid_literal':
      return `must be ${JSON.stringify(issue.expected)}`;
    default:
      return issue.message;
  }
}

export function problemsOf(error: ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path) || '(root)', message: describe(i) }));
}
