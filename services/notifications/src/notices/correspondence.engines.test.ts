/**
 * Notices from request to recipient, against the real PostgreSQL, Kafka, the documents service and
 * the local SMTP server (deploy/local's mail engine): content a person must write, consent refused
 * and logged, email with the stored PDF, post through the print queue, SMS, a bounce, retries that
 * give up, the interpreter paragraph and booking task, team leaders' digests, and the notices of
 * docs/rules.md §8 with what the platform decided (a treatment decision to the provider the request
 * named, a discontinuance's decision notice taking effect on the day §8.3 computed).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { type ClaimPartiesRecordedData, type EventType, type NoticeDeliveryUpdatedData, TOPICS } from '@wc/contracts';
import { newEnvelope } from '@wc/messaging';
import { addDays, sydneyAt } from '@wc/rules';
import type { Role } from '@wc/service-kit';
import { pdfText } from '../../../documents/src/testing/pdf-text';
import { type EnginesHarness, captureLogs, startEnginesHarness, waitFor } from '../testing/engines-harness';
import { longDate } from './notice-content';

jest.setTimeout(120_000);

const mailbox = process.env.MAILBOX_URL ?? 'http://127.0.0.1:8025';

let h: EnginesHarness;
// Shorthands for what the tests use most, set once the harness is up.
let run: string;
let docsSchema: string;
let notifSchema: string;
let base: string;
let pg: Client;
const statusEvents: NoticeDeliveryUpdatedData[] = [];
let stopStatusConsumer: (() => Promise<void>) | undefined;
const logs: Array<Record<string, unknown>> = [];

async function call(url: string, method: string, path: string, role: Role, user: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await h.token(user, role)}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
const api = (method: string, path: string, role: Role = 'case-manager', user = 'cm.lee', body?: unknown) => call(base, method, path, role, user, body);

const publish = <T extends EventType>(type: T, claimId: string, data: unknown) =>
  h.publisher.publish(TOPICS.claims, [{ key: claimId, value: JSON.stringify(newEnvelope({ type, source: 'wc-claims/claims', subject: claimId, data } as never)) }]);

/**
 * A marker event for the claim (a type the service ignores, but its inbox records), published after
 * what is under test: once it is handled, everything published before it for the claim (same key, so
 * the same partition, consumed in order) has been handled too.
 */
async function drained(claimId: string) {
  const marker = newEnvelope({ type: 'test.marker', source: 'notifications-test', subject: claimId, data: {} });
  await h.publisher.publish(TOPICS.claims, [{ key: claimId, value: JSON.stringify(marker) }]);
  await waitFor(`marker ${marker.id} handled`, async () => (await pg.query(`SELECT 1 FROM ${notifSchema}.inbox WHERE event_id = $1`, [marker.id])).rowCount === 1);
}

interface Claim {
  claimId: string;
  claimNumber: string;
  parties: ClaimPartiesRecordedData['parties'];
  version: number;
}

const worker = (email: string, extra: Record<string, unknown> = {}) => ({
  partyId: randomUUID(),
  role: 'worker' as const,
  name: 'Mateo Alvarez',
  capacities: [],
  email,
  channels: ['email' as const],
  ...extra,
});
const employer = (email: string) => ({ partyId: randomUUID(), role: 'employer' as const, name: 'Harbour Freight Pty Ltd', capacities: [], email, channels: ['email' as const] });
const doctor = () => ({
  partyId: randomUUID(),
  role: 'doctor' as const,
  name: 'Dr Nadia Okafor',
  capacities: [],
  postalAddress: ['Suite 4, 12 Church Street', 'Parramatta NSW 2150'],
  channels: ['post' as const],
});

async function newClaim(parties: Claim['parties'], consents: ClaimPartiesRecordedData['consents'] = []): Promise<Claim> {
  const claimId = randomUUID();
  const claimNumber = `WC${Math.floor(Math.random() * 1e7)
    .toString()
    .padStart(7, '0')}`;
  await publish('claim.notified', claimId, {
    claimId,
    claimNumber,
    worker: { givenName: 'Mateo', familyName: 'Alvarez' },
    employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'HF-2231' },
    dateOfInjury: '2026-09-14',
    notificationDate: '2026-09-15',
    notificationComplete: true,
    assignment: { caseManager: 'cm.lee', teamLeader: 'tl.ada' },
  });
  const recorded: ClaimPartiesRecordedData = { claimId, claimNumber, version: 1, caseManager: 'cm.lee', teamLeader: 'tl.ada', parties, consents };
  await publish('claim.parties-recorded', claimId, recorded);
  // Until notifications knows cm.lee handles the claim, its claim-scoped routes answer 403 (issue 14).
  await waitFor('the claim staffed in notifications', async () => (await pg.query(`SELECT 1 FROM ${notifSchema}.claim_staffing WHERE claim_id = $1`, [claimId])).rowCount === 1);
  return { claimId, claimNumber, parties, version: 1 };
}

async function requestNotice(c: Claim, type: string, to: string[]) {
  const noticeId = randomUUID();
  await publish('notice.requested', c.claimId, { claimId: c.claimId, claimNumber: c.claimNumber, noticeId, type, on: '2026-10-05', to, cause: 'test' });
  return noticeId;
}

