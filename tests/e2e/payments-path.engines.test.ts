import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Platform, eventually, http, startPlatform, token } from './support';

// Issue 5 end to end on the real engines and processes: a claim lodged with the claims service,
// provisional liability and a certificate recorded as staff actions there; payments learns them
// from Kafka (claim.action-recorded), a PIAWE is set, weekly payments are generated and authorised
// by a second person, an employer's schedule is imported and reimbursed, and `claimctl payments run`
// writes the ABA file with all of them.
jest.setTimeout(300_000);

const run = promisify(execFile);
let platform: Platform;
// Today in Sydney: the processing date of the runs, and the day payments receives the schedule.
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Sydney' }).format(new Date());

// The claims' dates, fixed in the past so the amounts and the weekly clock's due date are worked out by
// hand from docs/rules.md §1 and §6 and program 4.6, not by the code under test, whatever day the test runs.
// Injured Mon 13 Apr 2026 (the first day of incapacity), notified Tue 14 Apr 2026 at 09:00 Sydney time
// (AEST, +10:00). Provisional liability, then a certificate with no capacity from 13 Apr to 31 May 2026,
// both received Thu 23 Apr 2026.
const DOI = '2026-04-13';
const NOTIFIED_AT = '2026-04-14T09:00:00+10:00';
const PROVISIONAL_AT = '2026-04-23T10:00:00+10:00';
const CERTIFICATE_AT = '2026-04-23T10:05:00+10:00';
const CERTIFICATE_TO = '2026-05-31';
// program 4.6: paid within five business days of the certificate's receipt. NSW holidays (§1): Sat 25 Apr
// (Anzac Day, no substitute) and Mon 27 Apr 2026 (the additional holiday the Minister declared).
// Thu 23 Apr → Fri 24 (1), (Sat 25, Sun 26, Mon 27 Apr holiday), Tue 28 (2), Wed 29 (3), Thu 30 (4), Fri 1 May (5) → Fri 1 May.
const WEEKLY_CLOCK_DUE = '2026-05-01';
// Entitlement weeks from Mon 13 Apr: week 1 is 13-19 Apr, week 2 is 20-26 Apr; both ended by Sun 26 Apr.
// No indexation review date (1 Apr, 1 Oct) falls after the first day of incapacity within them.
const WEEK_1_END = '2026-04-19';
const WEEK_2_END = '2026-04-26';

/**
 * The one due date that cannot be fixed in the past: the reimbursement clock starts on the day payments
 * receives the employer's schedule, a date it takes from its own clock (the API takes no received date),
 * so it moves with the day the test runs. It is worked out here from docs/rules.md §1 itself (weekdays that
 * are not an NSW public holiday, additional holiday or the Bank Holiday), independently of the calendar
 * under test.
 */
