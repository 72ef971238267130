import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfPages, pdfText } from '../testing/pdf-text';
import { UnprintableText, runsOf, unprintable } from './fonts';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import type { Block, Letter } from './template';

/**
 * The layout of any letter (render.ts), read back with poppler (pdftotext, pdfinfo, pdffonts): names
 * in every script print as given, blocks keep together across pages, the PDF is tagged.
 */
const tpl = { name: 'layout-test', version: 1 };
const letter = (body: Block[], over: Partial<Letter> = {}): Letter => ({
  title: 'A letter',
  subject: 'Layout',
  issuedOn: '2026-12-07',
  recipient: ['Mia Okafor', '1 Example Street', 'Sydney NSW 2000'],
  reference: 'Claim number WC0000042',
  salutation: 'Dear Mia Okafor,',
  body,
  closing: ['Yours sincerely,', 'Kim Tran', 'Case manager'],
  ...over,
});
const filler = (n: number): Block[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'paragraph', text: `Paragraph ${i + 1}. ${'This sentence fills the page so that what follows falls near its foot. '.repeat(5)}` }));
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
/** The text of each page, as pdftotext reads it. */
function pages(pdf: Buffer): string[] {
  return Array.from({ length: pdfPages(pdf) }, (_, i) => oneLine(execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8')));
}
function withFile<T>(pdf: Buffer, f: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'letter-'));
  try {
    const path = join(dir, 'letter.pdf');
    writeFileSync(path, pdf);
    return f(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('names in every script', () => {
  // Indic names whose vowel signs are drawn before their consonant (ि, a reph) come back from a PDF
  // in drawn order, as from any PDF without ActualText; these are printed right but not listed here.
  const names = ['李小龙', 'Nguyễn Thị Ánh', '陳大文', '김민준', 'Γιώργος Παπαδόπουλος', 'Дмитрий Иванов', 'Renée Šmíd-Ó Briain', 'Zoë Łukasiewicz', 'Ayşe Yılmaz', 'สมชาย ใจดี', 'राजेश कुमार', 'ਗੁਰਪ੍ਰੀਤ'];

  it('prints each name as given: the PDF text has it, in embedded fonts only', async () => {
    const pdf = await renderLetter(tpl, letter([{ kind: 'facts', rows: names.map((n, i) => [`Person ${i + 1}`, n]) }], { salutation: `Dear ${names[0]} and ${names[1]},` }));
    // Read as a reader's text layer (pdftotext without -raw joins a vowel sign to its letter).
    const text = pages(pdf).join(' ');
    for (const n of names) expect(text).toContain(n);
    expect(text).toContain(`Dear ${names[0]} and ${names[1]},`);
    const fonts = withFile(pdf, (p) => execFileSync('pdffonts', [p]).toString('utf8'))
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThanOrEqual(6);
    // name type encoding emb sub uni: every font embedded, subset, with a ToUnicode map.
    for (const f of fonts) expect(f).toMatch(/\+Noto\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('keeps each address line on its own line after a name in another script', async () => {
    const pdf = await renderLetter(tpl, letter([], { recipient: ['李小龙', 'Unit 3, 12 Dixon Street', 'Haymarket NSW 2000'] }));
    expect(pdfText(pdf).split('\n')).toEqual(expect.arrayContaining(['李小龙', 'Unit 3, 12 Dixon Street', 'Haymarket NSW 2000']));
  });

  it('prints an Arabic name right to left: its first word rightmost', async () => {
    const pdf = await renderLetter(tpl, letter([{ kind: 'paragraph', text: 'Worker: محمد علي, of Sydney.' }]));
    // Word boxes as poppler reads them: a word's letters come back in the order drawn (left to right,
    // so reversed), and محمد, first in logical order, is drawn right of علي.
    const html = withFile(pdf, (p) => execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', p, '-']).toString('utf8'));
    const drawn = (word: string) => [...word].reverse().join('');
    const xOf = (word: string) => Number(new RegExp(`xMin="([\\d.]+)"[^>]*>${word}<`).exec(html)?.[1]);
    expect(xOf(drawn('محمد'))).toBeGreaterThan(xOf(drawn('علي')));
    expect(xOf('Worker:')).toBeLessThan(xOf(drawn('علي')));
    expect(xOf('of')).toBeGreaterThan(xOf(drawn('محمد')));
  });

  it('splits text into runs of one face each, punctuation kept with the sentence around it', () => {
    expect(runsOf('Dear 李小龙, hello')).toEqual([
      { face: 'latin', text: 'Dear ' },
      { face: 'han', text: '李小龙, ' },
      { face: 'latin', text: 'hello' },
    ]);
    expect(runsOf('محمد علي and')).toEqual([
      { face: 'arabic', text: 'محمد علي' },
      { face: 'latin', text: ' and' },
    ]);
    expect(runsOf('Nguyễn Thị Ánh').map((r) => r.face)).toEqual(['latin']);
    expect(runsOf('محمد علي, of').map((r) => r.face)).toEqual(['arabic', 'latin']);
  });

  it('prints text pasted from a word processor: Windows line ends, tabs, soft hyphens and zero-width spaces', async () => {
    expect(unprintable('Mia\tOkafor\r\nUnit 3\u00ad\u200b\ufeff')).toBeNull();
    expect(runsOf('Mia\tOka\u00adfor')).toEqual([{ face: 'latin', text: 'Mia Okafor' }]);
  });

  it('keeps an Arabic name with a hyphen or an initial in one right-to-left run; digits and the sentence outside it', () => {
    expect(runsOf('عبد-الله').map((r) => r.face)).toEqual(['arabic']);
    expect(runsOf('م. علي').map((r) => r.face)).toEqual(['arabic']);
    expect(runsOf('12 شارع الملك').map((r) => [r.face, r.text])).toEqual([
      ['latin', '12 '],
      ['arabic', 'شارع الملك'],
    ]);
  });

  it('refuses what no font has (a NUL, a private-use character) rather than print a wrong glyph', async () => {
    expect(unprintable('Mia\u0000')).toBe('\u0000');
    expect(unprintable('Mia \ue000')).toBe('\ue000');
    expect(unprintable('Nguyễn Thị Ánh 李小龙')).toBeNull();
    expect(() => runsOf('a\u0000b')).toThrow(UnprintableText);
    expect(() => runsOf('a\u0000b')).toThrow('contains the character U+0000');
    await expect(renderLetter(tpl, letter([], { salutation: 'Dear \u0007,' }))).rejects.toThrow('U+0007');
  });
});

describe('blocks keep together', () => {
  it('never splits a label from its value: 60 rows, each row whole on one page', async () => {
    const rows: Array<[string, string]> = Array.from({ length: 60 }, (_, i) => [`Fortnight ${i + 1} to ${i + 1} March, with a label long enough to wrap`, `$${(1000 + i).toFixed(2)} gross earnings`]);
    const pdf = await renderLetter(tpl, letter([...filler(2), { kind: 'heading', text: 'Your earnings' }, { kind: 'facts', rows }]));
    const text = pages(pdf);
    expect(text.length).toBeGreaterThan(2);
    // Each page the table runs on to says so at its top; screen readers skip the mark (an artifact).
    const runsOn = text.slice(1).filter((t) => t.includes('Fortnight'));
    expect(runsOn.length).toBeGreaterThan(0);
    for (const t of runsOn) expect(t.trimStart().startsWith('Your earnings (continued)')).toBe(true);
    expect(withFile(pdf, (p) => execFileSync('pdfinfo', ['-struct-text', p]).toString('utf8'))).not.toContain('(continued)');
    for (let i = 0; i < 60; i++) {
      const onPages = text.flatMap((t, p) => (t.includes(`Fortnight ${i + 1} to ${i + 1} March`) ? [p] : []));
      expect(onPages).toHaveLength(1);
      expect(text[onPages[0]]).toContain(`$${(1000 + i).toFixed(2)} gross earnings`);
    }
  });

  it('never leaves a heading as the last line of a page: it moves with what it heads', async () => {
    // Push a heading to every position near the foot of the first page; it must always share a page with its paragraph.
    for (let lines = 0; lines < 48; lines++) {
      const padding: Block[] = Array.from({ length: lines }, (_, i) => ({ kind: 'bullets', items: [`Line ${i + 1}`] }));
      const body: Block[] = [...filler(2), ...padding, { kind: 'heading', text: 'If you disagree' }, { kind: 'paragraph', text: 'You can ask us for a review of this decision. '.repeat(8) }];
      const text = pages(await renderLetter(tpl, letter([...body, ...filler(3)])));
      const at = text.findIndex((t) => t.includes('If you disagree'));
      expect(text[at]).toContain('You can ask us for a review');
    }
  });

  it('keeps a heading with the last block when that block moves on with the sign-off', async () => {
    for (let lines = 0; lines < 48; lines++) {
      const padding: Block[] = Array.from({ length: lines }, (_, i) => ({ kind: 'bullets', items: [`Line ${i + 1}`] }));
      const text = pages(
        await renderLetter(
          tpl,
          letter([...filler(2), ...padding, { kind: 'heading', text: 'Questions about this payment' }, { kind: 'paragraph', text: 'Call us and quote the payment reference. '.repeat(4) }]),
        ),
      );
      const at = text.findIndex((t) => t.includes('Questions about this payment'));
      expect(text[at]).toContain('Call us and quote the payment reference.');
    }
  });

  it('never leaves the sign-off alone on the last page', async () => {
    for (let n = 4; n <= 9; n++) {
      const text = pages(await renderLetter(tpl, letter([...filler(n), { kind: 'paragraph', text: 'The last thing we say.' }])));
      const last = text[text.length - 1];
      expect(last).toContain('Yours sincerely, Kim Tran Case manager');
      expect(last).toContain('The last thing we say.');
    }
  });
});

describe('contacts are never split over two lines', () => {
  it('keeps an email address, a phone number and a postcode whole wherever the line ends', async () => {
    for (let words = 0; words < 16; words++) {
      const text = `${'word '.repeat(words)}Call m.obi-lindqvist@claims.example or 02 9555 0616 or 13 94 76, or write to Locked Bag 1, Sydney NSW 2001.`;
      const lines = pdfText(await renderLetter(tpl, letter([{ kind: 'paragraph', text }]))).split('\n');
      for (const whole of ['m.obi-lindqvist@claims.example', '02 9555 0616', '13 94 76', 'NSW 2001']) expect(lines.some((l) => l.includes(whole))).toBe(true);
    }
  });
});

describe('letterhead, tags and determinism', () => {
  it("prints the insurer's legal name, ABN, address, phone, email and web, and signs off with its legal name", async () => {
    const insurer = { ...LOCAL_INSURER, legalName: 'Harbour Mutual Insurance Ltd', name: 'Harbour Mutual', abn: '51824753556', phone: '13 00 00', web: 'www.harbour.example' };
    const text = oneLine(pdfText(await renderLetter(tpl, letter(filler(1)), { insurer })));
    expect(text).toContain('Harbour Mutual Harbour Mutual Insurance Ltd · ABN 51 824 753 556');
    expect(text).toContain(`13 00 00 · ${LOCAL_INSURER.email} · www.harbour.example`);
    expect(text).toContain('Yours sincerely, Kim Tran Case manager Harbour Mutual Insurance Ltd');
  });

  it('is a tagged PDF: headings, paragraphs, lists and tables in reading order, footers as artifacts', async () => {
    const pdf = await renderLetter(
      tpl,
      letter([
        { kind: 'heading', text: 'Our decision' },
        { kind: 'paragraph', text: 'We accept your claim.' },
        { kind: 'bullets', items: ['First', 'Second'] },
        { kind: 'facts', rows: [['Claim number', 'WC0000042']] },
      ]),
    );
    const info = withFile(pdf, (p) => execFileSync('pdfinfo', [p]).toString('utf8'));
    expect(info).toMatch(/Tagged:\s+yes/);
    const struct = withFile(pdf, (p) => execFileSync('pdfinfo', ['-struct-text', p]).toString('utf8'));
    expect(oneLine(struct)).toContain('H2 (block) "Our decision" P (block) "We accept your claim." L (block) LI (block) LBody (block) "First" LI (block) LBody (block) "Second"');
    expect(oneLine(struct)).toContain('Table (block) TR TH "Claim number" TD "WC0000042"');
    expect(struct).not.toContain('page 1 of 1');
  });

  it('gives equal bytes for equal letters (fonts shared between documents change nothing)', async () => {
    const a = await renderLetter(tpl, letter([...filler(2), { kind: 'paragraph', text: 'Dear 李小龙' }]));
    const b = await renderLetter(tpl, letter([...filler(2), { kind: 'paragraph', text: 'Dear 李小龙' }]));
    expect(a.equals(b)).toBe(true);
    const c = await renderLetter(tpl, letter([...filler(2), { kind: 'paragraph', text: 'Dear 李小虎' }]));
    expect(c.equals(a)).toBe(false);
  });
});
