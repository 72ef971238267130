import { createHash } from 'node:crypto';
import { sydneyAt } from '@wc/rules';
import { Platform, eventually, http, startPlatform, token } from './support';

// Issue 6 end to end, on the real engines and the local SMTP server: a case manager records the
// claim's parties and disputes liability; the claim's workflow asks for the decision notice (s78);
// notifications prefills it, waits for the reasons only a person can write, has the documents
// service store it, and emails the PDF to the worker; the employer, with no consent from the worker
// to share health information, is refused (program s11) and the case manager gets a task.
jest.setTimeout(300_000);

let platform: Platform;
const mailbox = process.env.MAILBOX_URL ?? 'http://127.0.0.1:8025';
const today = sydneyAt(Date.now()).date;
const stamp = Date.now().toString(36);
const workerEmail = `rio.worker.${stamp}@example.org`;
const employerEmail = `hr.${stamp}@harbourfreight.example`;

const claims = (method: string, url: string, t?: string, body?: unknown) => http(platform.urls.claims, method, url, { token: t, body });
const notifications = (method: string, url: string, t?: string, body?: unknown) => http(platform.urls.notifications, method, url, { token: t, body });

beforeAll(async () => {
  platform = await startPlatform({ env: process.env, basePort: 4301, only: ['claims', 'documents', 'notifications', 'worker'] });
});

afterAll(async () => {
  await platform?.stopAll();
});

