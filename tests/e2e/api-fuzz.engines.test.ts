import { randomUUID } from 'node:crypto';
import { Platform, eventually, http, notification, startPlatform, token } from './support';
import { JsonSchema, mutate, pathValue, queryString, random, sample, withKnown } from './fuzz/requests';

// Issue 14, done when: a bounded fuzz test of the staff APIs (thousands of mutated requests) in CI,
// with no 5xx. Every route each service publishes in its OpenAPI document gets a plausible request
// from its own schemas, then mutations of it (fields removed, replaced by wrong types, text the
// database cannot store, numbers no column holds, junk bodies, bad path and query values). A
// refusal must be a 4xx; a 5xx is a bug. Seeded: FUZZ_SEED replays a run, FUZZ_PER_ROUTE sizes it.

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const PER_ROUTE = Number(process.env.FUZZ_PER_ROUTE ?? 40);
const SERVICES = ['claims', 'payments', 'notifications', 'documents'];

type Operation = {
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
};

let platform: Platform;
let claimId: string;

beforeAll(async () => {
  platform = await startPlatform({ env: process.env, basePort: 4901 });
  const lodged = await http(platform.urls.claims, 'POST', '/claims', {
    body: notification({ assignment: { caseManager: 'fuzz.case', teamLeader: 'fuzz.lead' } }),
    token: await token('case-manager', 'fuzz.case'),
    headers: { 'idempotency-key': `fuzz-${randomUUID()}` },
  });
  expect(lodged.status).toBe(201);
  claimId = lodged.body.id;
  // The payments service learns the claim from its event; until then most routes on it are 404s.
  await eventually(
    'the claim in the payments service',
    async () => (await http(platform.urls.payments, 'GET', `/claims/${claimId}`, { token: await token('payments-officer', 'fuzz.pay') })).status === 200,
  );
}, 240_000);

afterAll(() => platform?.stopAll());

it('thousands of mutated requests to every route of every service: refused with a 4xx or done, never a 5xx', async () => {
  const rnd = random(SEED);
  // Mostly the people who work on the claim (so most requests get past per-claim access to the
  // handlers the mutations are for), then those refused it.
  const tokens = {
    admin: await token('admin', 'fuzz.admin'),
    'case-manager': await token('case-manager', 'fuzz.case'),
    'team-leader': await token('team-leader', 'fuzz.lead'),
    'payments-officer': await token('payments-officer', 'fuzz.pay'),
  };
  const who = (r: number): keyof typeof tokens => (r < 0.5 ? 'case-manager' : r < 0.7 ? 'team-leader' : r < 0.85 ? 'payments-officer' : 'admin');
  const failures: string[] = [];
  let sent = 0;
  const statuses: Record<number, number> = {};
  for (const service of SERVICES) {
    const base = platform.urls[service];
    const doc = (await (await fetch(`${base}/docs/openapi.json`)).json()) as { paths: Record<string, Record<string, Operation>> };
    for (const [template, operations] of Object.entries(doc.paths)) {
      if (/^\/(health|metrics)/.test(template)) continue;
      for (const [method, op] of Object.entries(operations)) {
        const params = op.parameters ?? [];
        const [mediaType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
        const good = media ? withKnown(sample(media.schema, rnd), { claimId }) : undefined;
        for (let i = 0; i <= PER_ROUTE; i++) {
          // The first request of each route is the sample as is; the rest are mutations of it.
          const m = i === 0 || good === undefined ? { what: 'sample', value: good } : mutate(good, rnd);
          const url =
            template.replace(/\{(\w+)\}/g, (_, name: string) => pathValue(name, { id: service === 'claims' || service === 'payments' ? claimId : '', claimId }, rnd)) +
            queryString(
              params.filter((p) => p.in === 'query'),
              rnd,
              { claimId },
            );
          const headers: Record<string, string> = { authorization: `Bearer ${tokens[who(rnd())]}` };
          if (rnd() < 0.9) headers['idempotency-key'] = `fuzz-${SEED}-${sent}`;
          let body: string | undefined;
          if (mediaType === 'text/csv' || mediaType === 'text/plain') {
            headers['content-type'] = mediaType;
            body = typeof m.value === 'string' ? m.value : `claimNumber,amount\n${JSON.stringify(m.value)},1.00\n`;
          } else if (m.value !== undefined) {
            headers['content-type'] = 'application/json';
            body = JSON.stringify(m.value);
          }
          const res = await fetch(`${base}${url}`, { method: method.toUpperCase(), headers, body });
          const text = await res.text();
          sent++;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          // A sample that reassigned the claim took it from the fuzz's own case manager and team
          // leader: the new team leader gives it back, so the rest of the run still reaches the handlers.
          if (template === '/claims/{id}/assignment' && res.status === 200) {
            const { teamLeader } = JSON.parse(body!) as { teamLeader: string };
            const back = await http(base, 'PUT', `/claims/${claimId}/assignment`, { token: await token('team-leader', teamLeader), body: { caseManager: 'fuzz.case', teamLeader: 'fuzz.lead' } });
            expect(back.status).toBe(200);
          }
          if (res.status >= 500) failures.push(`${service} ${method.toUpperCase()} ${template} [${m.what}] → ${res.status} ${text.slice(0, 300)}`);
        }
      }
    }
  }
  // A line for the record: how many requests this run sent.
  console.log(`api fuzz: ${sent} requests, seed ${SEED}, answers by status ${JSON.stringify(statuses)}`);
  expect(sent).toBeGreaterThan(1000);
  // Not only refusals: a share of the requests got past validation and did their work.
  expect(
    Object.entries(statuses)
      .filter(([s]) => /^2/.test(s))
      .reduce((n, [, c]) => n + c, 0),
  ).toBeGreaterThan(sent / 20);
  expect(failures.slice(0, 40)).toEqual([]);
}, 900_000);
