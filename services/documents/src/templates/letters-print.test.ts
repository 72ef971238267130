import { pdfPages, pdfText } from '../testing/pdf-text';
import { SAMPLES, worker, workerName } from '../testing/samples';
import { CURRENT_TEMPLATES, DOCUMENT_KINDS, type DocumentKind, renderLetter } from './index';
import { LOCAL_INSURER } from './letterhead';
import type { NoticeTemplate } from './template';

/**
 * Issue 16: every notice prints a worker's name as the worker gives it, in its own script and
 * order: 李小龙 (family name first, no space) and Nguyễn Thị Ánh (family name first, Vietnamese
 * letters), read back from the PDF by poppler, not from the data.
 */
const WORKERS = [
  { name: '李小龙', worker: { givenName: '小龙', familyName: '李', nameOrder: 'family-first' } },
  { name: 'Nguyễn Thị Ánh', worker: { givenName: 'Thị Ánh', familyName: 'Nguyễn', nameOrder: 'family-first' } },
] as const;

/** The sample with its worker (the name object, and the name wherever it is written out) replaced. */
function renamed(value: unknown, to: (typeof WORKERS)[number]): unknown {
  if (typeof value === 'string') return value.split(workerName).join(to.name);
  if (Array.isArray(value)) return value.map((v) => renamed(v, to));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (o.givenName === worker.givenName && o.familyName === worker.familyName) return { ...o, ...to.worker };
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, renamed(v, to)]));
  }
  return value;
}

describe.each(WORKERS)('a worker named $name', (to) => {
  it.each(DOCUMENT_KINDS)('%s prints the name as given', async (kind: DocumentKind) => {
    const t = CURRENT_TEMPLATES[kind] as NoticeTemplate;
    const letter = t.compose(t.data.parse(renamed(SAMPLES[kind], to)), LOCAL_INSURER);
    const text = pdfText(await renderLetter(t, letter));
    expect(text).toContain(to.name);
    expect(text).not.toContain(workerName);
  });
});

describe('a PIAWE decision with a year of fortnightly earnings (issue 16)', () => {
  // 26 fortnights ending the day before the injury (2 March 2026), each its own row.
  const fortnight = (i: number) => {
    const end = new Date(Date.UTC(2026, 2, 1) - (25 - i) * 14 * 86_400_000);
    const start = new Date(end.getTime() - 13 * 86_400_000);
    const d = (x: Date) => x.toISOString().slice(0, 10);
    return { description: `Fortnight ${i + 1}, ${d(start)} to ${d(end)}, ordinary hours and overtime`, amount: `${2300 + i * 7}.${String(i % 100).padStart(2, '0')}` };
  };
  const earnings = Array.from({ length: 26 }, (_, i) => fortnight(i));
  const data = {
    ...(SAMPLES['piawe-decision'] as Record<string, unknown>),
    employments: [{ kind: 'this-employer', period: { from: '2025-03-03', to: '2026-03-01' }, daysCounted: 364, earnings }],
  };

  it('keeps each row whole, label beside its amount, and fits in 4 pages', async () => {
    const t = CURRENT_TEMPLATES['piawe-decision'] as NoticeTemplate;
    const pdf = await renderLetter(t, t.compose(t.data.parse(data), LOCAL_INSURER));
    const pages = pdfText(pdf).split('\n').join(' ');
    expect(pdfPages(pdf)).toBeLessThanOrEqual(4);
    const byPage = Array.from({ length: pdfPages(pdf) }, (_, p) => pdfText(pdf, { page: p + 1 }).replace(/\s+/g, ' '));
    for (const e of earnings) {
      const dollars = `$${Number(e.amount.split('.')[0]).toLocaleString('en-AU')}.${e.amount.split('.')[1]}`;
      const on = byPage.findIndex((p) => p.includes(e.description));
      expect(on).toBeGreaterThanOrEqual(0);
      // -raw text keeps the drawing order: the label, then its amount, on the same page.
      expect(byPage[on]).toContain(`${e.description} ${dollars}`);
    }
    expect(pages).toContain('Total');
  });
});