it('a decision becomes a stored document and an email at the SMTP server; the employer without consent is refused', async () => {
  const cm = await token('case-manager', 'cm.rio');
  const admin = await token('admin', 'it.admin');
  expect((await notifications('PUT', '/notifications/staff/cm.rio', admin, { name: 'Rio Tanaka', role: 'Case manager', phone: '02 9000 4321', email: 'rio.tanaka@insurer.example' })).status).toBe(200);

  const lodged = await claims('POST', '/claims', cm, {
    assignment: { caseManager: 'cm.rio', teamLeader: 'tl.jo' },
    worker: { givenName: 'Lena', familyName: 'Okoro', dateOfBirth: '1988-03-09' },
    employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'WI-100234' },
    injury: { dateOfInjury: today, employerAwareOn: today, nature: 'sprain-strain', bodyLocation: 'lower back', likelySurgery: false, expectedIncapacityDays: 10, redFlags: [], yellowFlags: [] },
    notifiedAt: `${today}T09:00:00+11:00`,
    notificationComplete: true,
    piawe: '1100.00',
  });
  expect([lodged.status, lodged.body.problems]).toEqual([201, undefined]);
  const claimId: string = lodged.body.id;

  // The claim's address book: bad parties change nothing and say which field is wrong.
  const noEmail = await claims('POST', `/claims/${claimId}/parties`, cm, { role: 'worker', name: 'Lena Okoro', channels: ['email'] });
  expect(noEmail.status).toBe(400);
  expect(noEmail.body.problems).toEqual([{ field: 'channels[0]', problem: 'is email but email is not recorded' }]);
  const w = await claims('POST', `/claims/${claimId}/parties`, cm, { role: 'worker', name: 'Lena Okoro', email: workerEmail, channels: ['email'] });
  expect(w.status).toBe(201);
  expect((await claims('POST', `/claims/${claimId}/parties`, cm, { role: 'worker', name: 'Someone Else', email: 'x@example.org', channels: ['email'] })).status).toBe(422);
  const e = await claims('POST', `/claims/${claimId}/parties`, cm, { role: 'employer', name: 'Harbour Freight Pty Ltd', email: employerEmail, channels: ['email'] });
  expect(e.status).toBe(201);
  expect((await claims('POST', `/claims/${claimId}/consents`, cm, { partyId: w.body.party.partyId, scope: 'health-information', givenOn: today, evidence: 'claim form' })).status).toBe(422);
  // A change replaces the party whole (notices not yet sent use it); an unknown party is a 404.
  const changed = await claims('PUT', `/claims/${claimId}/parties/${e.body.party.partyId}`, cm, {
    role: 'employer',
    name: 'Harbour Freight Pty Ltd',
    relationship: 'employer',
    email: employerEmail,
    mobile: '0400 000 001',
    channels: ['email'],
  });
  expect(changed).toMatchObject({ status: 200, body: { version: 3, party: { partyId: e.body.party.partyId, mobile: '0400000001' } } });
  expect((await claims('PUT', `/claims/${claimId}/parties/00000000-0000-4000-8000-000000000000`, cm, { role: 'doctor', name: 'Dr X', email: 'x@example.org', channels: ['email'] })).status).toBe(404);
  const book = await claims('GET', `/claims/${claimId}/parties`, cm);
  expect(book.body).toMatchObject({ version: 3, consents: [] });
  expect(book.body.parties.map((p: { role: string }) => p.role)).toEqual(['worker', 'employer']);

  // The decision: the workflow asks for the decision notice to the worker and the employer.
  const disputed = await claims('POST', `/claims/${claimId}/actions`, cm, { type: 'liability.disputed', reasons: 'the injury did not arise out of employment' });
  expect(disputed.status).toBe(202);
  const notice = await eventually('the decision notice waiting for its reasons', async () => {
    const r = await notifications('GET', `/notifications/notices?claimId=${claimId}`, cm);
    const n = r.body.notices?.find((x: { type: string }) => x.type === 'decision-notice');
    return n && n.deliveries.length === 2 && n.deliveries.every((d: { status: string }) => d.status === 'awaiting-content' || d.status === 'refused') && n;
  });
  const toEmployer = notice.deliveries.find((d: { recipient: string }) => d.recipient === 'employer');
  expect(toEmployer).toMatchObject({ status: 'refused', channel: 'email', documentId: null });
  expect(toEmployer.detail).toContain('no consent of the worker');
  const tasks = (await notifications('GET', '/notifications/tasks', cm)).body.tasks.filter((t: { claimId: string }) => t.claimId === claimId);
  expect(tasks.map((t: { kind: string }) => t.kind).sort()).toEqual(['consent', 'notice-content']);

  const content = await notifications('POST', `/notifications/notices/${notice.noticeId}/content`, cm, {
    content: {
      decision: 'We dispute liability for your claim.',
      effect: 'We will not pay weekly payments or medical expenses for this injury.',
      takesEffectOn: today,
      issues: ['Whether the injury arose out of or in the course of employment'],
      reasons: ['Your employer and two witnesses say the injury happened at a weekend sporting event.'],
      provisions: ['Workers Compensation Act 1987 s4', 'Workers Compensation Act 1987 s9A'],
      reports: [{ title: 'Witness statements', author: 'Harbour Freight Pty Ltd', date: today, supports: true, reliedOn: true, submittedBy: 'employer' }],
      review: {},
    },
  });
  expect(content.status).toBe(201);

  const [mail] = await eventually('the email at the SMTP server', async () => {
    const m = await (await fetch(`${mailbox}/messages?to=${encodeURIComponent(workerEmail)}`)).json();
    const decision = m.filter((x: { subject: string }) => x.subject.startsWith('Decision notice'));
    return decision.length > 0 && decision;
  });
  expect(mail.subject).toBe(`Decision notice: workers compensation claim ${lodged.body.claimNumber}`);
  expect(mail.attachments).toHaveLength(1);
  const sent = await eventually('the worker copy sent', async () => {
    const r = await notifications('GET', `/notifications/notices?claimId=${claimId}`, cm);
    return r.body.notices
      .find((x: { noticeId: string }) => x.noticeId === notice.noticeId)
      .deliveries.find((d: { recipient: string; status: string }) => d.recipient === 'worker' && d.status === 'sent');
  });
  // The email carries the stored document, which the claim's record lists (document.created).
  const pdf = Buffer.from(await (await fetch(`${platform.urls.documents}/documents/${sent.documentId}/content`, { headers: { authorization: `Bearer ${cm}` } })).arrayBuffer());
  expect(createHash('sha256').update(pdf).digest('hex')).toBe(mail.attachments[0].sha256);
  const record = await eventually('the document on the claim', async () => {
    const r = await claims('GET', `/claims/${claimId}`, cm);
    return r.body.documents?.find((d: { id: string }) => d.id === sent.documentId);
  });
  expect(record).toMatchObject({ kind: 'decision-notice', template: 'decision-notice', templateVersion: 2, contentHash: `sha256:${mail.attachments[0].sha256}` });
  const toEmployerInbox = await (await fetch(`${mailbox}/messages?to=${encodeURIComponent(employerEmail)}`)).json();
  expect(toEmployerInbox).toEqual([]);
  // The claim's record keeps what became of each copy (notice.delivery-updated).
  const trail = await eventually('the delivery record on the claim', async () => {
    const r = await claims('GET', `/claims/${claimId}`, cm);
    const c = r.body.correspondence?.filter((d: { noticeId: string }) => d.noticeId === notice.noticeId);
    return c?.length === 2 && c;
  });
  expect(trail.map((d: { recipient: string; channel: string; status: string }) => [d.recipient, d.channel, d.status]).sort()).toEqual([
    ['employer', 'email', 'refused'],
    ['worker', 'email', 'sent'],
  ]);
  expect(trail.find((d: { recipient: string }) => d.recipient === 'worker')).toMatchObject({ noticeType: 'decision-notice', documentId: sent.documentId, history: [{ status: 'sent', attempt: 1 }] });

  // The claim changes hands: its open tasks follow it to the new case manager.
  const tl = await token('team-leader', 'tl.jo');
  expect((await claims('PUT', `/claims/${claimId}/assignment`, tl, { caseManager: 'cm.kim', teamLeader: 'tl.jo' })).status).toBe(200);
  const moved = await eventually('the consent task with the new case manager', async () => {
    const r = await notifications('GET', '/notifications/tasks?assignee=cm.kim', tl);
    return r.body.tasks.find((t: { claimId: string; kind: string }) => t.claimId === claimId && t.kind === 'consent');
  });
  expect(moved.assignee).toBe('cm.kim');
  // From here the claim is Kim's: Rio no longer works on it (issue 14, per-claim access).
  const kim = await token('case-manager', 'cm.kim');
  expect((await claims('GET', `/claims/${claimId}/parties`, cm)).status).toBe(403);

  // The employer is taken off the claim (it asked to be written to through its broker): a reason is
  // required, and the worker is never taken off. Version 5: the reassignment published version 4.
  const employerId: string = e.body.party.partyId;
  const noReason = await claims('POST', `/claims/${claimId}/parties/${employerId}/removal`, kim, {});
  expect([noReason.status, noReason.body.problems?.[0]?.field]).toEqual([400, 'reason']);
  expect((await claims('POST', `/claims/${claimId}/parties/${w.body.party.partyId}/removal`, kim, { reason: 'wrong person' })).status).toBe(422);
  const reason = 'the employer asked to be written to through its broker';
  const removal = await claims('POST', `/claims/${claimId}/parties/${employerId}/removal`, kim, { reason });
  expect(removal).toMatchObject({ status: 201, body: { version: 5, removed: { party: { partyId: employerId, role: 'employer' }, consents: [], removedOn: today, removedBy: 'cm.kim', reason } } });
  const after = await claims('GET', `/claims/${claimId}/parties`, kim);
  expect(after.body.parties.map((p: { role: string }) => p.role)).toEqual(['worker']);
  expect(after.body.removed.map((r: { party: { partyId: string }; reason: string }) => [r.party.partyId, r.reason])).toEqual([[employerId, reason]]);
  // Notifications withdraws what was still owed to it: the consent task is closed, and its refused
  // copy can no longer be sent again.
  const employerCopy = trail.find((d: { recipient: string }) => d.recipient === 'employer');
  await eventually('the consent task closed', async () => {
    const r = await notifications('GET', '/notifications/tasks?assignee=cm.kim&includeDone=true', tl);
    const t = r.body.tasks.find((x: { claimId: string; kind: string }) => x.claimId === claimId && x.kind === 'consent');
    return t?.doneAt && t;
  });
  const resend = await notifications('POST', `/notifications/deliveries/${employerCopy.deliveryId}/resend`, kim);
  expect([resend.status, resend.body.problems]).toEqual([422, [{ field: 'deliveryId', problem: 'is for a party taken off the claim' }]]);
});
