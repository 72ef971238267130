import { writeFileSync } from 'node:fs';
import { isLocalDate, sydneyAt } from '@wc/rules';
import { Role, mintToken, signingKey } from '@wc/service-kit';
import { UsageError } from '../args';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, InputError, processIo } from '../io';
import type { Io } from '../io';
import type { Command } from './command';

/** A text progress bar: `[██████░░░░] 60% 1,200/2,000 payments`. */
export function progressBar(done: number, total: number, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${done.toLocaleString('en-AU')}/${total.toLocaleString('en-AU')} payments`;
}

interface RunView {
  id: string;
  status: 'building' | 'complete';
  payments: number;
  done: number;
  total: string;
  abaSha256: string | null;
}

/**
 * `claimctl payments run`: asks the payments service for a payment run (every authorised payment
 * not yet in one), shows its progress, and writes the ABA file. The idempotency key defaults to one
 * per processing date, so running the command again for the same date returns the same run and
 * the same file: nobody is paid twice by a retry.
 */
export const paymentsRun: Command = {
  words: ['payments', 'run'],
  operands: [],
  summary: 'start a payment run on the payments service, show its progress, write its ABA file',
  options: [
    { name: 'date', value: 'YYYY-MM-DD', description: "processing date (default: today in Sydney)" },
    { name: 'out', value: 'file', description: 'where to write the ABA file (default: payment-run-<date>.aba)' },
    { name: 'url', value: 'url', description: 'payments service (default: $PAYMENTS_URL or http://127.0.0.1:3004)' },
    { name: 'key', value: 'text', description: 'idempotency key (default: claimctl-run-<date>)' },
    { name: 'user', value: 'user', description: 'development only: mint a payments-officer token for this user from the local key (else $CLAIMCTL_TOKEN)' },
  ],
  async run({ options }, io) {
    const date = typeof options.date === 'string' ? options.date : sydneyAt(Date.now()).date;
    if (!isLocalDate(date)) throw new UsageError('--date must be YYYY-MM-DD');
    const url = String(options.url ?? process.env.PAYMENTS_URL ?? 'http://127.0.0.1:3004').replace(/\/$/, '');
    const out = typeof options.out === 'string' ? options.out : `payment-run-${date}.aba`;
    const key = typeof options.key === 'string' ? options.key : `claimctl-run-${date}`;
    const token = typeof options.user === 'string' ? await mintToken({ user: options.user, role: 'payments-officer' as Role }, signingKey()) : process.env.CLAIMCTL_TOKEN;
    if (!token) throw new UsageError('give --user (development) or set CLAIMCTL_TOKEN to a payments officer\'s bearer token');
    const auth = { authorization: `Bearer ${token}` };

    const started = await request(url, '/payment-runs', { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify({ processingDate: date }) });
    if (started.status === 400 || started.status === 422 || started.status === 409) {
      const body = started.body as { message?: string; problems?: { field: string; problem: string }[] };
      io.err(`claimctl: no payment run: ${body.message ?? started.status}${(body.problems ?? []).map((p) => `\n  ${p.field}: ${p.problem}`).join('')}\n`);
      return EXIT_INVALID;
    }
    if (started.status !== 200 && started.status !== 202) return failed(io, 'starting the run', started);
    let run = started.body as RunView;
    io.err(`payment run ${run.id} for ${date}${started.status === 200 ? ' (already started with this key)' : ''}: ${run.payments} payments, ${run.total}\n`);
    // Redraw one line on a terminal; a log or a pipe gets a line at each quarter instead.
    const tty = io === processIo && process.stderr.isTTY === true;
    let shown = -1;
    for (;;) {
      if (tty) io.err(`\r${progressBar(run.done, run.payments)}`);
      else if (Math.floor((run.done * 4) / Math.max(1, run.payments)) > shown) {
        shown = Math.floor((run.done * 4) / Math.max(1, run.payments));
        io.err(`${progressBar(run.done, run.payments)}\n`);
      }
      if (run.status === 'complete') break;
      await new Promise((r) => setTimeout(r, 250));
      const polled = await request(url, `/payment-runs/${run.id}`, { headers: auth });
      if (polled.status !== 200) return failed(io, 'following the run', polled);
      run = polled.body as RunView;
    }
    if (tty) io.err('\n');
    const file = await fetch(`${url}/payment-runs/${run.id}/aba`, { headers: auth });
    if (file.status !== 200) return failed(io, 'fetching the ABA file', { status: file.status, body: await file.text() });
    try {
      writeFileSync(out, await file.text(), { encoding: 'ascii' });
    } catch (e) {
      throw new InputError(`cannot write ${out}: ${(e as Error).message}`);
    }
    io.out(`${JSON.stringify({ runId: run.id, processingDate: date, payments: run.payments, total: run.total, abaSha256: run.abaSha256, file: out })}\n`);
    return EXIT_OK;
  },
};

async function request(base: string, path: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, init);
  } catch (e) {
    throw new InputError(`cannot reach the payments service at ${base}: ${(e as Error).message}`);
  }
  const text = await res.text();
  try {
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return { status: res.status, body: text };
  }
}

function failed(io: Io, what: string, r: { status: number; body: unknown }): number {
  io.err(`claimctl: ${what} failed: HTTP ${r.status} ${typeof r.body === 'string' ? r.body : JSON.stringify(r.body)}\n`);
  return EXIT_FAILED;
}
