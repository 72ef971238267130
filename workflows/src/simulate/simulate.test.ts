import fs from 'node:fs';
import path from 'node:path';
import { scenarioSchema, Scenario } from '@wc/contracts';
import { runScenarioInProcess } from '@wc/claim-lifecycle';
import { simulateScenarios } from './simulate';
import { TimeSkippingServer, startTimeSkippingServer } from './time-skipping';

// Real servers and webpack bundling on 2 cores: minutes, not the default 5 seconds.
jest.setTimeout(300_000);

const shared = process.env.WC_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', '..', 'shared');
const load = (file: string): Scenario => scenarioSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
const fracture = load(path.join(shared, 'scenarios', 'significant-fracture.json'));

let server: TimeSkippingServer;
beforeAll(async () => {
  server = await startTimeSkippingServer();
}, 120_000);
afterAll(() => server?.stop());

describe('the claim workflow on the time-skipping server', () => {
  it('carries a claim across continueAsNew without changing what it computes', async () => {
    const [r] = await simulateScenarios([{ file: 'fracture', scenario: fracture }], { server, historyLimit: 25 });
    expect(r.continuedAsNew).toBe(true);
    const expected = JSON.parse(fs.readFileSync(path.join(shared, 'scenarios', 'significant-fracture.expected.json'), 'utf8'));
    expect(r.timeline).toEqual(expected);
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
    expect(r.timeline.payments.map((p) => [p.week, p.amount])).toEqual([[1, '1140.00'], [2, '162.86']]);
  });
});
