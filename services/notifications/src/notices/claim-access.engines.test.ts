/**
 * Per-claim access on every notifications route (issue 14), on the real engines: who works on a
 * claim comes from the claims topic (claim.notified's assignment, staff.cover-recorded), and only
 * they see its notices, tasks, letters, text messages and letters to print. A route about one
 * claim answers 403 with the reason; a list leaves the claim's rows out (an empty list, never a
 * 403, so it says nothing of what is hidden); a read of a claim's notices is recorded for the
 * privacy officer as health-information.read in the outbox.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { type ClaimPartiesRecordedData, type EventType, TOPICS } from '@wc/contracts';
import { newEnvelope } from '@wc/messaging';
import { addDays, sydneyAt } from '@wc/rules';
import type { Role } from '@wc/service-kit';
import { type EnginesHarness, startEnginesHarness, waitFor } from '../testing/engines-harness';

jest.setTimeout(120_000);

let h: EnginesHarness;
let pg: Client;
let schema: string;

async function api(method: string, path: string, as: [string, Role], body?: unknown) {
  const res = await fetch(`${h.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${await h.token(as[0], as[1])}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

// The claim's staff, and people who do not work on it.
const INES: [string, Role] = ['cm.ines', 'case-manager'];
const OMAR: [string, Role] = ['tl.omar', 'team-leader'];
const ZED: [string, Role] = ['cm.zed', 'case-manager'];
const ZARA: [string, Role] = ['tl.zara', 'team-leader'];
const RUTH: [string, Role] = ['rv.ruth', 'reviewer'];
const COVER: [string, Role] = ['cm.cover', 'case-manager'];
const LATER: [string, Role] = ['cm.later', 'case-manager'];
const PAYMENTS: [string, Role] = ['po.pat', 'payments-officer'];
const ADMIN: [string, Role] = ['it.admin', 'admin'];

const publish = <T extends EventType>(type: T, key: string, data: unknown) =>
  h.publisher.publish(TOPICS.claims, [{ key, value: JSON.stringify(newEnvelope({ type, source: 'wc-claims/claims', subject: key, data } as never)) }]);

const today = sydneyAt(Date.now()).date;
const claimId = randomUUID();
const claimNumber = `WC${Math.floor(Math.random() * 1e7)
  .toString()
  .padStart(7, '0')}`;
const noticeId = randomUUID();
const doctor = { partyId: randomUUID(), role: 'doctor' as const, name: 'Dr Hemi Walker', capacities: [], postalAddress: ['3 Argyle Street', 'Parramatta NSW 2150'], channels: ['post' as const] };
const REASONS = {
  decision: 'We dispute liability for your claim for weekly payments and medical expenses.',
  effect: 'Your weekly payments stop after the notice period ends.',
  takesEffectOn: '2026-10-19',
  issues: ['Whether the injury arose out of or in the course of employment'],
  reasons: ['The reports show the condition began before the work incident on 14 September 2026.'],
  provisions: ['Workers Compensation Act 1987 s9A'],
  reports: [{ title: 'Independent medical examination report', author: 'Dr Colm Farrelly', date: '2026-09-30', supports: true, reliedOn: true, submittedBy: 'insurer' }],
  review: {},
};

const copy = async () => (await pg.query(`SELECT id, status FROM ${schema}.deliveries WHERE notice_id = $1`, [noticeId])).rows[0];
const refusal = (who: [string, Role], reason: string) => ({ status: 403, body: expect.objectContaining({ message: `${who[0]} (${who[1]}) may not see claim ${claimId} here: ${reason}` }) });
const CM_REASON = 'a case manager works on the claims they handle or cover for, and this is not one of them';
const ofClaim = (rows: Array<{ claimId: string }>) => rows.filter((r) => r.claimId === claimId);
const reads = async (user: string) =>
  (await pg.query(`SELECT envelope FROM ${schema}.outbox WHERE envelope->>'type' = 'health-information.read' AND envelope->'data'->>'user' = $1`, [user])).rows.map((r) => r.envelope);

async function cover(coveredBy: string, from: string, to: string, cancelled = false, coverId = randomUUID()) {
  await publish('staff.cover-recorded', coverId, { coverId, caseManager: 'cm.ines', coveredBy, from, to, reason: 'annual leave', recordedBy: 'tl.omar', cancelled });
  await waitFor('the cover in notifications', async () => (await pg.query(`SELECT 1 FROM ${schema}.staff_covers WHERE cover_id = $1 AND cancelled = $2`, [coverId, cancelled])).rowCount === 1);
  return coverId;
}

beforeAll(async () => {
  h = await startEnginesHarness({ name: 'claim_access', topics: [TOPICS.claims, TOPICS.notifications], startDocuments: () => import('../../../documents/src/main') });
  ({ pg, notifSchema: schema } = h);
  await h.startNotifications({ DISPATCH_INTERVAL_MS: '100' });
  for (const [user, entry] of [
    ['cm.ines', { name: 'Ines Duarte', role: 'Case manager', phone: '02 9000 5555', email: 'ines.duarte@insurer.example' }],
    ['tl.omar', { name: 'Omar Haddad', role: 'Team leader', phone: '02 9000 6666', email: `omar.${h.run}@insurer.example` }],
    ['tl.zara', { name: 'Zara Klein', role: 'Team leader', phone: '02 9000 7777', email: `zara.${h.run}@insurer.example` }],
  ] as const)
    expect((await api('PUT', `/notifications/staff/${user}`, ADMIN, entry)).status).toBe(200);

  // cm.ines handles the claim, in tl.omar's team; the doctor may be sent the worker's health information.
  await publish('claim.notified', claimId, {
    claimId,
    claimNumber,
    worker: { givenName: 'Tama', familyName: 'Ngata' },
    employer: { name: 'Westside Logistics Pty Ltd', policyNumber: 'WL-3300' },
    dateOfInjury: '2026-09-14',
    notificationDate: '2026-09-15',
    notificationComplete: true,
    assignment: { caseManager: 'cm.ines', teamLeader: 'tl.omar' },
  });
  const worker = { partyId: randomUUID(), role: 'worker' as const, name: 'Tama Ngata', capacities: [], email: `tama.${h.run}@example.org`, channels: ['email' as const] };
  const consents = [{ partyId: doctor.partyId, scope: 'health-information' as const, givenOn: '2026-09-15', evidence: 'claim form consent section', recordedBy: 'cm.ines' }];
  const parties: ClaimPartiesRecordedData = { claimId, claimNumber, version: 1, caseManager: 'cm.ines', teamLeader: 'tl.omar', parties: [worker, doctor], consents };
  await publish('claim.parties-recorded', claimId, parties);
  await publish('claim.action-recorded', claimId, {
    claimId,
    claimNumber,
    actionId: randomUUID(),
    action: { type: 'liability.disputed', at: '2026-10-05', reasons: 'x' },
    by: { user: 'cm.ines', role: 'case-manager' },
    recordedAt: new Date().toISOString(),
  });
  await publish('notice.requested', claimId, { claimId, claimNumber, noticeId, type: 'decision-notice', on: '2026-10-05', to: ['doctor'], cause: 'liability.disputed' });
  // A reminder and escalations of the claim: to its own staff, and (as before a reassignment) to cm.zed and tl.zara.
  const obligation = { claimId, claimNumber, type: 'liability.initial', dueOn: '2026-10-07', on: '2026-10-06' };
  await publish('obligation.reminder', claimId, { ...obligation, obligationId: 'liability.initial:1', caseManager: 'cm.ines' });
  await publish('obligation.reminder', claimId, { ...obligation, obligationId: 'liability.initial:2', caseManager: 'cm.zed' });
  await publish('obligation.escalated', claimId, { ...obligation, obligationId: 'liability.initial:1', caseManager: 'cm.ines', kind: 'escalated', teamLeader: 'tl.omar' });
  await publish('obligation.escalated', claimId, { ...obligation, obligationId: 'liability.initial:2', caseManager: 'cm.ines', kind: 'escalated', teamLeader: 'tl.zara' });
  await waitFor('the notice waiting for its reasons', async () => (await copy())?.status === 'awaiting-content');
  await waitFor('the reminders and alerts', async () => {
    const n = await pg.query(
      `SELECT (SELECT count(*) FROM ${schema}.case_manager_reminders WHERE claim_id = $1)::int AS reminders, (SELECT count(*) FROM ${schema}.team_leader_alerts WHERE claim_id = $1)::int AS alerts`,
      [claimId],
    );
    return n.rows[0].reminders === 2 && n.rows[0].alerts === 2;
  });
});

afterAll(async () => {
  await h?.close();
});

it('a case manager, team leader or reviewer not working on the claim: 403 with the reason on each route about it, nothing changed', async () => {
  const taskId = (await pg.query(`SELECT id FROM ${schema}.tasks WHERE notice_id = $1 AND kind = 'notice-content'`, [noticeId])).rows[0].id;
  const deliveryId = (await copy()).id;
  for (const path of [`/notifications/notices?claimId=${claimId}`, `/notifications/letters?claimId=${claimId}`, `/notifications/sms?claimId=${claimId}`])
    expect(await api('GET', path, ZED)).toEqual(refusal(ZED, CM_REASON));
  expect(await api('POST', `/notifications/notices/${noticeId}/content`, ZED, { content: REASONS })).toEqual(refusal(ZED, CM_REASON));
  expect(await api('POST', `/notifications/tasks/${taskId}/done`, ZED)).toEqual(refusal(ZED, CM_REASON));
  expect(await api('POST', `/notifications/deliveries/${deliveryId}/resend`, ZED)).toEqual(refusal(ZED, CM_REASON));
  // A copy not in the print queue (the acknowledgement letter's email): refused all the same, not "no such letter".
  const emailed = (await pg.query(`SELECT id FROM ${schema}.deliveries WHERE claim_id = $1 AND notice_id <> $2`, [claimId, noticeId])).rows[0].id;
  expect(await api('POST', `/notifications/print-queue/${emailed}/printed`, ZED)).toEqual(refusal(ZED, CM_REASON));
  expect((await api('POST', `/notifications/print-queue/${emailed}/printed`, INES)).status).toBe(404);
  expect(await api('GET', `/notifications/notices?claimId=${claimId}`, ZARA)).toEqual(refusal(ZARA, "a team leader works on their own team's claims, and this claim is another team's"));
  expect(await api('POST', `/notifications/tasks/${taskId}/done`, ZARA)).toEqual(refusal(ZARA, "a team leader works on their own team's claims, and this claim is another team's"));
  expect(await api('POST', `/notifications/notices/${noticeId}/content`, RUTH, { content: REASONS })).toEqual(
    refusal(RUTH, 'a reviewer works on the claims with a review assigned to them, and this is not one of them'),
  );
  // Refused before anything was done: the content is unwritten and the task open.
  expect((await pg.query(`SELECT content_version FROM ${schema}.notice_requests WHERE notice_id = $1`, [noticeId])).rows).toEqual([{ content_version: 0 }]);
  expect((await pg.query(`SELECT done_at FROM ${schema}.tasks WHERE id = $1`, [taskId])).rows).toEqual([{ done_at: null }]);

  // Those who work on it are let through to the route (here: nothing to send again).
  const own = await api('GET', `/notifications/notices?claimId=${claimId}`, INES);
  expect(own.status).toBe(200);
  // (The other notice is the acknowledgement letter of the claim's notification.)
  expect(own.body.notices.map((n: { noticeId: string }) => n.noticeId)).toContain(noticeId);
  expect((await api('POST', `/notifications/deliveries/${deliveryId}/resend`, OMAR)).status).toBe(422);
});

it('the lists leave out a claim the reader does not work on, even their own reminders, alerts and tasks on it', async () => {
  // Its own staff see its rows.
  const contentTask = expect.objectContaining({ claimId, kind: 'notice-content', noticeId });
  expect(ofClaim((await api('GET', '/notifications/tasks', INES)).body.tasks)).toContainEqual(contentTask);
  expect(ofClaim((await api('GET', '/notifications/tasks?assignee=cm.ines', OMAR)).body.tasks)).toContainEqual(contentTask);
  expect(ofClaim((await api('GET', '/notifications/reminders', INES)).body.reminders)).toHaveLength(1);
  expect(ofClaim((await api('GET', '/notifications/reminders?caseManager=cm.ines', OMAR)).body.reminders)).toHaveLength(1);
  expect(ofClaim((await api('GET', '/notifications/alerts', OMAR)).body.alerts)).toHaveLength(1);
  // Another team's leader asking for the same case manager's queues: 200, without this claim.
  expect(await api('GET', '/notifications/tasks?assignee=cm.ines', ZARA)).toEqual({ status: 200, body: { assignee: 'cm.ines', tasks: [] } });
  expect(await api('GET', '/notifications/reminders?caseManager=cm.ines', ZARA)).toEqual({ status: 200, body: { caseManager: 'cm.ines', reminders: [] } });
  // A reminder or an alert addressed to someone who does not work on the claim (now) is not shown to them.
  expect(await api('GET', '/notifications/reminders', ZED)).toEqual({ status: 200, body: { caseManager: 'cm.zed', reminders: [] } });
  expect(await api('GET', '/notifications/alerts', ZARA)).toEqual({ status: 200, body: { teamLeader: 'tl.zara', alerts: [] } });
});

it('a read of the claim’s notices is recorded as health-information.read in the outbox; a refused one is not', async () => {
  const before = (await reads('cm.ines')).length;
  expect((await api('GET', `/notifications/notices?claimId=${claimId}`, INES)).status).toBe(200);
  const recorded = await reads('cm.ines');
  expect(recorded).toHaveLength(before + 1);
  expect(recorded[recorded.length - 1]).toMatchObject({
    type: 'health-information.read',
    subject: claimId,
    data: { claimId, user: 'cm.ines', role: 'case-manager', basis: 'handles the claim', service: 'notifications', what: 'GET /notifications/notices' },
  });
  expect((await api('GET', `/notifications/notices?claimId=${claimId}`, ZED)).status).toBe(403);
  expect(await reads('cm.zed')).toEqual([]);
});

it('a case manager covering today for the claim’s case manager works on it (and sees its letter to print) until the cover is cancelled', async () => {
  // A cover from tomorrow is not one today.
  await cover('cm.later', addDays(today, 1), addDays(today, 5));
  expect(await api('GET', `/notifications/notices?claimId=${claimId}`, LATER)).toEqual(refusal(LATER, CM_REASON));
  expect(await api('GET', `/notifications/notices?claimId=${claimId}`, COVER)).toEqual(refusal(COVER, CM_REASON));

  const coverId = await cover('cm.cover', today, today);
  const seen = await api('GET', `/notifications/notices?claimId=${claimId}`, COVER);
  expect(seen.status).toBe(200);
  expect(seen.body.notices.map((n: { noticeId: string }) => n.noticeId)).toContain(noticeId);
  expect((await reads('cm.cover')).map((e) => e.data.basis)).toEqual(['covers for cm.ines']);
  // The cover works cm.ines's queue too; someone not covering does not.
  const queue = await api('GET', '/notifications/tasks?assignee=cm.ines', COVER);
  expect(queue.status).toBe(200);
  expect(queue.body.tasks.some((t: { claimId: string }) => t.claimId === claimId)).toBe(true);
  expect((await api('GET', '/notifications/tasks?assignee=cm.ines', ZED)).status).toBe(403);
  // The cover writes the reasons; the doctor's letter goes to the print queue.
  expect((await api('POST', `/notifications/notices/${noticeId}/content`, COVER, { content: REASONS })).status).toBe(201);
  const letter = await waitFor('the letter in the print queue', async () => {
    const d = await copy();
    return d?.status === 'printing' && d;
  });
  const queued = async (who: [string, Role]) => {
    const r = await api('GET', '/notifications/print-queue', who);
    return { status: r.status, letters: r.status === 200 ? r.body.letters.filter((l: { deliveryId: string }) => l.deliveryId === letter.id) : r.body };
  };
  expect((await queued(COVER)).letters).toHaveLength(1);
  expect((await queued(INES)).letters).toHaveLength(1);
  expect((await queued(OMAR)).letters).toHaveLength(1);
  expect(await queued(ZED)).toEqual({ status: 200, letters: [] });
  expect(await queued(ZARA)).toEqual({ status: 200, letters: [] });
  expect(await api('POST', `/notifications/print-queue/${letter.id}/printed`, ZED)).toEqual(refusal(ZED, CM_REASON));

  // Cancelled: the claim is cm.ines's alone again.
  await cover('cm.cover', today, today, true, coverId);
  expect(await api('GET', `/notifications/notices?claimId=${claimId}`, COVER)).toEqual(refusal(COVER, CM_REASON));
  expect(await queued(COVER)).toEqual({ status: 200, letters: [] });
  expect((await api('GET', '/notifications/tasks?assignee=cm.ines', COVER)).status).toBe(403);
  expect((await api('POST', `/notifications/print-queue/${letter.id}/printed`, INES)).status).toBe(200);
});

it('a payments officer and an administrator see none of the claim’s notices: 403 on the claim, empty lists', async () => {
  expect(await api('GET', `/notifications/notices?claimId=${claimId}`, PAYMENTS)).toEqual(refusal(PAYMENTS, 'a payments officer sees payment data, never health information'));
  expect(await api('GET', `/notifications/notices?claimId=${claimId}`, ADMIN)).toEqual(refusal(ADMIN, 'an administrator administers the platform and reads no claim'));
  expect(await api('GET', `/notifications/sms?claimId=${claimId}`, PAYMENTS)).toEqual(refusal(PAYMENTS, 'a payments officer sees payment data, never health information'));
  // Letters to post are health information: not a payments officer's route at all.
  const printQueue = await api('GET', '/notifications/print-queue?includePrinted=true', PAYMENTS);
  expect(printQueue.status).toBe(403);
  expect(printQueue.body.message).toBe('role payments-officer may not do this; allowed: case-manager, team-leader');
  // The administrator passes every role check, and gets empty lists (never a 403, never a count).
  expect(await api('GET', '/notifications/print-queue?includePrinted=true', ADMIN)).toEqual({ status: 200, body: { letters: [] } });
  expect(await api('GET', '/notifications/tasks?assignee=cm.ines&includeDone=true', ADMIN)).toEqual({ status: 200, body: { assignee: 'cm.ines', tasks: [] } });
  expect(await api('GET', '/notifications/reminders?caseManager=cm.ines', ADMIN)).toEqual({ status: 200, body: { caseManager: 'cm.ines', reminders: [] } });
  expect(await api('GET', '/notifications/alerts?teamLeader=tl.omar', ADMIN)).toEqual({ status: 200, body: { teamLeader: 'tl.omar', alerts: [] } });
  expect(await reads('po.pat')).toEqual([]);
  expect(await reads('it.admin')).toEqual([]);
});

it("a team leader's digest counts only their own team's claims, and tells them only of their own", async () => {
  // tl.zara was sent an alert of tl.omar's claim: it is in no digest of hers.
  expect(await api('POST', '/notifications/digests', ZARA)).toEqual({ status: 200, body: { sent: [], skipped: [] } });
  const r = await api('POST', '/notifications/digests', OMAR);
  expect(r.body.sent).toEqual([{ teamLeader: 'tl.omar', email: `omar.${h.run}@insurer.example`, alerts: 1, digestId: expect.any(String) }]);
  expect(r.body.skipped).toEqual([]);
  const undigested = await pg.query(`SELECT team_leader FROM ${schema}.team_leader_alerts WHERE claim_id = $1 AND digest_id IS NULL`, [claimId]);
  expect(undigested.rows).toEqual([{ team_leader: 'tl.zara' }]);
});
