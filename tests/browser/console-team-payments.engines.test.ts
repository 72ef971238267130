import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type ConsoleServer, startConsoleServer } from '../../apps/console/server/src/server';
import { words } from '../../apps/console/src/components/labels';
import { formatMoney, sydneyToday } from '../../apps/console/src/format/format';
import { type Platform, eventually, http, newAbn, notification, startPlatform, token } from '../e2e/support';
import { axe, choose, launch, screenshot, serious, typeDate } from './browser';

// The staff console's team leader and payments officer pages (issue 13) in a real browser on the
// real platform, as console.engines.test.ts does for the case manager's. A team leader clears
// escalations (a waiver with a reason, a refused one, a claim reassigned), looks at a case
// manager's queue and at the audit of backdated actions; payments officers authorise weekly
// payments (the maker refused, a second officer within the limit), run them and download the ABA
// file, and send a wage reimbursement schedule (refused line by line, then stored). Every page is
// checked with axe. Claims are set up through the APIs.

jest.setTimeout(420_000);

const ROOT = path.resolve(__dirname, '..', '..');
const run = randomUUID().slice(0, 4);
// People of this run's own, so each queue holds this run's claims (the engines' database outlives a run).
const CM = `sam.casey-${run}`;
const TL = `jo.tan-${run}`;
const OTHER_TL = `ria.das-${run}`;
const PAY_CM = `cm.pay-${run}`;
const PAY_TL = `tl.pay-${run}`;
const MAKER = `po.olivia-${run}`;
const CHECKER = `po.paul-${run}`;
const REVIEWER = `rv.ray-${run}`;
const AWAY = `cm.away-${run}`;
const COVERING = `cm.cover-${run}`;
// The account a payee is changed to: this run's own, so Approvals' row for it is this run's.
const NEW_ACCOUNT = String(10_000_000 + parseInt(run, 16));

let platform: Platform;
let consoleServer: ConsoleServer;
let browser: Browser;
let escalated: { id: string; claimNumber: string };
let backdated: { id: string; claimNumber: string };
let payable: { id: string; claimNumber: string };

/** A calendar day `n` days from `day` (YYYY-MM-DD). */
function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A wrist fracture notified `daysAgo` days ago (a significant claim), handled by CM and led by TL. */
async function lodge(daysAgo: number): Promise<{ id: string; claimNumber: string }> {
  const injured = addDays(sydneyToday(), -daysAgo - 1);
  const body = notification({
    assignment: { caseManager: CM, teamLeader: TL },
    injury: { ...notification().injury, dateOfInjury: injured, employerAwareOn: injured },
    notifiedAt: `${injured}T23:15:00Z`,
  });
  const r = await http(platform.urls.claims, 'POST', '/claims', { body, token: await token('case-manager', CM), headers: { 'idempotency-key': `console-tl-${randomUUID()}` } });
  expect(r.status).toBe(201);
  return { id: r.body.id, claimNumber: r.body.claimNumber };
}

// The payable claim's dates, as tests/e2e/payments-path.engines.test.ts sets them: injured Mon 13 Apr
// 2026, provisional liability and a certificate of no capacity to 31 May received Thu 23 Apr; two
// entitlement weeks ended by Sun 26 Apr, each 95% × 1300.00 = 1235.00 gross, PAYG 219.00.
const DOI = '2026-04-13';
const WEEK_2_END = '2026-04-26';

/** A claim of PAY_CM's, led by PAY_TL, with provisional liability and a certificate of no capacity, known to the payments service with both facts. */
async function claimKnownToPayments(): Promise<{ id: string; claimNumber: string }> {
  const cm = await token('case-manager', PAY_CM);
  const tl = await token('team-leader', PAY_TL);
  const lodged = await http(platform.urls.claims, 'POST', '/claims', {
    token: cm,
    body: {
      assignment: { caseManager: PAY_CM, teamLeader: PAY_TL },
      worker: { givenName: 'Alex', familyName: 'Direct', dateOfBirth: '1985-03-03' },
      employer: { name: 'Harbour Freight Pty Ltd', policyNumber: 'WI-500001' },
      injury: { dateOfInjury: DOI, employerAwareOn: DOI, nature: 'sprain-strain', bodyLocation: 'back', likelySurgery: false, expectedIncapacityDays: 40, redFlags: [], yellowFlags: [] },
      notifiedAt: '2026-04-14T09:00:00+10:00',
      notificationComplete: true,
      piawe: '1300.00',
    },
  });
  expect({ status: lodged.status, problems: lodged.body.problems }).toEqual({ status: 201, problems: undefined });
  const id = lodged.body.id;
  await eventually('the workflow', async () => (await http(platform.urls.claims, 'GET', `/claims/${id}`, { token: cm })).body?.workflow?.status === 'RUNNING');
  for (const action of [
    { type: 'liability.provisional', at: '2026-04-23T10:00:00+10:00' },
    { type: 'certificate.received', at: '2026-04-23T10:05:00+10:00', capacity: 'none', from: DOI, to: '2026-05-31' },
  ]) {
    // Dated in April: the team leader records them, saying why.
    const a = await http(platform.urls.claims, 'POST', `/claims/${id}/actions`, { token: tl, body: action, headers: { 'backdating-reason': "the claim's history, set up for this test" } });
    expect(a.status).toBe(202);
  }
  await eventually('payments to learn the claim and its facts', async () => (await http(platform.urls.payments, 'GET', `/claims/${id}`, { token: cm })).body?.facts?.length === 2, 90_000);
  return { id, claimNumber: lodged.body.claimNumber };
}

