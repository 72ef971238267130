/**
 * The notifications service and the documents service in-process, against the real PostgreSQL and
 * Kafka: a claim.notified event becomes exactly one letter request and one document, even when the
 * event is delivered twice, when the consumer restarts, and when the handler fails after the
 * documents service already made the letter.
 */
import { randomUUID } from 'node:crypto';
import type { ClaimNotifiedData } from '@wc/contracts';
import { TOPICS } from '@wc/contracts';
import { newEnvelope } from '@wc/messaging';
import type { Role } from '@wc/service-kit';
import { type EnginesHarness, captureLogs, startEnginesHarness, waitFor } from '../testing/engines-harness';

jest.setTimeout(120_000);

let h: EnginesHarness;

/** As cm.sam by default: the case manager every claim here is assigned to (issue 14: only they may see its letters). */
async function get(path: string, role?: Role, user = 'cm.sam') {
  return fetch(`${h.base}${path}`, { headers: role ? { authorization: `Bearer ${await h.token(user, role)}` } : {} });
}

function claimNotified(claimNumber: string) {
  const claimId = randomUUID();
  const data: ClaimNotifiedData = {
    claimId,
    claimNumber,
    worker: { givenName: 'Priya', familyName: 'Raman' },
    employer: { name: 'Northern Rivers Council', policyNumber: 'NRC-0042' },
    dateOfInjury: '2026-06-01',
    notificationDate: '2026-06-02',
    notificationComplete: true,
    // The letter gives the case manager's contact, from the staff directory (issue 16).
    assignment: { caseManager: 'cm.sam', teamLeader: null },
  };
  return newEnvelope({ type: 'claim.notified', source: 'wc-claims/claims', subject: claimId, data });
}
const publish = (e: { subject: string }) => h.publisher.publish(TOPICS.claims, [{ key: e.subject, value: JSON.stringify(e) }]);
const handled = async (eventId: string) => (await h.pg.query(`SELECT 1 FROM ${h.notifSchema}.inbox WHERE event_id = $1`, [eventId])).rowCount === 1;

/**
 * A marker event for `claimId` (a type the service ignores, but its inbox records): once it is
 * handled, everything published before it for the same claim (same key, same partition) has been too.
 */
async function drained(claimId: string) {
  const marker = newEnvelope({ type: 'test.marker', source: 'notifications-test', subject: claimId, data: {} });
  await publish(marker);
  await waitFor(`marker ${marker.id} handled`, () => handled(marker.id));
}

/** A new consumer group starts at the end of the topic once it has its offsets: wait until it reads. */
async function consuming() {
  for (let attempt = 0; attempt < 20; attempt++) {
    const marker = newEnvelope({ type: 'test.marker', source: 'notifications-test', subject: randomUUID(), data: {} });
    await publish(marker);
    try {
      await waitFor('the consumer to read', () => handled(marker.id), 3000);
      return;
    } catch {
      /* published before the group had its offsets: try again */
    }
  }
  throw new Error('the notifications consumer never read the claims topic');
}

async function startNotifications() {
  await h.startNotifications();
  await consuming();
}

const lettersOf = async (claimId: string) => (await h.pg.query(`SELECT event_id, document_id, failure FROM ${h.notifSchema}.letter_requests WHERE claim_id = $1`, [claimId])).rows;
const documentsOf = async (claimId: string) => (await h.pg.query(`SELECT id, idempotency_key FROM ${h.docsSchema}.documents WHERE claim_id = $1`, [claimId])).rows;

beforeAll(async () => {
  h = await startEnginesHarness({ name: 'letters', topics: [TOPICS.claims], startDocuments: () => import('../../../documents/src/main') });
  await startNotifications();
  const staff = await fetch(`${h.base}/notifications/staff/cm.sam`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await h.token('it.admin', 'admin')}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Sam Whitlock', role: 'Case manager', phone: '02 9000 2468', email: 'sam.whitlock@insurer.example' }),
  });
  expect(staff.status).toBe(200);
});

afterAll(() => h?.close());

