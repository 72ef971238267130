import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { addDays, sydneyAt } from '@wc/rules';
import { Platform, eventually, http, startPlatform, token } from './support';

// Issue 4 on the dev server, in real time: a significant claim lodged with a notification of a fixed
// day long past has missed its initial-contact deadline (3 business days, program 4.1), so the claim's
// workflow escalates those obligations to the team leader at once; the team leader sees them in the
// escalation queue through the API, and a case manager's action completes one of them.
jest.setTimeout(300_000);

let platform: Platform;
let db: Client;
// Only for what happens at the time of the run: actions recorded now, and the dates an action may not have.
const today = sydneyAt(Date.now()).date;

// The claim's dates, fixed in the past so every due date below is worked out by hand (docs/rules.md §1, §3,
// §4), not by the calendar under test, and is in the past whatever day the test runs.
// Injured (and the employer aware) Wed 22 Apr 2026; notified Thu 23 Apr 2026 at 10:00 Sydney time
// (AEST, +10:00), complete: significant (a fracture) at notification, so the significance date is Thu 23 Apr.
// NSW holidays near it (§1): Sat 25 Apr (Anzac Day, no substitute) and Mon 27 Apr 2026 (the additional
// holiday the Minister declared); Easter 2026 (3-6 Apr) is before it, and none falls in May.
const INJURED = '2026-04-22';
const NOTIFIED = '2026-04-23';
// initial-contact.*: 3 business days after Thu 23 Apr: Fri 24 (1), (Sat 25, Sun 26, Mon 27 Apr declared
// holiday), Tue 28 (2), Wed 29 (3) → Wed 29 Apr. Escalated at 09:00 that day; not done by its end, so
// overdue and reported again the next day, Thu 30 Apr. Reminded one business day before: Tue 28 Apr.
const CONTACT_DUE = '2026-04-29';
const CONTACT_OVERDUE = '2026-04-30';
const CONTACT_REMINDED = '2026-04-28';
// liability.initial: 7 days after the notification date: Thu 23 Apr + 7 = Thu 30 Apr, a business day
// (no roll forward). Reminded one business day before: Wed 29 Apr.
const LIABILITY_DUE = '2026-04-30';
const LIABILITY_REMINDED = '2026-04-29';
// imp.initial: 20 business days after Thu 23 Apr: Fri 24 Apr (1), Tue 28 (2), Wed 29 (3), Thu 30 (4),
// Fri 1 May (5), Mon 4 – Fri 8 May (6-10), Mon 11 – Fri 15 May (11-15), Mon 18 – Fri 22 May (16-20)
// → Fri 22 May. Reminded one business day before: Thu 21 May.
const IMP_DUE = '2026-05-22';
const IMP_REMINDED = '2026-05-21';
// rtw-goal.review: 13 weeks after the date of injury: Wed 22 Apr + 91 days = Wed 22 Jul 2026, a business
// day. Reminded one business day before: Tue 21 Jul.
const RTW_DUE = '2026-07-22';
const RTW_REMINDED = '2026-07-21';
// All four kinds are overdue on any day this test runs, so all six obligations are escalated at once.

const claims = (method: string, url: string, t?: string, body?: unknown) => http(platform.urls.claims, method, url, { token: t, body });

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  platform = await startPlatform({ env: process.env, basePort: 4201, only: ['claims', 'documents', 'notifications', 'worker'] });
});

afterAll(async () => {
  await platform?.stopAll();
  await db?.end();
});

