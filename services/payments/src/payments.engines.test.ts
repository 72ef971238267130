/**
 * The payments service over HTTP against the real engines: PostgreSQL (a throwaway database per run)
 * and Kafka. Needs DATABASE_URL and KAFKA_BROKERS, e.g.
 *   node deploy/local/engines.js up --only kafka,postgres,temporal --detach; set -a; . .data/engines.env; set +a
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Client } from 'pg';
import { TOPICS } from '@wc/contracts';
import { createKafka } from '@wc/messaging';
import { checkWageSchedule } from '@wc/payment-files';
import { Dec, formatMoney, sum } from '@wc/rules';
import { Role, mintToken, signingKey } from '@wc/service-kit';
import { caseFiles, expectedFile, ownCase } from '../../../tools/test-cases/src';
import { PaymentsUnderTest, startPaymentsForTest } from './test-support/payments-app';
import { SCHEMA } from './config';

// The schedules among the payment examples (docs/payment-files.md): the repository's own always, the
// shared ones too when ../shared (or WC_SHARED_DIR) exists. The tests that need one schedule post the
// repository's own valid one, whose totals were worked by hand (docs/examples/payments/README.md).
type Expected = { ok: boolean; summary?: { lines: number; claims: number; grossEarnings: string; compensationPaid: string; paygWithheld: string }; problems?: unknown[] };
const schedules = caseFiles('payments')
  .filter((c) => c.file.endsWith('.csv'))
  .map((c) => ({ name: c.name, source: c.source, text: fs.readFileSync(c.file, 'utf8'), expected: JSON.parse(fs.readFileSync(expectedFile(c.file)!, 'utf8')) as Expected }));
const validSchedules = schedules.filter((c) => c.expected.ok);
const invalidSchedules = schedules.filter((c) => !c.expected.ok);
const ownValid = fs.readFileSync(ownCase('payments', 'wrs-valid.csv'), 'utf8');
const ownValidSummary = (JSON.parse(fs.readFileSync(ownCase('payments', 'wrs-valid.expected.json'), 'utf8')) as Expected).summary!;
/** `[line, column]` of an expected problem, given as `[line, column]` or `{ line, column, message }`. */
const lineAndColumn = (p: unknown) => (Array.isArray(p) ? p.slice(0, 2) : [(p as { line: number }).line, (p as { column: string }).column]);
/** Line numbers of the data lines (not the header, not blank) of a schedule without multi-line records. */
const dataLines = (text: string) => text.split(/\r?\n/).flatMap((l, i) => (i > 0 && l.trim() !== '' ? [i + 1] : []));

jest.setTimeout(60_000);

const brokers = process.env.KAFKA_BROKERS;
let payments: PaymentsUnderTest;
let base: string;
let db: Client;
const tokens: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  payments = await startPaymentsForTest();
  ({ base, db } = payments);
  const key = signingKey(process.env);
  for (const role of ['payments-officer', 'admin', 'case-manager'] as Role[]) tokens[role] = await mintToken({ user: `test-${role}`, role }, key);
});

afterAll(async () => {
  await payments?.close();
});