/** A notice as the lifecycle asks for it under docs/rules.md §8: with the day, the cause, the request it is about and what was decided. */
async function requestDecided(c: Claim, type: string, to: string[], n: { on: string; cause: string; ref?: string; facts?: Record<string, string | number | null> }) {
  const noticeId = randomUUID();
  await publish('notice.requested', c.claimId, { claimId: c.claimId, claimNumber: c.claimNumber, noticeId, type, to, ...n });
  return noticeId;
}
const provider = (name: string, relationship: string, email: string) => ({
  partyId: randomUUID(),
  role: 'other' as const,
  name,
  relationship,
  capacities: ['provider' as const],
  email,
  channels: ['email' as const],
});
const consentFor = (partyId: string) => ({ partyId, scope: 'health-information' as const, givenOn: '2026-09-15', evidence: 'signed authority', recordedBy: 'cm.lee' });
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
/** A stored document's text in one line, without page footers (one can fall inside a paragraph). */
const storedText = async (documentId: string) => {
  const stored = await pg.query(`SELECT bytes, template FROM ${docsSchema}.documents WHERE id = $1`, [documentId]);
  return {
    template: stored.rows[0].template as string,
    text: pdfText(stored.rows[0].bytes)
      .split('\n')
      .filter((l) => !FOOTER.test(l))
      .join('\n')
      .replace(/\s+/g, ' '),
  };
};

