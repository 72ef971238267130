import { createHash } from 'node:crypto';

/** Key order must not change the hash: the same request sent twice is the same request. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

/** What an Idempotency-Key is compared by: the request as sent, before the server fills anything in. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

/**
 * The same action, whenever it was said to happen: a retry that left `at` out is given a new one by
 * the server, so two answers for one Idempotency-Key are compared without it.
 */
export function sameAction(a: { at?: unknown }, b: { at?: unknown }): boolean {
  const { at: _a, ...x } = a;
  const { at: _b, ...y } = b;
  return canonical(x) === canonical(y);
}
