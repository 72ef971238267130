import { LocalDate } from '../calendar';
import data from '../data/nsw-statutory-periods.json';

/**
 * The periods the Acts set for §8's decisions (data/nsw-statutory-periods.json), looked up by the
 * date the decision or notice is given. Before a set's first row nothing is known: that is an error
 * naming the set, never a guess.
 */
export type S80Periods = (typeof data.s80NoticePeriod.rows)[number];
export type S48aPeriods = (typeof data.s48aWarning.rows)[number];
export type S59aPeriods = (typeof data.s59aMedicalPeriod.rows)[number];

export class StatutoryPeriodError extends Error {}

function inForce<R extends { from: string }>(name: string, rows: R[], on: LocalDate): R {
  let found: R | undefined;
  for (const r of rows) if (r.from <= on && (!found || r.from > found.from)) found = r;
  if (!found) throw new StatutoryPeriodError(`${name}: no period is recorded for ${on} (the first row is from ${rows.map((r) => r.from).sort()[0]})`);
  return found;
}

export const s80Periods = (on: LocalDate): S80Periods & { section: string } => ({ ...inForce('s80NoticePeriod', data.s80NoticePeriod.rows, on), section: data.s80NoticePeriod.source });
export const s48aPeriods = (on: LocalDate): S48aPeriods & { section: string } => ({ ...inForce('s48aWarning', data.s48aWarning.rows, on), section: data.s48aWarning.source });
export const s59aPeriods = (on: LocalDate): S59aPeriods & { section: string } => ({ ...inForce('s59aMedicalPeriod', data.s59aMedicalPeriod.rows, on), section: data.s59aMedicalPeriod.source });