type Copy = {
  deliveryId: string;
  recipient: string;
  partyId: string;
  channel: string;
  status: string;
  documentId: string | null;
  attempts: number;
  detail: string | null;
  contentNeeded: { field: string; problem: string }[] | null;
};
async function copies(c: Claim, noticeId: string): Promise<Copy[]> {
  const r = await api('GET', `/notifications/notices?claimId=${c.claimId}`);
  return r.body.notices.find((n: { noticeId: string }) => n.noticeId === noticeId)?.deliveries ?? [];
}
async function copiesWhen(c: Claim, noticeId: string, what: string, done: (cs: Copy[]) => boolean, timeoutMs?: number) {
  let last: Copy[] = [];
  try {
    return await waitFor(
      what,
      async () => {
        last = await copies(c, noticeId);
        return last.length > 0 && done(last) && last;
      },
      timeoutMs,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}; the copies were ${JSON.stringify(last.map((x) => ({ recipient: x.recipient, channel: x.channel, status: x.status, detail: x.detail })))}`);
  }
}
const tasksOf = async (c: Claim) => (await api('GET', '/notifications/tasks?includeDone=true')).body.tasks.filter((t: { claimId: string }) => t.claimId === c.claimId);
const mailTo = async (addr: string) =>
  (await (await fetch(`${mailbox}/messages?to=${encodeURIComponent(addr)}`)).json()) as Array<{
    id: string;
    messageId: string | null;
    subject: string;
    text: string;
    attachments: Array<{ filename: string; contentType: string; sha256: string }>;
  }>;

const decisionContent = {
  decision: 'We dispute liability for your claim for weekly payments and medical expenses.',
  effect: 'Your weekly payments stop after the notice period ends.',
  takesEffectOn: '2026-10-19',
  issues: ['Whether your employment was a substantial contributing factor to the injury'],
  reasons: ['The reports show the condition began before the work incident on 14 September 2026.'],
  provisions: ['Workers Compensation Act 1987 s9A'],
  reports: [
    { title: 'Certificate of capacity', author: 'Dr Nadia Okafor', date: '2026-09-16', supports: false, reliedOn: false, submittedBy: 'worker' },
    { title: 'Independent medical examination report', author: 'Dr Colm Farrelly', date: '2026-09-30', supports: true, reliedOn: true, submittedBy: 'insurer' },
  ],
  review: {},
};

beforeAll(async () => {
  h = await startEnginesHarness({ name: 'correspondence', topics: [TOPICS.claims, TOPICS.notifications], startDocuments: () => import('../../../documents/src/main') });
  ({ run, docsSchema, notifSchema, pg } = h);
  const statusConsumer = h.kafka.consumer({ groupId: `correspondence-test-status-${run}` });
  await statusConsumer.run(
    [TOPICS.notifications],
    async (m) => {
      const e = JSON.parse(String(m.value));
      if (e.type === 'notice.delivery-updated') statusEvents.push(e.data);
    },
    { fromBeginning: true },
  );
  stopStatusConsumer = () => statusConsumer.stop();
  const notifications = await h.startNotifications({
    DISPATCH_INTERVAL_MS: '100',
    DELIVERY_RETRY_BASE_MS: '50',
    DELIVERY_MAX_ATTEMPTS: '3',
  });
  base = h.base;
  captureLogs(notifications, logs);
  expect((await api('PUT', '/notifications/staff/cm.lee', 'admin', 'admin', { name: 'Lee Nguyen', role: 'Case manager', phone: '02 9000 1234', email: 'lee.nguyen@insurer.example' })).status).toBe(
    200,
  );
});

afterAll(async () => {
  await stopStatusConsumer?.();
  await h?.close();
});

it('a decision notice: waits for the reasons, then is stored and emailed to the worker; the employer without consent is refused and logged', async () => {
  const w = worker(`mateo.${run}@example.org`);
  const e = employer(`claims.${run}@harbourfreight.example`);
  const c = await newClaim([w, e]);
  await publish('claim.action-recorded', c.claimId, {
    claimId: c.claimId,
    claimNumber: c.claimNumber,
    actionId: randomUUID(),
    action: { type: 'liability.disputed', at: '2026-10-05', reasons: 'not work related' },
    by: { user: 'cm.lee', role: 'case-manager' },
    recordedAt: new Date().toISOString(),
  });
  const noticeId = await requestNotice(c, 'decision-notice', ['worker', 'employer']);

  const first = await copiesWhen(c, noticeId, 'the copies to settle', (cs) => cs.every((x) => x.status === 'awaiting-content' || x.status === 'refused'));
  const toWorker = first.find((x) => x.recipient === 'worker')!;
  const toEmployer = first.find((x) => x.recipient === 'employer')!;
  // The documents service named what a person has to write; the platform filled the rest.
  expect(toWorker.status).toBe('awaiting-content');
  for (const field of ['decision', 'reasons', 'reports', 'provisions']) expect(toWorker.detail).toContain(field);
  expect(toWorker.detail).not.toContain('claimNumber');
  expect(toWorker.detail).not.toContain('decidedOn');
  // The same fields, one by one as the notice's keys (the console's form asks for exactly these); a copy not waiting for content has none.
  expect(new Set(toWorker.contentNeeded?.map((p) => p.field.replace(/[.[].*$/, '')))).toEqual(new Set(['decision', 'effect', 'takesEffectOn', 'issues', 'reasons', 'provisions', 'reports']));
  expect(toWorker.contentNeeded?.every((p) => p.problem.length > 0)).toBe(true);
  expect(toEmployer.contentNeeded).toBeNull();
  // program s11: health information goes to a third party only with the worker's consent.
  expect(toEmployer.status).toBe('refused');
  expect(toEmployer.detail).toContain('no consent of the worker');
  expect(logs.some((l) => l.msg === 'notice refused: no consent to share health information' && l.claimId === c.claimId && l.role === 'employer')).toBe(true);
  const refusal = await waitFor('the refused status event', () => statusEvents.find((s) => s.deliveryId === toEmployer.deliveryId));
  expect(refusal).toMatchObject({ status: 'refused', channel: 'email', recipient: 'employer', noticeType: 'decision-notice', documentId: null });
  // (Open tasks: the acknowledgement letter may have waited for the worker to be recorded, a task the platform closed.)
  const openTasks = (await tasksOf(c)).filter((t: { doneAt: string | null }) => t.doneAt === null);
  expect(openTasks.map((t: { kind: string; assignee: string }) => [t.kind, t.assignee]).sort()).toEqual([
    ['consent', 'cm.lee'],
    ['notice-content', 'cm.lee'],
  ]);
  // The task says what to write in words, not the API's request.
  const contentTask = openTasks.find((t: { kind: string }) => t.kind === 'notice-content');
  expect(contentTask.detail).toBe(`Write the decision notice for claim ${c.claimNumber}: ${toWorker.contentNeeded!.map((p) => `${p.field} ${p.problem}`).join('; ')}.`);
  expect(await mailTo(e.email)).toEqual([]);

  // Bad content changes nothing; good content writes and sends the notice.
  const bad = await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: [] });
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body)).toContain('content');
  expect((await api('POST', `/notifications/notices/${randomUUID()}/content`, 'case-manager', 'cm.lee', { content: { decision: 'x' } })).status).toBe(404);
  // What the platform records is not for a person to overwrite on one letter.
  const forged = await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { claimNumber: 'WC0000001', issuedOn: '2026-01-01', decision: 'x' } });
  expect(forged.status).toBe(400);
  expect(forged.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['content.claimNumber', 'content.issuedOn']);
  const given = await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: decisionContent });
  expect(given).toMatchObject({ status: 201, body: { contentVersion: 1, copiesToWrite: 1 } });

  const sent = await copiesWhen(c, noticeId, 'the worker copy to be sent', (cs) => cs.find((x) => x.recipient === 'worker')?.status === 'sent');
  const copy = sent.find((x) => x.recipient === 'worker')!;
  expect(copy.contentNeeded).toBeNull();
  expect(copy.documentId).toMatch(/^[0-9a-f-]{36}$/);
  const [mail] = await waitFor('the email', async () => {
    const m = (await mailTo(w.email)).filter((x) => x.subject.startsWith('Decision notice'));
    return m.length === 1 && m;
  });
  expect(mail.subject).toBe(`Decision notice: workers compensation claim ${c.claimNumber}`);
  // One message id per copy (MAIL_FROM's domain): every attempt and resend of it carries the same.
  expect(mail.messageId).toBe(`<delivery-${copy.deliveryId}@localhost>`);
  expect(mail.text).toContain('contact Lee Nguyen on 02 9000 1234');
  expect(mail.attachments).toHaveLength(1);
  expect(mail.attachments[0]).toMatchObject({ filename: `decision-notice-${c.claimNumber}.pdf`, contentType: 'application/pdf' });
  // The attachment is the stored document, byte for byte.
  const stored = await pg.query(`SELECT content_hash, bytes, template, template_version FROM ${docsSchema}.documents WHERE id = $1`, [copy.documentId]);
  expect(stored.rows[0].content_hash).toBe(`sha256:${mail.attachments[0].sha256}`);
  expect(stored.rows[0]).toMatchObject({ template: 'decision-notice', template_version: 2 });
  const text = pdfText(stored.rows[0].bytes).replace(/\s+/g, ' ');
  expect(text).toContain('Lee Nguyen');
  // The reply address is the insurer's (the documents service's INSURER_REPLY_ADDRESS; the development insurer here).
  expect(text).toContain('Locked Bag 1, Sydney NSW 2001');
  expect(text).toContain('Workers Compensation Act 1987 s9A');
  const sentEvent = await waitFor('the sent status event', () => statusEvents.find((s) => s.deliveryId === copy.deliveryId && s.status === 'sent'));
  expect(sentEvent).toMatchObject({ claimId: c.claimId, documentId: copy.documentId, channel: 'email', attempt: 1 });
  // The content task is done; the consent task stays for the case manager.
  const open = (await tasksOf(c)).filter((t: { doneAt: string | null }) => t.doneAt === null);
  expect(open.map((t: { kind: string }) => t.kind)).toEqual(['consent']);
  // A sent notice is not rewritten, nor sent again.
  expect((await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { decision: 'changed' } })).status).toBe(422);
  expect((await api('POST', `/notifications/deliveries/${copy.deliveryId}/resend`)).status).toBe(422);

  // The worker consents for the employer: the refused copy is written and sent (its own stored copy, the same words).
  await publish('claim.parties-recorded', c.claimId, {
    claimId: c.claimId,
    claimNumber: c.claimNumber,
    version: 2,
    caseManager: 'cm.lee',
    teamLeader: 'tl.ada',
    parties: [w, e],
    consents: [{ partyId: e.partyId, scope: 'health-information', givenOn: '2026-10-01', evidence: 'signed authority, 1 Oct 2026', recordedBy: 'cm.lee' }],
  });
  await waitFor(
    'the consent to reach notifications',
    async () => (await pg.query(`SELECT parties_version FROM ${notifSchema}.claims WHERE claim_id = $1`, [c.claimId])).rows[0]?.parties_version === 2,
  );
  expect((await api('POST', `/notifications/deliveries/${toEmployer.deliveryId}/resend`)).body).toMatchObject({ was: 'refused', status: 'composing' });
  const resent = await copiesWhen(c, noticeId, 'the employer copy sent', (cs) => cs.find((x) => x.recipient === 'employer')?.status === 'sent');
  const employerDoc = resent.find((x) => x.recipient === 'employer')!.documentId;
  const hashes = await pg.query(`SELECT id, content_hash FROM ${docsSchema}.documents WHERE id = ANY($1::uuid[])`, [[employerDoc, copy.documentId]]);
  expect(hashes.rows).toHaveLength(2);
  expect(new Set(hashes.rows.map((r) => r.content_hash)).size).toBe(1);
  expect((await mailTo(e.email)).map((x) => x.subject)).toEqual([`Decision notice: workers compensation claim ${c.claimNumber}`]);
  expect((await tasksOf(c)).filter((t: { doneAt: string | null }) => t.doneAt === null)).toEqual([]);
});

it('an email attempt the platform stopped in the middle of is not sent again blindly: a person checks, then sends it again', async () => {
  const w = worker(`crash.${run}@example.org`);
  const c = await newClaim([w]);
  await publish('claim.action-recorded', c.claimId, {
    claimId: c.claimId,
    claimNumber: c.claimNumber,
    actionId: randomUUID(),
    action: { type: 'liability.disputed', at: '2026-10-05', reasons: 'not work related' },
    by: { user: 'cm.lee', role: 'case-manager' },
    recordedAt: new Date().toISOString(),
  });
  const noticeId = await requestNotice(c, 'decision-notice', ['worker']);
  const [waiting] = await copiesWhen(c, noticeId, 'content needed', (cs) => cs[0].status === 'awaiting-content');
  // As an earlier run leaves it when it stops after the relay took the message, before the commit.
  await pg.query(`INSERT INTO ${notifSchema}.send_attempts (delivery_id, round, attempt) VALUES ($1, 0, 1)`, [waiting.deliveryId]);
  expect((await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: decisionContent })).status).toBe(201);
  const [failed] = await copiesWhen(c, noticeId, 'the copy to stop for a person', (cs) => cs[0].status === 'failed');
  expect(failed.detail).toBe(
    `the platform stopped while sending attempt 1, so the email may have gone (message id <delivery-${waiting.deliveryId}@localhost>): check the mail relay's log or with Mateo Alvarez before sending it again`,
  );
  const decisions = async () => (await mailTo(w.email)).filter((x) => x.subject.startsWith('Decision notice'));
  expect(await decisions()).toEqual([]);
  const [task] = (await tasksOf(c)).filter((t: { kind: string; doneAt: string | null }) => t.kind === 'delivery-failed' && t.doneAt === null);
  expect(task).toMatchObject({ deliveryId: waiting.deliveryId, assignee: 'cm.lee' });
  // Checked: it had not gone. Sent again, it goes once, under the same message id.
  expect((await api('POST', `/notifications/deliveries/${waiting.deliveryId}/resend`)).status).toBe(200);
  await copiesWhen(c, noticeId, 'the copy sent', (cs) => cs[0].status === 'sent');
  const mails = await decisions();
  expect(mails.map((x) => x.messageId)).toEqual([`<delivery-${waiting.deliveryId}@localhost>`]);
  expect((await pg.query(`SELECT round, attempt FROM ${notifSchema}.send_attempts WHERE delivery_id = $1 ORDER BY round, attempt`, [waiting.deliveryId])).rows).toEqual([
    { round: 0, attempt: 1 },
    { round: 1, attempt: 1 },
  ]);
});

