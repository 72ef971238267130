import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type ConsoleServer, startConsoleServer } from '../../apps/console/server/src/server';
import { sydneyToday } from '../../apps/console/src/format/format';
import { type Platform, eventually, http, notification, startPlatform, token } from '../e2e/support';
import { axe, launch, screenshot, serious } from './browser';

// The staff console (apps/console, issue 13) in a real browser (Debian's chromium, headless) on the
// real platform: the services and the worker on the engines the run started, the built app served
// by the console's own server as `npm start` serves it. A case manager signs in, finds their claims
// in "My work", opens one and its letter; another case manager is shown the API's refusal. Every
// page is checked with axe. Claims are lodged through the API: the console cannot lodge one yet.

jest.setTimeout(300_000);

const ROOT = path.resolve(__dirname, '..', '..');
const run = randomUUID().slice(0, 4);
// People of this run's own, so the queue holds this run's claims only (the engines' database outlives a run).
const CM = `sam.casey-${run}`;
const OTHER_CM = `kim.lee-${run}`;

let platform: Platform;
let consoleServer: ConsoleServer;
let browser: Browser;
const claims: { id: string; claimNumber: string }[] = [];

/** A calendar day `n` days from `day` (YYYY-MM-DD). */
function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** A wrist fracture notified `daysAgo` days ago, handled by CM. */
async function lodge(daysAgo: number): Promise<{ id: string; claimNumber: string }> {
  const today = sydneyToday();
  const injured = addDays(today, -daysAgo - 1);
  const body = notification({
    assignment: { caseManager: CM, teamLeader: 'tl.jo' },
    injury: { ...notification().injury, dateOfInjury: injured, employerAwareOn: injured },
    // 10:15 in Sydney that day (AEDT or AEST: UTC+11 or +10; 23:15 UTC the day before is 09:15 or 10:15).
    notifiedAt: `${addDays(today, -daysAgo - 1)}T23:15:00Z`,
  });
  const r = await http(platform.urls.claims, 'POST', '/claims', { body, token: await token('case-manager', CM), headers: { 'idempotency-key': `console-${randomUUID()}` } });
  expect(r.status).toBe(201);
  return { id: r.body.id, claimNumber: r.body.claimNumber };
}

/** A new browser session (its own sessionStorage: signed out), failing on any breach of the console's Content-Security-Policy. */
async function newPage(): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-AU', timezoneId: 'UTC' });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && cspViolations.push(m.text()));
  return { context, page, cspViolations };
}