it('health: database, kafka, the documents service, the SMTP server and the worker polling Temporal', async () => {
  // The worker bundles its workflow code when it starts: down until it polls, then up.
  const up = { database: { status: 'up' }, kafka: { status: 'up' }, documents: { status: 'up' }, smtp: { status: 'up' }, temporal: { status: 'up' } };
  const body = await waitFor('readiness', async () => {
    const res = await fetch(`${h.base}/health`);
    const b = await res.json();
    return res.status === 200 && b;
  });
  expect(body).toEqual({ status: 'ok', info: up, error: {}, details: up });
});

it('claim.notified → one acknowledgement letter, however often the event is delivered and across a restart', async () => {
  const event = claimNotified('WC0004711');
  const claimId = event.subject;
  const logs = captureLogs(h.notifications);
  await publish(event);
  const [request] = await waitFor('the letter request', async () => {
    const rows = await lettersOf(claimId);
    return rows.length > 0 && rows;
  });
  expect(request.event_id).toBe(event.id);
  // The log line says which claim.
  expect(logs).toContainEqual(expect.objectContaining({ msg: 'acknowledgement letter requested', claimId, eventId: event.id, documentId: request.document_id }));
  expect(await documentsOf(claimId)).toEqual([{ id: request.document_id, idempotency_key: expect.stringMatching(new RegExp(`^ack-letter:${event.id}:[0-9a-f]{32}$`)) }]);

  // The documents service has the letter, made by the service token.
  const meta = await fetch(`${h.docsUrl}/documents/${request.document_id}`, { headers: { authorization: `Bearer ${await h.token('cm.sam', 'case-manager')}` } });
  expect(await meta.json()).toMatchObject({ claimId, kind: 'acknowledgement-letter', createdBy: 'notifications-service', version: 1 });

  // Delivered again (a relay's republish): nothing new.
  await publish(event);
  await drained(claimId);
  expect(await lettersOf(claimId)).toHaveLength(1);
  expect(await documentsOf(claimId)).toHaveLength(1);

  // Restarted consumer, and the event delivered once more.
  await h.stopNotifications();
  await startNotifications();
  await publish(event);
  await drained(claimId);
  expect(await lettersOf(claimId)).toEqual([request]);
  expect(await documentsOf(claimId)).toHaveLength(1);

  const listed = await get(`/notifications/letters?claimId=${claimId}`, 'case-manager');
  expect(listed.status).toBe(200);
  expect(await listed.json()).toEqual({
    claimId,
    letters: [{ eventId: event.id, claimId, kind: 'acknowledgement-letter', documentId: request.document_id, failure: null, requestedAt: expect.any(String) }],
  });
});

it('a failure after the letter was made (before the commit) retries with the same key: still one document', async () => {
  const event = claimNotified('WC0004712');
  const claimId = event.subject;
  // The first insert of this claim's letter request fails, after the documents service answered,
  // as a crash between the call and the commit would. A sequence counts attempts outside the
  // rolled-back transactions.
  await h.pg.query(`CREATE SEQUENCE ${h.notifSchema}.crash_attempts`);
  await h.pg.query(`CREATE FUNCTION ${h.notifSchema}.crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.claim_id = '${claimId}' AND nextval('${h.notifSchema}.crash_attempts') = 1 THEN
        RAISE EXCEPTION 'simulated crash after the documents call';
      END IF;
      RETURN NEW;
    END $$`);
  await h.pg.query(`CREATE TRIGGER crash_once BEFORE INSERT ON ${h.notifSchema}.letter_requests FOR EACH ROW EXECUTE FUNCTION ${h.notifSchema}.crash_once()`);

  await publish(event);
  const rows = await waitFor('the letter request after the retry', async () => {
    const r = await lettersOf(claimId);
    return r.length > 0 && r;
  });
  expect((await h.pg.query(`SELECT last_value FROM ${h.notifSchema}.crash_attempts`)).rows[0].last_value).toBe('2');
  const docs = await documentsOf(claimId);
  expect(docs).toHaveLength(1);
  expect(rows).toEqual([{ event_id: event.id, document_id: docs[0].id, failure: null }]);
  await h.pg.query(`DROP TRIGGER crash_once ON ${h.notifSchema}.letter_requests`);
});