/** A claim paid by the insurer to the worker, with an interim PIAWE approved by a second person and two weekly payments generated by MAKER. */
async function payableClaim(): Promise<{ id: string; claimNumber: string }> {
  const cm = await token('case-manager', PAY_CM);
  const tl = await token('team-leader', PAY_TL);
  const maker = await token('payments-officer', MAKER);
  const { id, claimNumber } = await claimKnownToPayments();
  const payee = await http(platform.urls.payments, 'PUT', `/claims/${id}/payee`, {
    token: maker,
    body: { paidBy: 'insurer', worker: { bsb: '062-000', account: '12345678', accountTitle: 'DIRECT ALEX', taxScale: 'tax-free-threshold' } },
  });
  expect(payee.status).toBe(200);
  // Issue 14: an interim PIAWE is in force once a second person (the claim's team leader) approves it.
  const piawe = await http(platform.urls.payments, 'POST', `/claims/${id}/piawe`, { token: cm, body: { basis: 'interim', amount: '1300.00', reason: "employer's stated wage" } });
  expect(piawe).toMatchObject({ status: 201, body: { status: 'awaiting-review' } });
  expect(await http(platform.urls.payments, 'POST', `/piawe/${piawe.body.id}/review`, { token: tl, body: { decision: 'approve', note: 'the estimate checked' } })).toMatchObject({
    status: 200,
    body: { status: 'interim' },
  });
  const generated = await http(platform.urls.payments, 'POST', `/claims/${id}/weekly-payments/generate`, { token: maker, body: { through: WEEK_2_END } });
  expect(generated.status).toBe(200);
  expect(generated.body.generated.map((g: { week: number; gross: string; payg: string }) => `${g.week}:${g.gross}:${g.payg}`)).toEqual(['1:1235.00:219.00', '2:1235.00:219.00']);
  return { id, claimNumber };
}

/** A new browser session (its own sessionStorage: signed out), failing on any breach of the console's Content-Security-Policy. */
async function newPage(): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-AU', timezoneId: 'UTC', acceptDownloads: true });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
  return { context, page, cspViolations };
}