it('with consent the doctor gets the notice by post: the print queue, then sent when printed', async () => {
  const w = worker(`mateo.post.${run}@example.org`);
  const d = doctor();
  const c = await newClaim([w, d], [{ partyId: d.partyId, scope: 'health-information', givenOn: '2026-09-15', evidence: 'claim form consent section', recordedBy: 'cm.lee' }]);
  await publish('claim.action-recorded', c.claimId, {
    claimId: c.claimId,
    claimNumber: c.claimNumber,
    actionId: randomUUID(),
    action: { type: 'liability.disputed', at: '2026-10-05', reasons: 'x' },
    by: { user: 'cm.lee', role: 'case-manager' },
    recordedAt: new Date().toISOString(),
  });
  const noticeId = await requestNotice(c, 'decision-notice', ['doctor']);
  await copiesWhen(c, noticeId, 'content needed', (cs) => cs[0].status === 'awaiting-content');
  await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: decisionContent });
  const [copy] = await copiesWhen(c, noticeId, 'the print queue', (cs) => cs[0].status === 'printing');
  const queue = (await api('GET', '/notifications/print-queue', 'case-manager')).body.letters;
  expect(queue.find((l: { deliveryId: string }) => l.deliveryId === copy.deliveryId)).toMatchObject({ addressee: 'Dr Nadia Okafor', address: d.postalAddress, documentId: copy.documentId });
  expect((await api('POST', `/notifications/print-queue/${copy.deliveryId}/printed`, 'case-manager')).status).toBe(200);
  expect((await api('POST', `/notifications/print-queue/${copy.deliveryId}/printed`, 'case-manager')).status).toBe(422);
  expect((await copies(c, noticeId))[0]).toMatchObject({ status: 'sent', detail: 'printed and posted by cm.lee' });
  await waitFor('the sent event', () => statusEvents.find((s) => s.deliveryId === copy.deliveryId && s.status === 'sent'));
});