function nswHolidays(year: number): Set<string> {
  const at = (m: number, d: number) => new Date(Date.UTC(year, m - 1, d));
  const iso = (m: number, d: number) => at(m, d).toISOString().slice(0, 10);
  const weekday = (m: number, d: number) => at(m, d).getUTCDay(); // 0 Sunday … 6 Saturday
  const monday = (m: number, n: number) => iso(m, 1 + ((8 - weekday(m, 1)) % 7) + 7 * (n - 1)); // the nth Monday of month m
  // Easter Sunday (the anonymous Gregorian computus).
  const a = year % 19,
    b = Math.floor(year / 100),
    c = year % 100;
  const h = (19 * a + b - Math.floor(b / 4) - Math.floor((b - Math.floor((b + 8) / 25) + 1) / 3) + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const k = Math.floor((a + 11 * h + 22 * l) / 451);
  const easterMonth = Math.floor((h + l - 7 * k + 114) / 31);
  const easterDay = ((h + l - 7 * k + 114) % 31) + 1;
  const weekend = (m: number, d: number) => weekday(m, d) === 0 || weekday(m, d) === 6;
  return new Set([
    iso(1, 1),
    ...(weekday(1, 1) === 6 ? [iso(1, 3)] : weekday(1, 1) === 0 ? [iso(1, 2)] : []), // + the following Monday
    weekday(1, 26) === 6 ? iso(1, 28) : weekday(1, 26) === 0 ? iso(1, 27) : iso(1, 26), // the following Monday instead
    iso(easterMonth, easterDay - 2),
    iso(easterMonth, easterDay + 1), // Good Friday, Easter Monday (Saturday and Sunday are weekend days)
    iso(4, 25), // no substitute
    monday(6, 2), // King's Birthday
    monday(8, 1), // the Bank Holiday
    monday(10, 1), // Labour Day
    iso(12, 25),
    iso(12, 26),
    ...(weekend(12, 25) ? [iso(12, 27)] : []), // Christmas on Sat → Mon 27, on Sun → Tue 27
    ...(weekend(12, 26) ? [iso(12, 28)] : []), // Boxing Day on Sat → Mon 28, on Sun → Tue 28
    ...['2022-09-22', '2026-04-27', '2027-04-26'].filter((d) => d.startsWith(`${year}-`)), // declared
  ]);
}
/** The nth business day strictly after `date` (docs/rules.md §1). */
function nswBusinessDaysAfter(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  for (let counted = 0; counted < n;) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !nswHolidays(d.getUTCFullYear()).has(iso)) counted++;
  }
  return d.toISOString().slice(0, 10);
}
// The case manager's open obligations of one claim, by type (the payment clocks among them).
async function queueOf(cm: string, claimId: string): Promise<Record<string, { dueOn: string; ref?: string }>> {
  const q = await claims('GET', '/work-queue', cm);
  return Object.fromEntries(q.body.items.filter((i: { claimId: string }) => i.claimId === claimId).map((i: { type: string }) => [i.type, i]));
}

beforeAll(async () => {
  platform = await startPlatform({
    env: { ...process.env, CLAIMS_CONSUMER_GROUP: `payments-e2e-${randomUUID()}`, CLAIMS_FROM_BEGINNING: 'false', ABA_USER_ID: '301500', ABA_USER_NAME: 'HARBOUR MUTUAL' },
    basePort: 4301,
    only: ['claims', 'payments', 'worker'],
  });
  // A local database kept from earlier runs may hold authorised payments still waiting for a run:
  // they go into a run of their own first, so the run below holds exactly this test's payments.
  const leftover = await http(platform.urls.payments, 'POST', '/payment-runs', {
    token: await token('payments-officer', 'po.cleanup'),
    body: { processingDate: today },
    headers: { 'idempotency-key': `e2e-leftovers-${randomUUID()}` },
  });
  expect([202, 422]).toContain(leftover.status);
});

afterAll(async () => {
  await platform?.stopAll();
});

const claims = (method: string, url: string, t: string, body?: unknown) => http(platform.urls.claims, method, url, { token: t, body });
const payments = (method: string, url: string, t: string, body?: unknown) => http(platform.urls.payments, method, url, { token: t, body });

async function lodgeWithCertificate(cm: string, family: string, policy: string): Promise<{ id: string; claimNumber: string }> {
  const r = await claims('POST', '/claims', cm, {
    assignment: { caseManager: 'cm.sam', teamLeader: 'tl.jo' },
    worker: { givenName: 'Alex', familyName: family, dateOfBirth: '1985-03-03' },
    employer: { name: 'Harbour Freight Pty Ltd', policyNumber: policy },
    injury: { dateOfInjury: DOI, employerAwareOn: DOI, nature: 'sprain-strain', bodyLocation: 'back', likelySurgery: false, expectedIncapacityDays: 40, redFlags: [], yellowFlags: [] },
    notifiedAt: NOTIFIED_AT,
    notificationComplete: true,
    piawe: '1300.00',
  });
  expect({ status: r.status, problems: r.body.problems }).toEqual({ status: 201, problems: undefined });
  const id = r.body.id;
  await eventually('the workflow', async () => (await claims('GET', `/claims/${id}`, cm)).body?.workflow?.status === 'RUNNING');
  for (const action of [
    { type: 'liability.provisional', at: PROVISIONAL_AT },
    { type: 'certificate.received', at: CERTIFICATE_AT, capacity: 'none', from: DOI, to: CERTIFICATE_TO },
  ]) {
    // Dated in April, further back than a case manager may date an action: the team leader records them, saying why.
    const a = await http(platform.urls.claims, 'POST', `/claims/${id}/actions`, {
      token: await token('team-leader', 'tl.jo'),
      body: action,
      headers: { 'backdating-reason': "the claim's history, set up for this test" },
    });
    expect(a.status).toBe(202);
  }
  await eventually('payments to learn the claim and its facts', async () => (await payments('GET', `/claims/${id}`, cm)).body?.facts?.length === 2);
  return { id, claimNumber: r.body.claimNumber };
}

