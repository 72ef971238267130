import { Client } from 'pg';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { BusinessCalendar, addDays, sydneyAt } from '@wc/rules';
import { Platform, eventually, http, startPlatform, token } from './support';

// Issue 4 on the dev server, in real time: a significant claim lodged with a notification ten days
// old has missed its initial-contact deadline (3 business days, program 4.1), so the claim's
// workflow escalates those obligations to the team leader at once; the team leader sees them in the
// escalation queue through the API, and a case manager's action completes one of them.
jest.setTimeout(300_000);

let platform: Platform;
let db: Client;
const today = sydneyAt(Date.now()).date;
const notified = addDays(today, -10);
const cal = new BusinessCalendar();

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
  let claimId: string;
  let claimNumber: string;
  let cm: string;
  let tl: string;

  beforeAll(async () => {
    cm = await token('case-manager', 'cm.sam');
    tl = await token('team-leader', 'tl.jo');
    // Lodged with its assignment: the workflow reminds and escalates within moments of lodging, and
    // those already name the claim's case manager and team leader.
    const r = await claims('POST', '/claims', cm, {
      assignment: { caseManager: 'cm.sam', teamLeader: 'tl.jo' },
      worker: { givenName: 'Priya', familyName: 'Sharma', dateOfBirth: '1990-05-01' },
      employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'WI-100234' },
      injury: { dateOfInjury: addDays(notified, -1), employerAwareOn: addDays(notified, -1), nature: 'fracture', bodyLocation: 'right ankle', likelySurgery: false, expectedIncapacityDays: 30, redFlags: [], yellowFlags: [] },
      notifiedAt: `${notified}T10:00:00+11:00`,
      notificationComplete: true,
      piawe: '1300.00',
    });
    expect(r.status).toBe(201);
    claimId = r.body.id;
    claimNumber = r.body.claimNumber;
    expect(r.body).toMatchObject({ teamLeader: 'tl.jo', caseManager: 'cm.sam' });
    const a = await claims('PUT', `/claims/${claimId}/assignment`, tl, { caseManager: 'cm.sam', teamLeader: 'tl.jo' });
    expect(a.status).toBe(200);
  });

  it("puts the overdue initial contacts in the team leader's escalation queue", async () => {
    const due = cal.businessDaysAfter(notified, 3);
    const queue = await eventually('escalations', async () => {
      const q = await claims('GET', '/escalations', tl);
      const mine = q.body.items.filter((i: { claimId: string; type: string }) => i.claimId === claimId && i.type.startsWith('initial-contact.'));
      return mine.length >= 3 && mine;
    });
    expect(queue.map((i: { type: string }) => i.type).sort()).toEqual(['initial-contact.doctor', 'initial-contact.employer', 'initial-contact.worker']);
    // Escalated at 09:00 on the due day, reported again the next day as overdue (rules.md §4).
    for (const item of queue) expect(item).toMatchObject({ dueOn: due, escalatedOn: due, overdueOn: addDays(due, 1), caseManager: 'cm.sam', assigned: true, source: 'program 4.1; WIMWCA s43(3)' });
    // program 4.1: the parties not reached get written correspondence the day it escalated.
    const notices = await db.query(`SELECT type, "on", "to" FROM claims.notices WHERE claim_id = $1 AND type = 'contact-request' ORDER BY "to"->>0`, [claimId]);
    expect(notices.rows.map((n) => [n.on, n.to])).toEqual([[due, ['doctor']], [due, ['employer']], [due, ['worker']]]);
  });

  it('tells the team leader through the notifications service, which also receives the notices to send', async () => {
    const notifications = (url: string, t: string) => http(platform.urls.notifications, 'GET', url, { token: t });
    const alerts = await eventually('alerts', async () => {
      const a = await notifications('/notifications/alerts', tl);
      const mine = a.body.alerts.filter((x: { claimId: string; kind: string }) => x.claimId === claimId && x.kind === 'escalated');
      return mine.length >= 4 && mine;
    });
    // The three initial contacts and liability.initial (7 days after notification, s267) were all missed.
    expect(alerts.map((a: { type: string }) => a.type).sort()).toEqual(['initial-contact.doctor', 'initial-contact.employer', 'initial-contact.worker', 'liability.initial']);
    expect((await notifications('/notifications/alerts', cm)).status).toBe(403);
    const notices = await eventually('notice requests', async () => {
      const n = await notifications(`/notifications/notices?claimId=${claimId}`, cm);
      return n.body.notices.length >= 3 && n.body.notices;
    });
    expect(notices.filter((n: { type: string }) => n.type === 'contact-request').map((n: { to: string[] }) => n.to[0]).sort()).toEqual(['doctor', 'employer', 'worker']);
    // No party is recorded on this claim: each notice waits for one, and the case manager is asked to record them.
    expect(notices.every((n: { status: string }) => n.status === 'needs-attention')).toBe(true);
    expect(notices.flatMap((n: { deliveries: Array<{ status: string }> }) => n.deliveries.map((d) => d.status)).every((s: string) => s === 'awaiting-party')).toBe(true);
    const tasks = (await notifications('/notifications/tasks', cm)).body.tasks.filter((t: { claimId: string }) => t.claimId === claimId);
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    expect(tasks.every((t: { kind: string; assignee: string }) => t.kind === 'party-details' && t.assignee === 'cm.sam')).toBe(true);
  });

  it("reminded the case manager one business day before each due date (they were all in the past)", async () => {
    const reminders = await eventually('reminders', async () => {
      const r = await http(platform.urls.notifications, 'GET', '/notifications/reminders', { token: cm });
      const mine = r.body.reminders.filter((x: { claimId: string }) => x.claimId === claimId);
      return mine.length >= 4 && mine;
    });
    const due = cal.businessDaysAfter(notified, 3);
    expect(reminders.find((x: { type: string }) => x.type === 'initial-contact.worker')).toMatchObject({ dueOn: due, on: cal.businessDaysBefore(due, 1) });
    expect((await http(platform.urls.notifications, 'GET', '/notifications/reminders?caseManager=cm.sam', { token: await token('case-manager', 'cm.other') })).status).toBe(403);
  });

  it('only team leaders see escalation queues; a case manager sees the work queue', async () => {
    expect((await claims('GET', '/escalations', cm)).status).toBe(403);
    const wq = await claims('GET', '/work-queue', cm);
    expect(wq.status).toBe(200);
    expect(wq.body.items.filter((i: { claimId: string }) => i.claimId === claimId).map((i: { type: string }) => i.type)).toEqual(
      expect.arrayContaining(['initial-contact.worker', 'liability.initial', 'imp.initial', 'rtw-goal.review']),
    );
    const dues = wq.body.items.map((i: { dueOn: string }) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect((await claims('GET', '/work-queue?for=cm.sam', tl)).status).toBe(200);
    expect((await claims('GET', '/work-queue?for=someone.else', cm)).status).toBe(403);
  });

  it("a case manager's contact completes the obligation (late) and it leaves the team leader's queue", async () => {
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
    expect(t.body.explanations.find((o: { type: string }) => o.type === 'initial-contact.doctor')).toMatchObject({ rule: '3 business days after the significance-date', source: 'program 4.1; WIMWCA s43(3)' });
    expect(t.body.claim).toMatchObject({ notificationDate: notified, classification: 'significant', segment: 'support' });
    const who = await db.query(`SELECT type, by_user, role FROM claims.claim_actions WHERE claim_id = $1`, [claimId]);
    expect(who.rows).toEqual([{ type: 'contact.made', by_user: 'cm.sam', role: 'case-manager' }]);
  });

  it('refuses invalid actions with a clear 4xx, and they change nothing', async () => {
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
    expect(wrongRole.body.message).toMatch(/role payments-officer may not record liability.disputed/);
    expect((await act({ type: 'obligation.waived', obligation: 'initial-contact.doctor', reason: 'doctor unreachable; GP details wrong' }, tl)).status).toBe(202);
    const actions = await db.query(`SELECT type FROM claims.claim_actions WHERE claim_id = $1 ORDER BY recorded_at`, [claimId]);
    expect(actions.rows.map((a) => a.type)).toEqual(['contact.made', 'liability.accepted', 'obligation.waived']); // refused ones are not recorded
  });

  it('an action retried with the same Idempotency-Key is applied and recorded once', async () => {
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

  it('a review is completed by someone other than the person who made the decision', async () => {
    const act = (body: unknown, t: string) => claims('POST', `/claims/${claimId}/actions`, t, body);
    expect((await act({ type: 'liability.disputed', reasons: ['not work related'] }, tl)).status).toBe(202);
    expect((await act({ type: 'review.requested', decision: 'liability.disputed' }, cm)).status).toBe(202);
    expect((await act({ type: 'review.completed' }, cm)).status).toBe(403); // case managers do not complete reviews
    const self = await act({ type: 'review.completed' }, tl);
    expect(self.status).toBe(422);
    expect(self.body.problems[0].problem).toMatch(/tl.jo made the decision under review/);
    expect((await act({ type: 'review.completed' }, await token('reviewer', 'rv.kim'))).status).toBe(202);
  });

  it('after finalisation every action is refused', async () => {
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
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
    try {
      const temporal = new TemporalClient({ connection });
      const claimWf = `claim-${claimNumber}`;
      const parts = await temporal.workflow.getHandle(claimWf).query<Array<{ id: string; kind: string; running: boolean; workflowId: string }>>('parts');
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
      const rows = await eventually('the parts\' obligations recorded as closed', async () => {
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

  it("still shows the claim when no claim worker can say what its parts are", async () => {
    await platform.stop('worker');
    const r = await claims('GET', `/claims/${claimId}`, cm);
    expect(r.status).toBe(200);
    expect(r.body.workflow).toMatchObject({ id: `claim-${claimNumber}`, status: 'RUNNING', parts: expect.stringMatching(/^UNKNOWN \(/) });
  });
});
