import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { type ConsoleServer, startConsoleServer } from '../../apps/console/server/src/server';
import { words } from '../../apps/console/src/components/labels';
import { formatDate, sydneyToday } from '../../apps/console/src/format/format';
import { type Platform, eventually, http, notification, startPlatform, token } from '../e2e/support';
import { axe, choose, dateSegment, escapeRe, launch, screenshot, serious, typeDate } from './browser';

// The staff console (apps/console, issue 13) in a real browser (Debian's chromium, headless) on the
// real platform: the services and the worker on the engines the run started, the built app served
// by the console's own server as `npm start` serves it. A case manager signs in, finds their claims
// in "My work", opens one and its letter; another case manager is shown the API's refusal. A case
// manager works a claim from its notification to its injury management plan with the claim page's
// action forms (a double click on Record recording once, even when the answer comes before its second
// click), and the API's refusals are shown at the fields they name. Every page is checked
// with axe. Most claims are lodged through the API; one is lodged with the console's form.

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
/** A claim notified 20 days ago: an action dated 16 days back is after its notification. */
let oldClaim: { id: string; claimNumber: string };

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
  // The radio's input is visually hidden inside its label: the label is what takes the click.
  const radio = page.getByRole('radio', { name: role });
  if (!(await radio.isChecked())) await page.locator('label', { has: radio }).click();
  expect(await radio.isChecked()).toBe(true);
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
  oldClaim = await lodge(20);
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

/** The claim page's form for recording actions. */
const actionForm = (page: Page) => page.getByRole('region', { name: 'Record an action' });

const isActionPost = (r: { url(): string; method(): string }) => r.method() === 'POST' && /\/api\/claims\/claims\/[0-9a-f-]+\/actions$/.test(r.url());

/** Records an action with the form: chooses it, fills its fields, presses its button; the API's answer. */
async function record(page: Page, action: string, fill?: (form: Locator) => Promise<void>, o: { click?: 'dblclick' } = {}): Promise<Response> {
  const form = actionForm(page);
  await choose(page, form, 'Action', action);
  await fill?.(form);
  const button = form.getByRole('button', { name: `Record: ${action}` });
  const [answer] = await Promise.all([page.waitForResponse((r) => isActionPost(r.request())), o.click === 'dblclick' ? button.dblclick() : button.click()]);
  return answer;
}

/**
 * Records an action with a double click whose second click comes only once the first one's answer
 * is shown (the form emptied by the success, its button enabled again): what a fast API makes of a
 * double click, made certain. The mouse's click count is 2 for the second click, as a person's
 * double click has it. The first click's answer.
 */
async function doubleClickAcrossTheAnswer(page: Page, action: string, fill?: (form: Locator) => Promise<void>): Promise<Response> {
  const form = actionForm(page);
  await choose(page, form, 'Action', action);
  await fill?.(form);
  const button = form.getByRole('button', { name: `Record: ${action}` });
  await button.scrollIntoViewIfNeeded();
  const box = await button.boundingBox();
  if (!box) throw new Error(`Record: ${action} is not shown`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const answered = page.waitForResponse((r) => isActionPost(r.request()));
  await page.mouse.down({ clickCount: 1 });
  await page.mouse.up({ clickCount: 1 });
  const answer = await answered;
  expect(answer.status()).toBe(202);
  await form
    .getByRole('status')
    .getByText(`Action id ${(await answer.json()).actionId}`)
    .waitFor();
  // The button is still under the pointer: the second click lands on it, as a double click's does.
  expect(await button.boundingBox()).toEqual(box);
  await page.mouse.down({ clickCount: 2 });
  await page.mouse.up({ clickCount: 2 });
  return answer;
}

/** Whether an action's POST goes out within `ms` (a second request would leave at once). */
const actionPostWithin = (page: Page, ms: number) =>
  page
    .waitForRequest((r) => isActionPost(r), { timeout: ms })
    .then(
      () => true,
      () => false,
    );

/** An obligation on the claim page, by its name. */
const obligation = (page: Page, name: string) =>
  page
    .getByRole('region', { name: 'Obligations' })
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });

