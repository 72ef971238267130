/**
 * The worker's consent withdrawn between a notice being asked for and its copy going out (program
 * s11; 1998 Act s243: health information goes to a third party only with consent in force), on the
 * real engines. Each test waits on a person or a retry, so the withdrawal lands at a known point:
 * - while the notice waits for its reasons: the copy is refused when it is written;
 * - while the letter waits in the print queue: it leaves the queue and cannot be marked posted;
 * - while an email waits to be retried: it is refused and not tried again.
 * Each ends with a consent task for the case manager, and nothing reaches the third party.
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { type ClaimPartiesRecordedData, type EventType, TOPICS } from '@wc/contracts';
import { newEnvelope } from '@wc/messaging';
import { sydneyAt } from '@wc/rules';
import type { Role } from '@wc/service-kit';
import { type EnginesHarness, startEnginesHarness, waitFor } from '../testing/engines-harness';

jest.setTimeout(120_000);

const mailbox = process.env.MAILBOX_URL ?? 'http://127.0.0.1:8025';
const today = sydneyAt(Date.now()).date;
let h: EnginesHarness;
let pg: Client;
let schema: string;

beforeAll(async () => {
  h = await startEnginesHarness({ name: 'consent_withdrawn', topics: [TOPICS.claims, TOPICS.notifications], startDocuments: () => import('../../../documents/src/main') });
  ({ pg, notifSchema: schema } = h);
  // A deferred email is retried only after ten minutes: long enough to withdraw consent meanwhile.
  await h.startNotifications({ DISPATCH_INTERVAL_MS: '100', DELIVERY_RETRY_BASE_MS: '600000', DELIVERY_MAX_ATTEMPTS: '3' });
  // Notices name the case manager to contact.
  expect((await api('PUT', '/notifications/staff/cm.kim', { name: 'Kim Tran', role: 'Case manager', phone: '02 9000 4321', email: 'kim.tran@insurer.example' }, 'admin')).status).toBe(200);
});

afterAll(async () => {
  await h?.close();
});

async function api(method: string, path: string, body?: unknown, role: Role = 'case-manager') {
  const res = await fetch(`${h.base}${path}`, {
    method,
    headers: { authorization: `Bearer ${await h.token('cm.kim', role)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const send = <T extends EventType>(type: T, claimId: string, data: unknown) =>
  h.publisher.publish(TOPICS.claims, [{ key: claimId, value: JSON.stringify(newEnvelope({ type, source: 'wc-claims/claims', subject: claimId, data } as never)) }]);

type Party = ClaimPartiesRecordedData['parties'][number];
const consent = (partyId: string, withdrawnOn?: string) => ({
  partyId,
  scope: 'health-information' as const,
  givenOn: '2026-09-15',
  evidence: 'signed authority',
  recordedBy: 'cm.kim',
  ...(withdrawnOn ? { withdrawnOn } : {}),
});

/** A claim known to notifications with a worker and one third party who has the worker's consent. */
async function claimWith(third: Party) {
  const claimId = randomUUID();
  const claimNumber = `WC${Math.floor(Math.random() * 1e7)
    .toString()
    .padStart(7, '0')}`;
  const worker: Party = { partyId: randomUUID(), role: 'worker', name: 'Ivana Horvat', capacities: [], email: `ivana.${claimId.slice(0, 8)}@example.org`, channels: ['email'] };
  await send('claim.notified', claimId, {
    claimId,
    claimNumber,
    worker: { givenName: 'Ivana', familyName: 'Horvat' },
    employer: { name: 'Rosehill Bakery Pty Ltd', policyNumber: 'RB-1100' },
    dateOfInjury: '2026-09-14',
    notificationDate: '2026-09-15',
    notificationComplete: true,
    assignment: { caseManager: 'cm.kim', teamLeader: 'tl.ray' },
  });
  const parties = [worker, third];
  await send('claim.parties-recorded', claimId, { claimId, claimNumber, version: 1, caseManager: 'cm.kim', teamLeader: 'tl.ray', parties, consents: [consent(third.partyId)] });
  await waitFor('the claim in notifications', async () => (await pg.query(`SELECT parties_version FROM ${schema}.claims WHERE claim_id = $1`, [claimId])).rows[0]?.parties_version === 1);
  const withdraw = async () => {
    // The claims service publishes the address book again, the consent now withdrawn from today.
    await send('claim.parties-recorded', claimId, { claimId, claimNumber, version: 2, caseManager: 'cm.kim', teamLeader: 'tl.ray', parties, consents: [consent(third.partyId, today)] });
    await waitFor('the withdrawal in notifications', async () => (await pg.query(`SELECT parties_version FROM ${schema}.claims WHERE claim_id = $1`, [claimId])).rows[0]?.parties_version === 2);
  };
  return { claimId, claimNumber, third, withdraw };
}

/** A decision notice to the worker and the third party; it waits for a person's reasons. */
async function decisionNotice(claimId: string, claimNumber: string, to: string) {
  const noticeId = randomUUID();
  await send('claim.action-recorded', claimId, {
    claimId,
    claimNumber,
    actionId: randomUUID(),
    action: { type: 'liability.disputed', at: '2026-10-05', reasons: 'x' },
    by: { user: 'cm.kim', role: 'case-manager' },
    recordedAt: new Date().toISOString(),
  });
  await send('notice.requested', claimId, { claimId, claimNumber, noticeId, type: 'decision-notice', on: '2026-10-05', to: ['worker', to], cause: 'liability.disputed' });
  return noticeId;
}
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