async function signIn(page: Page, role: string, user: string) {
  await page.goto(consoleServer.url);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByRole('radio', { name: role }).check();
  await page.getByRole('textbox', { name: 'User name' }).fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${user}`).waitFor();
}

/** No serious or critical accessibility violation (axe), and nothing the page did so far broke its Content-Security-Policy. */
async function expectAccessible(page: Page, cspViolations: string[]) {
  expect(cspViolations).toEqual([]);
  const violations = await axe(page);
  expect(serious(violations)).toEqual([]);
  return violations;
}

beforeAll(async () => {
  const appIndex = path.join(ROOT, 'apps', 'console', 'dist', 'index.html');
  if (!fs.existsSync(appIndex)) throw new Error('apps/console/dist is missing: run npm run build');
  platform = await startPlatform({ env: process.env, basePort: 5101 });
  const { claims: c, documents, notifications, payments } = platform.urls;
  consoleServer = await startConsoleServer({ port: 0, services: { claims: c, documents, notifications, payments }, env: process.env });
  // The acknowledgement letter names the case manager, from the staff directory.
  const staff = await http(platform.urls.notifications, 'PUT', `/notifications/staff/${CM}`, {
    token: await token('admin', 'it.admin'),
    body: { name: 'Sam Casey', role: 'Case manager', phone: '02 9000 1357', email: 'sam.casey@insurer.example' },
  });
  expect(staff.status).toBe(200);
  // One claim notified 12 days ago (some of its obligations overdue by now), one today.
  claims.push(await lodge(12), await lodge(0));
  const cm = await token('case-manager', CM);
  // Triaged by its workflow, its letter rendered, and the documents service told who works on it.
  const letter = await eventually(
    'the first claim triaged, with its letter',
    async () => {
      const r = await http(platform.urls.claims, 'GET', `/claims/${claims[0].id}`, { token: cm });
      return r.body?.classification && r.body.documents.length > 0 && r.body.documents[0];
    },
    120_000,
  );
  await eventually(
    'the letter readable by its case manager',
    async () => (await fetch(`${platform.urls.documents}/documents/${letter.id}/content`, { headers: { authorization: `Bearer ${cm}` } })).status === 200,
  );
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await consoleServer?.close();
  await platform?.stopAll();
});

describe('the staff console', () => {
  it('shows the sign-in page, and the sign-in server’s refusal at the field it names', async () => {
    const { context, page, cspViolations } = await newPage();
    await page.goto(consoleServer.url);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'sign-in');
    await page.getByRole('textbox', { name: 'User name' }).fill('sam casey');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The server's 400 `problems`, shown with the field and announced as its error.
    const field = page.getByRole('textbox', { name: 'User name' });
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByText('must be a user name').waitFor();
    await expectAccessible(page, cspViolations);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("shows a case manager their claims' open obligations in My work, by Sydney date", async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', CM);
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    for (const c of claims) await page.getByRole('link', { name: c.claimNumber }).first().waitFor();
    // The first claim, notified 12 days ago, has obligations overdue by now.
    const overdue = page.getByRole('region', { name: /^Overdue \(\d+\)$/ });
    await expect(overdue.getByRole('link', { name: claims[0].claimNumber }).count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(/Today in Sydney is/).textContent()).resolves.toContain(
      new Intl.DateTimeFormat('en-AU', { timeZone: 'Australia/Sydney', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date()),
    );
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'my-work');
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('opens the claim page: its classification, obligations and acknowledgement letter, which opens as a PDF', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', CM);
    await page.getByRole('link', { name: claims[0].claimNumber }).first().click();
    await page.getByRole('heading', { level: 1, name: `Claim ${claims[0].claimNumber}` }).waitFor();
    const triage = page.getByRole('region', { name: 'Triage' });
    await triage.getByText('Significant', { exact: true }).waitFor();
    await triage.getByText(/fracture/).waitFor();
    await page.getByRole('region', { name: 'Obligations' }).getByRole('listitem').first().waitFor();
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('rowheader', { name: /^Acknowledgement letter/ }).waitFor();
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'claim');

    // The PDF comes with the case manager's token (a plain link could not carry it) and opens in a tab.
    const [pdf, tab] = await Promise.all([
      page.waitForResponse((r) => /\/api\/documents\/documents\/[0-9a-f-]+\/content$/.test(r.url())),
      context.waitForEvent('page'),
      documents.getByRole('button', { name: 'Open PDF: Acknowledgement letter' }).click(),
    ]);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(Number(pdf.headers()['content-length'])).toBeGreaterThan(1000);
    await eventually('the tab showing the PDF', async () => tab.url().startsWith('blob:'), 10_000);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("shows another case manager the API's reason for refusing the claim, and nothing of it", async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', OTHER_CM);
    // Their own work holds nothing of it.
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await page.getByText('Nothing overdue.').waitFor();
    await page.goto(`${consoleServer.url}/claims/${claims[0].id}`);
    const refusal = page.getByRole('alert');
    await refusal.getByRole('heading', { name: 'Not allowed' }).waitFor();
    const api = await http(platform.urls.claims, 'GET', `/claims/${claims[0].id}`, { token: await token('case-manager', OTHER_CM) });
    expect(api.status).toBe(403);
    await expect(refusal.textContent()).resolves.toContain(api.body.message);
    expect(api.body.message).toContain(`${OTHER_CM} (case-manager) may not see claim ${claims[0].id}`);
    await expect(page.getByText(claims[0].claimNumber).count()).resolves.toBe(0);
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'claim-refused');
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it("shows the API's 400, field by field, for an address that names no claim", async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', CM);
    await page.goto(`${consoleServer.url}/claims/not-a-claim`);
    const refusal = page.getByRole('alert');
    await refusal.getByRole('heading', { name: 'The request was refused' }).waitFor();
    const api = await http(platform.urls.claims, 'GET', '/claims/not-a-claim', { token: await token('case-manager', CM) });
    expect(api.status).toBe(400);
    await expect(refusal.textContent()).resolves.toContain(api.body.message);
    await expectAccessible(page, cspViolations);
    await context.close();
  });

  it('was typed against the documents the services serve (tools/openapi/export.js makes them without the services running)', async () => {
    for (const service of ['claims', 'documents', 'notifications', 'payments']) {
      const served = await (await fetch(`${platform.urls[service]}/docs/openapi.json`)).json();
      const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'apps', 'console', 'src', 'api', 'openapi', `${service}.json`), 'utf8'));
      expect({ service, document: served }).toEqual({ service, document: committed });
    }
  });
});
