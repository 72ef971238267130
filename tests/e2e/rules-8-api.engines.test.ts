import { Client } from 'pg';
import { addDays, sydneyAt } from '@wc/rules';
import { Platform, eventually, http, startPlatform, token } from './support';

// docs/rules.md §8 through the staff API on the dev server, in real time: treatment requests, an s48A
// warning and a discontinuance are staff actions; what §8.5 refuses is a 422 with the reason and
// changes nothing; what the claim decided comes back with the action and is on the claim.
jest.setTimeout(300_000);

let platform: Platform;
let db: Client;
const today = sydneyAt(Date.now()).date;
const notified = addDays(today, -120);
const injured = addDays(notified, -1);

const claims = (method: string, url: string, t?: string, body?: unknown) => http(platform.urls.claims, method, url, { token: t, body });

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  platform = await startPlatform({ env: process.env, basePort: 4301, only: ['claims', 'worker'] });
});

afterAll(async () => {
  await platform?.stopAll();
  await db?.end();
});

describe('rules.md §8 through the staff API', () => {
  let claimId: string;
  let cm: string;
  let tl: string;
  const actOn =
    (id: string) =>
    (body: Record<string, unknown>, t = cm) =>
      claims('POST', `/claims/${id}/actions`, t, body);
  const act = (body: Record<string, unknown>, t = cm) => actOn(claimId)(body, t);

  /** A claim lodged 120 days ago, paid since the day of injury: a certificate with no capacity to well after today, liability accepted. */
  async function lodgeClaim(): Promise<string> {
    const r = await claims('POST', '/claims', cm, {
      assignment: { caseManager: 'cm.ana', teamLeader: 'tl.ben' },
      worker: { givenName: 'Kiri', familyName: 'Walker', dateOfBirth: '1987-09-09' },
      employer: { name: 'Botany Cold Storage Pty Ltd', policyNumber: 'WI-880011' },
      injury: { dateOfInjury: injured, employerAwareOn: injured, nature: 'sprain-strain', bodyLocation: 'shoulder', likelySurgery: false, expectedIncapacityDays: 7, redFlags: [], yellowFlags: [] },
      notifiedAt: `${notified}T10:00:00+10:00`,
      notificationComplete: true,
      piawe: '1000.00',
    });
    expect(r.status).toBe(201);
    const id: string = r.body.id;
    await eventually('the workflow', async () => (await claims('GET', `/claims/${id}`, cm)).body.workflow.status === 'RUNNING');
    // Paid since the day of injury: a certificate with no capacity to well after today, liability accepted.
    // Dated 119 days back, further than a case manager may (ACTION_BACKDATING_DAYS): its team leader records them, saying why.
    const history = (body: Record<string, unknown>) =>
      http(platform.urls.claims, 'POST', `/claims/${id}/actions`, { token: tl, body, headers: { 'backdating-reason': "the claim's history, set up for this test" } });
    expect((await history({ at: addDays(notified, 1), type: 'certificate.received', capacity: 'none', from: injured, to: addDays(today, 60) })).status).toBe(202);
    expect((await history({ at: addDays(notified, 2), type: 'liability.accepted' })).status).toBe(202);
    return id;
  }

  beforeAll(async () => {
    cm = await token('case-manager', 'cm.ana');
    tl = await token('team-leader', 'tl.ben');
    claimId = await lodgeClaim();
  });

  it('treatment requests: the ref comes back, a decision on a decided request is refused with the reason', async () => {
    const requested = await act({ at: addDays(today, -3), type: 'treatment.requested', treatment: 'physiotherapy, 6 sessions', provider: 'Botany Physio', cost: '570.00' });
    expect(requested).toMatchObject({ status: 202, body: { accepted: true, outcome: { ref: 'treatment-1' } } });
    expect((await act({ at: addDays(today, -1), type: 'treatment.approved' })).body).toMatchObject({ accepted: true, outcome: { ref: 'treatment-1' } });
    const again = await act({ type: 'treatment.approved', ref: 'treatment-1' });
    expect(again.status).toBe(422);
    expect(again.body.problems).toEqual([{ field: 'ref', problem: `treatment request "treatment-1" was already approved on ${addDays(today, -1)}; it cannot be decided again` }]);
    expect((await act({ type: 'treatment.declined', reasons: 'none waiting' })).body.problems).toEqual([{ field: 'type', problem: 'no treatment request is waiting to be decided' }]);
    // A second request waits in the case manager's work queue: acknowledgement and decision.
    expect((await act({ type: 'treatment.requested', treatment: 'hydrotherapy', provider: 'Botany Aquatic', cost: '300.00', ref: 'hydro' })).status).toBe(202);
    const queue = await eventually('the work queue', async () => {
      const q = (await claims('GET', '/work-queue', cm)).body.items.filter((i: { claimId: string; type: string }) => i.claimId === claimId && i.type.startsWith('treatment.'));
      return q.length === 2 && q;
    });
    expect(queue.map((i: { type: string }) => i.type).sort()).toEqual(['treatment.acknowledgement', 'treatment.decision']);
  });

  it('an s48A warning: a suspension date 13 or 61 days away is refused, and so is a second warning while one is open', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM claims.claim_actions WHERE claim_id = $1`, [claimId])).rows[0].n;
    for (const days of [13, 61]) {
      const r = await act({ type: 's48a.warning-issued', suspendFrom: addDays(today, days) });
      expect(r.status).toBe(422);
      expect(r.body.problems).toEqual([{ field: 'suspendFrom', problem: expect.stringContaining(`is ${days} days after ${today}`) }]);
    }
    expect((await act({ type: 's48a.warning-issued', suspendFrom: addDays(today, 14) })).status).toBe(202);
    const second = await act({ type: 's48a.warning-issued', suspendFrom: addDays(today, 30) });
    expect(second.status).toBe(422);
    expect(second.body.problems[0].problem).toContain(`the s48A warning of ${today} is still open`);
    // Refused actions were never recorded; the accepted one was, once.
    expect((await db.query(`SELECT count(*)::int AS n FROM claims.claim_actions WHERE claim_id = $1`, [claimId])).rows[0].n).toBe(before + 1);
    const compliance = await eventually(
      'the compliance obligation',
      async () => (await db.query(`SELECT due_on::text AS due FROM claims.obligations WHERE claim_id = $1 AND type = 's48a.compliance'`, [claimId])).rows[0],
    );
    expect(compliance.due).toBe(addDays(today, 13));
    // Terminating weekly payments is a team leader's decision.
    expect((await act({ type: 's48a.terminated', reasons: 'x' })).status).toBe(403);
    expect((await act({ type: 's48a.terminated', reasons: 'x' }, tl)).status).toBe(422);
  });

  it('a discontinuance: the claim works out when it takes effect; a second one is refused', async () => {
    // Notice now (`at` left out). Paid every day from the day of injury (121 days before today) to today: C = 122 days, at least
    // 84 and less than 364, so 2 weeks' notice: no longer payable from today + 15 (docs/rules.md §8.3).
    const r = await act({ type: 'weekly.discontinued', basis: 'other', reasons: 'returned to suitable employment' });
    expect(r.status).toBe(202);
    expect(r.body.outcome.discontinuance).toMatchObject({
      noticeOn: today,
      continuousDays: 122,
      period: '2 weeks',
      lastPayableDay: addDays(today, 14),
      firstDayNotPayable: addDays(today, 15),
      by: 'weekly.discontinued',
    });
    const again = await act({ type: 'weekly.discontinued', basis: 'work-capacity-decision', reasons: 'again' });
    expect(again.status).toBe(422);
    expect(again.body.problems[0].problem).toContain('a second discontinuance cannot be recorded');
    // Kept with the action, and published with it for payments (the outbox row carries the outcome).
    const kept = await db.query(`SELECT outcome FROM claims.claim_actions WHERE claim_id = $1 AND type = 'weekly.discontinued'`, [claimId]);
    expect(kept.rows.map((x) => x.outcome.discontinuance.firstDayNotPayable)).toEqual([addDays(today, 15)]);
    // The decision notice states the date it takes effect.
    const notice = await eventually('the decision notice', async () => (await db.query(`SELECT "to", facts FROM claims.notices WHERE claim_id = $1 AND type = 'decision-notice'`, [claimId])).rows[0]);
    expect(notice).toEqual({ to: ['worker'], facts: expect.objectContaining({ takesEffectOn: addDays(today, 15), noticePeriod: '2 weeks' }) });
  });

  it('the claim shows its treatment requests, s48A warnings and discontinuance, and its timeline their obligations', async () => {
    // A claim of its own with what the tests above record: two treatment requests (the first
    // approved), an s48A warning and a discontinuance.
    const id = await lodgeClaim();
    const act = actOn(id);
    expect((await act({ at: addDays(today, -3), type: 'treatment.requested', treatment: 'physiotherapy, 6 sessions', provider: 'Botany Physio', cost: '570.00' })).status).toBe(202);
    expect((await act({ at: addDays(today, -1), type: 'treatment.approved' })).status).toBe(202);
    expect((await act({ type: 'treatment.requested', treatment: 'hydrotherapy', provider: 'Botany Aquatic', cost: '300.00', ref: 'hydro' })).status).toBe(202);
    expect((await act({ type: 's48a.warning-issued', suspendFrom: addDays(today, 14) })).status).toBe(202);
    expect((await act({ type: 'weekly.discontinued', basis: 'other', reasons: 'returned to suitable employment' })).status).toBe(202);
    // The notices are written as the workflow's effects reach the claims service.
    await eventually('the three notices on the timeline', async () => {
      const types = (await claims('GET', `/claims/${id}/timeline`, cm)).body.notices.map((n: { type: string }) => n.type);
      return ['treatment-decision', 's48a-warning', 'decision-notice'].every((x) => types.includes(x));
    });
    const c = (await claims('GET', `/claims/${id}`, cm)).body;
    expect(c.treatmentRequests).toEqual([
      expect.objectContaining({ ref: 'treatment-1', treatment: 'physiotherapy, 6 sessions', provider: 'Botany Physio', decision: { outcome: 'approved', on: addDays(today, -1) }, open: false }),
      expect.objectContaining({ ref: 'hydro', decision: null, open: true }),
    ]);
    expect(c.s48aWarnings).toEqual([
      expect.objectContaining({ issuedOn: today, suspendFrom: addDays(today, 14), suspensionEndsOn: addDays(today, 41), compliedOn: null, suspended: null, open: true }),
    ]);
    expect(c.discontinuance).toMatchObject({ firstDayNotPayable: addDays(today, 15) });
    const t = (await claims('GET', `/claims/${id}/timeline`, cm)).body;
    expect(t.obligations.map((o: { type: string }) => o.type)).toEqual(expect.arrayContaining(['treatment.acknowledgement', 'treatment.decision', 's48a.compliance']));
    expect(t.notices.map((n: { type: string; to: string[] }) => `${n.type}:${n.to.join('+')}`)).toEqual(
      expect.arrayContaining(['treatment-decision:provider+worker', 's48a-warning:worker', 'decision-notice:worker']),
    );
  });
});