async function signIn(page: Page, role: string, user: string) {
  await page.goto(consoleServer.url);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  // React Aria's radio input is visually hidden: its label is what a person clicks.
  await page
    .locator('.react-aria-Radio')
    .filter({ hasText: new RegExp(`^${role}$`) })
    .click();
  await expect(page.getByRole('radio', { name: role }).isChecked()).resolves.toBe(true);
  await page.getByRole('textbox', { name: 'User name' }).fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${user}`).waitFor();
}

async function expectAccessible(page: Page, cspViolations: string[]) {
  expect(cspViolations).toEqual([]);
  expect(serious(await axe(page))).toEqual([]);
}

const navLinks = async (page: Page) => (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((t) => t.trim());

beforeAll(async () => {
  const appIndex = path.join(ROOT, 'apps', 'console', 'dist', 'index.html');
  if (!fs.existsSync(appIndex)) throw new Error('apps/console/dist is missing: run npm run build');
  platform = await startPlatform({
    env: process.env,
    // Payments reads the claims topic with a group of its own from now on, as the payments path test does.
    perProcess: { payments: { CLAIMS_CONSUMER_GROUP: `console-payments-${randomUUID()}`, CLAIMS_FROM_BEGINNING: 'false' } },
    basePort: 5201,
  });
  const { claims, documents, notifications, payments } = platform.urls;
  consoleServer = await startConsoleServer({ port: 0, services: { claims, documents, notifications, payments }, env: process.env });
  // A claim notified 12 days ago has its initial contacts and initial liability escalated by now;
  // one notified 30 days ago gets an action dated 20 days back (beyond the 14-day window).
  [escalated, backdated] = await Promise.all([lodge(12), lodge(30)]);
  const tl = await token('team-leader', TL);
  await eventually(
    "the first claim's escalations in the team leader's queue",
    async () => {
      const types = (await http(platform.urls.claims, 'GET', '/escalations', { token: tl })).body.items
        .filter((i: { claimId: string }) => i.claimId === escalated.id)
        .map((i: { type: string }) => i.type);
      return types.includes('initial-contact.worker') && types.includes('liability.initial');
    },
    120_000,
  );
  await eventually('the second claim started', async () => (await http(platform.urls.claims, 'GET', `/claims/${backdated.id}`, { token: tl })).body?.workflow?.status === 'RUNNING');
  const action = await http(platform.urls.claims, 'POST', `/claims/${backdated.id}/actions`, {
    token: tl,
    body: { type: 'contact.made', party: 'employer', at: addDays(sydneyToday(), -20) },
    headers: { 'backdating-reason': 'call note found in the shared inbox' },
  });
  expect(action.status).toBe(202);
  payable = await payableClaim();
  browser = await launch();
}, 420_000);

afterAll(async () => {
  await browser?.close();
  await consoleServer?.close();
  await platform?.stopAll();
});

describe("the team leader's pages", () => {
  it('clears escalations: waives one with a reason, shows the rules refusing another, and reassigns the claim', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Team leader', TL);
    // A team leader's home is their escalations; the navigation is theirs.
    await page.getByRole('heading', { level: 1, name: 'Escalations' }).waitFor();
    expect(await navLinks(page)).toEqual(['Escalations', "Team's work", 'Claims', 'Backdated actions', 'Letters to post', 'Approvals']);
    await expect(page.getByRole('link', { name: 'Escalations' }).getAttribute('aria-current')).resolves.toBe('page');
    const rowOf = (type: string) => page.getByRole('row').filter({ hasText: escalated.claimNumber }).filter({ hasText: type });
    await rowOf('Initial contact: worker').waitFor();
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'escalations');

    // Waived with a reason: the dialog closes and the escalation leaves the queue.
    await rowOf('Initial contact: worker')
      .getByRole('button', { name: `Waive… Initial contact: worker on ${escalated.claimNumber}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Waive Initial contact: worker on ${escalated.claimNumber}` });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill("contacted by the employer's rehabilitation provider the day of the injury");
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'escalation-waive', { fullPage: false });
    await dialog.getByRole('button', { name: 'Waive', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: `Initial contact: worker on ${escalated.claimNumber} waived.` })
      .waitFor();
    await rowOf('Initial contact: worker').waitFor({ state: 'detached', timeout: 30_000 });
    const tl = await token('team-leader', TL);
    const timeline = await http(platform.urls.claims, 'GET', `/claims/${escalated.id}/timeline`, { token: tl });
    expect(timeline.body.obligations.find((o: { type: string }) => o.type === 'initial-contact.worker').status).toBe('cancelled');

    // The rules allow waiving initial contact only: the refusal is shown in their words, nothing changes.
    await rowOf('Liability: initial')
      .getByRole('button', { name: /^Waive…/ })
      .click();
    const refused = page.getByRole('dialog', { name: `Waive Liability: initial on ${escalated.claimNumber}` });
    await refused.getByRole('textbox', { name: 'Reason' }).fill('not needed');
    await refused.getByRole('button', { name: 'Waive', exact: true }).click();
    await refused.getByRole('alert').filter({ hasText: 'cannot be waived' }).waitFor();
    await expectAccessible(page, cspViolations);
    await refused.getByRole('button', { name: 'Cancel' }).click();
    await rowOf('Liability: initial').waitFor();

    // Reassigned to another team leader: the claim's escalations follow it out of this queue.
    await rowOf('Liability: initial')
      .getByRole('button', { name: `Reassign… ${escalated.claimNumber}` })
      .click();
    const reassign = page.getByRole('dialog', { name: `Reassign ${escalated.claimNumber}` });
    await expect(reassign.getByRole('textbox', { name: 'Case manager' }).inputValue()).resolves.toBe(CM);
    await reassign.getByRole('textbox', { name: 'Team leader' }).fill(OTHER_TL);
    await reassign.getByRole('button', { name: 'Reassign', exact: true }).click();
    await reassign.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: `${escalated.claimNumber} is now handled by ${CM}, led by ${OTHER_TL}.` })
      .waitFor();
    await page.getByRole('row').filter({ hasText: escalated.claimNumber }).first().waitFor({ state: 'detached', timeout: 30_000 });
    const moved = await http(platform.urls.claims, 'GET', '/escalations', { token: await token('team-leader', OTHER_TL) });
    expect(moved.body.items.filter((i: { claimId: string }) => i.claimId === escalated.id).map((i: { type: string }) => i.type)).toContain('liability.initial');
    await expectAccessible(page, cspViolations);
    await context.close();
  });

  it("shows a case manager's queue to their team leader, and the audit of backdated actions", async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Team leader', TL);
    await page.getByRole('link', { name: "Team's work" }).click();
    await page.getByRole('heading', { level: 1, name: "Team's work" }).waitFor();
    // The case managers of the claims the team leader leads, with what their queues hold, each a way into theirs.
    const team = page.getByRole('region', { name: 'Your team' });
    const member = team.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CM }) });
    const counts = (await http(platform.urls.claims, 'GET', '/team', { token: await token('team-leader', TL) })).body.members.find((m: { caseManager: string }) => m.caseManager === CM);
    expect(counts.overdue).toBeGreaterThan(0);
    await expect(member.getByRole('cell').allTextContents()).resolves.toEqual([counts.openClaims, counts.overdue, counts.dueToday, counts.escalations].map(String));
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'team');
    await member.getByRole('link', { name: `Work of ${CM}` }).click();
    await page.getByRole('heading', { level: 1, name: `Work of ${CM}` }).waitFor();
    const overdue = page.getByRole('region', { name: /^Overdue \(\d+\)$/ });
    await overdue.getByRole('link', { name: backdated.claimNumber }).first().waitFor();
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'team-work');

    await page.getByRole('link', { name: 'Backdated actions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Backdated actions' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: backdated.claimNumber });
    await row.filter({ hasText: 'call note found in the shared inbox' }).waitFor();
    await expect(row.getByRole('cell').nth(3).textContent()).resolves.toMatch(/^20\s*beyond 14$/);
    await expect(row.textContent()).resolves.toContain(TL);
    // Only those beyond the window: still there.
    await page.getByText('Only those beyond the window').click();
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByRole('row').filter({ hasText: backdated.claimNumber }).filter({ hasText: 'call note found in the shared inbox' }).waitFor();
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'backdated-actions');
    await context.close();
  });
});

describe("the payments officer's pages", () => {
  const references = () => [`${payable.claimNumber} WK01`, `${payable.claimNumber} WK02`];

  beforeAll(async () => {
    // Authorised payments of earlier runs still waiting go into a run of their own first, so the
    // run below holds exactly this test's payments (as tests/e2e/payments-path.engines.test.ts does).
    const leftover = await http(platform.urls.payments, 'POST', '/payment-runs', {
      token: await token('payments-officer', 'po.cleanup'),
      body: { processingDate: sydneyToday() },
      headers: { 'idempotency-key': `console-leftovers-${randomUUID()}` },
    });
    expect([202, 422]).toContain(leftover.status);
  });

  it('refuses the maker authorising their own payment, with the reason from the payments service', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Payments officer', MAKER);
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    expect(await navLinks(page)).toEqual(['Payments', 'Payment runs', 'Wage schedules', 'Discrepancies', 'Approvals']);
    const row = page.getByRole('row').filter({ hasText: references()[0] });
    await row.getByText('You generated it').waitFor();
    await row.locator('.react-aria-Checkbox').click();
    await expect(row.getAttribute('aria-selected')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Authorise payment' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByRole('heading', { name: 'Not allowed' }).waitFor();
    await expect(refusal.textContent()).resolves.toContain(`${MAKER} generated this payment; another person must authorise it (maker-checker)`);
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'payments-refused');
    await context.close();
  });

  it('authorises payments selected from the keyboard, runs them, and downloads the ABA file', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Payments officer', CHECKER);
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    const [week1, week2] = references().map((r) => page.getByRole('row').filter({ hasText: r }));
    await week1.waitFor();
    await page.getByText(/You may authorise payments of up to \$5,000\.00 gross each/).waitFor();
    // Within the limit and made by someone else: nothing stands in the way.
    await expect(week1.getByRole('gridcell').last().textContent()).resolves.toBe('');
    // The first by pointer; the next from the keyboard (arrow down to its row, Space selects it).
    await week1.locator('.react-aria-Checkbox').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(week1.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(week2.getAttribute('aria-selected')).resolves.toBe('true');
    // The selection's exact totals: 2 × 1235.00 gross, 2 × 219.00 PAYG, 2 × 1016.00 net.
    await page.getByText('2 payments selected').waitFor();
    await expect(page.locator('.selection-summary').textContent()).resolves.toBe('2 payments selected: gross $2,470.00, PAYG $438.00, net $2,032.00');
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'payments');
    await page.getByRole('button', { name: 'Authorise 2 payments' }).click();
    await page.getByRole('status').filter({ hasText: '2 payments authorised, $2,032.00 net' }).waitFor();
    await week1.waitFor({ state: 'detached' });
    const officer = await token('payments-officer', CHECKER);
    const authorised = (await http(platform.urls.payments, 'GET', `/payments?claimId=${payable.id}`, { token: officer })).body.payments;
    expect(authorised.map((p: { reference: string; status: string; authorisedBy: string }) => `${p.reference} ${p.status} ${p.authorisedBy}`)).toEqual(
      references().map((r) => `${r} authorised ${CHECKER}`),
    );

    // The run: started with today's Sydney date, followed to the end, its file downloaded.
    await page.getByRole('link', { name: 'Start a payment run' }).click();
    await page.getByRole('heading', { level: 1, name: 'Payment runs' }).waitFor();
    await expect(page.getByRole('textbox', { name: 'Processing date' }).inputValue()).resolves.toBe(sydneyToday());
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'payment-runs');
    await page.getByRole('button', { name: 'Start payment run' }).click();
    await page.getByRole('heading', { level: 1, name: /^Payment run for / }).waitFor();
    const runId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);
    await page.getByRole('region', { name: 'Bank file ready' }).waitFor({ timeout: 60_000 });
    const progress = page.getByRole('progressbar', { name: 'Payments written to the file' });
    await expect(progress.getAttribute('aria-valuetext')).resolves.toBe('2 of 2 payments');
    const view = (await http(platform.urls.payments, 'GET', `/payment-runs/${runId}`, { token: officer })).body;
    expect(view).toMatchObject({ status: 'complete', payments: 2, total: '2032.00', createdBy: CHECKER });
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'payment-run');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download ABA file' }).click()]);
    expect(download.suggestedFilename()).toBe(`payment-run-${runId}.aba`);
    const file = fs.readFileSync(await download.path(), 'ascii');
    const records = file.split('\r\n').slice(0, -1);
    expect(records.every((r) => r.length === 120)).toBe(true);
    // The descriptive record, a detail record per payment (net 1016.00 each, PAYG in the withholding field), the total record.
    expect(records[0].startsWith('0')).toBe(true);
    const details = records.filter((r) => r.startsWith('1'));
    expect(details).toHaveLength(view.payments);
    expect(details.map((r) => `${r.slice(1, 8)} ${r.slice(20, 30)} ${r.slice(62, 80).trim()}`).sort()).toEqual(references().map((r) => `062-000 0000101600 ${r}`));
    expect(records[records.length - 1].startsWith('7')).toBe(true);
    await page
      .getByRole('status')
      .filter({ hasText: `Downloaded payment-run-${runId}.aba.` })
      .waitFor();

    // The run is first in the list of runs, newest first (GET /payment-runs), and leads back to it.
    await page.getByRole('link', { name: 'Payment runs' }).click();
    const runs = page.getByRole('region', { name: 'Payment runs so far' });
    const newest = runs.getByRole('row').nth(1);
    await newest.waitFor();
    await expect(newest.getByRole('link').getAttribute('href')).resolves.toContain(runId);
    await expect(newest.textContent()).resolves.toContain('Bank file ready');
    await expect(newest.textContent()).resolves.toContain('$2,032.00');
    await expectAccessible(page, cspViolations);
    await newest.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Payment run for / }).waitFor();
    expect(decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string)).toBe(runId);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('shows a refused wage reimbursement schedule line by line, stores a good one, and lists its discrepancy', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Payments officer', CHECKER);
    await page.getByRole('link', { name: 'Wage schedules' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wage reimbursement schedules' }).waitFor();
    // A claim number the platform does not know: stored, and listed for a person to look at.
    const unknown = `WC9${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const header = 'claim_number,period_start,period_end,hours_worked,gross_earnings,compensation_paid,payg_withheld';
    const send = async (name: string, lines: string[]) => {
      await page.getByRole('textbox', { name: "Employer's policy number" }).fill('WI-500002');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: /^Choose file/ }).click()]);
      await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n')) });
      await page.getByText(name, { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Send schedule' }).click();
    };
    await send('bad-schedule.csv', [`${unknown},2026-04-13,2026-04-19,0,0.00,1235.00,219.00`, `${unknown},2026-04-26,2026-04-20,0,0.00,12.345,219.00`, `,2026-04-27,2026-05-03,0,0.00,1235.00,0`]);
    const refused = page.getByRole('region', { name: /^Schedule refused: \d+ problems$/ });
    await refused.getByRole('alert').filter({ hasText: 'nothing was stored' }).waitFor();
    const problems = await refused.getByRole('row').allTextContents();
    expect(problems.length).toBeGreaterThan(3);
    expect(problems.some((p) => /^3\s*compensation paid/.test(p))).toBe(true);
    expect(problems.some((p) => /^4\s*claim number\s*must not be empty/.test(p))).toBe(true);
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'wage-schedule-refused');

    await send('schedule.csv', [`${unknown},2026-04-13,2026-04-19,0,0.00,1235.00,219.00`]);
    await page.getByRole('heading', { level: 1, name: 'Wage reimbursement schedule' }).waitFor();
    const line = page.getByRole('region', { name: 'Reconciliation' }).getByRole('row').filter({ hasText: unknown });
    await line.getByText('Unknown claim').waitFor();
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'wage-schedule');

    await page.getByRole('link', { name: 'Discrepancies' }).click();
    await page.getByRole('heading', { level: 1, name: 'Discrepancies' }).waitFor();
    const listed = page.getByRole('row').filter({ hasText: unknown });
    await listed.getByText('Unknown claim').waitFor();
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'discrepancies');
    await context.close();
  });
});

