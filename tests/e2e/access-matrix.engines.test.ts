import { randomUUID } from 'node:crypto';
import { Platform, eventually, http, notification, startPlatform, token } from './support';
import { MATRIX_ROLES, MatrixRole, ROUTES, Resource, expectedAnswer } from './access/matrix';

// Issue 14, done when: "a test builds the whole matrix from the route table: every endpoint × every
// role × own claim / someone else's claim, with the expected answer, and fails when a new endpoint
// has no row". The route table is each service's OpenAPI document; the expected answers are
// tests/e2e/access/matrix.ts. Each role works on claim A ("own") and not on claim B ("other").
// A request is allowed when it is answered anything but 401 or 403 (its body is deliberately not
// valid, so nothing changes: access is decided before a body is checked); refused is a 403.

const SERVICES = ['claims', 'payments', 'notifications', 'documents'] as const;

/** Who acts on each claim: claim A is the "own" claim of these people, B is someone else's. */
const PEOPLE: Record<'A' | 'B', Partial<Record<MatrixRole, string>>> = {
  A: { 'case-manager': 'mx.cm', 'team-leader': 'mx.tl', reviewer: 'mx.rev' },
  B: { 'case-manager': 'mx.cm2', 'team-leader': 'mx.tl2', reviewer: 'mx.rev2' },
};
const userOf = (role: MatrixRole) => PEOPLE.A[role] ?? `mx.${role}`;

type Claim = { id: string; documentId: string; noticeId: string; deliveryId: string };
let platform: Platform;
const claims: Partial<Record<'A' | 'B', Claim>> = {};

async function lodge(which: 'A' | 'B'): Promise<Claim> {
  const people = PEOPLE[which];
  // The acknowledgement letter gives the case manager's contact details: without them it waits for a person.
  const contact = { name: `Case Manager ${which}`, role: 'Case manager', phone: '02 9000 4321', email: `cm.${which.toLowerCase()}@insurer.example` };
  expect((await http(platform.urls.notifications, 'PUT', `/notifications/staff/${people['case-manager']}`, { token: await token('admin', 'mx.admin'), body: contact })).status).toBe(200);
  const lodged = await http(platform.urls.claims, 'POST', '/claims', {
    body: notification({ assignment: { caseManager: people['case-manager'], teamLeader: people['team-leader'] } }),
    token: await token('case-manager', people['case-manager']!),
    headers: { 'idempotency-key': `matrix-${randomUUID()}` },
  });
  expect(lodged.status).toBe(201);
  const id: string = lodged.body.id;
  const lead = await token('team-leader', people['team-leader']!);
  expect((await http(platform.urls.claims, 'POST', `/claims/${id}/reviewers`, { token: lead, body: { reviewer: people.reviewer } })).status).toBe(201);
  const cm = await token('case-manager', people['case-manager']!);
  // The acknowledgement letter: a document and a notice with a copy (a delivery) for each claim.
  const documentId = await eventually(
    `claim ${which}'s acknowledgement letter`,
    async () => (await http(platform.urls.claims, 'GET', `/claims/${id}`, { token: cm })).body?.documents?.[0]?.id,
    120_000,
  );
  const notices = await eventually(
    `claim ${which}'s notices`,
    async () => {
      const res = await http(platform.urls.notifications, 'GET', `/notifications/notices?claimId=${id}`, { token: cm });
      return res.status === 200 && res.body.notices.length && res.body.notices.some((n: unknown) => findKey(n, 'deliveryId')) ? res.body.notices : undefined;
    },
    120_000,
  );
  // Every service has learnt who works on the claim, reviewer included.
  const reviewer = await token('reviewer', people.reviewer!);
  await eventually(`the payments service knows claim ${which}'s reviewer`, async () => (await http(platform.urls.payments, 'GET', `/claims/${id}/piawe`, { token: reviewer })).status !== 403);
  await eventually(`the documents service knows claim ${which}'s reviewer`, async () => (await http(platform.urls.documents, 'GET', `/documents/${documentId}`, { token: reviewer })).status === 200);
  await eventually(
    `the notifications service knows claim ${which}'s reviewer`,
    async () => (await http(platform.urls.notifications, 'GET', `/notifications/notices?claimId=${id}`, { token: reviewer })).status === 200,
  );
  const withCopy = notices.find((n: unknown) => findKey(n, 'deliveryId'));
  return { id, documentId, noticeId: withCopy.noticeId, deliveryId: findKey(withCopy, 'deliveryId') as string };
}

