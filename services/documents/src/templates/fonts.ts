import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- fontkit is CommonJS with no default export under this module setting
import fontkit = require('fontkit');
import PDFDocument from 'pdfkit';

/**
 * The fonts letters are printed in: Noto Sans and its sister faces, embedded (subset) in every PDF
 * so a name prints as the worker writes it, whatever the reader's computer has (issue 16). They come
 * from npm packages that ship the font files (@expo-google-fonts/*, SIL Open Font License), so
 * nothing is downloaded at run time and the deployed image carries them.
 *
 * The faces cover the languages of NSW's largest communities after English (ABS Census 2021, NSW:
 * Mandarin, Arabic, Cantonese, Vietnamese, Hindi, Nepali, Korean, Greek, Punjabi, Spanish,
 * Italian, Tagalog/Filipino, Thai): Latin with Vietnamese, Greek and Cyrillic in Noto Sans; Chinese
 * characters (simplified and traditional) in Noto Sans SC; Hangul in Noto Sans KR; Arabic script
 * (Arabic, Persian, Urdu) in Noto Sans Arabic; Devanagari (Hindi, Nepali); Gurmukhi (Punjabi); Thai.
 * A character none of them has is refused before anything is drawn (`unprintable`), never printed
 * as a wrong glyph or a `?`.
 */
export const FACES = [
  { key: 'latin', pkg: 'noto-sans', file: 'NotoSans', covers: 'Latin (with Vietnamese), Greek, Cyrillic' },
  { key: 'han', pkg: 'noto-sans-sc', file: 'NotoSansSC', covers: 'Chinese characters, Japanese kana' },
  { key: 'hangul', pkg: 'noto-sans-kr', file: 'NotoSansKR', covers: 'Korean' },
  { key: 'arabic', pkg: 'noto-sans-arabic', file: 'NotoSansArabic', covers: 'Arabic script', rtl: true },
  { key: 'devanagari', pkg: 'noto-sans-devanagari', file: 'NotoSansDevanagari', covers: 'Devanagari (Hindi, Nepali)' },
  { key: 'gurmukhi', pkg: 'noto-sans-gurmukhi', file: 'NotoSansGurmukhi', covers: 'Gurmukhi (Punjabi)' },
  { key: 'thai', pkg: 'noto-sans-thai', file: 'NotoSansThai', covers: 'Thai' },
] as const;
export type FaceKey = (typeof FACES)[number]['key'];
export type Weight = 'regular' | 'bold';

/** The name a face is registered under in a PDF document. */
export const fontName = (face: FaceKey, weight: Weight) => `${face}-${weight}`;

interface Loaded {
  bytes: Record<Weight, Buffer>;
  /** The regular face, parsed (its coverage stands for the bold face's: they have the same characters). */
  font: fontkit.Font;
}

const loaded = new Map<FaceKey, Loaded>();

/** A face's files, read once per process (Noto Sans SC is 10 MB a weight). */
function load(key: FaceKey): Loaded {
  let l = loaded.get(key);
  if (!l) {
    const face = FACES.find((f) => f.key === key)!;
    const dir = dirname(require.resolve(`@expo-google-fonts/${face.pkg}/package.json`));
    const bytes = { regular: readFileSync(join(dir, '400Regular', `${face.file}_400Regular.ttf`)), bold: readFileSync(join(dir, '700Bold', `${face.file}_700Bold.ttf`)) };
    l = { bytes, font: fontkit.create(bytes.regular) };
    loaded.set(key, l);
  }
  return l;
}

/**
 * Selects a face for the text drawn next, opening it in this document on first use.
 *
 * pdfkit parses a font's bytes again for every document it is registered with, and parsing Noto's
 * layout tables cost about 1 s a letter (measured: 1.35 s for a 3-page letter). So each face is
 * parsed once per process and every document gets its own embedding of that parsed font (its own
 * subset, written when the document ends), made by pdfkit's own EmbeddedFont class. This uses
 * pdfkit's font table (`_fontFamilies`, `_fontCount`): pdfkit's and fontkit's versions are pinned in
 * package.json, and render.test.ts checks what comes out (embedded subsets with ToUnicode maps, the
 * text read back by poppler, equal bytes for equal letters).
 */
