const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-03-05` → `5 March 2026` (fixed English, independent of the host's locale data). */
export function longDate(localDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${localDate}`);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** The characters beyond Latin-1 that the standard PDF fonts have (Windows-1252's 0x80–0x9F). */
const CP1252_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const drawable = (c: string) => {
  const code = c.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.has(c);
};

/**
 * Text the standard PDF fonts can draw: a letter they lack loses its accents (ễ → e), anything else
 * becomes `?`, rather than printing a wrong glyph. Covers names in Western European scripts exactly.
 */
export function drawableText(text: string): string {
  let out = '';
  for (const c of text.normalize('NFC')) {
    if (drawable(c)) out += c;
    else if (c === '\n' || c === '\t') out += ' ';
    else {
      const base = c.normalize('NFD').replace(/\p{M}+/gu, '');
      out += base && [...base].every(drawable) ? base : '?';
    }
  }
  return out;
}

/** Ends a sentence built from free text without doubling its full stop. */
export const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
