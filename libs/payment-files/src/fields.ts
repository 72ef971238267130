import { isMoneyText } from '@wc/rules';

/** Printable ASCII only: BECS files are plain ASCII (docs/payment-files.md; docs/sources.md §7.2). */
export function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7E]*$/.test(text);
}

/**
 * Why a money text is refused, or undefined when it is a non-negative amount with at most two places.
 * Specific messages because these texts come from people fixing a payroll export or a batch by hand.
 */
export function moneyTextProblem(text: string): string | undefined {
  if (isMoneyText(text)) return undefined;
  if (text.trim() === '') return 'must not be empty';
  if (/^-/.test(text.trim())) return 'must not be negative';
  if (/[$,]/.test(text)) return 'must be a plain number (no $ sign or thousands separators)';
  if (/^\d+\.\d{3,}$/.test(text)) return 'must have at most 2 decimal places';
  return 'must be an amount such as 950.00';
}
