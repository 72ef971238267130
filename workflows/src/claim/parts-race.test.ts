import { Client } from '@temporalio/client';
import { type ClaimPartsPort, InMemoryEffects, TemporalClaimParts } from './activities';
import { actionUpdate, partsQuery } from './definitions';
import { timeSkippingServerForTests, withFractureClaim } from './testing';

// A claim finalised while the workflow is still sending its complaint's first effects (seen on a
// fresh-clone CI run: claim-WC0000007/complaint-1 had two runs). The complaint must end once, with
// its last effects (the cancellations finalisation made), in the one workflow of its own.
jest.setTimeout(300_000);

const server = timeSkippingServerForTests();

it('a part ends once, after the effects the claim decided for it, when an action arrives while its first effects are being sent', async () => {
  const { env } = server();
  const direct = new Client({ connection: env.connection, namespace: env.namespace });
  const sends: Array<{ part: string; kinds: string[]; end: boolean }> = [];
  // The first send to the complaint waits until the test lets it go: the finalisation is applied meanwhile.
  let hold: () => void = () => undefined;
  const held = new Promise<void>((r) => (hold = r));
  let reached: () => void = () => undefined;
  const atTheGate = new Promise<void>((r) => (reached = r));
  const real = new TemporalClaimParts(direct);
  const parts: ClaimPartsPort = {
    async send(input) {
      sends.push({ part: input.part.id, kinds: input.effects.map((e) => e.kind), end: input.end });
      if (input.part.id === 'complaint-1' && sends.filter((s) => s.part === 'complaint-1').length === 1) {
        reached();
        await held;
      }
      await real.send(input);
    },
  };
  await withFractureClaim(server(), { effects: new InMemoryEffects(), parts }, {}, async ({ handle, claimId, notified }) => {
    try {
      await handle.executeUpdate(actionUpdate, { args: [{ at: notified, type: 'complaint.received' }] });
      await atTheGate;
      await handle.executeUpdate(actionUpdate, { args: [{ at: notified, type: 'claim.finalised', reason: 'withdrawn by the worker' }] });
      hold();
      // Done when the claim says the complaint has ended and its workflow has completed.
      for (let i = 0; i < 200; i++) {
        const ps = await handle.query(partsQuery);
        if (ps.length === 1 && !ps[0].running) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const complaint = direct.workflow.getHandle(`${claimId}/complaint-1`);
      const { effectsCarriedOut } = (await complaint.result()) as { effectsCarriedOut: number };
      // Two sends: the complaint's two obligations opened, then both cancelled with the end. Before
      // version 7 an end with no effects went between them, and the cancellations started a second run.
      expect(sends.filter((s) => s.part === 'complaint-1')).toEqual([
        { part: 'complaint-1', kinds: ['obligation-opened', 'obligation-opened'], end: false },
        { part: 'complaint-1', kinds: ['obligation-closed', 'obligation-closed'], end: true },
      ]);
      // The part's workflow (its latest run, the only one) carried out all four.
      expect(effectsCarriedOut).toBe(4);
    } finally {
      hold(); // passed or failed, the held send goes on, so the claim can be ended idle
    }
  });
});