const copyTo = async (noticeId: string, partyId: string) =>
  (await pg.query(`SELECT id, status, attempts, detail FROM ${schema}.deliveries WHERE notice_id = $1 AND party_id = $2`, [noticeId, partyId])).rows[0];
const consentTasks = async (claimId: string) => (await pg.query(`SELECT delivery_id, assignee FROM ${schema}.tasks WHERE claim_id = $1 AND kind = 'consent' AND done_at IS NULL`, [claimId])).rows;
const mailTo = async (addr: string) => (await (await fetch(`${mailbox}/messages?to=${encodeURIComponent(addr)}`)).json()) as unknown[];

it('withdrawn while the notice waits for its reasons: the third party’s copy is refused when written; the worker’s goes', async () => {
  const employer: Party = { partyId: randomUUID(), role: 'employer', name: 'Rosehill Bakery Pty Ltd', capacities: [], email: `hr.${randomUUID().slice(0, 8)}@example.org`, channels: ['email'] };
  const c = await claimWith(employer);
  const noticeId = await decisionNotice(c.claimId, c.claimNumber, 'employer');
  await waitFor('the notice waiting for its reasons', async () => (await copyTo(noticeId, employer.partyId))?.status === 'awaiting-content');
  await c.withdraw();
  expect((await api('POST', `/notifications/notices/${noticeId}/content`, { content: REASONS })).status).toBe(201);
  const refused = await waitFor('the employer’s copy refused', async () => {
    const d = await copyTo(noticeId, employer.partyId);
    return d?.status === 'refused' && d;
  });
  expect(refused.detail).toContain(`no consent of the worker to share it with Rosehill Bakery Pty Ltd (employer) is recorded for ${today}`);
  expect(await consentTasks(c.claimId)).toEqual([{ delivery_id: refused.id, assignee: 'cm.kim' }]);
  // The worker's copy is the marker: it was written after the employer's was refused, and sent.
  const workerCopy = await waitFor('the worker’s copy sent', async () => {
    const rows = (await pg.query(`SELECT status FROM ${schema}.deliveries WHERE notice_id = $1 AND recipient = 'worker'`, [noticeId])).rows;
    return rows[0]?.status === 'sent' && rows[0];
  });
  expect(workerCopy.status).toBe('sent');
  expect(await mailTo(employer.email as string)).toEqual([]);
});

it('withdrawn while the letter waits in the print queue: it leaves the queue and cannot be marked posted', async () => {
  const doctor: Party = { partyId: randomUUID(), role: 'doctor', name: 'Dr Sione Tupou', capacities: [], postalAddress: ['7 Station Street', 'Wentworthville NSW 2145'], channels: ['post'] };
  const c = await claimWith(doctor);
  const noticeId = await decisionNotice(c.claimId, c.claimNumber, 'doctor');
  await waitFor('the notice waiting for its reasons', async () => (await copyTo(noticeId, doctor.partyId))?.status === 'awaiting-content');
  expect((await api('POST', `/notifications/notices/${noticeId}/content`, { content: REASONS })).status).toBe(201);
  const printing = await waitFor('the letter in the print queue', async () => {
    const d = await copyTo(noticeId, doctor.partyId);
    return d?.status === 'printing' && d;
  });
  const queued = async () => (await api('GET', '/notifications/print-queue')).body.letters.filter((l: { deliveryId: string }) => l.deliveryId === printing.id);
  expect(await queued()).toHaveLength(1);

  await c.withdraw();
  expect(await copyTo(noticeId, doctor.partyId)).toMatchObject({ status: 'refused', detail: expect.stringContaining('no consent of the worker to share it with Dr Sione Tupou (doctor)') });
  expect(await queued()).toEqual([]);
  const posted = await api('POST', `/notifications/print-queue/${printing.id}/printed`);
  expect(posted.status).toBe(422);
  expect(posted.body.problems[0].problem).toContain('was withdrawn from the print queue (refused: ');
  expect(await copyTo(noticeId, doctor.partyId)).toMatchObject({ status: 'refused' });
  expect(await consentTasks(c.claimId)).toEqual([{ delivery_id: printing.id, assignee: 'cm.kim' }]);
});

it('withdrawn while an email waits to be tried again: refused at once, never tried again', async () => {
  // The mailbox engine answers 451 (try later) for defer.test: the first attempt is deferred.
  const employer: Party = { partyId: randomUUID(), role: 'employer', name: 'Rosehill Bakery Pty Ltd', capacities: [], email: `hr.${randomUUID().slice(0, 8)}@defer.test`, channels: ['email'] };
  const c = await claimWith(employer);
  const noticeId = await decisionNotice(c.claimId, c.claimNumber, 'employer');
  await waitFor('the notice waiting for its reasons', async () => (await copyTo(noticeId, employer.partyId))?.status === 'awaiting-content');
  expect((await api('POST', `/notifications/notices/${noticeId}/content`, { content: REASONS })).status).toBe(201);
  const deferred = await waitFor('the first attempt deferred', async () => {
    const d = await copyTo(noticeId, employer.partyId);
    return d?.status === 'queued' && d.attempts === 1 && d;
  });
  expect(deferred.detail).toMatch(/451/);
  await c.withdraw();
  expect(await copyTo(noticeId, employer.partyId)).toMatchObject({ status: 'refused', attempts: 1, detail: expect.stringContaining('no consent of the worker') });
  expect(await consentTasks(c.claimId)).toEqual([{ delivery_id: deferred.id, assignee: 'cm.kim' }]);
  expect((await pg.query(`SELECT count(*)::int AS n FROM ${schema}.send_attempts WHERE delivery_id = $1`, [deferred.id])).rows[0].n).toBe(1);
});
