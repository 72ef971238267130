import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';

// What the console's browser tests share: Debian's chromium (tools/scripts/system-packages.js
// installs it; Playwright's own browser download is not reachable from the project's machines),
// axe's accessibility checks, and screenshots.

const ROOT = path.resolve(__dirname, '..', '..');

export function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`${executablePath} is missing: run node tools/scripts/system-packages.js (installs Debian's chromium), or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath, headless: true });
}

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/**
 * axe-core's checks of the page as it is now (WCAG 2.x A and AA, and best practice). It is run
 * through the DevTools protocol, which the page's Content-Security-Policy does not apply to, so the
 * console is tested under the policy it is served with.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300) })) }));
  });
}

/** The serious and critical ones, in a form a failed expectation prints readably. */
export const serious = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html}`).join(', ')}`);

/**
 * Screenshots of the console's main pages: into .data/console-screenshots, or the directory named
 * by WC_CONSOLE_SCREENSHOTS (docs/console for the README's pictures; the run dates them, so they are
 * written there only when asked).
 */
export async function screenshot(page: Page, name: string, o: { fullPage?: boolean } = {}): Promise<string> {
  const dir = path.resolve(ROOT, process.env.WC_CONSOLE_SCREENSHOTS ?? path.join('.data', 'console-screenshots'));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // The whole page, or (fullPage: false, e.g. a modal dialog over a long page) what the window shows.
  await page.screenshot({ path: file, fullPage: o.fullPage ?? true });
  return file;
}

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Chooses an option of a React Aria select by its label: its button, named by its value and label, opens the list. */
export async function choose(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByRole('button', { name: new RegExp(`${escapeRe(label)}( \\(optional\\))?$`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Types a date (YYYY-MM-DD) into a React Aria date field, day first as en-AU writes it. */
export async function typeDate(page: Page, scope: Locator, label: string, day: string) {
  const [y, m, d] = day.split('-');
  await dateSegment(scope, label).click();
  await page.keyboard.type(`${d}${m}${y}`);
}

/** A date or time field's first segment (its day, or its hour): it carries the field's state and description. */
export const dateSegment = (scope: Locator, label: string) => scope.getByRole('group', { name: label, exact: true }).getByRole('spinbutton').first();
