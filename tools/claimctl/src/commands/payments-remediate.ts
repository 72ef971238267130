import { EXIT_OK, readJsonFile } from '../io';
import type { Command } from './command';
import { connect, failed, follow, refused, request, serviceOptions } from './payments-service';

interface RemediationView {
  id: string;
  status: 'running' | 'complete';
  claimsTotal: number;
  claimsDone: number;
  arrearsTotal: string;
  overpaidTotal: string;
}

/**
 * `claimctl payments remediate change.json`: after a rate table, an indexation factor or a PIAWE
 * changed with effect in the past, values every paid week again on the payments service (in the
 * background, over the whole book or the claims named) and follows it to the end. The file is the
 * body of `POST /remediations`: `{ "reason", "parameters"?: { "indexation"?: [...], ... }, "claimIds"?: [...] }`.
 * Corrected `parameters` are a rate table load: held until a second person approves the change it
 * prints (POST /changes/:id/approve), which starts the remediation.
 */
export const paymentsRemediate: Command = {
  words: ['payments', 'remediate'],
  operands: ['change.json'],
  summary: 'recompute paid weeks after a change with effect in the past; arrears wait for authorisation',
  options: serviceOptions,
  async run({ positionals: [file], options }, io) {
    const change = readJsonFile(file);
    const s = await connect(options, 'team-leader');
    const started = await request(s, '/remediations', { method: 'POST', body: change });
    const no = refused(io, `${file}: no remediation`, started);
    if (no !== null) return no;
    if (started.status !== 202) return failed(io, 'starting the remediation', started);
    // Corrected rate tables wait for a second person (issue 14): nothing runs until they approve.
    const held = started.body as { changeId?: string };
    if (held.changeId) {
      io.err(
        `corrected rate tables held for a second person (a team leader or an administrator other than you): POST /changes/${held.changeId}/approve on the payments service starts the remediation\n`,
      );
      io.out(`${JSON.stringify({ changeId: held.changeId, status: 'pending' })}\n`);
      return EXIT_OK;
    }
    const first = started.body as RemediationView;
    io.err(`remediation ${first.id}: ${first.claimsTotal} claims with paid weeks\n`);
    const done = await follow(
      io,
      first,
      () => request(s, `/remediations/${first.id}`),
      (v) => ({ done: v.claimsDone, total: v.claimsTotal, finished: v.status === 'complete' }),
      'claims',
    );
    if (typeof done === 'number') return done;
    io.out(`${JSON.stringify({ remediationId: done.id, claims: done.claimsDone, arrears: done.arrearsTotal, overpaid: done.overpaidTotal })}\n`);
    return EXIT_OK;
  },
};