interface Sent {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

async function send(method: string, url: string, o: { role?: Role; body?: string; type?: string; key?: string } = {}): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (o.role) headers.authorization = `Bearer ${tokens[o.role]}`;
  if (o.type) headers['content-type'] = o.type;
  if (o.key) headers['idempotency-key'] = o.key;
  const res = await fetch(`${base}${url}`, { method, headers, body: o.body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
const postCsv = (text: string, query = 'policyNumber=P-1000', o: { role?: Role; key?: string; type?: string } = {}) =>
  send('POST', `/wage-reimbursement-schedules?${query}`, { role: 'payments-officer', type: 'text/csv', body: text, ...o });
const postJson = (body: unknown, query = '', o: { role?: Role; key?: string } = {}) =>
  send('POST', `/wage-reimbursement-schedules${query ? `?${query}` : ''}`, { role: 'payments-officer', type: 'application/json', body: JSON.stringify(body), ...o });

async function counts() {
  const one = async (table: string) => Number((await db.query(`SELECT count(*) AS n FROM ${SCHEMA}.${table}`)).rows[0].n);
  return { schedules: await one('wage_reimbursement_schedules'), lines: await one('wage_reimbursement_schedule_lines'), outbox: await one('outbox') };
}

const HEADER = 'claim_number,period_start,period_end,hours_worked,gross_earnings,compensation_paid,payg_withheld';

test('GET /health is public and checks the database, Kafka and that the worker polls Temporal', async () => {
  // Runs and remediations are workflows (issue 15): not ready until the worker polls (it bundles its workflow code first).
  const first = await send('GET', '/health');
  if (first.status === 503) expect(first.body.details.temporal).toEqual({ status: 'down', message: expect.stringMatching(/^the payments worker is not polling task queue payments-test-/) });
  const up = { database: { status: 'up' }, kafka: { status: 'up' }, temporal: { status: 'up' } };
  for (let i = 0; i < 300 && (await send('GET', '/health')).status !== 200; i++) await new Promise((r) => setTimeout(r, 100));
  expect(await send('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok', info: up, error: {}, details: up } });
});

test("the repository's own schedules are among the examples", () => {
  expect(validSchedules.filter((c) => c.source === 'own').length).toBeGreaterThan(0);
  expect(invalidSchedules.filter((c) => c.source === 'own').length).toBeGreaterThan(0);
});

test('401 without a token, 403 for a role that may not handle payments', async () => {
  expect((await postCsv(ownValid, 'policyNumber=P-1000', { role: undefined })).status).toBe(401);
  expect((await send('GET', `/wage-reimbursement-schedules/${randomUUID()}`)).status).toBe(401);
  const forbidden = await postCsv(ownValid, 'policyNumber=P-1000', { role: 'case-manager' });
  expect(forbidden.status).toBe(403);
  expect((await send('GET', `/wage-reimbursement-schedules/${randomUUID()}`, { role: 'case-manager' })).status).toBe(403);
  expect((await send('GET', `/wage-reimbursement-schedules/${randomUUID()}`, { role: 'admin' })).status).toBe(404);
  expect(await counts()).toMatchObject({ schedules: 0 });
});

test.each(validSchedules.map((c) => [c.name, c] as const))('a valid CSV (%s) is stored with its lines and the exact totals of checkWageSchedule', async (name, c) => {
  const text = c.text;
  const expected = checkWageSchedule(text);
  if (!expected.ok) throw new Error(`the valid example ${name} is not valid`);
  expect(expected.summary).toEqual(c.expected.summary);
  const before = await counts();

  const r = await postCsv(text);
  expect(r.status).toBe(201);
  expect(r.headers.get('location')).toBe(`/wage-reimbursement-schedules/${r.body.id}`);
  expect(r.body).toMatchObject({ employer: { policyNumber: 'P-1000' }, format: 'csv', partial: false, rejected: [], receivedBy: 'test-payments-officer' });
  expect(r.body.totals).toEqual(expected.summary);
  expect(r.body.lines.map((l: { line: number }) => l.line)).toEqual(expected.lines.map((l) => l.line));
  const first = expected.lines[0];
  expect(r.body.lines[0]).toEqual({
    line: first.line,
    claimNumber: first.claimNumber,
    periodStart: first.periodStart,
    periodEnd: first.periodEnd,
    hoursWorked: first.hoursWorked.toString(),
    grossEarnings: formatMoney(first.grossEarnings),
    compensationPaid: formatMoney(first.compensationPaid),
    paygWithheld: formatMoney(first.paygWithheld),
  });

  const got = await send('GET', `/wage-reimbursement-schedules/${r.body.id}`, { role: 'payments-officer' });
  expect(got).toMatchObject({ status: 200, body: r.body });
  // The stored lines add up to the totals, in exact decimals and in SQL.
  for (const k of ['grossEarnings', 'compensationPaid', 'paygWithheld'] as const) {
    expect(formatMoney(sum(got.body.lines.map((l: Record<string, string>) => new Dec(l[k]))))).toBe(expected.summary[k]);
  }
  const sql = await db.query(
    `SELECT sum(gross_earnings)::text AS g, sum(compensation_paid)::text AS c, sum(payg_withheld)::text AS p FROM ${SCHEMA}.wage_reimbursement_schedule_lines WHERE schedule_id = $1`,
    [r.body.id],
  );
  expect(sql.rows[0]).toEqual({ g: expected.summary.grossEarnings, c: expected.summary.compensationPaid, p: expected.summary.paygWithheld });
  const types = await db.query(
    `SELECT column_name, data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'wage_reimbursement_schedule_lines' ORDER BY column_name`,
    [SCHEMA],
  );
  for (const c of types.rows.filter((x) => ['gross_earnings', 'compensation_paid', 'payg_withheld'].includes(x.column_name)))
    expect(c).toMatchObject({ data_type: 'numeric', numeric_precision: 12, numeric_scale: 2 });
  expect(await counts()).toEqual({ schedules: before.schedules + 1, lines: before.lines + expected.lines.length, outbox: before.outbox + 1 });
});

test.each(invalidSchedules.map((c) => [c.name, c] as const))('the invalid example %s is refused with every problem, its line and column, and nothing is stored', async (_name, c) => {
  const before = await counts();
  const r = await postCsv(c.text);
  expect(r.status).toBe(422);
  const problems = c.expected.problems!;
  expect(r.body.problems.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual(problems.map(lineAndColumn));
  for (const p of r.body.problems) expect(p.message).toEqual(expect.any(String));
  // Where the example gives the messages (the repository's own do), they are the ones the API answers.
  problems.forEach((p, i) => {
    if (!Array.isArray(p) && typeof p === 'object' && p !== null && 'message' in p) expect(r.body.problems[i]).toEqual(p);
  });
  expect(r.body.message).toMatch(new RegExp(`${problems.length} problems; nothing was stored`));
  expect(await counts()).toEqual(before);
});

test.each(invalidSchedules.map((c) => [c.name, c] as const))('?partial=true stores only the good lines of %s and reports the others', async (name, c) => {
  const before = await counts();
  const problems = c.expected.problems!;
  const bad = [...new Set(problems.map((p) => lineAndColumn(p)[0] as number))];
  const good = dataLines(c.text).filter((l) => !bad.includes(l));
  const rows = c.text.split(/\r?\n/);
  const alone = checkWageSchedule([rows[0], ...good.map((l) => rows[l - 1])].join('\n'));
  if (!alone.ok) throw new Error(`the good lines of ${name} are not valid on their own`);
  const r = await postCsv(c.text, 'policyNumber=P-1000&partial=true');
  expect(r.status).toBe(201);
  expect(r.body).toMatchObject({ partial: true, totals: alone.summary });
  expect(r.body.lines.map((l: { line: number }) => l.line)).toEqual(good);
  expect(r.body.rejected.map((p: { line: number; column: string }) => [p.line, p.column])).toEqual(problems.map(lineAndColumn));
  expect((await send('GET', `/wage-reimbursement-schedules/${r.body.id}`, { role: 'admin' })).body.rejected).toEqual(r.body.rejected);
  expect(await counts()).toEqual({ schedules: before.schedules + 1, lines: before.lines + good.length, outbox: before.outbox + 1 });
  // A partial import with no good line stores nothing.
  const none = await postCsv(`${HEADER}\n,2026-07-06,2026-07-12,1,1.00,1.00,1.00\n`, 'policyNumber=P-1000&partial=true');
  expect(none.status).toBe(422);
  expect(none.body.message).toMatch(/no line of the schedule is valid/);
  expect(await counts()).toEqual({ schedules: before.schedules + 1, lines: before.lines + good.length, outbox: before.outbox + 1 });
});

test('JSON goes through the same checks; exact sums; shape errors are 400', async () => {
  const line = { claimNumber: 'CLM000555', periodStart: '2026-07-06', periodEnd: '2026-07-12', hoursWorked: 7.5, grossEarnings: '0.10', compensationPaid: '0.20', paygWithheld: '0.00' };
  const lines = Array.from({ length: 10 }, (_, i) => ({ ...line, claimNumber: `CLM${i}` }));
  const ok = await postJson({ employer: { policyNumber: 'P-2000' }, lines });
  expect(ok.status).toBe(201);
  expect(ok.body).toMatchObject({ format: 'json', employer: { policyNumber: 'P-2000' }, totals: { lines: 10, claims: 10, grossEarnings: '1.00', compensationPaid: '2.00', paygWithheld: '0.00' } });
  expect(ok.body.lines[9]).toMatchObject({ line: 10, claimNumber: 'CLM9', hoursWorked: '7.5' });

  const before = await counts();
  const bad = await postJson({ employer: { policyNumber: 'P-2000' }, lines: [line, { ...line, periodStart: '2026-07-08', periodEnd: '2026-07-30' }] });
  expect(bad.status).toBe(422);
  expect(bad.body.problems).toEqual([
    { line: 2, column: 'period_start', field: 'lines[1].periodStart', message: 'overlaps the period in lines[0] for the same claim' },
    { line: 2, column: 'period_end', field: 'lines[1].periodEnd', message: 'period is 23 days; at most 14 days inclusive' },
  ]);
  const shape = await postJson({ employer: {}, lines: [{ ...line, grossEarnings: 0.1 }] });
  expect(shape.status).toBe(400);
  expect(shape.body.problems.map((p: { field: string }) => p.field)).toEqual(['employer.policyNumber', 'lines[0].grossEarnings']);
  expect(await counts()).toEqual(before);
});

test('Idempotency-Key: the same key and schedule give the same schedule; another schedule is a 409', async () => {
  const key = `wrs-${randomUUID()}`;
  const text = ownValid;
  const first = await postCsv(text, 'policyNumber=P-3000', { key });
  expect(first.status).toBe(201);
  const before = await counts();
  const again = await postCsv(text, 'policyNumber=P-3000', { key });
  expect(again.status).toBe(200);
  expect(again.body).toEqual(first.body);
  const [a, b] = await Promise.all([postCsv(text, 'policyNumber=P-3000', { key }), postCsv(text, 'policyNumber=P-3000', { key })]);
  expect([a.body.id, b.body.id]).toEqual([first.body.id, first.body.id]);
  expect((await postCsv(text, 'policyNumber=P-3001', { key })).status).toBe(409);
  expect(await counts()).toEqual(before);
  // Concurrent first requests with one key: one schedule.
  const fresh = `wrs-${randomUUID()}`;
  const race = await Promise.all([1, 2, 3].map(() => postCsv(text, 'policyNumber=P-3002', { key: fresh })));
  expect(race.map((r) => r.status).sort()).toEqual([200, 200, 201]);
  expect(new Set(race.map((r) => r.body.id)).size).toBe(1);
  expect(await counts()).toEqual({ schedules: before.schedules + 1, lines: before.lines + ownValidSummary.lines, outbox: before.outbox + 1 });
});

test('requests that are not a schedule: 400, 413, 415', async () => {
  const before = await counts();
  expect((await postCsv(ownValid, '')).status).toBe(400); // no policyNumber
  expect((await postCsv(ownValid, 'policyNumber=P-1&partial=yes')).status).toBe(400);
  expect((await postCsv(ownValid, 'policyNumber=P-1', { key: 'short' })).status).toBe(400);
  expect((await postCsv(ownValid, 'policyNumber=P-1', { type: 'text/plain' })).status).toBe(415);
  expect((await postCsv(ownValid, 'policyNumber=P-1', { type: 'text/csv; charset=windows-1252' })).status).toBe(415);
  const notUtf8 = await fetch(`${base}/wage-reimbursement-schedules?policyNumber=P-1`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens['payments-officer']}`, 'content-type': 'text/csv' },
    body: Buffer.from([0x63, 0xff, 0x0a]),
  });
  expect(notUtf8.status).toBe(400);
  const badJson = await send('POST', '/wage-reimbursement-schedules', { role: 'payments-officer', type: 'application/json', body: '{"employer":' });
  expect(badJson.status).toBe(400);
  const big = `${HEADER}\n${'CLM1,2026-07-06,2026-07-12,16,480.00,679.00,98.00\n'.repeat(110_000)}`; // ~5.7 MB
  const tooBig = await postCsv(big);
  expect(tooBig.status).toBe(413);
  expect(tooBig.body.message).toMatch(/larger than 5mb/);
  expect(await counts()).toEqual(before);
});

test('a big schedule under the limit is stored in one go', async () => {
  const rows = Array.from({ length: 20_000 }, (_, i) => `CLM${i},2026-07-06,2026-07-12,16,480.01,679.00,98.00`);
  const r = await postCsv(`${HEADER}\n${rows.join('\n')}\n`);
  expect(r.status).toBe(201);
  expect(r.body.totals).toEqual({ lines: 20_000, claims: 20_000, grossEarnings: '9600200.00', compensationPaid: '13580000.00', paygWithheld: '1960000.00' });
});

test('the schedule event goes through the outbox to Kafka', async () => {
  const r = await postCsv(ownValid, 'policyNumber=P-4000');
  expect(r.status).toBe(201);
  const row = await db.query(`SELECT id, topic, key, envelope FROM ${SCHEMA}.outbox WHERE key = $1`, [r.body.id]);
  expect(row.rows).toHaveLength(1);
  const { id, topic, envelope } = row.rows[0];
  expect(topic).toBe(TOPICS.payments);
  expect(envelope).toMatchObject({
    type: 'wage-reimbursement-schedule.received',
    subject: r.body.id,
    data: { scheduleId: r.body.id, employer: { policyNumber: 'P-4000' }, format: 'csv', partial: false, rejectedLines: 0, ...ownValidSummary },
  });
  // The relay publishes it; a consumer of the topic sees it.
  for (let i = 0; ; i++) {
    const p = await db.query(`SELECT published_at FROM ${SCHEMA}.outbox WHERE id = $1`, [id]);
    if (p.rows[0].published_at) break;
    if (i > 300) throw new Error('the outbox relay did not publish the event within 30 s');
    await new Promise((res) => setTimeout(res, 100));
  }
  const consumer = createKafka({ brokers: brokers!, clientId: 'payments-engines-test', logLevel: 'error' }).consumer({ groupId: `payments-test-${randomUUID()}` });
  const seen = new Promise<Record<string, unknown>>((resolve) => {
    void consumer.run(
      [TOPICS.payments],
      async (m) => {
        const value = JSON.parse(m.value?.toString() ?? '{}');
        if (value.id === id) resolve({ key: m.key, ...value });
      },
      { fromBeginning: true },
    );
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const got = await Promise.race([seen, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('event not seen on Kafka within 60 s')), 60_000)))]);
    expect(got).toMatchObject({ key: r.body.id, type: 'wage-reimbursement-schedule.received', data: { scheduleId: r.body.id } });
  } finally {
    clearTimeout(timer);
    await consumer.stop();
  }
});