describe("the claim page's payments and PIAWE", () => {
  it("shows the case manager their claim's payments as the payments service holds them, and its PIAWE only when asked, the read audited", async () => {
    const cm = await token('case-manager', PAY_CM);
    const held = (await http(platform.urls.payments, 'GET', `/payments?claimId=${payable.id}`, { token: cm })).body.payments as { reference: string; net: string }[];
    expect(held.map((p) => p.reference)).toEqual([`${payable.claimNumber} WK01`, `${payable.claimNumber} WK02`]);
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', PAY_CM);
    await page.goto(`${consoleServer.url}/claims/${payable.id}`);
    const section = page.getByRole('region', { name: 'Payments and PIAWE' });
    for (const p of held) {
      const row = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: p.reference }) });
      await expect(row.textContent()).resolves.toContain(formatMoney(p.net));
    }
    // The determinations carry their evidence: read when asked, and the read is in the privacy audit.
    const audited = async () =>
      (await http(platform.urls.claims, 'GET', `/audit/health-reads?claimId=${payable.id}&user=${PAY_CM}`, { token: await token('privacy-officer', 'po.pat') })).body.reads as { service: string }[];
    const before = (await audited()).length;
    await section.getByRole('button', { name: 'Show the PIAWE determinations' }).click();
    const interim = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Interim/ }) });
    await expect(interim.textContent()).resolves.toMatch(/\$1,300\.00.*In force \(interim\)/);
    await eventually('the read in the privacy audit', async () => (await audited()).length > before);
    await expectAccessible(page, cspViolations);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'claim-payments', { fullPage: false });
    await context.close();
  });

  it('lets the case manager record an interim PIAWE, refuses them its review, and lets the team leader approve it', async () => {
    const claim = await claimKnownToPayments();
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', PAY_CM);
    await page.goto(`${consoleServer.url}/claims/${claim.id}`);
    const section = page.getByRole('region', { name: 'Payments and PIAWE' });
    const dialog = page.getByRole('dialog');
    await section.getByRole('button', { name: 'Record an interim PIAWE…' }).click();
    // The schema's problems at their fields, before anything is sent.
    await dialog.getByRole('button', { name: 'Record the PIAWE' }).click();
    await dialog.getByRole('alert').getByRole('heading', { name: 'Not sent' }).waitFor();
    await expect(
      dialog
        .locator('.field')
        .filter({ hasText: /^PIAWE \(weekly\)/ })
        .locator('.field-error')
        .textContent(),
    ).resolves.toBe('is required');
    await expect(
      dialog
        .locator('.field')
        .filter({ hasText: /^How the amount was arrived at/ })
        .locator('.field-error')
        .textContent(),
    ).resolves.toBe('is required');
    await dialog.getByRole('textbox', { name: 'PIAWE (weekly)' }).fill('1300.00');
    await dialog.getByRole('textbox', { name: 'How the amount was arrived at' }).fill("employer's stated wage");
    const [recorded] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/claims/${claim.id}/piawe`)),
      dialog.getByRole('button', { name: 'Record the PIAWE' }).click(),
    ]);
    expect(recorded.status()).toBe(201);
    await section.getByRole('status').getByText('PIAWE recorded: it waits for a second person to approve it.').waitFor();
    await section.getByRole('button', { name: 'Show the PIAWE determinations' }).click();
    const row = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Interim/ }) });
    await expect(row.textContent()).resolves.toMatch(/\$1,300\.00.*Waiting for a second person/);
    // Not a case manager's to review (nor whoever determined it): the payments service's 403, in its words.
    await row.getByRole('button', { name: /^Review…/ }).click();
    await choose(page, dialog, 'Decision', 'Approve: it comes into force');
    await dialog.getByRole('textbox', { name: 'What you checked' }).fill('my own estimate');
    await dialog.getByRole('button', { name: 'Record the review' }).click();
    await dialog.getByRole('alert').getByRole('heading', { name: 'Not allowed' }).waitFor();
    const refusal = await http(platform.urls.payments, 'POST', `/piawe/${(await recorded.json()).id}/review`, { token: await token('case-manager', PAY_CM), body: { decision: 'approve', note: 'x' } });
    expect(refusal.status).toBe(403);
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain(refusal.body.message);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectAccessible(page, cspViolations);
    await context.close();

    // The team leader approves it: in force.
    const leader = await newPage();
    await signIn(leader.page, 'Team leader', PAY_TL);
    await leader.page.goto(`${consoleServer.url}/claims/${claim.id}`);
    const theirs = leader.page.getByRole('region', { name: 'Payments and PIAWE' });
    await theirs.getByRole('button', { name: 'Show the PIAWE determinations' }).click();
    await theirs.getByRole('button', { name: /^Review…/ }).click();
    const review = leader.page.getByRole('dialog');
    await choose(leader.page, review, 'Decision', 'Approve: it comes into force');
    await review.getByRole('textbox', { name: 'What you checked' }).fill("checked against the employer's wage statement");
    await review.getByRole('button', { name: 'Record the review' }).click();
    await theirs
      .getByRole('status')
      .getByText(/review recorded/)
      .waitFor();
    await theirs.getByRole('row').filter({ hasText: 'In force (interim)' }).waitFor();
    const held = await http(platform.urls.payments, 'GET', `/claims/${claim.id}/piawe`, { token: await token('team-leader', PAY_TL) });
    expect(held.body.map((d: { status: string; amount: string; determinedBy: string; reviewedBy: string }) => [d.status, d.amount, d.determinedBy, d.reviewedBy])).toEqual([
      ['interim', '1300.00', PAY_CM, PAY_TL],
    ]);
    await expectAccessible(leader.page, leader.cspViolations);
    await leader.context.close();
  });
});

describe("a claim's medical costs", () => {
  it('are approved for payment by the case manager and invoiced by the payments officer, each line shown as the payments service assessed it', async () => {
    // The repository's sample fee order (not SIRA's fees) and a physiotherapist of this run's own.
    const admin = await token('admin', 'ad.min');
    const sample = fs.readFileSync(path.join(ROOT, 'services', 'payments', 'data', 'fee-order.SAMPLE-not-sira-fees.csv'), 'utf8');
    const loaded = await fetch(`${platform.urls.payments}/fee-order?source=the repository sample`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
      body: sample,
    });
    expect(loaded.status).toBe(200);
    const physioName = `Console Physio ${run}`;
    const physio = await http(platform.urls.payments, 'POST', '/providers', {
      token: await token('payments-officer', MAKER),
      body: {
        name: physioName,
        abn: newAbn(),
        kind: 'physiotherapist',
        registration: [{ status: 'current', from: '2012-02-01' }],
        bank: { bsb: '062-111', account: '11112222', accountTitle: 'CONSOLE PHYSIO' },
      },
    });
    expect(physio.status).toBe(201);
    // A claim under provisional liability with a physiotherapy request approved (docs/rules.md §8.1).
    const claim = await claimKnownToPayments();
    const cm = await token('case-manager', PAY_CM);
    const requested = await http(platform.urls.claims, 'POST', `/claims/${claim.id}/actions`, {
      token: cm,
      body: { type: 'treatment.requested', treatment: 'physiotherapy, 4 sessions', provider: physioName, cost: '368.00' },
    });
    expect(requested.status).toBe(202);
    const ref = requested.body.outcome.ref as string;
    expect((await http(platform.urls.claims, 'POST', `/claims/${claim.id}/actions`, { token: cm, body: { type: 'treatment.approved', ref } })).status).toBe(202);
    const medical = async () => (await http(platform.urls.payments, 'GET', `/claims/${claim.id}/medical`, { token: cm })).body;
    await eventually('payments to know the approved request', async () => (await medical()).treatmentRequests?.[0]?.decision === 'approved');

    // The case manager approves it for payment: the provider found by name, the request chosen.
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', PAY_CM);
    await page.goto(`${consoleServer.url}/claims/${claim.id}`);
    const section = page.getByRole('region', { name: 'Medical costs' });
    const dialog = page.getByRole('dialog');
    await section.getByRole('button', { name: 'Approve treatment for payment…' }).click();
    await dialog.getByRole('textbox', { name: "Provider's name" }).fill(`Physio ${run}`);
    await dialog.getByRole('button', { name: 'Find providers' }).click();
    await dialog.locator('label').filter({ hasText: physioName }).click();
    await choose(page, dialog, 'Treatment request', `${ref}: physiotherapy, 4 sessions`);
    await dialog.getByRole('textbox', { name: 'Fee order items' }).fill('PTA002');
    await dialog.getByRole('textbox', { name: 'Units in all' }).fill('4');
    await typeDate(page, dialog, 'From', DOI);
    await typeDate(page, dialog, 'To', sydneyToday());
    await expectAccessible(page, cspViolations);
    await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
    await section
      .getByRole('status')
      .filter({ hasText: `Treatment ${ref} approved for payment` })
      .waitFor();
    await section
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: ref }) })
      .filter({ hasText: physioName })
      .waitFor();
    expect((await medical()).approvals).toEqual([expect.objectContaining({ treatmentRef: ref, providerId: physio.body.id, items: ['PTA002'], units: 4, from: DOI, to: sydneyToday() })]);
    await context.close();

    // The payments officer records the physiotherapist's invoice on the claim's payments page.
    const officer = await newPage();
    await signIn(officer.page, 'Payments officer', MAKER);
    await officer.page.goto(`${consoleServer.url}/payments/claims/${claim.id}`);
    const theirs = officer.page.getByRole('region', { name: 'Medical costs' });
    const invoiceDialog = officer.page.getByRole('dialog');
    await theirs.getByRole('button', { name: 'Record an invoice…' }).click();
    await invoiceDialog.getByRole('textbox', { name: "Provider's name" }).fill(physioName);
    await invoiceDialog.getByRole('button', { name: 'Find providers' }).click();
    await invoiceDialog.locator('label').filter({ hasText: physioName }).click();
    await invoiceDialog.getByRole('textbox', { name: 'Invoice number' }).fill('CP-1');
    const line = invoiceDialog.getByRole('group', { name: 'Line 1' });
    await typeDate(officer.page, line, 'Service date', '2026-04-18');
    await line.getByRole('textbox', { name: 'Fee order item' }).fill('PTA002');
    await line.getByRole('textbox', { name: 'Units' }).fill('1');
    await line.getByRole('textbox', { name: 'Charged' }).fill('92.00');
    await expectAccessible(officer.page, officer.cspViolations);
    await screenshot(officer.page, 'record-invoice', { fullPage: false });
    const [recorded] = await Promise.all([
      officer.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/claims/${claim.id}/invoices`)),
      invoiceDialog.getByRole('button', { name: 'Record the invoice' }).click(),
    ]);
    expect(recorded.status()).toBe(201);
    const invoice = await recorded.json();
    expect(invoice.lines.map((l: { status: string; payable: string }) => [l.status, l.payable])).toEqual([['pay', '92.00']]);
    await theirs
      .getByRole('status')
      .filter({ hasText: `Invoice CP-1 from ${physioName} recorded: $92.00 charged, $92.00 payable.` })
      .waitFor();
    const row = theirs
      .getByRole('table', { name: /^Invoice CP-1/ })
      .getByRole('row')
      .filter({ has: officer.page.getByRole('rowheader', { name: '1', exact: true }) });
    await expect(row.textContent()).resolves.toMatch(/PTA002 × 1.*\$92\.00.*\$92\.00.*Pay/);
    await expectAccessible(officer.page, officer.cspViolations);
    await officer.context.close();
  });
});

