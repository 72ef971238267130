import { writeFileSync } from 'node:fs';
import { isLocalDate, sydneyAt } from '@wc/rules';
import { UsageError } from '../args';
import { EXIT_OK, InputError } from '../io';
import type { Command } from './command';
import { connect, failed, follow, refused, request, serviceOptions } from './payments-service';

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
    { name: 'date', value: 'YYYY-MM-DD', description: 'processing date (default: today in Sydney)' },
    { name: 'out', value: 'file', description: 'where to write the ABA file (default: payment-run-<date>.aba)' },
    { name: 'key', value: 'text', description: 'idempotency key (default: claimctl-run-<date>)' },
    ...serviceOptions,
  ],
  async run({ options }, io) {
    const date = typeof options.date === 'string' ? options.date : sydneyAt(Date.now()).date;
    if (!isLocalDate(date)) throw new UsageError('--date must be YYYY-MM-DD');
    const out = typeof options.out === 'string' ? options.out : `payment-run-${date}.aba`;
    const key = typeof options.key === 'string' ? options.key : `claimctl-run-${date}`;
    const s = await connect(options, 'payments-officer');

    const started = await request(s, '/payment-runs', { method: 'POST', body: { processingDate: date }, headers: { 'idempotency-key': key } });
    const no = refused(io, 'no payment run', started);
    if (no !== null) return no;
    if (started.status !== 200 && started.status !== 202) return failed(io, 'starting the run', started);
    const first = started.body as RunView;
    io.err(`payment run ${first.id} for ${date}${started.status === 200 ? ' (already started with this key)' : ''}: ${first.payments} payments, ${first.total}\n`);
    const run = await follow(
      io,
      first,
      () => request(s, `/payment-runs/${first.id}`),
      (v) => ({ done: v.done, total: v.payments, finished: v.status === 'complete' }),
      'payments',
    );
    if (typeof run === 'number') return run;
    const file = await request(s, `/payment-runs/${run.id}/aba`);
    if (file.status !== 200 || typeof file.body !== 'string') return failed(io, 'fetching the ABA file', file);
    try {
      writeFileSync(out, file.body, { encoding: 'ascii' });
    } catch (e) {
      throw new InputError(`cannot write ${out}: ${(e as Error).message}`);
    }
    io.out(`${JSON.stringify({ runId: run.id, processingDate: date, payments: run.payments, total: run.total, abaSha256: run.abaSha256, file: out })}\n`);
    return EXIT_OK;
  },
};
