// The API's codes in words for the page. The code stays what the API sent; only its display changes.

// The scheme's abbreviations, written as the scheme writes them.
const ABBREVIATIONS: Record<string, string> = { imp: 'IMP', rtw: 'RTW', piawe: 'PIAWE', ime: 'IME', wpi: 'WPI', payg: 'PAYG', aba: 'ABA', sms: 'SMS', pdf: 'PDF' };

const spell = (code: string) =>
  code
    .split(/[-_ ]/)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "case-manager" → "Case manager"; "rtw-goal" → "RTW goal". */
export const words = (code: string): string => capitalise(spell(code));

/** An obligation type: "liability.initial" → "Liability: initial"; "imp.revision" → "IMP: revision". */
export function obligationName(type: string): string {
  const [head, ...rest] = type.split('.');
  return rest.length ? `${words(head)}: ${rest.map(spell).join(', ')}` : words(head);
}