/** What an input's aria-describedby points at: its hint and its error, as a screen reader reads them with it. */
const description = (input: Locator) =>
  input.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

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

  it('finds a claim in Claims by its number, says what a one-letter search lacks, and opens the claim', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', CM);
    await page.getByRole('link', { name: 'Claims' }).click();
    await page.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
    // The newest claims first, before any search: the claims lodged for this test among them.
    const list = page.getByRole('region', { name: 'Claims you may see' });
    await list.getByRole('link', { name: claims[1].claimNumber }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Claim number, worker or employer' });
    await search.fill('A');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('must be at least 2 characters').waitFor();
    await search.fill(claims[0].claimNumber);
    await page.getByRole('button', { name: 'Search' }).click();
    // Claim numbers starting with it (a number is also the start of longer ones): the claim, and no claim not starting so.
    await list.getByRole('row').filter({ hasNotText: claims[1].claimNumber }).first().waitFor();
    await list.getByRole('link', { name: claims[1].claimNumber, exact: true }).waitFor({ state: 'detached' });
    const numbers = await list.locator('tbody th[scope="row"]').allTextContents();
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((n) => n.startsWith(claims[0].claimNumber))).toBe(true);
    const row = list.getByRole('row').filter({ has: page.getByRole('link', { name: claims[0].claimNumber, exact: true }) });
    await expect(row.textContent()).resolves.toContain('Alex Nguyen');
    await expect(row.textContent()).resolves.toContain('Harbour Freight Pty Ltd');
    await expect(row.textContent()).resolves.toContain('Open');
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'claims');
    await row.getByRole('link', { name: claims[0].claimNumber, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Claim ${claims[0].claimNumber}` }).waitFor();
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('opens the claim page: its classification, obligations, parties and consents, and acknowledgement letter, which opens as a PDF', async () => {
    // Two parties recorded through the API, one with the worker's consent to share health information with it.
    const cm = await token('case-manager', CM);
    const party = async (body: object) => {
      const r = await http(platform.urls.claims, 'POST', `/claims/${claims[0].id}/parties`, { body, token: cm });
      expect(r.status).toBe(201);
      return r.body.party.partyId as string;
    };
    await party({ role: 'employer', name: 'Harbour Freight Pty Ltd', email: 'hr@harbourfreight.example', channels: ['email'] });
    const doctor = await party({ role: 'doctor', name: 'Dr Mia Chen', postalAddress: ['12 George Street', 'Sydney NSW 2000'], channels: ['post'] });
    const givenOn = sydneyToday();
    const consent = await http(platform.urls.claims, 'POST', `/claims/${claims[0].id}/consents`, {
      body: { partyId: doctor, scope: 'health-information', givenOn, evidence: 'claim form, consent section' },
      token: cm,
    });
    expect(consent.status).toBe(201);
    // Liability disputed: its decision notice carries health information, so the employer's copy is not
    // sent (no consent of the worker for it), and the page says so with the reason.
    const disputed = await http(platform.urls.claims, 'POST', `/claims/${claims[0].id}/actions`, {
      body: { type: 'liability.disputed', reasons: 'the injury did not arise out of employment' },
      token: cm,
    });
    expect(disputed.status).toBe(202);
    // The copies of its notices so far: each is on the page opened after.
    const sent: { noticeType: string; recipient: string; status: string }[] = await eventually('the employer copy of the decision notice refused', async () => {
      const copies = (await http(platform.urls.claims, 'GET', `/claims/${claims[0].id}`, { token: cm })).body.correspondence;
      return copies?.some((c: { noticeType: string; recipient: string; status: string }) => c.noticeType === 'decision-notice' && c.recipient === 'employer' && c.status === 'refused') && copies;
    });

    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', CM);
    await page.getByRole('link', { name: claims[0].claimNumber }).first().click();
    await page.getByRole('heading', { level: 1, name: `Claim ${claims[0].claimNumber}` }).waitFor();
    const triage = page.getByRole('region', { name: 'Triage' });
    await triage.getByText('Significant', { exact: true }).waitFor();
    await triage.getByText(/fracture/).waitFor();
    await page.getByRole('region', { name: 'Obligations' }).getByRole('listitem').first().waitFor();
    // Each party, how it is written to, and the consent given for the doctor (none for the employer).
    const parties = page.getByRole('region', { name: 'Parties and consents' });
    const employerRow = parties.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Harbour Freight Pty Ltd/ }) });
    await employerRow.waitFor();
    await expect(employerRow.textContent()).resolves.toMatch(/Email hr@harbourfreight\.example.*None/);
    const doctorRow = parties.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Dr Mia Chen/ }) });
    await expect(doctorRow.textContent()).resolves.toContain('Post 12 George Street, Sydney NSW 2000');
    await expect(doctorRow.textContent()).resolves.toMatch(new RegExp(`Given on ${formatDate(givenOn).replace(/ /g, '\\s')}.*claim form, consent section; recorded by ${CM}`));
    // Each copy of each notice sent before the page opened, with what became of it.
    const delivery = page.getByRole('region', { name: 'Delivery of notices' });
    for (const copy of sent)
      await delivery
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: words(copy.noticeType), exact: true }) })
        .filter({ hasText: words(copy.recipient) })
        .first()
        .waitFor();
    const refused = delivery
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Decision notice', exact: true }) })
      .filter({ hasText: 'Employer' });
    await expect(refused.textContent()).resolves.toMatch(/EmployerEmailNot sent.*no consent of the worker/);
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('rowheader', { name: /^Acknowledgement letter/ }).waitFor();
    // The page whole: its action form too (loaded on its own), so nothing moves under the next click.
    await actionForm(page)
      .getByRole('button', { name: /Action$/ })
      .waitFor();
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

  it('lodges a claim from its notification with the form made from its schema, its problems shown before sending, then opens it', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', CM);
    await page.getByRole('link', { name: 'Claims', exact: true }).click();
    await page.getByRole('link', { name: 'Lodge a claim' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lodge a claim' }).waitFor();
    const form = page.locator('form.page-form');
    const error = (label: string) =>
      form
        .locator('.field')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('.field-error');
    const lodges: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && /\/api\/claims\/claims$/.test(r.url()) && lodges.push(r.url()));
    // Nothing given: each required field says so, and nothing is sent.
    await form.getByRole('button', { name: 'Lodge the claim' }).click();
    await form.getByRole('alert').getByRole('heading', { name: 'Not sent' }).waitFor();
    await expect(error('Given name').textContent()).resolves.toBe('is required');
    await expect(error('Policy number').textContent()).resolves.toBe('is required');
    expect(lodges).toEqual([]);
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'lodge-claim', { fullPage: false });
    const today = sydneyToday();
    await form.getByRole('textbox', { name: 'Given name' }).fill('Lena');
    await form.getByRole('textbox', { name: 'Family name' }).fill(`Okoro-${run}`);
    await typeDate(page, form, 'Date of birth', '1990-05-01');
    await form.getByRole('textbox', { name: 'Employer', exact: true }).fill('Harbour Freight Pty Ltd');
    await form.getByRole('textbox', { name: 'Policy number' }).fill('WI-100234');
    await typeDate(page, form, 'Date of injury', addDays(today, -2));
    // The schema's own check across fields: the employer cannot know before the injury.
    await typeDate(page, form, 'Employer aware on', addDays(today, -3));
    await choose(page, form, 'Nature of the injury', 'Fracture');
    await form.getByRole('textbox', { name: 'Part of the body' }).fill('left wrist');
    await form.getByRole('textbox', { name: /^Team leader/ }).fill('tl.jo');
    await form.getByRole('button', { name: 'Lodge the claim' }).click();
    await expect(error('Employer aware on').textContent()).resolves.toBe('is before dateOfInjury');
    expect(lodges).toEqual([]);
    await typeDate(page, form, 'Employer aware on', addDays(today, -2));
    const [lodged] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && /\/api\/claims\/claims$/.test(r.url())),
      form.getByRole('button', { name: 'Lodge the claim' }).click(),
    ]);
    expect(lodged.status()).toBe(201);
    const claim = await lodged.json();
    expect(lodged.request().headers()['idempotency-key']).toEqual(expect.stringMatching(/^console-lodge-/));
    expect(claim).toMatchObject({ worker: { givenName: 'Lena', familyName: `Okoro-${run}` }, caseManager: CM, teamLeader: 'tl.jo' });
    // Its page, which shows the triage once its workflow has made it (a fracture is significant: program 3.3.3), without a reload.
    await page.getByRole('heading', { level: 1, name: `Claim ${claim.claimNumber}` }).waitFor();
    await page.getByRole('region', { name: 'Triage' }).getByText('Significant', { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Obligations' }).getByRole('listitem').first().waitFor();
    expect(lodges).toHaveLength(1);
    await context.close();
  });

  it('lets a case manager add a party, record and withdraw its consent, change it and take it off, each problem shown at its field', async () => {
    const claim = await lodge(0);
    const cm = await token('case-manager', CM);
    const { context, page, cspViolations } = await newPage();
    const partyRequests: string[] = [];
    page.on('request', (r) => /\/api\/claims\/claims\/[0-9a-f-]+\/(parties|consents)/.test(r.url()) && r.method() !== 'GET' && partyRequests.push(`${r.method()} ${r.url()}`));
    await signIn(page, 'Case manager', CM);
    await page.goto(`${consoleServer.url}/claims/${claim.id}`);
    const parties = page.getByRole('region', { name: 'Parties and consents' });
    const dialog = page.getByRole('dialog');
    const field = (name: string) => dialog.locator('.field').filter({ has: page.getByText(name, { exact: true }) });
    /** Ticks a checkbox of a group: its input is hidden inside its label, which takes the click. */
    const tick = (name: string) => dialog.locator('label', { has: page.getByRole('checkbox', { name: new RegExp(`^${name}`) }) }).click();
    const rowOf = (name: string) => parties.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escapeRe(name)}`) }) });

    // 1. A solicitor, first with what the schema refuses: no relationship (a party of role Other
    // needs one) and SMS ticked with no mobile. Nothing is sent; each problem is at its field.
    await parties.getByRole('button', { name: 'Add a party…' }).click();
    await dialog.getByRole('heading', { name: 'Add a party' }).waitFor();
    await choose(page, dialog, 'Role', 'Other');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Jones Legal');
    await tick('SMS');
    await dialog.getByRole('button', { name: 'Add the party' }).click();
    await dialog.getByRole('alert').getByRole('heading', { name: 'Not sent' }).waitFor();
    await expect(field('What they are to the claim (optional)').locator('.field-error').textContent()).resolves.toBe('is required for a party of role other');
    await expect(field('Write to them by').locator('.field-error').textContent()).resolves.toBe('channels[0]: is sms but mobile is not recorded');
    expect(partyRequests).toEqual([]);
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'claim-add-party', { fullPage: false });
    // Mended, and Email ticked after SMS: the channels go in the order ticked. Double-clicked: added once.
    await dialog.getByRole('textbox', { name: /^What they are to the claim/ }).fill('The worker’s solicitor');
    await dialog.getByRole('textbox', { name: /^Mobile/ }).fill('0412 345 678');
    await dialog.getByRole('textbox', { name: /^Email/ }).fill('claims@joneslegal.example');
    await tick('Email');
    const [added] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && /\/parties$/.test(r.url())), dialog.getByRole('button', { name: 'Add the party' }).dblclick()]);
    expect(added.status()).toBe(201);
    expect(added.request().postDataJSON()).toMatchObject({ role: 'other', name: 'Jones Legal', relationship: 'The worker’s solicitor', channels: ['sms', 'email'] });
    await parties.getByRole('status').getByText('Party added.').waitFor();
    await expect(dialog.count()).resolves.toBe(0);
    // The list is read again once the API has taken it.
    await rowOf('Jones Legal').waitFor();
    await expect(rowOf('Jones Legal').textContent()).resolves.toMatch(/SMS 0412345678.*Email claims@joneslegal\.example.*None/);

    // 2. The API's refusal at the field it names: a claim has one worker (recorded here through the API if it has none yet).
    const recorded = await http(platform.urls.claims, 'GET', `/claims/${claim.id}/parties`, { token: cm });
    if (!recorded.body.parties.some((p: { role: string }) => p.role === 'worker')) {
      const worker = await http(platform.urls.claims, 'POST', `/claims/${claim.id}/parties`, {
        body: { role: 'worker', name: 'Alex Nguyen', email: 'alex@example.org', channels: ['email'] },
        token: cm,
      });
      expect(worker.status).toBe(201);
    }
    await parties.getByRole('button', { name: 'Add a party…' }).click();
    await choose(page, dialog, 'Role', 'Worker');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Alex Nguyen');
    await dialog.getByRole('textbox', { name: /^Email/ }).fill('alex.nguyen@example.org');
    await tick('Email');
    await dialog.getByRole('button', { name: 'Add the party' }).click();
    await dialog
      .getByRole('alert')
      .getByText(/the claim already has a worker/)
      .waitFor();
    await expect(field('Role').locator('.field-error').textContent()).resolves.toBe('a claim has one worker');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // 3. The worker's consent for the solicitor, then its withdrawal: the same consent, with the day.
    const today = sydneyToday();
    await rowOf('Jones Legal').getByRole('button', { name: 'Record consent… Jones Legal' }).click();
    await typeDate(page, dialog, 'Consent given on', today);
    await dialog.getByRole('textbox', { name: 'Evidence of the consent' }).fill('signed authority, document 7');
    await dialog.getByRole('button', { name: 'Record', exact: true }).click();
    await parties.getByRole('status').getByText('Jones Legal: consent recorded.').waitFor();
    await rowOf('Jones Legal').getByText(`signed authority, document 7; recorded by ${CM}`).waitFor();
    await rowOf('Jones Legal').getByRole('button', { name: 'Change or withdraw consent… Jones Legal' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Evidence of the consent' }).inputValue()).resolves.toBe('signed authority, document 7');
    await typeDate(page, dialog, 'Withdrawn on (optional)', today);
    await dialog.getByRole('button', { name: 'Record', exact: true }).click();
    await rowOf('Jones Legal').getByText('Withdrawn', { exact: true }).waitFor();

    // 4. A new mobile: the form starts with what is recorded.
    await rowOf('Jones Legal').getByRole('button', { name: 'Change… Jones Legal' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).resolves.toBe('Jones Legal');
    await expect(dialog.getByRole('checkbox', { name: /^SMS/ }).isChecked()).resolves.toBe(true);
    await dialog.getByRole('textbox', { name: /^Mobile/ }).fill('0499 000 111');
    await dialog.getByRole('button', { name: 'Save the changes' }).click();
    await parties.getByRole('status').getByText('Jones Legal: details saved.').waitFor();
    await rowOf('Jones Legal').getByText('SMS 0499000111').waitFor();
    await expect(rowOf('Jones Legal').textContent()).resolves.toMatch(/SMS 0499000111.*Email claims@joneslegal\.example/);

    // 5. Taken off the claim: a reason is required, and kept.
    await rowOf('Jones Legal').getByRole('button', { name: 'Take off the claim… Jones Legal' }).click();
    await dialog.getByRole('button', { name: 'Take off the claim' }).click();
    await expect(field('Reason').locator('.field-error').textContent()).resolves.toBe('is required');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('no longer acts for the worker');
    await dialog.getByRole('button', { name: 'Take off the claim' }).click();
    await parties.getByRole('status').getByText('Jones Legal taken off the claim.').waitFor();
    await parties.getByText(new RegExp(`Jones Legal.*by ${CM}: no longer acts for the worker`)).waitFor();
    await expect(rowOf('Jones Legal').count()).resolves.toBe(0);

    // What the API holds is what the page showed.
    const held = await http(platform.urls.claims, 'GET', `/claims/${claim.id}/parties`, { token: cm });
    expect(held.body.removed).toEqual([
      expect.objectContaining({
        party: expect.objectContaining({ name: 'Jones Legal', mobile: '0499000111', channels: ['sms', 'email'] }),
        consents: [expect.objectContaining({ givenOn: today, withdrawnOn: today, evidence: 'signed authority, document 7' })],
        reason: 'no longer acts for the worker',
      }),
    ]);
    expect(partyRequests).toHaveLength(6);
    await expectAccessible(page, cspViolations);
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

  it('lets a case manager work a claim from notification to IMP with the action forms, its obligations closing on the page', async () => {
    const { context, page, cspViolations } = await newPage();
    const claim = claims[1];
    const cm = await token('case-manager', CM);
    // Triaged as significant: the initial contacts and the IMP are due.
    await eventually('the claim triaged, its initial contacts due', async () => {
      const r = await http(platform.urls.claims, 'GET', `/claims/${claim.id}/timeline`, { token: cm });
      return r.status === 200 && r.body.obligations.some((o: { type: string }) => o.type === 'initial-contact.worker');
    });
    const posts: { key: string; body: string }[] = [];
    page.on('request', (r) => isActionPost(r) && posts.push({ key: r.headers()['idempotency-key'], body: r.postData() ?? '' }));
    await signIn(page, 'Case manager', CM);
    await page.getByRole('link', { name: claim.claimNumber }).first().click();
    await page.getByRole('heading', { level: 1, name: `Claim ${claim.claimNumber}` }).waitFor();
    for (const name of ['Initial contact: worker', 'Initial contact: employer', 'Initial contact: doctor', 'Liability: initial', 'IMP: initial'])
      await obligation(page, name).getByText('Open', { exact: true }).waitFor();
    const form = actionForm(page);

    // The first action chosen from the keyboard: the list opens with the arrow key, a type-ahead finds it.
    await form.getByRole('button', { name: /Action$/ }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.type('Contact made');
    await page.keyboard.press('Enter');
    await form.getByRole('button', { name: /^Contact made Action$/ }).waitFor();
    // Its form, made from the contract's schema: who was contacted, when (optional), a reference (optional).
    await form.getByRole('button', { name: /Who was contacted$/ }).waitFor();
    await dateSegment(form, 'Date (Sydney)').waitFor();
    await dateSegment(form, 'Time (Sydney)').waitFor();
    await form.getByRole('textbox', { name: /^Reference \(optional\)/ }).waitFor();
    await expectAccessible(page, cspViolations);

    for (const party of ['Worker', 'Employer', 'Doctor']) {
      const before = posts.length;
      // The employer's is double-clicked: one request, recorded once.
      const answer = await record(page, 'Contact made', (f) => choose(page, f, 'Who was contacted', party), party === 'Employer' ? { click: 'dblclick' } : {});
      expect(answer.status()).toBe(202);
      await form.getByRole('status').getByText('Recorded: Contact made.').waitFor();
      await obligation(page, `Initial contact: ${party.toLowerCase()}`).getByText('Met', { exact: true }).waitFor();
      expect(posts.length - before).toBe(1);
    }
    // Each request had a key of its own.
    expect(new Set(posts.map((p) => p.key)).size).toBe(posts.length);
    expect(posts.every((p) => /^[0-9a-f-]{36}$/.test(p.key))).toBe(true);
    // `at` left out: the API records the action as done now.
    expect(JSON.parse(posts[0].body)).toEqual({ type: 'contact.made', party: 'worker' });

    expect((await record(page, 'Provisional liability')).status()).toBe(202);
    await obligation(page, 'Liability: initial').getByText('Met', { exact: true }).waitFor();
    await page
      .getByRole('region', { name: 'Notices' })
      .getByText(/Provisional liability to/)
      .waitFor();

    expect((await record(page, 'Injury management plan (IMP) issued')).status()).toBe(202);
    await obligation(page, 'IMP: initial').getByText('Met', { exact: true }).waitFor();
    await form.getByRole('status').getByText('Recorded: Injury management plan (IMP) issued.').waitFor();

    // A treatment request: the claim names it, and the confirmation says by what.
    const treatment = await record(page, 'Treatment requested', async (f) => {
      await f.getByRole('textbox', { name: /^Treatment/ }).fill('Physiotherapy, 6 sessions');
      await f.getByRole('textbox', { name: /^Provider/ }).fill('Harbour Physio');
      await f.getByRole('textbox', { name: /^Estimated cost/ }).fill('540.00');
    });
    expect(treatment.status()).toBe(202);
    const applied = await treatment.json();
    expect(applied.outcome.ref).toEqual(expect.any(String));
    await form.getByRole('status').getByText(applied.outcome.ref, { exact: true }).waitFor();
    await obligation(page, 'Treatment: acknowledgement').waitFor();
    // And the claim's treatment requests list it, with what is due: acknowledged by, decided by.
    const request = page.getByRole('region', { name: 'Treatment requests' }).getByRole('row').filter({ hasText: applied.outcome.ref });
    await request.waitFor();
    await expect(request.textContent()).resolves.toMatch(/^Physiotherapy, 6 sessions.*Harbour Physio\$540\.00.*Due by.*Due by/);

    // What the page shows is what the API holds.
    const timeline = await http(platform.urls.claims, 'GET', `/claims/${claim.id}/timeline`, { token: cm });
    const status = (type: string) => timeline.body.obligations.find((o: { type: string }) => o.type === type)?.status;
    for (const type of ['initial-contact.worker', 'initial-contact.employer', 'initial-contact.doctor', 'liability.initial', 'imp.initial'])
      expect({ type, status: status(type) }).toEqual({ type, status: 'met' });
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'claim-action');
    await context.close();
  });

  it('records a double-clicked action once and keeps its confirmation when the answer comes before the second click', async () => {
    // Its own claim: the actions recorded here are all it has.
    const claim = await lodge(0);
    const cm = await token('case-manager', CM);
    await eventually('the claim triaged, its initial contacts and IMP due', async () => {
      const r = await http(platform.urls.claims, 'GET', `/claims/${claim.id}/timeline`, { token: cm });
      return r.status === 200 && r.body.obligations.some((o: { type: string }) => o.type === 'imp.initial');
    });
    const timeline = async () => (await http(platform.urls.claims, 'GET', `/claims/${claim.id}/timeline`, { token: cm })).body;
    const { context, page, cspViolations } = await newPage();
    const posts: string[] = [];
    page.on('request', (r) => isActionPost(r) && posts.push(r.postData() ?? ''));
    await signIn(page, 'Case manager', CM);
    await page.goto(`${consoleServer.url}/claims/${claim.id}`);
    await page.getByRole('heading', { level: 1, name: `Claim ${claim.claimNumber}` }).waitFor();
    const form = actionForm(page);
    const status = form.getByRole('status');
    // The first one with a single click: a confirmation is above the form from now on, so an answer moves nothing under the pointer.
    expect((await record(page, 'Contact made', (f) => choose(page, f, 'Who was contacted', 'Worker'))).status()).toBe(202);
    await status.getByText('Recorded: Contact made.').waitFor();

    /** What the form shows once a double click's second click is handled (no request went out within 2 s of it). */
    const afterDoubleClick = async (action: string, before: number) => ({
      secondRequest: await actionPostWithin(page, 2_000),
      sent: posts.length - before,
      confirmed: await status.getByText(`Recorded: ${action}.`).isVisible(),
      alerts: await form.getByRole('alert').allTextContents(),
      required: await form.getByText(/is required/).count(),
    });
    const once = { secondRequest: false, sent: 1, confirmed: true, alerts: [], required: 0 };

    // A form the success empties, its party required: the second click must not submit it empty.
    let before = posts.length;
    const employer = await doubleClickAcrossTheAnswer(page, 'Contact made', (f) => choose(page, f, 'Who was contacted', 'Employer'));
    expect(JSON.parse(employer.request().postData() ?? '{}')).toEqual({ type: 'contact.made', party: 'employer' });
    expect(await afterDoubleClick('Contact made', before)).toEqual(once);
    await obligation(page, 'Initial contact: employer').getByText('Met', { exact: true }).waitFor();
    // Pressed again on purpose, empty: what it lacks is said at its field, and what was recorded stays confirmed.
    await form.getByRole('button', { name: 'Record: Contact made' }).click();
    await form.getByRole('alert').getByRole('heading', { name: 'Not sent' }).waitFor();
    const party = form.getByRole('button', { name: /Who was contacted$/ });
    expect(await description(party)).toContain('is required');
    expect(await status.getByText('Recorded: Contact made.').isVisible()).toBe(true);
    expect(posts.length - before).toBe(1);

    // A form with nothing required: the second click would record it again.
    before = posts.length;
    await doubleClickAcrossTheAnswer(page, 'Injury management plan (IMP) issued');
    expect(await afterDoubleClick('Injury management plan (IMP) issued', before)).toEqual(once);
    await obligation(page, 'IMP: initial').getByText('Met', { exact: true }).waitFor();
    // One IMP on the claim: one notice of it.
    expect((await timeline()).notices.filter((n: { type: string }) => n.type === 'imp')).toHaveLength(1);
    await expectAccessible(page, cspViolations);

    // A click of its own is a press of its own: the same action recorded again on purpose, the form untouched.
    const [again] = await Promise.all([page.waitForResponse((r) => isActionPost(r.request())), form.getByRole('button', { name: 'Record: Injury management plan (IMP) issued' }).click()]);
    expect(again.status()).toBe(202);
    await status.getByText(`Action id ${(await again.json()).actionId}`).waitFor();
    expect((await timeline()).notices.filter((n: { type: string }) => n.type === 'imp')).toHaveLength(2);
    await context.close();
  });

  it('shows a refused action’s reasons: the schema’s before sending, and the API’s at the fields they name', async () => {
    const { context, page, cspViolations } = await newPage();
    const claim = claims[0];
    const posts: string[] = [];
    page.on('request', (r) => isActionPost(r) && posts.push(r.postData() ?? ''));
    await signIn(page, 'Case manager', CM);
    await page.goto(`${consoleServer.url}/claims/${claim.id}`);
    await page.getByRole('heading', { level: 1, name: `Claim ${claim.claimNumber}` }).waitFor();
    const form = actionForm(page);

    // The contract's schema, in the browser: nothing is sent, and each problem is at its field.
    await choose(page, form, 'Action', 'Treatment requested');
    await form.getByRole('textbox', { name: /^Treatment/ }).fill('Hydrotherapy');
    const cost = form.getByRole('textbox', { name: /^Estimated cost/ });
    await cost.fill('12.345');
    await form.getByRole('button', { name: 'Record: Treatment requested' }).click();
    await form.getByRole('alert').getByRole('heading', { name: 'Not sent' }).waitFor();
    expect(await cost.getAttribute('aria-invalid')).toBe('true');
    expect(await description(cost)).toContain('must be an amount as a string with at most 2 decimal places');
    const provider = form.getByRole('textbox', { name: /^Provider/ });
    expect(await provider.getAttribute('aria-invalid')).toBe('true');
    expect(await description(provider)).toContain('is required');
    // The first field at fault has the focus.
    expect(await provider.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(posts).toEqual([]);

    // A decision recorded twice: the API's 422 names `type`, which is no field: shown above the form.
    expect((await record(page, 'Liability accepted')).status()).toBe(202);
    await form.getByRole('status').getByText('Recorded: Liability accepted.').waitFor();
    const twice = await record(page, 'Liability accepted');
    expect(twice.status()).toBe(422);
    const refused = form.getByRole('alert');
    await refused.getByRole('heading', { name: 'Refused' }).waitFor();
    expect(await refused.textContent()).toContain('type: liability is already accepted; a decision cannot be recorded twice');

    // A future date: the API's 400 names `at`, shown at the date.
    const tomorrow = addDays(sydneyToday(), 1);
    const future = await record(page, 'Contact made', async (f) => {
      await choose(page, f, 'Who was contacted', 'Doctor');
      await typeDate(page, f, 'Date (Sydney)', tomorrow);
    });
    expect(future.status()).toBe(400);
    const date = dateSegment(form, 'Date (Sydney)');
    await refused.getByRole('heading', { name: 'The request was refused' }).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await description(date)).toContain('must not be in the future');
    expect(JSON.parse(posts[posts.length - 1])).toEqual({ type: 'contact.made', party: 'doctor', at: tomorrow });

    // Dated more than 14 days back: a case manager may not; the API's 403 says why, at the date.
    await typeDate(page, form, 'Date (Sydney)', addDays(sydneyToday(), -20));
    await form.getByRole('textbox', { name: /^Reason for backdating/ }).waitFor();
    const [backdated] = await Promise.all([page.waitForResponse((r) => isActionPost(r.request())), form.getByRole('button', { name: 'Record: Contact made' }).click()]);
    expect(backdated.status()).toBe(403);
    await refused.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await refused.textContent()).toContain(`${CM} may not record an action dated so far back`);
    expect(await description(date)).toContain('is 20 days ago, more than the 14 days an action may be backdated');
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'claim-action-refused');

    // An action only a team leader records: the API's 403 reason.
    const waived = await record(page, 'Obligation waived', async (f) => {
      await choose(page, f, 'Obligation', 'Initial contact: doctor');
      await f.getByRole('textbox', { name: /^Why it is waived/ }).fill('The doctor could not be reached');
    });
    expect(waived.status()).toBe(403);
    await refused.getByRole('heading', { name: 'Not allowed' }).waitFor();
    expect(await refused.textContent()).toContain('role case-manager may not record obligation.waived; allowed: team-leader');
    await expectAccessible(page, cspViolations);
    await context.close();
  });

  it('lets a team leader record an action dated beyond the window, with the reason the API asks for', async () => {
    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Team leader', 'tl.jo');
    await page.goto(`${consoleServer.url}/claims/${oldClaim.id}`);
    await page.getByRole('heading', { level: 1, name: `Claim ${oldClaim.claimNumber}` }).waitFor();
    const form = actionForm(page);
    const dated = addDays(sydneyToday(), -16);
    // Without a reason: the API's 400 names the Backdating-Reason header, the reason's field.
    const without = await record(page, 'Contact made', async (f) => {
      await choose(page, f, 'Who was contacted', 'Employer');
      await typeDate(page, f, 'Date (Sydney)', dated);
      await dateSegment(f, 'Time (Sydney)').click();
      await page.keyboard.type('1530');
    });
    expect(without.status()).toBe(400);
    await form.getByRole('alert').getByRole('heading', { name: 'The request was refused' }).waitFor();
    const reason = form.getByRole('textbox', { name: /^Reason for backdating/ });
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await description(reason)).toContain('is required for an action dated 16 days ago (more than 14)');
    await expectAccessible(page, cspViolations);
    // With one: recorded, the reason kept with it for the audit.
    await reason.fill('Call logged on paper during the outage');
    const [answer] = await Promise.all([page.waitForResponse((r) => isActionPost(r.request())), form.getByRole('button', { name: 'Record: Contact made' }).click()]);
    expect(answer.status()).toBe(202);
    expect(answer.request().headers()['backdating-reason']).toBe('Call logged on paper during the outage');
    // Sydney's 15:30 that day, with Sydney's offset then.
    expect(JSON.parse(answer.request().postData() ?? '{}').at).toMatch(new RegExp(`^${dated}T15:30:00\\+1[01]:00$`));
    await form.getByRole('status').getByText('Recorded: Contact made.').waitFor();
    const audit = await http(platform.urls.claims, 'GET', `/audit/backdated-actions?claimId=${oldClaim.id}`, { token: await token('team-leader', 'tl.jo') });
    expect(audit.status).toBe(200);
    expect(audit.body.actions).toContainEqual(expect.objectContaining({ actionId: (await answer.json()).actionId, daysBack: 16, reason: 'Call logged on paper during the outage' }));
    await context.close();
  });

  it("works a case manager's tasks from My work (one marked done, a refused copy sent again once consent is recorded) and posts a letter from Letters to post", async () => {
    const cm = await token('case-manager', CM);
    const claim = await lodge(0);
    await eventually('the claim started', async () => (await http(platform.urls.claims, 'GET', `/claims/${claim.id}`, { token: cm })).body?.workflow?.status === 'RUNNING');
    const party = async (body: object) => {
      const r = await http(platform.urls.claims, 'POST', `/claims/${claim.id}/parties`, { body, token: cm });
      expect(r.status).toBe(201);
      return r.body.party.partyId as string;
    };
    // The worker is written to by post; the employer by email, with no consent to share health information.
    await party({ role: 'worker', name: 'Alex Nguyen', postalAddress: ['3 Wattle Lane', 'Parramatta NSW 2150'], channels: ['post'] });
    const employer = await party({ role: 'employer', name: 'Harbour Freight Pty Ltd', email: 'hr@harbourfreight.example', channels: ['email'] });
    expect(
      (await http(platform.urls.claims, 'POST', `/claims/${claim.id}/actions`, { body: { type: 'liability.disputed', reasons: 'the injury did not arise out of employment' }, token: cm })).status,
    ).toBe(202);
    const tasksOf = async (includeDone = false) =>
      (
        (await http(platform.urls.notifications, 'GET', `/notifications/tasks${includeDone ? '?includeDone=true' : ''}`, { token: cm })).body.tasks as {
          id: string;
          claimId: string;
          kind: string;
          doneBy: string | null;
        }[]
      ).filter((t) => t.claimId === claim.id);
    await eventually('the content and consent tasks', async () => (await tasksOf()).length === 2);
    expect((await tasksOf()).map((t) => t.kind).sort()).toEqual(['consent', 'notice-content']);

    const { context, page, cspViolations } = await newPage();
    await signIn(page, 'Case manager', CM);
    const tasks = page.getByRole('region', { name: /^Tasks/ });
    const row = (kind: string) =>
      tasks
        .getByRole('row')
        .filter({ hasText: claim.claimNumber })
        .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${escapeRe(kind)}`) }) });
    await row('Write a notice').waitFor();
    await row("Record the worker's consent").waitFor();
    await expectAccessible(page, cspViolations);
    await tasks.scrollIntoViewIfNeeded();
    await screenshot(page, 'my-work-tasks', { fullPage: false });

    // Marked done: it leaves the list, kept as done by the case manager.
    const dialog = page.getByRole('dialog');
    await row('Write a notice')
      .getByRole('button', { name: /^Done…/ })
      .click();
    await dialog.getByRole('button', { name: 'Mark it done' }).click();
    await tasks.getByRole('status').getByText(`Write a notice on ${claim.claimNumber}: done.`).waitFor();
    await row('Write a notice').waitFor({ state: 'detached' });
    expect((await tasksOf(true)).find((t) => t.kind === 'notice-content')?.doneBy).toBe(CM);

    // The consent recorded, the employer's refused copy is sent again from its task.
    const notices = async () =>
      (await http(platform.urls.notifications, 'GET', `/notifications/notices?claimId=${claim.id}`, { token: cm })).body.notices as {
        noticeId: string;
        type: string;
        deliveries: { recipient: string; status: string; deliveryId: string }[];
      }[];
    const decision = async () => (await notices()).find((n) => n.type === 'decision-notice')!;
    expect((await decision()).deliveries.find((d) => d.recipient === 'employer')?.status).toBe('refused');
    const consent = await http(platform.urls.claims, 'POST', `/claims/${claim.id}/consents`, {
      body: { partyId: employer, scope: 'health-information', givenOn: sydneyToday(), evidence: 'signed authority' },
      token: cm,
    });
    expect(consent.status).toBe(201);
    await row("Record the worker's consent")
      .getByRole('button', { name: /^Send again…/ })
      .click();
    await dialog.getByRole('button', { name: 'Send it again' }).click();
    await tasks.getByRole('status').getByText(`The copy on ${claim.claimNumber} is being written again; its tasks are done.`).waitFor();
    await row("Record the worker's consent").waitFor({ state: 'detached' });
    expect((await decision()).deliveries.find((d) => d.recipient === 'employer')?.status).not.toBe('refused');

    // The reasons written on the claim's page, with the form made from what the documents service said the notice needs.
    const today = sydneyToday();
    await eventually('both copies waiting for the reasons', async () => (await decision()).deliveries.every((d) => d.status === 'awaiting-content'));
    await page.goto(`${consoleServer.url}/claims/${claim.id}`);
    const toWrite = page.getByRole('region', { name: 'Notices to write' });
    await expect(toWrite.getByRole('listitem').textContent()).resolves.toMatch(/Decision notice of .* needs decision, effect, takes effect on, issues, reasons, provisions, reports/);
    await toWrite.getByRole('button', { name: 'Write… decision notice' }).click();
    const field = (name: string) => dialog.locator('.field').filter({ has: page.getByText(name, { exact: true }) });
    await dialog.getByRole('button', { name: 'Write the notice' }).click();
    await dialog.getByRole('alert').getByRole('heading', { name: 'Not sent' }).waitFor();
    for (const name of ['The decision', 'Reasons', 'Title']) await expect(field(name).locator('.field-error').textContent()).resolves.toBe('is required');
    await dialog.getByRole('textbox', { name: 'The decision' }).fill('We dispute liability for your claim.');
    await dialog.getByRole('textbox', { name: 'What it changes for the worker' }).fill('We will not pay weekly payments or medical expenses for this injury.');
    await typeDate(page, dialog, 'Takes effect on', today);
    await dialog.getByRole('textbox', { name: 'Issues decided' }).fill('Whether the injury arose out of or in the course of employment');
    await dialog.getByRole('textbox', { name: 'Reasons' }).fill('Your employer and two witnesses say the injury happened at a weekend sporting event.');
    await dialog.getByRole('textbox', { name: 'Provisions of the legislation relied on' }).fill('Workers Compensation Act 1987 s4');
    const report = dialog.getByRole('group', { name: 'Report 1' });
    await report.getByRole('textbox', { name: 'Title' }).fill('Witness statements');
    await report.getByRole('textbox', { name: 'Author' }).fill('Harbour Freight Pty Ltd');
    await typeDate(page, report, 'Dated', today);
    await report.locator('label').filter({ hasText: 'It supports the decision' }).click();
    await report.locator('label').filter({ hasText: 'We relied on it' }).click();
    await choose(page, report, 'Given to us by', 'Employer');
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'write-notice', { fullPage: false });
    const { noticeId } = await decision();
    const [written] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(`/notifications/notices/${noticeId}/content`)),
      dialog.getByRole('button', { name: 'Write the notice' }).click(),
    ]);
    expect(written.status()).toBe(201);
    expect(written.request().postDataJSON()).toEqual({
      content: {
        decision: 'We dispute liability for your claim.',
        effect: 'We will not pay weekly payments or medical expenses for this injury.',
        takesEffectOn: today,
        issues: ['Whether the injury arose out of or in the course of employment'],
        reasons: ['Your employer and two witnesses say the injury happened at a weekend sporting event.'],
        provisions: ['Workers Compensation Act 1987 s4'],
        reports: [{ title: 'Witness statements', author: 'Harbour Freight Pty Ltd', date: today, supports: true, submittedBy: 'employer', reliedOn: true }],
      },
    });
    await toWrite.getByRole('status').filter({ hasText: 'The decision notice is written: 2 copies are being sent.' }).waitFor();
    const toWorker = await eventually('the worker’s letter in the print queue', async () => {
      const d = (await decision()).deliveries.find((x) => x.recipient === 'worker');
      return d?.status === 'printing' && d;
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Letters to post' }).click();
    await page.getByRole('heading', { level: 1, name: 'Letters to post' }).waitFor();
    const letter = page
      .getByRole('row')
      .filter({ hasText: claim.claimNumber })
      .filter({ hasText: 'Decision notice' })
      .filter({ has: page.getByRole('rowheader', { name: /^Alex Nguyen/ }) });
    await expect(letter.textContent()).resolves.toContain('3 Wattle Lane, Parramatta NSW 2150');
    await expectAccessible(page, cspViolations);
    await screenshot(page, 'letters-to-post', { fullPage: false });
    await letter.getByRole('button', { name: /^Posted…/ }).click();
    await dialog.getByRole('button', { name: 'Mark it posted' }).click();
    await page
      .getByRole('status')
      .getByText(/is posted: its copy is sent\.$/)
      .waitFor();
    await letter.waitFor({ state: 'detached' });
    expect((await decision()).deliveries.find((d) => d.deliveryId === toWorker.deliveryId)?.status).toBe('sent');
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