it('takes a claim from provisional liability to a bank file', async () => {
  const cm = await token('case-manager', 'cm.sam');
  const maker = await token('payments-officer', 'po.olivia');
  const checker = await token('payments-officer', 'po.paul');
  // Issue 14: an interim PIAWE is in force once a second person approves it; the claims' team leader does.
  const teamLeader = await token('team-leader', 'tl.jo');
  const interimPiawe = async (claimId: string, reason: string) => {
    const made = await payments('POST', `/claims/${claimId}/piawe`, cm, { basis: 'interim', amount: '1300.00', reason });
    expect(made).toMatchObject({ status: 201, body: { status: 'awaiting-review' } });
    expect(await payments('POST', `/piawe/${made.body.id}/review`, teamLeader, { decision: 'approve', note: 'the estimate checked' })).toMatchObject({ status: 200, body: { status: 'interim' } });
  };

  // A worker paid by the insurer.
  const direct = await lodgeWithCertificate(cm, 'Direct', 'WI-500001');
  expect(
    (await payments('PUT', `/claims/${direct.id}/payee`, maker, { paidBy: 'insurer', worker: { bsb: '062-000', account: '12345678', accountTitle: 'DIRECT ALEX', taxScale: 'tax-free-threshold' } }))
      .status,
  ).toBe(200);
  await interimPiawe(direct.id, "employer's stated wage");
  // program 4.6: the certificate started a five-business-day payment clock, which the claim's
  // workflow shows in the case manager's queue.
  const clock = await eventually('the weekly payment clock in the work queue', async () => (await queueOf(cm, direct.id))['payment.weekly']);
  expect(clock.dueOn).toBe(WEEKLY_CLOCK_DUE);
  // Two entitlement weeks have ended by Sun 26 Apr (injured Mon 13 Apr): s36(1) 95% × 1300 = 1235.00;
  // PAYG scale 2: 0.3227 × 1235.99 − 180.0385 = 218.82 → 219.
  const facts = await eventually('both staff actions in payments', async () => {
    const g = await payments('POST', `/claims/${direct.id}/weekly-payments/generate`, maker, { through: WEEK_2_END });
    return g.status === 200 && g.body.generated.length === 2 && g.body;
  });
  expect(facts.generated.map((g: { week: number; gross: string; payg: string }) => `${g.week}:${g.gross}:${g.payg}`)).toEqual(['1:1235.00:219.00', '2:1235.00:219.00']);
  for (const g of facts.generated) {
    expect((await payments('POST', `/payments/${g.id}/authorise`, maker, {})).status).toBe(403);
    expect((await payments('POST', `/payments/${g.id}/authorise`, checker, {})).status).toBe(200);
  }

  // A worker paid by the employer through payroll, reimbursed from its schedule: the weekly
  // payment clock stops, and the schedule starts a ten-business-day reimbursement clock.
  const viaEmployer = await lodgeWithCertificate(cm, 'Payroll', 'WI-500002');
  await eventually('its weekly payment clock', async () => (await queueOf(cm, viaEmployer.id))['payment.weekly']);
  expect(
    (await payments('PUT', `/claims/${viaEmployer.id}/payee`, maker, { paidBy: 'employer', employer: { bsb: '082-001', account: '55501234', accountTitle: 'HARBOUR FREIGHT PTY LTD' } })).status,
  ).toBe(200);
  await eventually('the weekly payment clock stopped', async () => !(await queueOf(cm, viaEmployer.id))['payment.weekly']);
  await interimPiawe(viaEmployer.id, 'payroll summary');
  const csv = ['claim_number,period_start,period_end,hours_worked,gross_earnings,compensation_paid,payg_withheld', `${viaEmployer.claimNumber},${DOI},${WEEK_1_END},0,0.00,1235.00,219.00`].join('\n');
  const imported = await fetch(`${platform.urls.payments}/wage-reimbursement-schedules?policyNumber=WI-500002`, {
    method: 'POST',
    headers: { authorization: `Bearer ${maker}`, 'content-type': 'text/csv' },
    body: csv,
  });
  const schedule = (await imported.json()) as { id: string; reconciliation: { paymentId: string }[] };
  expect(imported.status).toBe(201);
  expect(schedule.reconciliation).toEqual([expect.objectContaining({ status: 'matched', employerPaid: '1235.00', entitlement: '1235.00' })]);
  expect((await payments('POST', `/payments/${schedule.reconciliation[0].paymentId}/authorise`, checker, {})).status).toBe(200);
  const reimbursement = await eventually('the reimbursement clock', async () => (await queueOf(cm, viaEmployer.id))['payment.reimbursement']);
  // Ten business days after the schedule's receipt, today (see nswBusinessDaysAfter above).
  expect(reimbursement).toMatchObject({ dueOn: nswBusinessDaysAfter(today, 10), ref: `wrs:${schedule.id}:2` });

  // The run, through the command line, with its progress on stderr.
  const dir = mkdtempSync(path.join(tmpdir(), 'wc-run-'));
  const out = path.join(dir, 'run.aba');
  const cli = path.resolve(__dirname, '..', '..', 'tools', 'claimctl', 'bin', 'claimctl.js');
  const key = `e2e-${randomUUID()}`;
  const args = [cli, 'payments', 'run', '--date', today, '--url', platform.urls.payments, '--user', 'po.paul', '--out', out, '--key', key];
  const first = await run(process.execPath, args, { env: process.env });
  const summary = JSON.parse(first.stdout);
  // 2 × (1235.00 − 219.00) to the worker and 1235.00 to the employer.
  expect(summary).toMatchObject({ payments: 3, total: '3267.00', file: out });
  expect(first.stderr).toContain('100% 3/3 payments');
  const records = readFileSync(out, 'ascii').split('\r\n').slice(0, -1);
  expect(records).toHaveLength(5);
  expect(records.every((r) => r.length === 120)).toBe(true);
  expect(
    records
      .slice(1, 4)
      .map((r) => `${r.slice(1, 8)} ${r.slice(20, 30)} ${r.slice(62, 80).trim()}`)
      .sort(),
  ).toEqual([`062-000 0000101600 ${direct.claimNumber} WK01`, `062-000 0000101600 ${direct.claimNumber} WK02`, `082-001 0000123500 ${viaEmployer.claimNumber} WRS`].sort());
  expect(records[4].slice(20, 30)).toBe('0000326700');
  // The bank file met both clocks: gone from the queue.
  await eventually('both clocks met', async () => {
    const [a, b] = [await queueOf(cm, direct.id), await queueOf(cm, viaEmployer.id)];
    return !a['payment.weekly'] && !b['payment.reimbursement'];
  });

  // A remediation through the command line: the claim's paid weeks valued again, nothing owed.
  const change = path.join(dir, 'change.json');
  writeFileSync(change, JSON.stringify({ reason: 'e2e: PIAWE evidence re-checked', claimIds: [direct.id] }));
  const remediated = await run(process.execPath, [cli, 'payments', 'remediate', change, '--url', platform.urls.payments, '--user', 'tl.jo'], { env: process.env });
  expect(JSON.parse(remediated.stdout)).toMatchObject({ claims: 1, arrears: '0.00', overpaid: '0.00' });
  expect(remediated.stderr).toContain('100% 1/1 claims');

  // The same command again returns the same run: nobody is paid twice.
  const again = JSON.parse((await run(process.execPath, args, { env: process.env })).stdout);
  expect(again.runId).toBe(summary.runId);
  const fresh = await run(process.execPath, [...args.slice(0, -1), `${key}-2`], { env: process.env }).catch((e) => e);
  expect(fresh.code).toBe(2);
  expect(fresh.stderr).toContain('there are no authorised payments waiting for a run');
});