describe('a calculated PIAWE', () => {
  it("is recorded from its employment and earnings lines, the rule book's refusal of a line shown at its field", async () => {
    const claim = await claimKnownToPayments();
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', PAY_CM);
    await page.goto(`${consoleServer.url}/claims/${claim.id}`);
    const section = page.getByRole('region', { name: 'Payments and PIAWE' });
    const dialog = page.getByRole('dialog');
    await section.getByRole('button', { name: 'Calculate the PIAWE…' }).click();
    await dialog.getByRole('textbox', { name: 'How the amount was arrived at' }).fill('payslips for the 52 weeks');
    // One employment to start with (the schema asks for one at least); earnings lines added one by one.
    const employment = dialog.getByRole('group', { name: 'Employment 1' });
    await employment.getByRole('textbox', { name: 'Reference', exact: true }).fill('E1');
    await employment.getByRole('textbox', { name: 'Employer' }).fill('Harbour Freight Pty Ltd');
    await typeDate(page, employment, 'Started on', '2019-03-01');
    await dialog.getByRole('button', { name: 'Add earnings line' }).click();
    const line = dialog.getByRole('group', { name: 'Earnings line 1' });
    await line.getByRole('textbox', { name: 'Reference', exact: true }).fill('P1');
    await line.getByRole('textbox', { name: 'Employment (its reference)' }).fill('E1');
    // The 52 weeks before Mon 13 Apr 2026, in one line of $1,050.00 a week.
    await typeDate(page, line, 'From', '2025-04-14');
    await typeDate(page, line, 'To', '2026-04-12');
    await line.getByRole('textbox', { name: 'Kind of pay' }).fill('bonus');
    await line.getByRole('textbox', { name: 'Gross amount' }).fill('54600.00');
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'piawe-calculated', { fullPage: false });
    const post = () =>
      Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/claims/${claim.id}/piawe`)),
        dialog.getByRole('button', { name: 'Record the PIAWE' }).click(),
      ]).then(([r]) => r);
    // The contract takes any kind; the rule book knows the kinds of pay, and names the line's kind.
    const refused = await post();
    expect(refused.status()).toBe(400);
    expect((await refused.json()).problems).toEqual([expect.objectContaining({ field: 'earnings[0].kind' })]);
    await expect(
      line
        .locator('.field')
        .filter({ hasText: /^Kind of pay/ })
        .locator('.field-error')
        .textContent(),
    ).resolves.toMatch(/unknown kind "bonus"/);
    await line.getByRole('textbox', { name: 'Kind of pay' }).fill('ordinary');
    const recorded = await post();
    expect(recorded.status()).toBe(201);
    expect(await recorded.json()).toMatchObject({ basis: 'calculated', status: 'awaiting-review', amount: '1050.00' });
    await section.getByRole('status').filter({ hasText: 'PIAWE recorded: it waits for a second person to approve it.' }).waitFor();
    await section.getByRole('button', { name: 'Show the PIAWE determinations' }).click();
    const row = section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Calculated/ }) });
    await expect(row.textContent()).resolves.toMatch(/\$1,050\.00.*Waiting for a second person/);
    await context.close();
  });
});

describe("the payments officer's actions on a claim", () => {
  it('finds a claim by its number, records its payee, generates its weeks, cancels one, and a new account waits for a second officer on Approvals', async () => {
    const claim = await claimKnownToPayments();
    // An interim PIAWE in force (case manager, then team leader), so weeks can be valued.
    const piawe = await http(platform.urls.payments, 'POST', `/claims/${claim.id}/piawe`, {
      token: await token('case-manager', PAY_CM),
      body: { basis: 'interim', amount: '1300.00', reason: "employer's stated wage" },
    });
    expect(piawe.status).toBe(201);
    expect(
      (await http(platform.urls.payments, 'POST', `/piawe/${piawe.body.id}/review`, { token: await token('team-leader', PAY_TL), body: { decision: 'approve', note: 'the estimate checked' } })).status,
    ).toBe(200);
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Payments officer', MAKER);
    // A claim without payments is in no list: found by its number (one unknown first, said at the field).
    await page.getByRole('textbox', { name: 'Claim number' }).fill('WC-0000-NOPE');
    await page.getByRole('button', { name: 'Open its payments' }).click();
    await page.getByText('no claim WC-0000-NOPE has reached payments, or it is not one you may see').waitFor();
    await page.getByRole('textbox', { name: 'Claim number' }).fill(claim.claimNumber);
    await page.getByRole('button', { name: 'Open its payments' }).click();
    await page.getByRole('heading', { level: 1, name: `Payments of claim ${claim.claimNumber}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/payments/claims/${claim.id}`);
    const payee = page.getByRole('region', { name: 'Who is paid' });
    const section = page.getByRole('region', { name: 'Payments', exact: true });
    const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
    const dialog = page.getByRole('dialog');
    await payee.getByText('None recorded').first().waitFor();

    // The payee: the schema's cross-field problem at its group, before anything is sent.
    await payee.getByRole('button', { name: 'Set the payee and account…' }).click();
    await choose(page, dialog, 'Who pays weekly compensation', 'The insurer, to the worker’s account');
    await dialog.getByRole('button', { name: 'Record the payee' }).click();
    await dialog.getByRole('alert').getByRole('heading', { name: 'Not sent' }).waitFor();
    await expect(dialog.getByRole('alert').textContent()).resolves.toContain('is required when the insurer pays the worker');
    const worker = dialog.getByRole('group', { name: "The worker's account (when the insurer pays)" });
    await worker.getByRole('textbox', { name: 'BSB' }).fill('062000');
    await worker.getByRole('textbox', { name: 'Account number' }).fill('12345678');
    await worker.getByRole('textbox', { name: 'Account name' }).fill('DIRECT ALEX');
    await choose(page, worker, 'PAYG tax scale', 'Tax-free threshold claimed');
    await dialog.getByRole('button', { name: 'Record the payee' }).click();
    await expect(worker.locator('.field').filter({ hasText: /^BSB/ }).locator('.field-error').textContent()).resolves.toBe('must be NNN-NNN');
    await worker.getByRole('textbox', { name: 'BSB' }).fill('062-000');
    const [first] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/claims/${claim.id}/payee`)),
      dialog.getByRole('button', { name: 'Record the payee' }).click(),
    ]);
    expect(first.status()).toBe(200);
    await status('Payee recorded.').waitFor();
    await payee.getByText('DIRECT ALEX, BSB 062-000, account 12345678').waitFor();

    // The weeks ended by Sun 26 Apr: two, each 95% × 1300.00.
    await section.getByRole('button', { name: 'Generate weekly payments…' }).click();
    await typeDate(page, dialog, 'Weeks ended by', WEEK_2_END);
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await status('2 payments generated, $2,470.00 gross, waiting for authorisation.').waitFor();
    const week = (n: string) => section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `${claim.claimNumber} WK0${n}` }) });
    await expect(week('1').textContent()).resolves.toContain('Waiting for authorisation');
    await screenshot(page, 'payment-claim');

    // Cancelled with its reason: the reason is required, then kept in the payment's audit trail.
    await week('2')
      .getByRole('button', { name: /^Cancel…/ })
      .click();
    await dialog.getByRole('button', { name: 'Cancel the payment' }).click();
    await expect(
      dialog
        .locator('.field')
        .filter({ hasText: /^Why it is cancelled/ })
        .locator('.field-error')
        .textContent(),
    ).resolves.toBe('is required');
    await dialog.getByRole('textbox', { name: 'Why it is cancelled' }).fill('certificate under query');
    await dialog.getByRole('button', { name: 'Cancel the payment' }).click();
    await status(/cancelled\.$/).waitFor();
    await expect(week('2').textContent()).resolves.toContain('Cancelled');
    const payments = (await http(platform.urls.payments, 'GET', `/payments?claimId=${claim.id}`, { token: await token('payments-officer', MAKER) })).body.payments as { id: string; status: string }[];
    expect(payments.map((p) => p.status)).toEqual(['generated', 'cancelled']);
    const detail = await http(platform.urls.payments, 'GET', `/payments/${payments[1].id}`, { token: await token('payments-officer', MAKER) });
    expect(detail.body.audit.at(-1)).toMatchObject({ to: 'cancelled', actor: MAKER, reason: 'certificate under query' });

    // Another account in place of the first: held for a second person.
    await payee.getByRole('button', { name: 'Set the payee and account…' }).click();
    await worker.getByRole('textbox', { name: 'Account number' }).fill(NEW_ACCOUNT);
    const [second] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith(`/claims/${claim.id}/payee`)),
      dialog.getByRole('button', { name: 'Record the payee' }).click(),
    ]);
    expect(second.status()).toBe(202);
    await status(/waits for a second person/).waitFor();
    await payee.getByText('DIRECT ALEX, BSB 062-000, account 12345678').waitFor();
    await expectAccessible(page, cspViolations);

    // Not the proposer's to approve: the payments service's 403, in its words.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Approvals' }).click();
    await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: NEW_ACCOUNT });
    await row.getByRole('button', { name: /^Approve…/ }).click();
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.getByRole('alert').getByRole('heading', { name: 'Not allowed' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expectAccessible(page, cspViolations);
    await context.close();

    // A second officer approves it: the claim is paid to the new account.
    const checker = await newPage();
    await signIn(checker.page, 'Payments officer', CHECKER);
    await checker.page.goto(`${consoleServer.url}/approvals`);
    const theirs = checker.page.getByRole('row').filter({ hasText: NEW_ACCOUNT });
    await theirs.getByRole('button', { name: /^Approve…/ }).click();
    await checker.page.getByRole('dialog').getByRole('textbox', { name: 'Note' }).fill('called the worker to confirm');
    await checker.page.getByRole('dialog').getByRole('button', { name: 'Approve' }).click();
    await checker.page
      .getByRole('status')
      .getByText(/approved: it is recorded now\./)
      .waitFor();
    // Decided, it is no longer waiting.
    await theirs.waitFor({ state: 'detached' });
    await screenshot(checker.page, 'approvals', { fullPage: false });
    const held = await http(platform.urls.payments, 'GET', `/claims/${claim.id}`, { token: await token('payments-officer', CHECKER) });
    expect(held.body.worker).toMatchObject({ account: NEW_ACCOUNT, bsb: '062-000' });
    await expectAccessible(checker.page, checker.cspViolations);
    await checker.context.close();
  });
});