it('GET /notifications/letters needs a token and a claim id', async () => {
  expect((await get(`/notifications/letters?claimId=${randomUUID()}`)).status).toBe(401);
  const bad = await get('/notifications/letters?claimId=12', 'case-manager');
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { problems: unknown }).problems).toEqual([{ field: 'claimId', problem: 'must be a uuid' }]);
  const missing = await get('/notifications/letters', 'reviewer');
  expect(((await missing.json()) as { problems: unknown }).problems).toEqual([{ field: 'claimId', problem: 'is required' }]);
  // A claim this service has not heard of: nobody is known to work on it, so nobody may see it yet.
  const unknown = randomUUID();
  const refused = await get(`/notifications/letters?claimId=${unknown}`, 'case-manager');
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { message: string }).message).toBe(`the notifications service does not yet know who works on claim ${unknown}; try again shortly`);
});

it('GET /notifications/letters: only for those who work on the claim; a payments officer never (a letter is health information)', async () => {
  const event = claimNotified('WC0004714');
  const claimId = event.subject;
  await publish(event);
  await drained(claimId);
  const other = await get(`/notifications/letters?claimId=${claimId}`, 'case-manager', 'cm.other');
  expect(other.status).toBe(403);
  expect(((await other.json()) as { message: string }).message).toBe(
    `cm.other (case-manager) may not see claim ${claimId} here: a case manager works on the claims they handle or cover for, and this is not one of them`,
  );
  const payments = await get(`/notifications/letters?claimId=${claimId}`, 'payments-officer', 'po.pat');
  expect(payments.status).toBe(403);
  expect(((await payments.json()) as { message: string }).message).toContain('a payments officer sees payment data, never health information');
  expect((await get(`/notifications/letters?claimId=${claimId}`, 'case-manager')).status).toBe(200);
});

it('the documents service refusing the request leaves the event unhandled (retried), recording nothing', async () => {
  // Documents' database is briefly unusable: POST /documents answers 500, the event is retried.
  const event = claimNotified('WC0004713');
  const claimId = event.subject;
  const logs = captureLogs(h.notifications);
  await h.pg.query(`ALTER TABLE ${h.docsSchema}.documents RENAME TO documents_away`);
  const failures = () => logs.filter((l) => l.level === 'error' && l.msg === 'event handler failed; rolled back, will be retried' && l.claimId === claimId && l.eventId === event.id);
  try {
    await publish(event);
    // Not time passing but what the consumer did with the event: it failed, rolled back (logged after
    // the rollback) and failed again on the retry. Were the event wrongly handled or a letter
    // recorded instead, that ends the wait too, and the checks below fail.
    await waitFor('the event to fail and be retried (or, wrongly, to be handled)', async () => failures().length >= 2 || (await handled(event.id)) || (await lettersOf(claimId)).length > 0);
    expect(failures().length).toBeGreaterThanOrEqual(2);
    expect(await lettersOf(claimId)).toEqual([]);
    expect(await handled(event.id)).toBe(false);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'error', msg: 'event handler failed; rolled back, will be retried', claimId, error: expect.stringMatching(/documents service answered 500/) }),
    );
  } finally {
    await h.pg.query(`ALTER TABLE ${h.docsSchema}.documents_away RENAME TO documents`);
  }
  await waitFor('the letter after documents recovered', async () => (await lettersOf(claimId)).length === 1, 60_000);
  expect(await documentsOf(claimId)).toHaveLength(1);
});

it('a letter the documents service refuses for good is recorded as failed, and later events of the partition still flow', async () => {
  // An injury notified before it happened: the template refuses it (400). Retrying would stall the partition for ever.
  const bad = claimNotified('WC0004799');
  (bad.data as ClaimNotifiedData).notificationDate = '2026-05-01';
  const claimId = bad.subject;
  await publish(bad);
  const [failed] = await waitFor('the failed letter request', async () => {
    const r = await lettersOf(claimId);
    return r.length > 0 && r;
  });
  expect(failed.document_id).toBeNull();
  expect(failed.failure).toMatch(/documents service answered 400/);
  expect(await handled(bad.id)).toBe(true);
  await drained(claimId); // the next event of the same claim (same partition) is handled
  expect(await documentsOf(claimId)).toHaveLength(0);
});
