import fs from 'node:fs';
import { scenarioSchema, Scenario } from '@wc/contracts';
import { ClaimLifecycle, type ClaimState, END_OF_DAY_MINUTE, type Effect, partOfEffect, runScenarioInProcess } from '@wc/claim-lifecycle';
import { ownCase, sharedCase } from '../../../tools/test-cases/src';
import { simulateScenarios } from './simulate';
import { TimeSkippingServer, startTimeSkippingServer } from './time-skipping';

// Real servers and webpack bundling on 2 cores: minutes, not the default 5 seconds.
jest.setTimeout(300_000);

const load = (file: string): Scenario => scenarioSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
const expectedOf = (file: string) => JSON.parse(fs.readFileSync(file.replace(/\.json$/, '.expected.json'), 'utf8'));
/** The repository's own scenario, and the shared one like it when ../shared (or WC_SHARED_DIR) exists. */
const ownAndShared = (own: string, shared: string) =>
  [
    ['own', ownCase('scenarios', own)],
    ['shared', sharedCase('scenarios', shared)],
  ].filter((c): c is [string, string] => c[1] !== null);
// A significant claim with provisional liability, then accepted (docs/rules.md §4, §6).
const fractures = ownAndShared('fracture-provisional-then-accepted.json', 'significant-fracture.json');
// An incomplete notification and a complaint open for a while (docs/rules.md §3, §4).
const complaints = ownAndShared('psychological-incomplete-excuse-and-complaint.json', 'incomplete-psychological.json');
// The claim the tests below vary: the repository's own. Its first four events are the worker and the
// employer reached on 4 March, provisional liability and a certificate of no capacity from 2 March on 5 March.
const fracture = load(fractures[0][1]);

/** What the lifecycle decides for a scenario, without Temporal: every effect of every step. */
function inProcess(s: Scenario): { effects: Effect[]; state: ClaimState } {
  const lc = ClaimLifecycle.start({ claim: s.claim, tables: s.parameters });
  for (const e of s.events) lc.apply(e);
  lc.advanceTo({ date: s.until, minuteOfDay: END_OF_DAY_MINUTE });
  return { effects: lc.drainEffects(), state: lc.state };
}
// What each effect is, without the obligation's record as it stood when it was carried out (in
// process everything is drained at the end). Parts carry out theirs in their own workflows, so only
// the order within each part is kept: compare as sorted lists.
const identity = (e: Effect): string => {
  if (e.kind === 'notice') return `notice ${e.notice.type} ${e.notice.on} ${e.notice.to.join('+')} ${e.notice.cause} ${e.notice.ref ?? ''}`;
  if (e.kind === 'classified') return `classified ${e.on} ${e.classification}`;
  return `${e.kind} ${e.obligation.id} ${'on' in e ? e.on : ''}`;
};
const asSet = (effects: Effect[]) => effects.map(identity).sort();

let server: TimeSkippingServer;
beforeAll(async () => {
  server = await startTimeSkippingServer();
}, 120_000);
afterAll(() => server?.stop());

