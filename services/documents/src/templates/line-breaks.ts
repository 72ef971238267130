// eslint-disable-next-line @typescript-eslint/no-require-imports -- linebreak is CommonJS with no default export under this module setting
import LineBreaker = require('linebreak');

/**
 * What a line must never be broken inside, however the Unicode line-breaking rules allow it: an
 * email address (not after the hyphen in m.obi-lindqvist), a web address, an Australian phone number
 * (02 9555 0616, 0412 345 678, 13 94 76, 131 450, 1300 000 000), a state and postcode (NSW 2001),
 * and an ABN or a BSB. A reader who finds a phone number split over two lines dials the wrong one.
 */
const UNBREAKABLE: readonly RegExp[] = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  /\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:au|com|org|net|example)(?:\/[^\s,;)]*)?/gi,
  /(?:\+61 ?\d|\b0\d)(?:[ -]?\d){8}\b/g,
  /\b1[38]00(?: ?\d{3}){2}\b/g,
  /\b13(?: ?\d{2}){2}\b/g,
  /\b13\d ?\d{3}\b/g,
  /\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT) \d{4}\b/g,
  /\bABN \d{2} \d{3} \d{3} \d{3}\b/g,
  /\b\d{3}-\d{3}\b/g,
];

const spansCache = new Map<string, Array<[number, number]>>();
function spansOf(text: string): Array<[number, number]> {
  let spans = spansCache.get(text);
  if (!spans) {
    spans = UNBREAKABLE.flatMap((re) => [...text.matchAll(re)].map((m): [number, number] => [m.index!, m.index! + m[0].length]));
    if (spansCache.size > 5_000) spansCache.clear();
    spansCache.set(text, spans);
  }
  return spans;
}

/** Whether a break at `position` (between two characters) falls inside an unbreakable span. */
export const insideUnbreakable = (text: string, position: number) => spansOf(text).some(([start, end]) => position > start && position < end);

let installed = false;
/**
 * Makes pdfkit's line breaker (the `linebreak` package, whose class pdfkit requires and constructs
 * for every text it wraps) skip break opportunities inside the spans above; a required break (a
 * line end) is kept. Installed once per process by render.ts; linebreak's version is pinned.
 */
export function keepContactsWhole(): void {
  if (installed) return;
  installed = true;
  const next = LineBreaker.prototype.nextBreak;
  LineBreaker.prototype.nextBreak = function nextBreak(this: LineBreaker) {
    let bk = next.call(this);
    while (bk && !bk.required && insideUnbreakable(this.string, bk.position)) bk = next.call(this);
    return bk;
  };
}