it('a bounced email: status bounced, an event, and a task for the case manager; nothing is stored at the mail server', async () => {
  const w = worker(`nobody.${run}@mailbox.invalid`);
  const c = await newClaim([w]);
  const noticeId = await requestNotice(c, 'liability-accepted', ['worker']);
  await copiesWhen(c, noticeId, 'content needed', (cs) => cs[0].status === 'awaiting-content');
  await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { decidedOn: '2026-10-05' } });
  const [copy] = await copiesWhen(c, noticeId, 'the bounce', (cs) => cs[0].status === 'bounced');
  expect(copy.detail).toMatch(/550/);
  expect(copy.attempts).toBe(1);
  await waitFor('the bounced event', () => statusEvents.find((s) => s.deliveryId === copy.deliveryId && s.status === 'bounced'));
  const task = (await tasksOf(c)).find((t: { kind: string; deliveryId: string }) => t.kind === 'delivery-failed' && t.deliveryId === copy.deliveryId);
  expect(task).toMatchObject({ assignee: 'cm.lee' });
  expect(task.detail).toContain('bounced');
  expect(await mailTo(w.email)).toEqual([]);
});

it('a mail server that keeps deferring: retried with backoff, then failed and a task', async () => {
  const w = worker(`later.${run}@defer.test`);
  const c = await newClaim([w]);
  const noticeId = await requestNotice(c, 'liability-accepted', ['worker']);
  await copiesWhen(c, noticeId, 'content needed', (cs) => cs[0].status === 'awaiting-content');
  await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { decidedOn: '2026-10-05' } });
  const [copy] = await copiesWhen(c, noticeId, 'the give-up', (cs) => cs[0].status === 'failed');
  expect(copy.attempts).toBe(3);
  expect(copy.detail).toContain('gave up after 3 attempts');
  expect(copy.detail).toMatch(/451/);
  const retries = logs.filter((l) => l.msg === 'delivery attempt failed; will retry' && l.deliveryId === copy.deliveryId);
  expect(retries.map((l) => l.retryInMs)).toEqual([50, 100]);
  expect((await tasksOf(c)).some((t: { kind: string; deliveryId: string }) => t.kind === 'delivery-failed' && t.deliveryId === copy.deliveryId)).toBe(true);
  await waitFor('the failed event', () => statusEvents.find((s) => s.deliveryId === copy.deliveryId && s.status === 'failed'));
});

it('a worker who needs an interpreter: the notice opens with the paragraph in their language, a booking task, and SMS as a second channel', async () => {
  const w = worker(`ana.${run}@example.org`, { mobile: '0412345678', channels: ['email', 'sms'], interpreter: { language: 'Spanish' } });
  const c = await newClaim([w]);
  const task = await waitFor('the interpreter task', async () => (await tasksOf(c)).find((t: { kind: string }) => t.kind === 'interpreter-booking'));
  expect(task.detail).toContain('Book a professional Spanish interpreter');
  const noticeId = await requestNotice(c, 'liability-accepted', ['worker']);
  await copiesWhen(c, noticeId, 'content needed', (cs) => cs.every((x) => x.status === 'awaiting-content'));
  await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { decidedOn: '2026-10-05' } });
  const cs = await copiesWhen(c, noticeId, 'both channels', (x) => x.length === 2 && x.every((y) => y.status === 'sent' || y.status === 'delivered'));
  expect(cs.map((x) => [x.channel, x.status]).sort()).toEqual([
    ['email', 'sent'],
    ['sms', 'delivered'],
  ]);
  // Both channels share one stored document.
  expect(new Set(cs.map((x) => x.documentId)).size).toBe(1);
  const [mail] = (await mailTo(w.email)).filter((x) => x.subject.startsWith('Liability accepted'));
  const pdf = Buffer.from(await (await fetch(`${mailbox}/messages/${mail.id}/attachments/0`)).arrayBuffer());
  expect(createHash('sha256').update(pdf).digest('hex')).toBe(mail.attachments[0].sha256);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text).toContain('¿Necesita un intérprete?');
  const stored = await pg.query(`SELECT language_assistance FROM ${docsSchema}.documents WHERE id = $1`, [cs[0].documentId]);
  expect(stored.rows[0].language_assistance).toEqual({ language: 'Spanish', translated: true, version: 2 });
  expect(text).toContain('131 450');
  const sms = (await api('GET', `/notifications/sms?claimId=${c.claimId}`)).body.messages.filter((m: { body: string }) => m.body.includes('(Liability accepted)'));
  expect(sms).toHaveLength(1);
  expect(sms[0]).toMatchObject({ to: '0412345678', status: 'delivered' });
  expect(sms[0].body).toContain(c.claimNumber);
});