describe("the team leader's staffing", () => {
  it('records a cover (its dates checked first) and ends it; assigns a reviewer to a claim and takes them off', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Team leader', TL);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: "Team's work" }).click();
    const covers = page.getByRole('region', { name: 'Covers' });
    const dialog = page.getByRole('dialog');
    await covers.getByRole('button', { name: 'Record a cover…' }).click();
    const today = sydneyToday();
    await dialog.getByRole('textbox', { name: 'Case manager away' }).fill(AWAY);
    await dialog.getByRole('textbox', { name: 'Covered by' }).fill(COVERING);
    await typeDate(page, dialog, 'To (included)', addDays(today, -1));
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('annual leave');
    await dialog.getByRole('button', { name: 'Record the cover' }).click();
    await expect(
      dialog
        .locator('.field')
        .filter({ hasText: /^To \(included\)/ })
        .locator('.field-error')
        .textContent(),
    ).resolves.toBe('must not be before from');
    await typeDate(page, dialog, 'To (included)', addDays(today, 6));
    await dialog.getByRole('button', { name: 'Record the cover' }).click();
    await covers.getByRole('status').getByText(`${COVERING} covers for ${AWAY}`).waitFor();
    const row = covers.getByRole('row').filter({ has: page.getByRole('rowheader', { name: AWAY }) });
    await expect(row.textContent()).resolves.toContain('annual leave');
    const held = async () =>
      ((await http(platform.urls.claims, 'GET', '/covers', { token: await token('team-leader', TL) })).body.covers as { caseManager: string; coveredBy: string; to: string }[]).filter(
        (c) => c.caseManager === AWAY,
      );
    expect((await held()).map((c) => [c.coveredBy, c.to])).toEqual([[COVERING, addDays(today, 6)]]);
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'team-covers', { fullPage: false });
    await row.getByRole('button', { name: /^End now…/ }).click();
    await dialog.getByRole('button', { name: 'End the cover' }).click();
    await covers.getByRole('status').getByText(`${COVERING} no longer covers for ${AWAY}.`).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await held()).toEqual([]);

    // A reviewer assigned on the claim's page may see the claim; taken off, they may not.
    const asReviewer = async () => (await http(platform.urls.claims, 'GET', `/claims/${backdated.id}`, { token: await token('reviewer', REVIEWER) })).status;
    expect(await asReviewer()).toBe(403);
    await page.goto(`${consoleServer.url}/claims/${backdated.id}`);
    const reviewers = page.getByRole('region', { name: 'Reviewers' });
    await reviewers.getByText('No reviewer is assigned to this claim.').waitFor();
    await reviewers.getByRole('button', { name: 'Assign a reviewer…' }).click();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await expect(
      dialog
        .locator('.field')
        .filter({ hasText: /^Reviewer/ })
        .locator('.field-error')
        .textContent(),
    ).resolves.toBe('is required');
    await dialog.getByRole('textbox', { name: 'Reviewer' }).fill(REVIEWER);
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await reviewers.getByRole('status').getByText('Reviewer assigned.').waitFor();
    await reviewers.getByRole('listitem').filter({ hasText: REVIEWER }).waitFor();
    expect(await asReviewer()).toBe(200);
    await expectAccessible(page, cspViolations);
    await reviewers.getByRole('button', { name: `Take off… ${REVIEWER}` }).click();
    await dialog.getByRole('button', { name: 'Take them off' }).click();
    await reviewers.getByText('No reviewer is assigned to this claim.').waitFor();
    expect(await asReviewer()).toBe(403);
    await context.close();
  });
});

