import { Role, mintToken, signingKey } from '@wc/service-kit';
import type { OptionSpec, ParsedArgs } from '../args';
import { UsageError } from '../args';
import { EXIT_FAILED, EXIT_INVALID, InputError, processIo } from '../io';
import type { Io } from '../io';

/** What the commands that talk to the payments service share: where it is, who is asking, progress. */
export const serviceOptions: OptionSpec[] = [
  { name: 'url', value: 'url', description: 'payments service (default: $PAYMENTS_URL or http://127.0.0.1:3004)' },
  { name: 'user', value: 'user', description: 'development only: mint a token for this user from the local key (else $CLAIMCTL_TOKEN)' },
];

export interface PaymentsService {
  url: string;
  auth: Record<string, string>;
}

export async function connect(options: ParsedArgs['options'], role: Role): Promise<PaymentsService> {
  const url = String(options.url ?? process.env.PAYMENTS_URL ?? 'http://127.0.0.1:3004').replace(/\/$/, '');
  const token = typeof options.user === 'string' ? await mintToken({ user: options.user, role }, signingKey()) : process.env.CLAIMCTL_TOKEN;
  if (!token) throw new UsageError(`give --user (development) or set CLAIMCTL_TOKEN to a ${role}'s bearer token`);
  return { url, auth: { authorization: `Bearer ${token}` } };
}

export async function request(s: PaymentsService, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(`${s.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { ...s.auth, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.headers ?? {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch (e) {
    throw new InputError(`cannot reach the payments service at ${s.url}: ${(e as Error).message}`);
  }
  const text = await res.text();
  try {
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: res.status, body: text };
  }
}

/** 400/409/422 are the request's fault: their problems, one per line, and exit 2. */
export function refused(io: Io, what: string, r: { status: number; body: unknown }): number | null {
  if (r.status !== 400 && r.status !== 409 && r.status !== 422) return null;
  const body = r.body as { message?: string; problems?: { field: string; problem: string }[] };
  io.err(`claimctl: ${what}: ${body?.message ?? r.status}${(body?.problems ?? []).map((p) => `\n  ${p.field}: ${p.problem}`).join('')}\n`);
  return EXIT_INVALID;
}

export function failed(io: Io, what: string, r: { status: number; body: unknown }): number {
  io.err(`claimctl: ${what} failed: HTTP ${r.status} ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}\n`);
  return EXIT_FAILED;
}

/** A text progress bar: `[██████░░░░]  60% 1,200/2,000 payments`. */
export function progressBar(done: number, total: number, unit: string, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${done.toLocaleString('en-AU')}/${total.toLocaleString('en-AU')} ${unit}`;
}

/**
 * Polls `poll` until `finished`, drawing progress on stderr: one redrawn line on a terminal, a line
 * at each quarter in a log or a pipe. Resolves to the last view, or to an exit status on failure.
 */
export async function follow<T>(
  io: Io,
  first: T,
  poll: () => Promise<{ status: number; body: unknown }>,
  progress: (v: T) => { done: number; total: number; finished: boolean },
  unit: string,
): Promise<T | number> {
  const tty = io === processIo && process.stderr.isTTY === true;
  let view = first;
  let shown = -1;
  for (;;) {
    const p = progress(view);
    if (tty) io.err(`\r${progressBar(p.done, p.total, unit)}`);
    else if (Math.floor((p.done * 4) / Math.max(1, p.total)) > shown) {
      shown = Math.floor((p.done * 4) / Math.max(1, p.total));
      io.err(`${progressBar(p.done, p.total, unit)}\n`);
    }
    if (p.finished) break;
    await new Promise((r) => setTimeout(r, 250));
    const polled = await poll();
    if (polled.status !== 200) return failed(io, 'following progress', polled);
    view = polled.body as T;
  }
  if (tty) io.err('\n');
  return view;
}