export function useFont(doc: PDFKit.PDFDocument, face: FaceKey, weight: Weight): void {
  const name = fontName(face, weight);
  const internals = doc as unknown as { _fontFamilies: Record<string, unknown>; _fontCount: number };
  if (!internals._fontFamilies[name]) {
    const Embedded = embeddedFontClass();
    const font = new Embedded(doc, parsedFont(face, weight), `F${++internals._fontCount}`) as { layoutRun: LayoutRun };
    // Shaping a word (OpenType lookups) is most of a letter's time; its result depends only on the
    // face, the text and the features, so the shaped words are kept for every document.
    const shape = font.layoutRun.bind(font);
    const cache = shapedWords(name);
    font.layoutRun = (text, features) => {
      const key = features ? `${JSON.stringify(features)}\u0000${text}` : text;
      let run = cache.get(key);
      if (!run) {
        if (cache.size >= 20_000) cache.clear();
        run = shape(text, features);
        cache.set(key, run);
      }
      return run;
    };
    internals._fontFamilies[name] = font;
  }
  doc.font(name);
}

type LayoutRun = (text: string, features?: Record<string, boolean>) => unknown;
const shaped = new Map<string, Map<string, unknown>>();
const shapedWords = (name: string) => {
  let m = shaped.get(name);
  if (!m) shaped.set(name, (m = new Map()));
  return m;
};

const parsedFonts = new Map<string, fontkit.Font>();
function parsedFont(face: FaceKey, weight: Weight): fontkit.Font {
  const name = fontName(face, weight);
  let f = parsedFonts.get(name);
  if (!f) {
    f = weight === 'regular' ? load(face).font : fontkit.create(load(face).bytes.bold);
    parsedFonts.set(name, f);
  }
  return f;
}

type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: fontkit.Font, id: string) => unknown;
let embedded: EmbeddedFontClass | undefined;
/** pdfkit's EmbeddedFont (not exported): the class of a font it opened from bytes. */
function embeddedFontClass(): EmbeddedFontClass {
  if (!embedded) {
    const probe = new PDFDocument({ font: null } as unknown as PDFKit.PDFDocumentOptions);
    probe.registerFont('probe', load('latin').bytes.regular);
    probe.font('probe');
    embedded = (probe as unknown as { _font: { constructor: EmbeddedFontClass } })._font.constructor;
  }
  return embedded;
}

/**
 * Control characters (NUL among them), unassigned and private-use code points and invisible format
 * characters are not text a letter prints, whatever glyph a font maps them to; the zero-width
 * joiner and non-joiner are kept (Persian and the Indic scripts need them to join letters right).
 */
const NOT_TEXT = /[\p{Cc}\p{Cn}\p{Co}\p{Cs}]|(?![\u200c\u200d])\p{Cf}/u;

const faceFor = (cp: number): FaceKey | undefined => {
  if (NOT_TEXT.test(String.fromCodePoint(cp))) return undefined;
  return FACES.find((f) => load(f.key).font.hasGlyphForCodePoint(cp))?.key;
};

/** Spaces, punctuation, digits and combining marks: drawn in the face of the text around them. */
const NEUTRAL = /[\s\p{P}\p{S}\p{N}\p{M}]/u;

export interface Run {
  face: FaceKey;
  text: string;
}

/**
 * Splits text into runs each drawn in one face: the first face (in FACES order) that has the
 * character, with neutral characters kept in the current run when its face has them. Text is put in
 * NFC first, so a name typed with combining accents uses the precomposed letters the fonts have.
 */