describe('escalation to the team leader, and staff actions on a claim', () => {
  // The claim the read-only tests look at; a test that changes a claim lodges one of its own.
  let claimId: string;
  let claimNumber: string;
  let cm: string;
  let tl: string;

  /**
   * A claim lodged with its assignment: the workflow reminds and escalates within moments of lodging,
   * and those already name the claim's case manager and team leader.
   */
  async function lodge(assignment = { caseManager: 'cm.sam', teamLeader: 'tl.jo' }): Promise<{ id: string; claimNumber: string }> {
    const r = await claims('POST', '/claims', cm, {
      assignment,
      worker: { givenName: 'Priya', familyName: 'Sharma', dateOfBirth: '1990-05-01' },
      employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'WI-100234' },
      injury: { dateOfInjury: INJURED, employerAwareOn: INJURED, nature: 'fracture', bodyLocation: 'right ankle', likelySurgery: false, expectedIncapacityDays: 30, redFlags: [], yellowFlags: [] },
      notifiedAt: `${NOTIFIED}T10:00:00+10:00`,
      notificationComplete: true,
      piawe: '1300.00',
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject(assignment);
    return { id: r.body.id, claimNumber: r.body.claimNumber };
  }

  /** Waits until the claim's three initial contacts are in the team leader's escalation queue. */
  async function escalated(id: string) {
    return eventually('escalations', async () => {
      const q = await claims('GET', '/escalations', tl);
      const mine = q.body.items.filter((i: { claimId: string; type: string }) => i.claimId === id && i.type.startsWith('initial-contact.'));
      return mine.length >= 3 && mine;
    });
  }

  beforeAll(async () => {
    cm = await token('case-manager', 'cm.sam');
    tl = await token('team-leader', 'tl.jo');
    ({ id: claimId, claimNumber } = await lodge());
    const a = await claims('PUT', `/claims/${claimId}/assignment`, tl, { caseManager: 'cm.sam', teamLeader: 'tl.jo' });
    expect(a.status).toBe(200);
  });

  it("puts the overdue initial contacts in the team leader's escalation queue", async () => {
    const due = CONTACT_DUE;
    const queue = await eventually('escalations', async () => {
      const q = await claims('GET', '/escalations', tl);
      const mine = q.body.items.filter((i: { claimId: string; type: string }) => i.claimId === claimId && i.type.startsWith('initial-contact.'));
      return mine.length >= 3 && mine;
    });
    expect(queue.map((i: { type: string }) => i.type).sort()).toEqual(['initial-contact.doctor', 'initial-contact.employer', 'initial-contact.worker']);
    // Escalated at 09:00 on the due day, reported again the next day as overdue (docs/rules.md §4).
    for (const item of queue) expect(item).toMatchObject({ dueOn: due, escalatedOn: due, overdueOn: CONTACT_OVERDUE, caseManager: 'cm.sam', assigned: true, source: 'program 4.1; WIMWCA s43(3)' });
    // program 4.1: the parties not reached get written correspondence the day it escalated.
    const notices = await db.query(`SELECT type, "on", "to" FROM claims.notices WHERE claim_id = $1 AND type = 'contact-request' ORDER BY "to"->>0`, [claimId]);
    expect(notices.rows.map((n) => [n.on, n.to])).toEqual([
      [due, ['doctor']],
      [due, ['employer']],
      [due, ['worker']],
    ]);
  });

  it('tells the team leader through the notifications service, which also receives the notices to send', async () => {
    const notifications = (url: string, t: string) => http(platform.urls.notifications, 'GET', url, { token: t });
    const alerts = await eventually('alerts', async () => {
      const a = await notifications('/notifications/alerts', tl);
      const mine = a.body.alerts.filter((x: { claimId: string; kind: string }) => x.claimId === claimId && x.kind === 'escalated');
      return mine.length >= 6 && mine;
    });
    // The three initial contacts, liability.initial (7 days after notification, s267), imp.initial (20
    // business days) and rtw-goal.review (13 weeks after the injury) were all missed (dates at the top).
    expect(alerts.map((a: { type: string }) => a.type).sort()).toEqual([
      'imp.initial',
      'initial-contact.doctor',
      'initial-contact.employer',
      'initial-contact.worker',
      'liability.initial',
      'rtw-goal.review',
    ]);
    expect((await notifications('/notifications/alerts', cm)).status).toBe(403);
    const notices = await eventually('notice requests', async () => {
      const n = await notifications(`/notifications/notices?claimId=${claimId}`, cm);
      return n.body.notices.length >= 3 && n.body.notices;
    });
    expect(
      notices
        .filter((n: { type: string }) => n.type === 'contact-request')
        .map((n: { to: string[] }) => n.to[0])
        .sort(),
    ).toEqual(['doctor', 'employer', 'worker']);
    // No party is recorded on this claim: each notice waits for one, and the case manager is asked to record them.
    expect(notices.every((n: { status: string }) => n.status === 'needs-attention')).toBe(true);
    expect(notices.flatMap((n: { deliveries: Array<{ status: string }> }) => n.deliveries.map((d) => d.status)).every((s: string) => s === 'awaiting-party')).toBe(true);
    const tasks = (await notifications('/notifications/tasks', cm)).body.tasks.filter((t: { claimId: string }) => t.claimId === claimId);
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    expect(tasks.every((t: { kind: string; assignee: string }) => t.kind === 'party-details' && t.assignee === 'cm.sam')).toBe(true);
  });

  it('reminded the case manager one business day before each due date (they were all in the past)', async () => {
    const reminders = await eventually('reminders', async () => {
      const r = await http(platform.urls.notifications, 'GET', '/notifications/reminders', { token: cm });
      const mine = r.body.reminders.filter((x: { claimId: string }) => x.claimId === claimId);
      return mine.length >= 6 && mine;
    });
    expect(reminders.find((x: { type: string }) => x.type === 'initial-contact.worker')).toMatchObject({ dueOn: CONTACT_DUE, on: CONTACT_REMINDED });
    expect(reminders.find((x: { type: string }) => x.type === 'liability.initial')).toMatchObject({ dueOn: LIABILITY_DUE, on: LIABILITY_REMINDED });
    expect(reminders.find((x: { type: string }) => x.type === 'imp.initial')).toMatchObject({ dueOn: IMP_DUE, on: IMP_REMINDED });
    expect(reminders.find((x: { type: string }) => x.type === 'rtw-goal.review')).toMatchObject({ dueOn: RTW_DUE, on: RTW_REMINDED });
    expect((await http(platform.urls.notifications, 'GET', '/notifications/reminders?caseManager=cm.sam', { token: await token('case-manager', 'cm.other') })).status).toBe(403);
  });

  it('only team leaders see escalation queues; a case manager sees the work queue', async () => {
    expect((await claims('GET', '/escalations', cm)).status).toBe(403);
    // The claim's obligations are open once its workflow has opened them.
    const wq = await eventually('the claim in the work queue', async () => {
      const q = await claims('GET', '/work-queue', cm);
      return q.body.items?.some((i: { claimId: string; type: string }) => i.claimId === claimId && i.type === 'rtw-goal.review') && q;
    });
    expect(wq.status).toBe(200);
    expect(wq.body.items.filter((i: { claimId: string }) => i.claimId === claimId).map((i: { type: string }) => i.type)).toEqual(
      expect.arrayContaining(['initial-contact.worker', 'liability.initial', 'imp.initial', 'rtw-goal.review']),
    );
    const dues = wq.body.items.map((i: { dueOn: string }) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect((await claims('GET', '/work-queue?for=cm.sam', tl)).status).toBe(200);
    expect((await claims('GET', '/work-queue?for=someone.else', cm)).status).toBe(403);
  });

  it('shows a team leader their team: each case manager of the claims they lead, with the counts of the queues it sums up', async () => {
    // A team of this test's own (the engines' database outlives a run): two case managers, one claim each.
    const run = randomUUID().slice(0, 6);
    const leader = `tl.team-${run}`;
    const [ana, ben] = [`cm.ana-${run}`, `cm.ben-${run}`];
    const led = await token('team-leader', leader);
    const ids = [(await lodge({ caseManager: ana, teamLeader: leader })).id, (await lodge({ caseManager: ben, teamLeader: leader })).id];
    // Notified in April: its initial contacts are escalated to the team leader within moments.
    for (const id of ids)
      await eventually('the escalations', async () => {
        const q = await claims('GET', '/escalations', led);
        return q.body.items.filter((i: { claimId: string }) => i.claimId === id).length >= 3;
      });
    const team = await claims('GET', '/team', led);
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({ teamLeader: leader, today });
    expect(team.body.members.map((m: { caseManager: string }) => m.caseManager)).toEqual([ana, ben]);
    // Each count is its queue's: the case manager's work queue (overdue, due today) and the team leader's escalations.
    const escalations = (await claims('GET', '/escalations', led)).body.items;
    for (const m of team.body.members) {
      const work = (await claims('GET', `/work-queue?for=${m.caseManager}`, led)).body.items as { dueOn: string }[];
      expect(m).toEqual({
        caseManager: m.caseManager,
        openClaims: 1,
        overdue: work.filter((i) => i.dueOn < today).length,
        dueToday: work.filter((i) => i.dueOn === today).length,
        escalations: escalations.filter((i: { caseManager: string; assigned: boolean }) => i.caseManager === m.caseManager && i.assigned).length,
      });
      expect(m.overdue).toBeGreaterThanOrEqual(3);
    }
    // A case manager has no team; an administrator may look at any team leader's.
    expect((await claims('GET', '/team', cm)).status).toBe(403);
    const asAdmin = await claims('GET', `/team?for=${leader}`, await token('admin', 'it.admin'));
    expect(asAdmin.body.members).toEqual(team.body.members);
  });

  it("a case manager's contact completes the obligation (late) and it leaves the team leader's queue", async () => {
    const { id: claimId } = await lodge();
    await escalated(claimId);
    const r = await claims('POST', `/claims/${claimId}/actions`, cm, { type: 'contact.made', party: 'worker' });
    expect(r.status).toBe(202);
    await eventually('worker contact gone from the queue', async () => {
      const q = await claims('GET', '/escalations', tl);
      return !q.body.items.some((i: { claimId: string; type: string }) => i.claimId === claimId && i.type === 'initial-contact.worker');
    });
    const t = await claims('GET', `/claims/${claimId}/timeline`, tl);
    expect(t.status).toBe(200);
    expect(t.body.obligations.find((o: { type: string }) => o.type === 'initial-contact.worker')).toMatchObject({ status: 'late', completedOn: today });
    expect(t.body.obligations.find((o: { type: string }) => o.type === 'initial-contact.doctor')).toMatchObject({ status: 'overdue', completedOn: null });
    expect(t.body.explanations.find((o: { type: string }) => o.type === 'initial-contact.doctor')).toMatchObject({
      rule: '3 business days after the significance-date',
      source: 'program 4.1; WIMWCA s43(3)',
    });
    expect(t.body.claim).toMatchObject({ notificationDate: NOTIFIED, classification: 'significant', segment: 'support' });
    const who = await db.query(`SELECT type, by_user, role FROM claims.claim_actions WHERE claim_id = $1`, [claimId]);
    expect(who.rows).toEqual([{ type: 'contact.made', by_user: 'cm.sam', role: 'case-manager' }]);
  });

  it('refuses invalid actions with a clear 4xx, and they change nothing', async () => {
    // A claim of its own whose worker has been contacted.
    const { id: claimId } = await lodge();
    expect((await claims('POST', `/claims/${claimId}/actions`, cm, { type: 'contact.made', party: 'worker' })).status).toBe(202);
    const act = (body: unknown, t = cm) => claims('POST', `/claims/${claimId}/actions`, t, body);
    expect((await act({ type: 'liability.accepted' })).status).toBe(202);
    const twice = await act({ type: 'liability.accepted' });
    expect(twice.status).toBe(422);
    expect(twice.body.problems).toEqual([{ field: 'type', problem: 'liability is already accepted; a decision cannot be recorded twice' }]);
    const past = await act({ type: 'ime.booked', appointmentOn: addDays(today, -1) });
    expect(past.status).toBe(422);
    expect(past.body.problems[0]).toEqual({ field: 'appointmentOn', problem: `is in the past (before ${today})` });
    const noReason = await act({ type: 'obligation.waived', obligation: 'initial-contact.doctor' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.problems).toEqual([{ field: 'reason', problem: 'is required' }]);
    const future = await act({ type: 'contact.made', party: 'doctor', at: `${addDays(today, 2)}T10:00:00+11:00` });
    expect(future.status).toBe(400);
    expect(future.body.problems).toEqual([{ field: 'at', problem: 'must not be in the future' }]);
    const wrongRole = await act({ type: 'liability.disputed', reasons: ['x'] }, await token('payments-officer', 'po.lee'));
    expect(wrongRole.status).toBe(403);
    // A decision on liability is the claim's health record, which a payments officer does not see (issue 14).
    expect(wrongRole.body.message).toMatch(/a payments officer sees payment data, never health information/);
    expect((await act({ type: 'obligation.waived', obligation: 'initial-contact.doctor', reason: 'doctor unreachable; GP details wrong' }, tl)).status).toBe(202);
    const actions = await db.query(`SELECT type FROM claims.claim_actions WHERE claim_id = $1 ORDER BY recorded_at`, [claimId]);
    expect(actions.rows.map((a) => a.type)).toEqual(['contact.made', 'liability.accepted', 'obligation.waived']); // refused ones are not recorded
  });

  it('an action retried with the same Idempotency-Key is applied and recorded once', async () => {
    const { id: claimId } = await lodge();
    const send = () => http(platform.urls.claims, 'POST', `/claims/${claimId}/actions`, { token: cm, body: { type: 'complaint.received' }, headers: { 'idempotency-key': 'complaint-call-0001' } });
    const [a, b] = [await send(), await send()];
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.body.seq).toBe(a.body.seq);
    const t = await claims('GET', `/claims/${claimId}/timeline`, cm);
    expect(t.body.obligations.filter((o: { type: string }) => o.type === 'complaint.acknowledgement')).toHaveLength(1);
    const rows = await db.query(`SELECT count(*)::int AS n FROM claims.claim_actions WHERE claim_id = $1 AND type = 'complaint.received'`, [claimId]);
    expect(rows.rows[0].n).toBe(1);
    expect((await http(platform.urls.claims, 'POST', `/claims/${claimId}/actions`, { token: cm, body: { type: 'complaint.acknowledged' }, headers: { 'idempotency-key': 'short' } })).status).toBe(400);
  });

  it("an action dated beyond the backdating window is a team leader's, with a reason, and every backdated action is in the audit", async () => {
    const { id: claimId, claimNumber } = await lodge();
    const act = (body: unknown, t: string, reason?: string) =>
      http(platform.urls.claims, 'POST', `/claims/${claimId}/actions`, { token: t, body, headers: reason ? { 'backdating-reason': reason } : {} });
    // Within the window (14 days by default): a case manager's, no reason needed.
    expect((await act({ type: 'contact.made', party: 'worker', at: addDays(today, -3) }, cm)).status).toBe(202);
    // Beyond it: not a case manager's, whatever the reason; a team leader's only with one.
    const tooFar = await act({ type: 'contact.made', party: 'employer', at: addDays(today, -30) }, cm, 'found the call note late');
    expect(tooFar.status).toBe(403);
    expect(tooFar.body.problems).toEqual([{ field: 'at', problem: 'is 30 days ago, more than the 14 days an action may be backdated: a team leader records it, giving a Backdating-Reason' }]);
    // The claim says how far back that is (the console's forms say so before anyone sends).
    expect((await claims('GET', `/claims/${claimId}`, cm)).body.backdatingWindowDays).toBe(14);
    const noReason = await act({ type: 'contact.made', party: 'employer', at: addDays(today, -30) }, tl);
    expect(noReason.status).toBe(400);
    expect(noReason.body.problems).toEqual([{ field: 'Backdating-Reason', problem: 'is required for an action dated 30 days ago (more than 14)' }]);
    const done = await act({ type: 'contact.made', party: 'employer', at: addDays(today, -30) }, tl, 'call note found in the shared inbox');
    expect(done.status).toBe(202);
    // The audit: both, newest first, with how far back each was dated; only the team leader's own claims.
    const audit = await claims('GET', `/audit/backdated-actions?claimId=${claimId}`, tl);
    expect(audit.status).toBe(200);
    expect(audit.body.windowDays).toBe(14);
    expect(audit.body.actions.map((a: Record<string, unknown>) => [a.claimNumber, a.type, a.daysBack, a.by, a.reason])).toEqual([
      [claimNumber, 'contact.made', 30, { user: 'tl.jo', role: 'team-leader' }, 'call note found in the shared inbox'],
      [claimNumber, 'contact.made', 3, { user: 'cm.sam', role: 'case-manager' }, null],
    ]);
    expect(audit.body.next).toBeNull();
    // A page at a time, newest first: the second page starts after the first's last action.
    const first = (await claims('GET', `/audit/backdated-actions?claimId=${claimId}&limit=1`, tl)).body;
    expect([first.actions.map((a: { daysBack: number }) => a.daysBack), first.next]).toEqual([[30], first.actions[0].actionId]);
    const second = (await claims('GET', `/audit/backdated-actions?claimId=${claimId}&limit=1&before=${first.next}`, tl)).body;
    expect([second.actions.map((a: { daysBack: number }) => a.daysBack), second.next]).toEqual([[3], null]);
    const unknown = randomUUID();
    expect((await claims('GET', `/audit/backdated-actions?before=${unknown}`, tl)).body.problems).toEqual([{ field: 'before', problem: `is no action (${unknown})` }]);
    expect((await claims('GET', `/audit/backdated-actions?claimId=${claimId}&beyondWindow=true`, tl)).body.actions.map((a: { daysBack: number }) => a.daysBack)).toEqual([30]);
    expect((await claims('GET', `/audit/backdated-actions?claimId=${claimId}`, await token('team-leader', 'tl.elsewhere'))).body.actions).toEqual([]);
    expect((await claims('GET', '/audit/backdated-actions', cm)).status).toBe(403);
    const kept = await db.query(`SELECT backdated_days, backdating_reason FROM claims.claim_actions WHERE claim_id = $1 ORDER BY recorded_at`, [claimId]);
    expect(kept.rows).toEqual([
      { backdated_days: 3, backdating_reason: null },
      { backdated_days: 30, backdating_reason: 'call note found in the shared inbox' },
    ]);
  });

  it('a review is completed by someone other than the person who made the decision', async () => {
    const { id: claimId } = await lodge();
    const act = (body: unknown, t: string) => claims('POST', `/claims/${claimId}/actions`, t, body);
    const disputed = await act({ type: 'liability.disputed', reasons: ['not work related'] }, tl);
    expect(disputed.status).toBe(202);
    // The review names the decision by its id (not by free text): required, and it must be a decision on this claim.
    const unnamed = await act({ type: 'review.requested', decision: 'liability.disputed' }, cm);
    expect([unnamed.status, unnamed.body.problems]).toEqual([
      400,
      [{ field: 'decisionId', problem: 'is required for a review of a liability.disputed: the actionId that decision was answered with' }],
    ]);
    const contact = await act({ type: 'contact.made', party: 'worker' }, cm);
    const notADecision = await act({ type: 'review.requested', decision: 'liability.disputed', decisionId: contact.body.actionId }, cm);
    expect([notADecision.status, notADecision.body.problems[0].field]).toEqual([422, 'decisionId']);
    expect((await act({ type: 'review.requested', decision: 'liability.disputed', decisionId: disputed.body.actionId }, cm)).status).toBe(202);
    expect((await act({ type: 'review.completed' }, cm)).status).toBe(403); // case managers do not complete reviews
    const self = await act({ type: 'review.completed' }, tl);
    expect(self.status).toBe(422);
    expect(self.body.problems[0].problem).toMatch(/tl.jo made the decision under review/);
    // The review is assigned to a reviewer, who may then see and act on the claim (issue 14).
    expect((await act({ type: 'review.completed' }, await token('reviewer', 'rv.kim'))).status).toBe(403);
    expect((await claims('POST', `/claims/${claimId}/reviewers`, tl, { reviewer: 'rv.kim' })).status).toBe(201);
    expect((await act({ type: 'review.completed' }, await token('reviewer', 'rv.kim'))).status).toBe(202);
  });

  it('after finalisation every action is refused', async () => {
    // A claim of its own with its escalations in the team leader's queue, which finalisation empties.
    const { id: claimId } = await lodge();
    await escalated(claimId);
    expect((await claims('POST', `/claims/${claimId}/actions`, tl, { type: 'claim.finalised', reason: 'closed after dispute' })).status).toBe(202);
    const after = await claims('POST', `/claims/${claimId}/actions`, cm, { type: 'imp.issued' });
    expect(after.status).toBe(422);
    expect(after.body.problems[0].problem).toMatch(/finalised on .*nothing more can be recorded/);
    const q = await eventually('queue emptied', async () => {
      const e = await claims('GET', '/escalations', tl);
      return !e.body.items.some((i: { claimId: string }) => i.claimId === claimId) && e;
    });
    expect(q.status).toBe(200);
  });

  it('ran the complaint and the review each as a workflow of its own, which ended when the claim was finalised', async () => {
    // A claim of its own: a complaint, a disputed liability and its review completed by a reviewer, then finalised.
    const { id: claimId, claimNumber } = await lodge();
    const act = (body: unknown, t: string) => claims('POST', `/claims/${claimId}/actions`, t, body);
    expect((await act({ type: 'complaint.received' }, cm)).status).toBe(202);
    const disputed = await act({ type: 'liability.disputed', reasons: ['not work related'] }, tl);
    expect(disputed.status).toBe(202);
    expect((await act({ type: 'review.requested', decision: 'liability.disputed', decisionId: disputed.body.actionId }, cm)).status).toBe(202);
    // The review is assigned to a reviewer, who may then see and act on the claim (issue 14).
    expect((await act({ type: 'review.completed' }, await token('reviewer', 'rv.kim'))).status).toBe(403);
    expect((await claims('POST', `/claims/${claimId}/reviewers`, tl, { reviewer: 'rv.kim' })).status).toBe(201);
    expect((await act({ type: 'review.completed' }, await token('reviewer', 'rv.kim'))).status).toBe(202);
    expect((await act({ type: 'claim.finalised', reason: 'closed after dispute' }, tl)).status).toBe(202);
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const temporal = new TemporalClient({ connection });
      const claimWf = `claim-${claimNumber}`;
      // The claim's workflow ends its parts after carrying out the finalisation's effects: wait for that.
      const parts = await eventually('the parts ended', async () => {
        const ps = await temporal.workflow.getHandle(claimWf).query<Array<{ id: string; kind: string; running: boolean; workflowId: string }>>('parts');
        return ps.length === 2 && ps.every((p) => !p.running) && ps;
      });
      expect(parts.map((p) => [p.id, p.kind, p.running])).toEqual([
        ['complaint-1', 'complaint', false],
        ['review-1', 'review', false],
      ]);
      for (const p of parts) {
        expect(p.workflowId).toBe(`${claimWf}/${p.id}`);
        const h = temporal.workflow.getHandle(p.workflowId);
        const { effectsCarriedOut } = (await h.result()) as { effectsCarriedOut: number };
        expect((await h.describe()).type).toBe('claimPartWorkflow');
        // At least the obligation it opened and the closing or cancelling of it.
        expect(effectsCarriedOut).toBeGreaterThanOrEqual(2);
      }
      // The claim's record shows them to staff and IT.
      const record = await claims('GET', `/claims/${claimId}`, cm);
      expect(record.body.workflow).toEqual({
        id: claimWf,
        status: 'RUNNING',
        parts: [
          { id: 'complaint-1', kind: 'complaint', workflowId: `${claimWf}/complaint-1`, status: 'COMPLETED' },
          { id: 'review-1', kind: 'review', workflowId: `${claimWf}/review-1`, status: 'COMPLETED' },
        ],
      });
      // What the parts carried out reached the claims service as the claim's own effects do: the
      // review completed, the complaint's obligations cancelled by the finalisation.
      const rows = await eventually("the parts' obligations recorded as closed", async () => {
        const r = await db.query(
          `SELECT type, ref, to_char(completed_on, 'YYYY-MM-DD') AS completed, to_char(cancelled_on, 'YYYY-MM-DD') AS cancelled FROM claims.obligations
            WHERE claim_id = $1 AND type IN ('review.internal', 'complaint.acknowledgement', 'complaint.resolution') ORDER BY type`,
          [claimId],
        );
        return r.rows.every((x) => x.completed || x.cancelled) && r.rows;
      });
      expect(rows).toEqual([
        { type: 'complaint.acknowledgement', ref: 'complaint-1', completed: null, cancelled: today },
        { type: 'complaint.resolution', ref: 'complaint-1', completed: null, cancelled: today },
        { type: 'review.internal', ref: 'review-1', completed: today, cancelled: null },
      ]);
    } finally {
      await connection.close();
    }
  });

  it('finds the claims a person may see by claim number, worker or employer, newest first, a page at a time', async () => {
    const newer = await lodge();
    const byNumber = await claims('GET', `/claims?q=${encodeURIComponent(newer.claimNumber)}`, cm);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toEqual({ claims: [expect.objectContaining({ id: newer.id })], next: null });
    expect(byNumber.body.claims[0]).toMatchObject({
      claimNumber: newer.claimNumber,
      worker: { givenName: 'Priya', familyName: 'Sharma' },
      employer: 'Harbour Freight Pty Ltd',
      dateOfInjury: INJURED,
      notificationDate: NOTIFIED,
      status: 'open',
      caseManager: 'cm.sam',
      teamLeader: 'tl.jo',
    });
    // Its triage, once the claim's workflow has classified it.
    await eventually('the claim classified in the list', async () => {
      const r = await claims('GET', `/claims?q=${encodeURIComponent(newer.claimNumber)}`, cm);
      return r.body.claims[0]?.classification === 'significant';
    });
    // By the worker's name in either order, or the employer's: the newest first, one a page.
    for (const q of ['sharma priya', 'Priya Sharma', 'harbour freight']) {
      const first = await claims('GET', `/claims?q=${encodeURIComponent(q)}&limit=1`, cm);
      expect(first.body.claims.map((c: { id: string }) => c.id)).toEqual([newer.id]);
      expect(first.body.next).toBe(newer.id);
      const second = await claims('GET', `/claims?q=${encodeURIComponent(q)}&limit=1&before=${newer.id}`, cm);
      expect(second.body.claims).toHaveLength(1);
      expect(second.body.claims[0].id).not.toBe(newer.id);
    }
    // LIKE's wildcards are taken literally.
    expect((await claims('GET', '/claims?q=%25%25', cm)).body.claims).toEqual([]);
    // Another case manager's search finds none of cm.sam's claims; the team leader's finds them.
    const other = await token('case-manager', 'cm.other');
    expect((await claims('GET', `/claims?q=${encodeURIComponent(newer.claimNumber)}`, other)).body).toEqual({ claims: [], next: null });
    expect((await claims('GET', `/claims?q=${encodeURIComponent(newer.claimNumber)}`, tl)).body.claims.map((c: { id: string }) => c.id)).toEqual([newer.id]);
    // Bad input: a 400 naming the field; a payments officer does not search claims' health data.
    const short = await claims('GET', '/claims?q=a', cm);
    expect(short.status).toBe(400);
    expect(short.body.problems).toEqual([{ field: 'q', problem: 'must be at least 2 characters' }]);
    const unknown = await claims('GET', '/claims?before=00000000-0000-4000-8000-000000000000', cm);
    expect(unknown.status).toBe(400);
    expect(unknown.body.problems).toEqual([{ field: 'before', problem: 'is no claim (00000000-0000-4000-8000-000000000000)' }]);
    expect((await claims('GET', '/claims', await token('payments-officer', 'po.pat'))).status).toBe(403);
  });

  it('still shows the claim when no claim worker can say what its parts are', async () => {
    await platform.stop('worker');
    const r = await claims('GET', `/claims/${claimId}`, cm);
    expect(r.status).toBe(200);
    expect(r.body.workflow).toMatchObject({ id: `claim-${claimNumber}`, status: 'RUNNING', parts: expect.stringMatching(/^UNKNOWN \(/) });
  });
});
