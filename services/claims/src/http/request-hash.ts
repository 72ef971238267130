import { canonical, canonicalHash } from '@wc/service-kit';

export { canonical };

/** What an Idempotency-Key is compared by: the request as sent, before the server fills anything in. */
export function requestHash(body: unknown): string {
  return canonicalHash(body);
}