export function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  const chars = [...cleanText(text)];
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    const last = runs[runs.length - 1];
    const joins = last && NEUTRAL.test(ch) && load(last.face).font.hasGlyphForCodePoint(cp) && (!isRtl(last.face) || joinsRightToLeft(chars, i));
    // A line break is pdfkit's to act on, in whatever face the line is in.
    const face = ch === '\n' ? (last?.face ?? 'latin') : joins ? last.face : faceFor(cp);
    if (!face) throw new UnprintableText(ch);
    if (last && last.face === face) last.text += ch;
    else runs.push({ face, text: ch });
  });
  // A space after an Arabic run belongs to the sentence: shaped inside the run it would move to the run's left.
  return runs.flatMap((r) => {
    const m = isRtl(r.face) ? /\s+$/.exec(r.text) : null;
    return m
      ? [
          { face: r.face, text: r.text.slice(0, m.index) },
          { face: 'latin' as FaceKey, text: m[0] },
        ]
      : [r];
  });
}

/**
 * A neutral character stays in a right-to-left run when the next letter is right to left too
 * (Unicode bidi rule N1: neutrals between two right-to-left letters are right to left), so
 * عبد-الله and م. علي stay one run; punctuation after an Arabic name belongs to the English sentence.
 * Digits are left out: within a run shaped right to left they would be reversed.
 */
function joinsRightToLeft(chars: string[], i: number): boolean {
  if (/\p{M}/u.test(chars[i])) return true;
  if (/\p{N}/u.test(chars[i])) return false;
  for (let j = i + 1; j < chars.length; j++) {
    if (chars[j] === '\n' || /\p{N}/u.test(chars[j])) return false;
    if (NEUTRAL.test(chars[j])) continue;
    const face = faceFor(chars[j].codePointAt(0)!);
    return face !== undefined && isRtl(face);
  }
  return false;
}

/**
 * Text as pasted from a word processor or an email, made printable: Windows line ends become line
 * breaks, tabs spaces, and invisible formatting characters (soft hyphen, zero-width space, word
 * joiner, byte-order mark) are dropped. Then NFC, so a name typed with combining accents uses the
 * precomposed letters the fonts have.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u00ad\u200b\u2060\ufeff]/g, '')
    .normalize('NFC');
}

/**
 * An Arabic run is shaped as a whole (`featuresFor` gives it a feature set, which makes pdfkit lay
 * out the run in one piece rather than word by word), so fontkit orders its letters and its words
 * right to left: a name such as محمد علي reads from the right. Mixed-direction paragraphs are not
 * laid out by the full Unicode bidirectional algorithm: the letters put Arabic only in names and
 * addresses, each a run of its own.
 */
const isRtl = (face: FaceKey) => !!(FACES.find((f) => f.key === face) as { rtl?: boolean }).rtl;

/** A character no face of the letters has (a control character such as NUL among them). */
export class UnprintableText extends Error {
  constructor(readonly character: string) {
    super(`contains ${describe(character)}, which the letters' fonts cannot print`);
  }
}

export const describe = (ch: string) => {
  const cp = ch.codePointAt(0)!;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `"${ch}" (${hex})` : `the character ${hex}`;
};

/** The first character of the text that no face has, or null. */
export function unprintable(text: string): string | null {
  for (const ch of cleanText(text)) {
    if (ch === '\n') continue;
    if (!faceFor(ch.codePointAt(0)!)) return ch;
  }
  return null;
}

/**
 * OpenType features to leave out per face. Noto Sans's `ccmp` draws ị as i + a combining dot, and
 * pdfkit maps a glyph back to the first text it drew, so every later "i" would read as "ị" when the
 * PDF is searched or read aloud. The precomposed letters the faces have need no `ccmp`; the complex
 * scripts (Arabic, Indic, Thai) keep it.
 */
export function featuresFor(face: FaceKey): Record<string, boolean> | undefined {
  if (face === 'latin' || face === 'han' || face === 'hangul') return { ccmp: false };
  // fontkit 2.0.4 fails on Noto Sans Gurmukhi's above-base mark positioning (a null anchor, for
  // ਗੁਰਪ੍ਰੀਤ); without it the marks sit at their default offsets, which Noto draws legibly.
  if (face === 'gurmukhi') return { abvm: false };
  // Shaped as one piece, so right to left as a whole (see isRtl).
  if (face === 'arabic') return {};
  return undefined;
}