function findKey(v: unknown, key: string): unknown {
  if (Array.isArray(v)) {
    for (const x of v) {
      const found = findKey(x, key);
      if (found !== undefined) return found;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k === key) return x;
      const found = findKey(x, key);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

beforeAll(async () => {
  platform = await startPlatform({ env: process.env, basePort: 5001 });
  claims.A = await lodge('A');
  claims.B = await lodge('B');
}, 480_000);

afterAll(() => platform?.stopAll());

/** The value of a path parameter for a request about claim `c`. */
function pathValue(resource: Resource, c: Claim): string {
  switch (resource) {
    case 'claim':
      return c.id;
    case 'document':
      return c.documentId;
    case 'notice':
      return c.noticeId;
    case 'delivery':
      return c.deliveryId;
    case 'unknown':
      // A resource not made for this test (see matrix.ts): a well-formed id of nothing.
      return randomUUID();
    case 'name':
      return 'mx.nobody';
  }
}

it('every route × every role × own claim and someone else’s: the answer the matrix expects', async () => {
  const seen = new Set<string>();
  const wrong: string[] = [];
  let sent = 0;
  const tokens = Object.fromEntries(await Promise.all(MATRIX_ROLES.map(async (r) => [r, await token(r, userOf(r))]))) as Record<MatrixRole, string>;
  for (const service of SERVICES) {
    const base = platform.urls[service];
    const doc = (await (await fetch(`${base}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [template, operations] of Object.entries(doc.paths)) {
      if (/^\/(health|metrics)/.test(template)) continue;
      for (const method of Object.keys(operations)) {
        const key = `${service} ${method.toUpperCase()} ${template}`;
        seen.add(key);
        const row = ROUTES[key];
        if (!row) {
          wrong.push(`${key}: no row in tests/e2e/access/matrix.ts (say who may call it, and about which claim)`);
          continue;
        }
        for (const which of ['own', 'other'] as const) {
          const c = which === 'own' ? claims.A! : claims.B!;
          const url = template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathValue(row.params?.[name] ?? 'unknown', c))) + (row.query ? `?${row.query}=${c.id}` : '');
          const body = row.body ? row.body(c.id) : method === 'get' ? undefined : {};
          for (const role of MATRIX_ROLES) {
            const res = await http(base, method.toUpperCase(), url, { token: tokens[role], body, headers: { 'idempotency-key': `matrix-${randomUUID()}` } });
            sent++;
            const want = expectedAnswer(row, role, which);
            const got = res.status === 403 ? 'refused' : res.status === 401 ? 'unauthenticated' : 'allowed';
            if (got !== want) wrong.push(`${key} as ${role} on ${which} claim: expected ${want}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
            if (res.status >= 500) wrong.push(`${key} as ${role} on ${which} claim: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          }
        }
      }
    }
  }
  for (const key of Object.keys(ROUTES)) if (!seen.has(key)) wrong.push(`${key}: a row in the matrix for a route no service has`);
  console.log(`access matrix: ${seen.size} routes, ${sent} requests, ${wrong.length} wrong`);
  expect(wrong).toEqual([]);
}, 600_000);

it('a reviewer sees the claim while assigned; a colleague covering sees it over the cover’s days, until it is cancelled', async () => {
  const A = claims.A!;
  const lead = await token('team-leader', 'mx.tl');
  const stranger = await token('reviewer', 'mx.rev3');
  const cover = await token('case-manager', 'mx.cm3');
  const getClaim = (t: string) => http(platform.urls.claims, 'GET', `/claims/${A.id}`, { token: t });
  const getDocument = (t: string) => http(platform.urls.documents, 'GET', `/documents/${A.documentId}`, { token: t });

  const refused = await getClaim(stranger);
  expect(refused).toMatchObject({ status: 403, body: { message: expect.stringContaining('a reviewer works on the claims with a review assigned to them') } });
  expect((await http(platform.urls.claims, 'POST', `/claims/${A.id}/reviewers`, { token: lead, body: { reviewer: 'mx.rev3' } })).body.reviewers).toEqual(['mx.rev', 'mx.rev3']);
  expect((await getClaim(stranger)).status).toBe(200);
  await eventually('the documents service learns of the new reviewer', async () => (await getDocument(stranger)).status === 200);
  expect((await http(platform.urls.claims, 'DELETE', `/claims/${A.id}/reviewers/mx.rev3`, { token: lead })).body.reviewers).toEqual(['mx.rev']);
  expect((await getClaim(stranger)).status).toBe(403);
  await eventually('the documents service learns the reviewer is gone', async () => (await getDocument(stranger)).status === 403);
  expect((await http(platform.urls.claims, 'DELETE', `/claims/${A.id}/reviewers/mx.rev3`, { token: lead })).status).toBe(404);

  // A cover from today (Sydney) for two days.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Sydney' }).format(new Date());
  expect((await getClaim(cover)).status).toBe(403);
  const bad = await http(platform.urls.claims, 'POST', '/covers', { token: lead, body: { caseManager: 'mx.cm', coveredBy: 'mx.cm3', from: today, to: '2000-01-01', reason: 'annual leave' } });
  expect(bad).toMatchObject({ status: 400, body: { problems: [{ field: 'to', problem: 'must not be before from' }] } });
  const recorded = await http(platform.urls.claims, 'POST', '/covers', { token: lead, body: { caseManager: 'mx.cm', coveredBy: 'mx.cm3', from: today, to: today, reason: 'annual leave' } });
  expect(recorded.status).toBe(201);
  expect((await getClaim(cover)).status).toBe(200);
  await eventually('the documents service learns of the cover', async () => (await getDocument(cover)).status === 200);
  expect((await http(platform.urls.claims, 'GET', '/covers', { token: lead })).body.covers).toContainEqual(expect.objectContaining({ coverId: recorded.body.coverId, coveredBy: 'mx.cm3' }));
  expect((await http(platform.urls.claims, 'POST', `/covers/${recorded.body.coverId}/cancel`, { token: lead })).body.cancelled).toBe(true);
  expect((await getClaim(cover)).status).toBe(403);
  await eventually('the documents service learns the cover is over', async () => (await getDocument(cover)).status === 403);
});

it('every read of health information is in the audit, whichever service showed it; only a privacy officer reads the audit', async () => {
  const A = claims.A!;
  const cm = await token('case-manager', 'mx.cm');
  expect((await http(platform.urls.claims, 'GET', `/claims/${A.id}/timeline`, { token: cm })).status).toBe(200);
  expect((await http(platform.urls.documents, 'GET', `/documents/${A.documentId}/content`, { token: cm })).status).toBe(200);
  expect((await http(platform.urls.notifications, 'GET', `/notifications/notices?claimId=${A.id}`, { token: cm })).status).toBe(200);
  // A refused read is not a read.
  expect((await http(platform.urls.claims, 'GET', `/claims/${A.id}`, { token: await token('payments-officer', 'mx.po') })).status).toBe(403);
  const privacy = await token('privacy-officer', 'mx.privacy');
  const reads = await eventually('the reads of the three services in the audit', async () => {
    const res = await http(platform.urls.claims, 'GET', `/audit/health-reads?claimId=${A.id}&user=mx.cm&limit=1000`, { token: privacy });
    const what = new Set(res.body.reads.map((r: { service: string; what: string }) => `${r.service} ${r.what}`));
    return ['claims GET /claims/:id/timeline', 'documents GET /documents/:id/content', 'notifications GET /notifications/notices'].every((w) => what.has(w)) ? res.body.reads : undefined;
  });
  expect(reads[0]).toMatchObject({ claimId: A.id, user: 'mx.cm', role: 'case-manager', basis: 'handles the claim' });
  expect(reads.some((r: { user: string }) => r.user === 'mx.po')).toBe(false);
  // Paged, newest first.
  const page = await http(platform.urls.claims, 'GET', `/audit/health-reads?claimId=${A.id}&limit=1`, { token: privacy });
  expect(page.body.reads).toHaveLength(1);
  const next = await http(platform.urls.claims, 'GET', `/audit/health-reads?claimId=${A.id}&limit=1&after=${page.body.next}`, { token: privacy });
  expect(Number(next.body.reads[0].id)).toBeLessThan(Number(page.body.reads[0].id));
  expect((await http(platform.urls.claims, 'GET', '/audit/health-reads', { token: await token('admin', 'mx.admin') })).status).toBe(403);
  expect((await http(platform.urls.claims, 'GET', '/audit/health-reads?limit=0', { token: privacy })).body.problems).toEqual([{ field: 'limit', problem: 'must be at least 1' }]);
});
