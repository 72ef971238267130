import { canonical, canonicalHash } from '@wc/service-kit';

export { canonical };

/** What an Idempotency-Key is compared by: the request as sent, before the server fills anything in. */
export function requestHash(body: unknown): string {
  return canonicalHash(body);
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
