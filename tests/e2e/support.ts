import { randomBytes, randomUUID } from 'node:crypto';
import { isValidAbn } from '@wc/rules';
import { Role, mintToken, signingKey } from '@wc/service-kit';

// What the end-to-end tests share: the platform's processes, tokens, HTTP and waiting.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launcher = require('../../tools/platform/launcher') as {
  startPlatform(o: PlatformOptions): Promise<Platform>;
};
type PlatformOptions = { env: NodeJS.ProcessEnv; perProcess?: Record<string, Record<string, string>>; basePort?: number; only?: string[]; degraded?: string[] };

/**
 * The platform's processes for a test. Its payments and notifications services have Temporal task
 * queues of their own and no schedules: the tests share one Temporal, and a run, remediation or
 * digest must be worked by the service (and database) that made it, never by another test's.
 */
export function startPlatform(o: PlatformOptions): Promise<Platform> {
  const payments = { PAYMENTS_TASK_QUEUE: `payments-test-${randomUUID()}`, WEEKLY_PAYMENTS_SCHEDULE: '', PAYMENT_RUN_SCHEDULE: '', ...o.perProcess?.payments };
  const notifications = { NOTIFICATIONS_TASK_QUEUE: `notifications-test-${randomUUID()}`, DIGEST_SCHEDULE: '', ...o.perProcess?.notifications };
  return launcher.startPlatform({ ...o, perProcess: { ...o.perProcess, payments, notifications } });
}

export type Platform = { urls: Record<string, string>; start(n: string): Promise<number>; stop(n: string, s?: string): Promise<void>; stopAll(): Promise<void>; logFile(n: string): string };

const key = signingKey();
export const token = (role: Role, user: string) => mintToken({ user, role }, key);

export async function http(base: string, method: string, url: string, opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.headers ?? {}) },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: body as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false | null>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** A complete injury notification (a wrist fracture) to lodge with POST /claims; `over` replaces top-level fields. */
export const notification = (over: Record<string, unknown> = {}) => ({
  worker: { givenName: 'Alex', familyName: 'Nguyen', dateOfBirth: '1988-02-14' },
  employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'WI-100234' },
  injury: {
    dateOfInjury: '2026-11-16',
    employerAwareOn: '2026-11-16',
    nature: 'fracture',
    bodyLocation: 'left wrist',
    likelySurgery: false,
    expectedIncapacityDays: 42,
    redFlags: [],
    yellowFlags: [],
  },
  notifiedAt: '2026-11-17T10:15:00+11:00',
  notificationComplete: true,
  piawe: '1200.00',
  ...over,
});

/** An ABN nobody holds whose check digits match (ATO, "Format of the ABN"): a provider of a test's own. */
export function newAbn(): string {
  const tail = Array.from(randomBytes(9), (b) => String(b % 10)).join('');
  for (let lead = 10; lead <= 99; lead++) if (isValidAbn(`${lead}${tail}`)) return `${lead}${tail}`;
  return newAbn();
}