describe('the claim workflow on the time-skipping server', () => {
  it('finds the scenarios it runs', () => {
    expect(fractures[0][0]).toBe('own');
    expect(complaints[0][0]).toBe('own');
  });

  it.each(fractures)('carries a claim across continueAsNew without changing what it computes (%s)', async (_source, file) => {
    const [r] = await simulateScenarios([{ file: 'fracture', scenario: load(file) }], { server, historyLimit: 25 });
    expect(r.continuedAsNew).toBe(true);
    expect(r.timeline).toEqual(expectedOf(file));
  });

  it.each(complaints)('runs a complaint as a workflow of its own that ends with it, across continueAsNew, computing the same timeline (%s)', async (_source, file) => {
    // historyLimit 25: the claim continues as new while the complaint is open (received and
    // resolved a few weeks apart); the complaint's workflow goes on across it and ends when it is resolved.
    const psychological = load(file);
    const [r] = await simulateScenarios([{ file: 'psychological', scenario: psychological }], { server, historyLimit: 25 });
    expect(r.continuedAsNew).toBe(true);
    expect(r.parts).toEqual([{ id: 'complaint-1', kind: 'complaint', workflowId: expect.stringMatching(/\/complaint-1$/), status: 'COMPLETED', effectsCarriedOut: expect.any(Number) }]);
    // Nothing lost and nothing carried out twice, whichever workflow carried it out.
    const decided = inProcess(psychological);
    expect(asSet(r.effects)).toEqual(asSet(decided.effects));
    expect(r.parts[0].effectsCarriedOut).toBe(decided.effects.filter((e) => partOfEffect(decided.state, e)?.id === 'complaint-1').length);
    expect(r.timeline).toEqual(expectedOf(file));
  });

  it("keeps a part's workflow running while the part is open, one workflow per part", async () => {
    const scenario: Scenario = {
      ...fracture,
      events: [
        ...fracture.events.slice(0, 3),
        { at: '2026-03-06', type: 'review.requested', decision: 'the PIAWE of 1 March' },
        { at: '2026-03-06', type: 'ime.booked', appointmentOn: '2026-03-20' },
        { at: '2026-03-09', type: 'ime.cancelled' },
      ],
      until: '2026-03-12',
    };
    const [r] = await simulateScenarios([{ file: 'parts', scenario }], { server });
    expect(r.refused).toEqual([]);
    // The IME ended when it was cancelled (its notice had gone); the review is still open.
    expect(r.parts.map((p) => [p.id, p.kind, p.status])).toEqual([
      ['review-1', 'review', 'RUNNING'],
      ['ime-1', 'ime', 'COMPLETED'],
    ]);
    expect(r.timeline).toEqual({ name: scenario.name, ...runScenarioInProcess(scenario).timeline });
    expect(asSet(r.effects)).toEqual(asSet(inProcess(scenario).effects));
  });

  it('refuses invalid staff actions with a reason, and they change nothing', async () => {
    const scenario: Scenario = {
      ...fracture,
      events: [
        ...fracture.events.slice(0, 3),
        { at: '2026-03-06', type: 'liability.provisional' }, // recorded twice
        { at: '2026-03-07', type: 'ime.booked', appointmentOn: '2026-03-01' }, // in the past
        { at: '2026-03-08', type: 'obligation.waived', obligation: 'imp.initial', reason: 'n/a' }, // not waivable
        { at: '2026-03-09', type: 'review.completed' }, // no review open
      ],
      until: '2026-03-20',
    };
    const [r] = await simulateScenarios([{ file: 'refusals', scenario }], { server });
    expect(r.refused).toEqual([
      'events[3]: type: liability is already provisional; a decision cannot be recorded twice',
      'events[4]: appointmentOn: is in the past (before 2026-03-07)',
      'events[5]: obligation: imp.initial cannot be waived (rules.md §4 allows waiving only initial contact)',
      'events[6]: type: there is no open review',
    ]);
    const withoutRefused = runScenarioInProcess({ ...scenario, events: scenario.events.slice(0, 3) }).timeline;
    expect(r.timeline).toEqual({ name: scenario.name, ...withoutRefused });
  });

  it('nothing is recorded on a finalised claim', async () => {
    const scenario: Scenario = {
      ...fracture,
      events: [...fracture.events.slice(0, 4), { at: '2026-03-10', type: 'claim.finalised', reason: 'withdrawn' }, { at: '2026-03-11', type: 'imp.issued' }],
      until: '2026-03-31',
    };
    const [r] = await simulateScenarios([{ file: 'finalised', scenario }], { server });
    expect(r.refused).toEqual(['events[5]: type: the claim was finalised on 2026-03-10; nothing more can be recorded']);
    expect(r.timeline.obligations.filter((o) => o.status !== 'met' && o.status !== 'late').every((o) => o.status === 'cancelled')).toBe(true);
    // 9 March is still payable (one seventh of week 2); days from 10 March are not.
    expect(r.timeline.payments.map((p) => [p.week, p.amount])).toEqual([
      [1, '1140.00'],
      [2, '162.86'],
    ]);
  });
});