it('the acknowledgement letter stored at notification is emailed to the worker, not stored twice', async () => {
  const w = worker(`ack.${run}@example.org`);
  const c = await newClaim([w]);
  const [mail] = await waitFor('the acknowledgement email', async () => {
    const m = await mailTo(w.email);
    return m.length > 0 && m;
  });
  expect(mail.subject).toBe(`Acknowledgement letter: workers compensation claim ${c.claimNumber}`);
  const letters = (await api('GET', `/notifications/letters?claimId=${c.claimId}`)).body.letters;
  const stored = await pg.query(`SELECT id, content_hash FROM ${docsSchema}.documents WHERE claim_id = $1`, [c.claimId]);
  expect(stored.rows.map((r) => r.id)).toEqual([letters[0].documentId]);
  expect(stored.rows[0].content_hash).toBe(`sha256:${mail.attachments[0].sha256}`);
});

it('a notice for a party not yet recorded waits, with a task, and goes once the party is recorded', async () => {
  const w = worker(`wk.${run}@example.org`);
  const c = await newClaim([w]);
  const noticeId = await requestNotice(c, 'contact-request', ['employer']);
  const [waiting] = await copiesWhen(c, noticeId, 'awaiting the employer', (cs) => cs[0].status === 'awaiting-party');
  const partyTask = () => tasksOf(c).then((ts) => ts.find((t: { kind: string; noticeId: string }) => t.kind === 'party-details' && t.noticeId === noticeId));
  expect((await partyTask()).detail).toContain('record the employer');
  const e = employer(`hr.${run}@harbourfreight.example`);
  await publish('claim.parties-recorded', c.claimId, { claimId: c.claimId, claimNumber: c.claimNumber, version: 2, caseManager: 'cm.lee', teamLeader: 'tl.ada', parties: [w, e], consents: [] });
  const now = await copiesWhen(c, noticeId, 'a copy for the employer', (cs) => cs.some((x) => x.recipient === 'employer' && x.partyId === e.partyId && x.status === 'awaiting-content'));
  expect(now.find((x) => x.deliveryId === waiting.deliveryId)?.status).toBe('superseded');
  expect((await partyTask()).doneBy).toBe('system');
  // An older snapshot arriving late changes nothing.
  await publish('claim.parties-recorded', c.claimId, { claimId: c.claimId, claimNumber: c.claimNumber, version: 1, caseManager: 'cm.other', teamLeader: 'tl.ada', parties: [w], consents: [] });
  await drained(c.claimId); // handled, not merely published: the claim's parties are still version 2's
  expect((await pg.query(`SELECT parties_version, case_manager FROM ${notifSchema}.claims WHERE claim_id = $1`, [c.claimId])).rows).toEqual([{ parties_version: 2, case_manager: 'cm.lee' }]);
  await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { attemptedOn: ['2026-10-01'], respondBy: addDays(sydneyAt(Date.now()).date, 10) } });
  await copiesWhen(c, noticeId, 'sent to the employer', (cs) => cs.some((x) => x.recipient === 'employer' && x.status === 'sent'));
  expect(await mailTo(e.email)).toHaveLength(1);
});

it('team leaders get their escalations as an email digest, each alert once', async () => {
  const claimId = randomUUID();
  await api('PUT', '/notifications/staff/tl.ada', 'admin', 'admin', { name: 'Ada Moreau', role: 'Team leader', phone: '02 9000 9999', email: `ada.${run}@insurer.example` });
  // A digest lists the team leader's own claims (issue 14): this one is tl.ada's team's.
  await publish('claim.staffing-recorded', claimId, { claimId, claimNumber: 'WC7654321', caseManager: 'cm.lee', teamLeader: 'tl.ada', reviewers: [], by: 'tl.ada' });
  for (const [type, kind] of [
    ['initial-contact.worker', 'escalated'],
    ['liability.initial', 'overdue'],
  ])
    await publish('obligation.escalated', claimId, {
      claimId,
      claimNumber: 'WC7654321',
      obligationId: `${type}:1`,
      type,
      dueOn: '2026-10-01',
      on: '2026-10-02',
      caseManager: 'cm.lee',
      kind,
      teamLeader: 'tl.ada',
    });
  await waitFor('the alerts', async () => (await pg.query(`SELECT 1 FROM ${notifSchema}.team_leader_alerts WHERE claim_id = $1`, [claimId])).rowCount === 2);
  expect((await api('POST', '/notifications/digests', 'case-manager')).status).toBe(403);
  const r = await api('POST', '/notifications/digests', 'team-leader', 'tl.ada');
  expect(r.body.sent.find((s: { teamLeader: string }) => s.teamLeader === 'tl.ada')).toMatchObject({ alerts: 2 });
  const [mail] = await mailTo(`ada.${run}@insurer.example`);
  expect(mail.subject).toBe('Escalations: 2 obligations need your attention');
  expect(mail.text).toContain('WC7654321: initial-contact.worker escalated to you');
  expect(mail.text).toContain('WC7654321: liability.initial is OVERDUE');
  const again = await api('POST', '/notifications/digests', 'team-leader', 'tl.ada');
  expect(again.body.sent.find((s: { teamLeader: string }) => s.teamLeader === 'tl.ada')).toBeUndefined();
  expect(await mailTo(`ada.${run}@insurer.example`)).toHaveLength(1);
});

