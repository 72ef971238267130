import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Effect } from '@wc/claim-lifecycle';
import { type ClaimEffectsPort, EffectsRefusedError, InMemoryIncidents, TemporalClaimParts } from './activities';
import { ClaimsServiceEffects } from './claims-service-effects';
import { actionUpdate, retryEffectsSignal, stuckEffectsQuery } from './definitions';
import { timeSkippingServerForTests, withFractureClaim } from './testing';

// Workflow version 10 (issue 14): effects the claims service refuses for a reason no retry changes
// are not retried for ever; the claim raises an incident and waits for an operator's retry.
jest.setTimeout(300_000);

describe('the claims service adapter', () => {
  let server: http.Server;
  let answer = 200;
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      req.resume().on('end', () => {
        res.writeHead(answer, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `answered ${answer}` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it.each([400, 401, 403, 404, 413, 422])('a %i is a refusal no retry changes', async (status) => {
    answer = status;
    const effects = new ClaimsServiceEffects(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, async () => 'token');
    const e = await effects.record('c-1', [], 'batch-1').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(EffectsRefusedError);
    expect(e).toMatchObject({ status, message: expect.stringContaining(`answered ${status} to effects for claim c-1`) });
  });

  it.each([408, 429, 500, 502, 503])('a %i is retried (a plain error)', async (status) => {
    answer = status;
    const effects = new ClaimsServiceEffects(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, async () => 'token');
    const e = await effects.record('c-1', [], 'batch-1').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(EffectsRefusedError);
  });
});

describe('a claim whose effects are refused', () => {
  const server = timeSkippingServerForTests();

  it('stops at the first refusal, raises one incident, keeps taking actions, and carries everything out in order after a retry', async () => {
    // The claims service refuses (404: it does not know the claim) until the cause is fixed.
    let fixed = false;
    const attempts: number[] = [];
    const recorded: Effect[] = [];
    const effects: ClaimEffectsPort = {
      async record(_claimId, batch) {
        attempts.push(batch.length);
        if (!fixed) throw new EffectsRefusedError(404, 'claims service answered 404 to effects: no claim');
        recorded.push(...batch);
      },
    };
    const incidents = new InMemoryIncidents();
    const deps = { effects, parts: new TemporalClaimParts(server().env.client), incidents };
    await withFractureClaim(server(), deps, {}, async ({ handle, claimId, notified }) => {
      const stuck = await waitFor(() => handle.query(stuckEffectsQuery));
      expect(stuck).toMatchObject({ claimId, workflowId: claimId, status: 404, message: expect.stringContaining('404'), kinds: expect.arrayContaining(['obligation-opened']) });
      await waitFor(async () => incidents.raised.length > 0);
      expect(incidents.raised).toEqual([stuck]);
      // Not retried: one attempt, however long the claim waits.
      await new Promise((r) => setTimeout(r, 1500));
      expect(attempts).toHaveLength(1);
      // Actions still apply; their effects wait behind the refused batch.
      await handle.executeUpdate(actionUpdate, { args: [{ at: notified, type: 'contact.made', party: 'worker' }] });
      expect(recorded).toEqual([]);

      fixed = true;
      await handle.signal(retryEffectsSignal);
      await waitFor(async () => (await handle.query(stuckEffectsQuery)) === null && recorded.some((e) => e.kind === 'obligation-closed'));
      // The refused batch first (the same effects as refused), then what waited behind it.
      expect(attempts[1]).toBe(attempts[0]);
      expect(recorded.slice(0, attempts[0]).every((e) => e.kind !== 'obligation-closed')).toBe(true);
      expect(incidents.raised).toHaveLength(1);
    });
  });
});

async function waitFor<T>(probe: () => Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe().catch(() => undefined);
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
