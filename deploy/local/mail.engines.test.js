'use strict';
// The mail engine over a real SMTP conversation (nodemailer, as the notifications service uses it):
// accepted mail is stored and readable over the mailbox API, *.invalid bounces with 550, defer.test
// is deferred with 451. Addresses come from the environment (jest-global-setup.js, or
// `node deploy/local/engines.js up --only mail --detach; set -a; . .data/engines.env; set +a`):
//   npx jest deploy/local/mail.engines.test.js --selectProjects engines
const crypto = require('crypto');
const path = require('path');

jest.setTimeout(30000);

const { SMTP_URL, MAILBOX_URL } = process.env;

// Hoisted to the root node_modules, or only in the workspace that depends on it.
function loadNodemailer() {
  try {
    return require('nodemailer');
  } catch {
    return require(require.resolve('nodemailer', { paths: [path.join(__dirname, '..', '..', 'services', 'notifications')] }));
  }
}

const sha256 = (buf) => crypto.createHash('sha256').update(buf).digest('hex');
const unique = (what) => `wc-mail-test ${what} ${crypto.randomUUID()}`;

async function getJson(p) {
  const res = await fetch(`${MAILBOX_URL}${p}`);
  expect(res.status).toBe(200);
  return res.json();
}

let transport;

beforeAll(() => {
  // A missing address fails rather than skips: a skipped test proves nothing.
  if (!SMTP_URL || !MAILBOX_URL) throw new Error('SMTP_URL and MAILBOX_URL must be set (run the engines project, or export .data/engines.env)');
  transport = loadNodemailer().createTransport(SMTP_URL);
});

afterAll(() => transport && transport.close());

test('the mailbox API is up', async () => {
  expect(await getJson('/health')).toEqual({ ok: true });
});

test('accepts a message with an attachment and serves it back', async () => {
  const pdf = Buffer.from('%PDF-1.4\n% wc-claims mail engine test\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const subject = unique('acknowledgement');
  const info = await transport.sendMail({
    from: 'Claims <claims@insurer.test>',
    to: 'someone@example.org',
    subject,
    text: 'Your claim has been received.',
    attachments: [{ filename: 'acknowledgement.pdf', content: pdf, contentType: 'application/pdf' }],
  });
  expect(info.accepted).toEqual(['someone@example.org']);
  expect(info.rejected).toEqual([]);

  // Stored before the 250 reply: no waiting needed.
  const list = await getJson(`/messages?to=${encodeURIComponent('SomeOne@Example.org')}`);
  const msg = list.find((m) => m.subject === subject);
  expect(msg).toMatchObject({
    envelope: { from: 'claims@insurer.test', to: ['someone@example.org'] },
    from: 'claims@insurer.test',
    fromName: 'Claims',
    to: ['someone@example.org'],
    subject,
    text: expect.stringContaining('Your claim has been received.'),
    attachments: [{ filename: 'acknowledgement.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) }],
  });
  expect(msg.id).toEqual(expect.any(String));
  expect(Date.parse(msg.receivedAt)).not.toBeNaN();
  expect(await getJson(`/messages/${msg.id}`)).toEqual(msg);

  const raw = await fetch(`${MAILBOX_URL}/messages/${msg.id}/raw`);
  expect(raw.headers.get('content-type')).toBe('message/rfc822');
  expect(await raw.text()).toContain(`Subject: ${subject}`);

  const att = await fetch(`${MAILBOX_URL}/messages/${msg.id}/attachments/0`);
  expect(att.status).toBe(200);
  expect(att.headers.get('content-type')).toBe('application/pdf');
  expect(sha256(Buffer.from(await att.arrayBuffer()))).toBe(sha256(pdf));
  expect((await fetch(`${MAILBOX_URL}/messages/${msg.id}/attachments/1`)).status).toBe(404);
});

test('lists messages in arrival order', async () => {
  const first = unique('first');
  const second = unique('second');
  await transport.sendMail({ from: 'claims@insurer.test', to: 'order@example.org', subject: first, text: '1' });
  await transport.sendMail({ from: 'claims@insurer.test', to: 'order@example.org', subject: second, text: '2' });
  const subjects = (await getJson('/messages')).map((m) => m.subject);
  expect(subjects.indexOf(first)).toBeGreaterThanOrEqual(0);
  expect(subjects.indexOf(second)).toBeGreaterThan(subjects.indexOf(first));
});

test('a recipient in *.invalid bounces with 550 and nothing is stored', async () => {
  const subject = unique('bounce');
  const err = await transport.sendMail({ from: 'claims@insurer.test', to: 'x@nowhere.invalid', subject, text: 'x' }).then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(Error);
  expect(err).toMatchObject({ responseCode: 550, rejected: ['x@nowhere.invalid'] });
  expect(err.response).toMatch(/^550 5\.1\.1 /);
  expect(await getJson('/messages?to=x@nowhere.invalid')).toEqual([]);
  expect((await getJson('/messages')).some((m) => m.subject === subject)).toBe(false);
});

test('a recipient in defer.test is deferred with 451', async () => {
  const subject = unique('defer');
  const err = await transport.sendMail({ from: 'claims@insurer.test', to: 'y@defer.test', subject, text: 'y' }).then(
    () => null,
    (e) => e,
  );
  expect(err).toBeInstanceOf(Error);
  expect(err).toMatchObject({ responseCode: 451, rejected: ['y@defer.test'] });
  expect(err.response).toMatch(/^451 4\.3\.0 /);
  expect((await getJson('/messages')).some((m) => m.subject === subject)).toBe(false);
});

test('with mixed recipients only the accepted ones get the message', async () => {
  const subject = unique('mixed');
  const info = await transport.sendMail({ from: 'claims@insurer.test', to: ['worker@example.org', 'gone@nowhere.invalid'], subject, text: 'z' });
  expect(info.accepted).toEqual(['worker@example.org']);
  expect(info.rejected).toEqual(['gone@nowhere.invalid']);
  expect(info.rejectedErrors[0]).toMatchObject({ responseCode: 550 });
  const msg = (await getJson('/messages?to=worker@example.org')).find((m) => m.subject === subject);
  expect(msg.envelope.to).toEqual(['worker@example.org']);
});