describe('the notices of rules.md §8, with what the platform decided', () => {
  const today = () => sydneyAt(Date.now()).date;

  it('a declined treatment: written for the provider the request named and emailed to it (only the reasons from a person); a provider without consent is held', async () => {
    const on = today();
    const w = worker(`td.${run}@example.org`);
    const physio = provider('Northside Physio', 'physiotherapist', `physio.${run}@northside.example`);
    const chiro = provider('Harbour Chiropractic', 'chiropractor', `chiro.${run}@harbour.example`);
    const c = await newClaim([w, physio, chiro], [consentFor(physio.partyId)]);
    const facts = { treatment: 'physiotherapy, 8 sessions', provider: 'Northside physio', cost: '760.00', requestedOn: addDays(on, -10), decision: 'declined', decidedOn: on };
    const noticeId = await requestDecided(c, 'treatment-decision', ['provider'], { on, cause: 'treatment.declined', ref: 'treatment-1', facts });

    // docs/rules.md §8.1: the provider named in the request (case aside), not every provider of the claim.
    const [waiting, ...others] = await copiesWhen(c, noticeId, 'the reasons to be asked for', (cs) => cs[0].status === 'awaiting-content');
    expect(others).toEqual([]);
    expect(waiting).toMatchObject({ recipient: 'provider', partyId: physio.partyId });
    expect(waiting.detail).toContain('data.reasons');
    for (const decided of ['treatment', 'provider', 'requestedOn', 'decision', 'decidedOn', 'recipient', 'contact']) expect(waiting.detail).not.toContain(`data.${decided}"`);
    const listed = (await api('GET', `/notifications/notices?claimId=${c.claimId}`)).body.notices.find((n: { noticeId: string }) => n.noticeId === noticeId);
    expect(listed).toMatchObject({ ref: 'treatment-1', decided: facts });

    // What the platform decided is not for a person to write over.
    const forged = await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { decidedOn: addDays(on, -1), reasons: ['x'] } });
    expect(forged.status).toBe(400);
    expect(forged.body.problems.map((p: { field: string }) => p.field)).toEqual(['content.decidedOn']);
    const given = await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', {
      content: { reasons: ['The independent medical examiner found that more physiotherapy is not reasonably necessary'] },
    });
    expect(given.status).toBe(201);

    const [sent] = await copiesWhen(c, noticeId, 'the provider copy sent', (cs) => cs[0].status === 'sent');
    const [mail] = await waitFor('the email to the provider', async () => {
      const m = await mailTo(physio.email);
      return m.length === 1 && m;
    });
    expect(mail.subject).toBe(`Treatment decision: workers compensation claim ${c.claimNumber}`);
    expect(mail.text).toContain('Dear Northside Physio,');
    const { template, text } = await storedText(sent.documentId!);
    expect(template).toBe('treatment-decision');
    expect(text).toContain('Dear Northside Physio,');
    expect(text).toContain(`Re: Mateo Alvarez, claim ${c.claimNumber}`);
    expect(text).toContain('Treatment asked for physiotherapy, 8 sessions');
    expect(text).toContain(`Request received ${longDate(facts.requestedOn)}`);
    expect(text).toContain('Estimated cost $760.00');
    expect(text).toContain('Decision Declined (not approved)');
    expect(text).toContain(`Date of decision ${longDate(on)}`);
    expect(text).toContain('Lee Nguyen');
    expect(await mailTo(chiro.email)).toEqual([]);

    // An approved request of another provider, who has no consent of the worker: the worker's copy goes, the provider's is held.
    const second = await requestDecided(c, 'treatment-decision', ['provider', 'worker'], {
      on,
      cause: 'treatment.approved',
      ref: 'treatment-2',
      facts: { treatment: 'chiropractic, 6 sessions', provider: 'Harbour Chiropractic', cost: null, requestedOn: addDays(on, -3), decision: 'approved', decidedOn: on },
    });
    const cs = await copiesWhen(
      c,
      second,
      'the worker copy sent and the provider copy held',
      (x) => x.length === 2 && x.some((y) => y.recipient === 'worker' && y.status === 'sent') && x.some((y) => y.recipient === 'provider' && y.status === 'refused'),
    );
    const held = cs.find((x) => x.recipient === 'provider')!;
    expect(held.partyId).toBe(chiro.partyId);
    expect(held.detail).toContain("treatment-decision carries the worker's health information and no consent of the worker to share it with Harbour Chiropractic (other)");
    const consentTask = (await tasksOf(c)).find((t: { kind: string; noticeId: string }) => t.kind === 'consent' && t.noticeId === second);
    expect(consentTask).toMatchObject({ deliveryId: held.deliveryId, assignee: 'cm.lee', doneAt: null });
    expect(await mailTo(chiro.email)).toEqual([]);
    const toWorker = (await mailTo(w.email)).filter((m) => m.subject.startsWith('Treatment decision'));
    expect(toWorker).toHaveLength(1);
    expect((await storedText(cs.find((x) => x.recipient === 'worker')!.documentId!)).text).toContain('We have approved the treatment request');
  });

  it('a treatment decision for a provider not recorded yet waits, the task names the provider, and it goes once that provider is recorded', async () => {
    const on = today();
    const w = worker(`tdw.${run}@example.org`);
    const chiro = provider('Harbour Chiropractic', 'chiropractor', `chiro2.${run}@harbour.example`);
    const c = await newClaim([w, chiro], [consentFor(chiro.partyId)]);
    const noticeId = await requestDecided(c, 'treatment-decision', ['provider'], {
      on,
      cause: 'treatment.approved',
      ref: 'treatment-1',
      facts: { treatment: 'podiatry, 4 sessions', provider: 'Eastside Podiatry', cost: '320.00', requestedOn: addDays(on, -5), decision: 'approved', decidedOn: on },
    });
    // Another provider of the claim is not the one the request named.
    const [waiting] = await copiesWhen(c, noticeId, 'awaiting the provider', (cs) => cs[0].status === 'awaiting-party');
    expect(waiting.detail).toBe('no provider named Eastside Podiatry is recorded on the claim (a party with capacity provider)');
    const partyTask = () => tasksOf(c).then((ts) => ts.find((t: { kind: string; noticeId: string }) => t.kind === 'party-details' && t.noticeId === noticeId));
    expect((await partyTask()).detail).toContain(`record Eastside Podiatry, the provider named in the treatment request, with capacity provider`);
    expect((await partyTask()).detail).toContain('(on the claim page, Parties and consents)');

    const podiatrist = provider('Eastside Podiatry', 'podiatrist', `pod.${run}@eastside.example`);
    await publish('claim.parties-recorded', c.claimId, {
      claimId: c.claimId,
      claimNumber: c.claimNumber,
      version: 2,
      caseManager: 'cm.lee',
      teamLeader: 'tl.ada',
      parties: [w, chiro, podiatrist],
      consents: [consentFor(chiro.partyId), consentFor(podiatrist.partyId)],
    });
    const now = await copiesWhen(c, noticeId, 'sent to the podiatrist', (cs) => cs.some((x) => x.partyId === podiatrist.partyId && x.status === 'sent'));
    expect(now.map((x) => [x.partyId, x.status]).sort()).toEqual(
      [
        [null, 'superseded'],
        [podiatrist.partyId, 'sent'],
      ].sort(),
    );
    expect((await partyTask()).doneBy).toBe('system');
    expect((await mailTo(podiatrist.email)).map((m) => m.subject)).toEqual([`Treatment decision: workers compensation claim ${c.claimNumber}`]);
    expect(await mailTo(chiro.email)).toEqual([]);
  });

  it('a decision notice for a discontinuance takes effect on the day §8.3 computed: prefilled, printed, and not for a person to type', async () => {
    const on = today();
    const w = worker(`disc.${run}@example.org`);
    const c = await newClaim([w]);
    const facts = { takesEffectOn: addDays(on, 15), lastPayableDay: addDays(on, 14), noticePeriod: '2 weeks', continuousDays: 120, basis: 'other', rule: 'rules.md §8.3: 84 <= C < 364, N + 15 days' };
    const noticeId = await requestDecided(c, 'decision-notice', ['worker'], { on, cause: 'weekly.discontinued', facts });
    const [waiting] = await copiesWhen(c, noticeId, 'content needed', (cs) => cs[0].status === 'awaiting-content');
    for (const field of ['decision', 'issues', 'reasons', 'provisions', 'reports']) expect(waiting.detail).toContain(`data.${field}`);
    for (const field of ['takesEffectOn', 'decidedOn', 'effect']) expect(waiting.detail).not.toContain(`data.${field}`);

    const { takesEffectOn, effect, ...written } = decisionContent;
    void effect;
    const typed = await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { ...written, takesEffectOn } });
    expect(typed.status).toBe(400);
    expect(typed.body.problems).toEqual([{ field: 'content.takesEffectOn', problem: `is decided by the platform (${facts.takesEffectOn}; rules.md §8.3, s80) and cannot be written on the notice` }]);
    expect((await api('POST', `/notifications/notices/${noticeId}/content`, 'case-manager', 'cm.lee', { content: { ...written, decision: 'We are stopping your weekly payments.' } })).status).toBe(
      201,
    );

    const [sent] = await copiesWhen(c, noticeId, 'the notice sent', (cs) => cs[0].status === 'sent');
    const { template, text } = await storedText(sent.documentId!);
    expect(template).toBe('decision-notice');
    expect(text).toContain(`We made this decision on ${longDate(on)}. It takes effect on ${longDate(facts.takesEffectOn)}.`);
    expect(text).toContain(`We will pay them for every day up to and including ${longDate(facts.lastPayableDay)}, and not for any day after that.`);
    expect(text).toContain('the notice period of 2 weeks that the law requires');
    expect((await mailTo(w.email)).filter((m) => m.subject.startsWith('Decision notice'))).toHaveLength(1);
  });
});
