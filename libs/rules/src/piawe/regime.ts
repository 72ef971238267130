import { LocalDate, isLocalDate } from '../calendar';

/** Which of the three NSW PIAWE regimes governs an injury, by its date, with the law for each. */

export type PiaweRegime = 'before-2018-10-26' | '2018-10-26-to-2019-10-20' | 'from-2019-10-21';

export const PIAWE_REGIME_CITATIONS: Readonly<Record<PiaweRegime, string>> = {
  'before-2018-10-26':
    'former s44C (Workers Compensation Act 1987, before its repeal by the Workers Compensation Legislation Amendment Act 2018 Sch 3): ' +
    'average ordinary earnings plus overtime and shift allowance; overtime and shift allowance stop after the first 52 weeks of weekly payments (former s44C(1)/(2))',
  '2018-10-26-to-2019-10-20':
    'former s44C, which still governs injuries before 21 Oct 2019; no 52-week step-down: the Workers Compensation Legislation Amendment Act 2018 ' +
    '(proclaimed 14 Dec 2018) removed it for injuries on or after 26 Oct 2018',
  'from-2019-10-21':
    '1987 Act Sch 3 (inserted by the Workers Compensation Legislation Amendment Act 2018 Sch 3, commenced 21 Oct 2019) and ' +
    'Workers Compensation Regulation 2016 cl 8A–8F (inserted by the Workers Compensation Amendment (Pre-injury Average Weekly Earnings) Regulation 2019)',
};

/** The WCLA Act 2018 step-down change: injuries on or after this day keep overtime and shift allowance after 52 weeks. */
export const STEP_DOWN_REMOVED_FOR_INJURIES_FROM: LocalDate = '2018-10-26';
/** Commencement of 1987 Act Sch 3 (WCLA Act 2018 Sch 3) for injuries on or after this day. */
export const SCHEDULE_3_APPLIES_TO_INJURIES_FROM: LocalDate = '2019-10-21';

/** Which PIAWE law governs an injury on `dateOfInjury` (see PIAWE_REGIME_CITATIONS for the sources). */
export function piaweRegime(dateOfInjury: LocalDate): PiaweRegime {
  if (!isLocalDate(dateOfInjury)) throw new RangeError(`dateOfInjury must be a date YYYY-MM-DD, got ${JSON.stringify(dateOfInjury)}`);
  if (dateOfInjury >= SCHEDULE_3_APPLIES_TO_INJURIES_FROM) return 'from-2019-10-21';
  if (dateOfInjury >= STEP_DOWN_REMOVED_FOR_INJURIES_FROM) return '2018-10-26-to-2019-10-20';
  return 'before-2018-10-26';
}
