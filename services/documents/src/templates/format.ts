const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2026-03-05` → `5 March 2026` (fixed English, independent of the host's locale data). */
export function longDate(localDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!m) throw new RangeError(`not a date YYYY-MM-DD: ${localDate}`);
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export const fullName = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;

/** Ends a sentence built from free text without doubling its full stop. */
export const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
