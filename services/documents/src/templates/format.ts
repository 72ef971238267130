const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-03-05` → `5 March 2026` (fixed English, independent of the host's locale data). */
export function longDate(localDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${localDate}`);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Scripts whose names are written without a space between family and given name (李小龙, 김민준, 山田太郎). */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]+$/u;
const KATAKANA = /^[\p{Script=Katakana}ー]+$/u;

/**
 * A name in the order and script the person gives it: given name first unless they write their
 * family name first (Nguyễn Thị Ánh), and with no space between the parts of a Chinese, Korean or
 * Japanese name written in its own script (李小龙).
 */
export function fullName(p: { givenName: string; familyName: string; nameOrder?: 'given-first' | 'family-first' }): string {
  // A foreign name written in katakana keeps its own order, its parts joined by a middle dot (ジョン・スミス).
  if (KATAKANA.test(p.givenName) && KATAKANA.test(p.familyName)) return p.nameOrder === 'family-first' ? `${p.familyName}・${p.givenName}` : `${p.givenName}・${p.familyName}`;
  const unspaced = UNSPACED.test(p.givenName) && UNSPACED.test(p.familyName);
  // Unsaid, a name in Chinese, Korean or Japanese script is written family name first, as it is in that script.
  const order = p.nameOrder ?? (unspaced ? 'family-first' : 'given-first');
  const parts = order === 'family-first' ? [p.familyName, p.givenName] : [p.givenName, p.familyName];
  return parts.join(unspaced ? '' : ' ');
}

/** Ends a sentence built from free text without doubling its full stop. */
export const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
