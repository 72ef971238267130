/**
 * The Australian Business Number check, as the ATO's Australian Business Register publishes it
 * ("Format of the ABN", https://abr.business.gov.au/Help/AbnFormat): 11 digits; subtract 1 from
 * the first digit, multiply each digit by its weight (10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19) and the
 * sum must be divisible by 89 (51 824 753 556: 534 = 6 × 89). The two leading digits are check
 * digits from 10 to 99, so an ABN never starts with 0; one that does is refused rather than given a
 * first digit of −1. A provider is paid against its ABN, so one mistyped is refused, never stored.
 */
const ABN_WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];

/** True for 11 digits, no spaces, that pass the ABN check digits. */
export function isValidAbn(text: string): boolean {
  if (!/^[1-9]\d{10}$/.test(text)) return false;
  const digits = [...text].map(Number);
  digits[0] -= 1;
  return digits.reduce((total, d, i) => total + d * ABN_WEIGHTS[i], 0) % 89 === 0;
}