describe("the privacy officer's audit", () => {
  it("shows who read a claim's health information, filtered by claim, and names a bad filter at its field", async () => {
    const officer = await token('privacy-officer', 'po.pat');
    const expected = (await http(platform.urls.claims, 'GET', `/audit/health-reads?claimId=${payable.id}&limit=1000`, { token: officer })).body.reads as { id: string; user: string; role: string }[];
    expect(expected.length).toBeGreaterThan(0);
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Privacy officer', 'po.pat');
    // The privacy officer's home is the audit; the navigation is theirs.
    await page.getByRole('heading', { level: 1, name: 'Health information reads' }).waitFor();
    expect(await navLinks(page)).toEqual(['Health information reads']);
    await page.getByRole('textbox', { name: 'Claim id' }).fill('not-a-claim');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page
      .getByRole('alert')
      .getByText(/claimId/)
      .waitFor();
    await page.getByRole('textbox', { name: 'Claim id' }).fill(payable.id);
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const reads = page.getByRole('region', { name: /^Reads/ });
    await reads.getByRole('heading', { name: `Reads (${Math.min(expected.length, 100)}${expected.length > 100 ? ' so far' : ''})` }).waitFor();
    // Each row is headed by who read it and in what role, newest first, as the API lists them.
    expect(await reads.getByRole('rowheader').allTextContents()).toEqual(expected.slice(0, 100).map((r) => `${r.user}${words(r.role)}`));
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'health-reads', { fullPage: false });
    await context.close();
  });
});
