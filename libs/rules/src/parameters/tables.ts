import { LocalDate, isLocalDate, parts, ymd } from '../calendar';
import { Dec, decimal, money } from '../money';
import builtIn from '../data/nsw-parameters.json';

/** How often a table is reviewed, so we know when its last row stops being current. */
export type ReviewCycle = 'semiannual' | 'annual-july';

export interface AmountRow {
  from: LocalDate;
  amount: string;
}
export interface FactorRow {
  on: LocalDate;
  factor: string;
}

/** The tables a run of the rules uses; `simulate`'s `parameters` replaces any of them. */
export interface ParameterTables {
  maxWeeklyCompensation: AmountRow[];
  indexation: FactorRow[];
  employerExcessCap: AmountRow[];
}

export type ParameterName = keyof ParameterTables;

export const REVIEW_CYCLES: Record<ParameterName, ReviewCycle> = {
  maxWeeklyCompensation: builtIn.maxWeeklyCompensation.review as ReviewCycle,
  indexation: builtIn.indexation.review as ReviewCycle,
  employerExcessCap: builtIn.employerExcessCap.review as ReviewCycle,
};

/** Built-in NSW tables (data/nsw-parameters.json). */
export function builtInTables(): ParameterTables {
  return {
    maxWeeklyCompensation: builtIn.maxWeeklyCompensation.rows.map(({ from, amount }) => ({ from, amount })),
    indexation: builtIn.indexation.rows.map(({ on, factor }) => ({ on, factor })),
    employerExcessCap: builtIn.employerExcessCap.rows.map(({ from, amount }) => ({ from, amount })),
  };
}

/** Built-in tables with any table in `overrides` replacing its built-in namesake. */
export function tablesWith(overrides: Partial<ParameterTables> = {}): ParameterTables {
  return { ...builtInTables(), ...overrides };
}

/** Review dates of a cycle falling in (after, through]. */
export function reviewDatesBetween(cycle: ReviewCycle, after: LocalDate, through: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let y = parts(after).year; y <= parts(through).year; y++) {
    const candidates = cycle === 'semiannual' ? [ymd(y, 4, 1), ymd(y, 10, 1)] : [ymd(y, 7, 1)];
    for (const d of candidates) if (d > after && d <= through) out.push(d);
  }
  return out;
}

/** A value looked up for a day, and whether the table was current for that day. */
export interface Lookup<T> {
  value: T;
  /** The first review date after the row used, on or before the day, when no newer row exists. */
  notCurrentFrom: LocalDate | null;
}

export class ParameterError extends Error {
  constructor(
    readonly table: ParameterName,
    message: string,
  ) {
    super(`${table}: ${message}`);
  }
}

/** Effective-dated amount table (MAX, excess cap): the row in force on a day. */
export class AmountTable {
  /** Each row with the first review date after it: from then on, without a newer row, it is not current. */
  private readonly rows: { from: LocalDate; amount: Dec; nextReview: LocalDate }[];

  constructor(
    readonly name: ParameterName,
    rows: AmountRow[],
    cycle: ReviewCycle,
  ) {
    this.rows = rows
      .map((r, i) => {
        if (!isLocalDate(r.from)) throw new ParameterError(name, `row ${i}: from must be YYYY-MM-DD`);
        return { from: r.from, amount: money(r.amount), nextReview: firstReviewAfter(cycle, r.from) };
      })
      .sort((a, b) => (a.from < b.from ? -1 : 1));
    for (let i = 1; i < this.rows.length; i++) {
      if (this.rows[i].from === this.rows[i - 1].from) throw new ParameterError(name, `two rows from ${this.rows[i].from}`);
    }
  }

  /** The amount in force on `day`; a day before the first row has no amount and is an error. */
  on(day: LocalDate): Lookup<Dec> {
    let row: { from: LocalDate; amount: Dec; nextReview: LocalDate } | undefined;
    for (const r of this.rows) if (r.from <= day) row = r;
    if (!row) throw new ParameterError(this.name, `no row in force on ${day} (first row is from ${this.rows[0]?.from ?? 'nothing'})`);
    // The same as reviewDatesBetween(cycle, row.from, day)[0], without building the list each day.
    return { value: row.amount, notCurrentFrom: row.nextReview <= day ? row.nextReview : null };
  }
}

/** The first review date of a cycle strictly after `after`. */
export function firstReviewAfter(cycle: ReviewCycle, after: LocalDate): LocalDate {
  const { year } = parts(after);
  const candidates = cycle === 'semiannual' ? [ymd(year, 4, 1), ymd(year, 10, 1), ymd(year + 1, 4, 1)] : [ymd(year, 7, 1), ymd(year + 1, 7, 1)];
  return candidates.find((d) => d > after)!;
}

/** Indexation factors by review date (s82A). */
export class FactorTable {
  private readonly byDate = new Map<LocalDate, Dec>();

  constructor(rows: FactorRow[]) {
    rows.forEach((r, i) => {
      if (!isLocalDate(r.on)) throw new ParameterError('indexation', `row ${i}: on must be YYYY-MM-DD`);
      const f = decimal(r.factor);
      if (f.lessThanOrEqualTo(0)) throw new ParameterError('indexation', `row ${i}: factor must be positive`);
      if (this.byDate.has(r.on)) throw new ParameterError('indexation', `two factors on ${r.on}`);
      this.byDate.set(r.on, f);
    });
  }

  factorOn(reviewDate: LocalDate): Dec | undefined {
    return this.byDate.get(reviewDate);
  }
}
