import { LocalDate, assertLocalDate, isLocalDate } from '../calendar';
import { Dec, decimal, formatMoney, money } from '../money';
import { ReviewCycle, reviewDatesBetween } from '../parameters';
import builtIn from '../data/ato-schedule1-weekly.json';

/**
 * Scale 2 claims the tax-free threshold, scale 1 does not; scale 4 is the flat no-TFN rate, which
 * differs for foreign residents. Named rather than numbered so a caller cannot confuse 1 and 2.
 */
export type CoefficientScale = 'tax-free-threshold' | 'no-tax-free-threshold';
export type NoTfnScale = 'no-tfn-resident' | 'no-tfn-foreign-resident';
export type PaygScale = CoefficientScale | NoTfnScale;

const COEFFICIENT_SCALES: readonly CoefficientScale[] = ['tax-free-threshold', 'no-tax-free-threshold'];
const NO_TFN_SCALES: readonly NoTfnScale[] = ['no-tfn-resident', 'no-tfn-foreign-resident'];

/** One line of the ATO's "x less than | a | b" table; `lessThan: null` is the "and over" line. */
export interface CoefficientRow {
  lessThan: string | null;
  a: string;
  b: string;
}

/** The Schedule 1 weekly coefficients in force from `from` until the next table. */
export interface PaygTable {
  from: LocalDate;
  /** A table may leave a scale out (a partial historical table); asking for it is then an error, not a guess. */
  coefficients: Partial<Record<CoefficientScale, CoefficientRow[]>>;
  noTfnRates: Partial<Record<NoTfnScale, string>>;
}

export type PaygTables = PaygTable[];

export interface WeeklyWithholdingInput {
  /** The weekly payment as money text ("1000.00"). */
  weeklyAmount: string;
  scale: PaygScale;
  paidOn: LocalDate;
  /** Replaces the built-in tables entirely for this call. */
  tables?: PaygTables;
}

export interface WeeklyWithholding {
  /** Whole dollars, as money text ("143.00"). */
  amount: string;
  scale: PaygScale;
  x: string;
  a: string;
  b: string;
  formula: string;
  tableFrom: LocalDate;
  notCurrentFrom: LocalDate | null;
  warnings: string[];
}

export class PaygTableError extends Error {
  constructor(message: string) {
    super(`PAYG Schedule 1 weekly tables: ${message}`);
  }
}

const REVIEW: ReviewCycle = builtIn.review as ReviewCycle;

/** Built-in tables (data/ato-schedule1-weekly.json), copied so a caller may edit them freely. */
export function builtInPaygTables(): PaygTables {
  return builtIn.tables.map((t) => ({
    from: t.from,
    coefficients: {
      'tax-free-threshold': t.scales['tax-free-threshold'].rows.map(({ lessThan, a, b }) => ({ lessThan, a, b })),
      'no-tax-free-threshold': t.scales['no-tax-free-threshold'].rows.map(({ lessThan, a, b }) => ({ lessThan, a, b })),
    },
    noTfnRates: {
      'no-tfn-resident': t.scales['no-tfn-resident'].rate,
      'no-tfn-foreign-resident': t.scales['no-tfn-foreign-resident'].rate,
    },
  }));
}

interface CompiledRow {
  lessThan: Dec | null;
  a: Dec;
  b: Dec;
  aText: string;
  bText: string;
}

interface CompiledTable {
  from: LocalDate;
  coefficients: Partial<Record<CoefficientScale, CompiledRow[]>>;
  noTfnRates: Partial<Record<NoTfnScale, { rate: Dec; text: string }>>;
}

function compileRows(where: string, rows: CoefficientRow[]): CompiledRow[] {
  if (!Array.isArray(rows) || rows.length === 0) throw new PaygTableError(`${where}: no rows`);
  const out = rows.map((r, i) => {
    const at = `${where} row ${i}`;
    const read = (field: 'a' | 'b', text: string) => {
      try {
        return decimal(text);
      } catch {
        throw new PaygTableError(`${at}: ${field} is not a decimal number: ${JSON.stringify(text)}`);
      }
    };
    const a = read('a', r.a);
    if (a.isNegative()) throw new PaygTableError(`${at}: a must not be negative`);
    let lessThan: Dec | null = null;
    if (r.lessThan !== null) {
      try {
        lessThan = decimal(r.lessThan);
      } catch {
        throw new PaygTableError(`${at}: lessThan is not a decimal number: ${JSON.stringify(r.lessThan)}`);
      }
      if (!lessThan.isPositive() || lessThan.isZero()) throw new PaygTableError(`${at}: lessThan must be above 0`);
    }
    return { lessThan, a, b: read('b', r.b), aText: r.a, bText: r.b };
  });
  out.forEach((r, i) => {
    const last = i === out.length - 1;
    if (r.lessThan === null && !last) throw new PaygTableError(`${where} row ${i}: only the last row may be open-ended (lessThan null)`);
    if (r.lessThan !== null && last) throw new PaygTableError(`${where}: the last row must be open-ended (lessThan null), got lessThan ${rows[i].lessThan}`);
    const prev = out[i - 1]?.lessThan;
    if (prev && r.lessThan && !r.lessThan.greaterThan(prev)) {
      throw new PaygTableError(`${where} row ${i}: lessThan ${rows[i].lessThan} must be above the previous row's ${rows[i - 1].lessThan} (rows ascending)`);
    }
  });
  return out;
}

/** Validates every table up front, so a bad replacement fails on any call, not only on the day it is reached. */
function compileTables(tables: PaygTables): CompiledTable[] {
  if (!Array.isArray(tables) || tables.length === 0) throw new PaygTableError('no tables');
  const seen = new Set<LocalDate>();
  const out = tables.map((t, i): CompiledTable => {
    if (!isLocalDate(t.from)) throw new PaygTableError(`table ${i}: from must be YYYY-MM-DD, got ${JSON.stringify(t.from)}`);
    if (seen.has(t.from)) throw new PaygTableError(`two tables from ${t.from}`);
    seen.add(t.from);
    const where = `table from ${t.from}`;
    const coefficients: CompiledTable['coefficients'] = {};
    for (const [scale, rows] of Object.entries(t.coefficients ?? {})) {
      if (!(COEFFICIENT_SCALES as readonly string[]).includes(scale))
        throw new PaygTableError(`${where}: unknown coefficient scale ${JSON.stringify(scale)} (expected ${COEFFICIENT_SCALES.join(' or ')})`);
      if (rows !== undefined) coefficients[scale as CoefficientScale] = compileRows(`${where}, ${scale}`, rows);
    }
    const noTfnRates: CompiledTable['noTfnRates'] = {};
    for (const [scale, text] of Object.entries(t.noTfnRates ?? {})) {
      if (!(NO_TFN_SCALES as readonly string[]).includes(scale)) throw new PaygTableError(`${where}: unknown no-TFN scale ${JSON.stringify(scale)} (expected ${NO_TFN_SCALES.join(' or ')})`);
      if (text === undefined) continue;
      let rate: Dec;
      try {
        rate = decimal(text);
      } catch {
        throw new PaygTableError(`${where}, ${scale}: rate is not a decimal number: ${JSON.stringify(text)}`);
      }
      if (!rate.greaterThan(0) || rate.greaterThan(1)) throw new PaygTableError(`${where}, ${scale}: rate must be above 0 and at most 1, got ${text}`);
      noTfnRates[scale as NoTfnScale] = { rate, text };
    }
    return { from: t.from, coefficients, noTfnRates };
  });
  return out.sort((p, q) => (p.from < q.from ? -1 : 1));
}

let builtInCompiled: CompiledTable[] | undefined;

/** ATO Schedule 1 rounding: to the nearest dollar, 50 cents up, straight from the exact value (no rounding to cents first). */
function nearestDollar(y: Dec): Dec {
  return y.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
}

/**
 * Two places read better than the exact product, but only when they cannot suggest a different
 * dollar (e.g. 0.4996 shown as 0.50 next to "→ 0") or hide a sign (−0.0016 shown as 0.00); then
 * the exact value is shown.
 */
function showY(y: Dec): string {
  const shown = y.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  const misleading = !nearestDollar(shown).equals(nearestDollar(y)) || (shown.isZero() && !y.isZero());
  return misleading ? y.toString() : shown.toFixed(2);
}

/**
 * PAYG withheld from one weekly payment of compensation.
 *
 * Weekly compensation is a withholding payment: Taxation Administration Act 1953 Sch 1 s12-110
 * (compensation, sickness or accident payments made at a periodical rate because a person is
 * unable to work). The amount comes from ATO Schedule 1 – Statement of formulas for calculating
 * amounts to be withheld (NAT 1004), weekly coefficients: y = a·x − b, x = whole dollars + 99 cents,
 * rounded to the nearest dollar (50 cents up); scale 4 (no TFN) ignores cents (docs/sources.md §8).
 */
export function weeklyWithholding(input: WeeklyWithholdingInput): WeeklyWithholding {
  const earnings = money(input.weeklyAmount);
  const paidOn = assertLocalDate(input.paidOn, 'paidOn');
  const scale = input.scale;
  const isCoefficient = (COEFFICIENT_SCALES as readonly string[]).includes(scale);
  if (!isCoefficient && !(NO_TFN_SCALES as readonly string[]).includes(scale)) {
    throw new RangeError(`unknown PAYG scale ${JSON.stringify(scale)} (expected one of ${[...COEFFICIENT_SCALES, ...NO_TFN_SCALES].join(', ')})`);
  }

  const tables = input.tables ? compileTables(input.tables) : (builtInCompiled ??= compileTables(builtInPaygTables()));
  let table: CompiledTable | undefined;
  for (const t of tables) if (t.from <= paidOn) table = t;
  if (!table) {
    throw new Error(`no PAYG Schedule 1 weekly table in force on ${paidOn}: the earliest loaded table is from ${tables[0].from}`);
  }

  const warnings: string[] = [];
  // The ATO reissues the coefficients every 1 July; an old table still gives a number, so the
  // caller must be told loudly that it may be wrong rather than refused outright.
  const notCurrentFrom = reviewDatesBetween(REVIEW, table.from, paidOn)[0] ?? null;
  if (notCurrentFrom) {
    warnings.push(
      `PAYG Schedule 1 weekly coefficients NOT CURRENT from ${notCurrentFrom}: payment on ${paidOn} used the table from ${table.from}; ` +
        `the ATO publishes new coefficients each 1 July — load them before relying on this amount`,
    );
  }

  const wholeDollars = earnings.toDecimalPlaces(0, Dec.ROUND_DOWN);

  if (!isCoefficient) {
    const rate = table.noTfnRates[scale as NoTfnScale];
    if (!rate) throw new PaygTableError(`table from ${table.from} has no rate for scale ${scale}`);
    // NAT 1004 "Rounding of withholding amounts": where no TFN has been provided, cents are ignored —
    // in the earnings and in the result — instead of the nearest-dollar rounding of the formulas.
    const exact = rate.rate.times(wholeDollars);
    const dollars = exact.toDecimalPlaces(0, Dec.ROUND_DOWN);
    return {
      amount: formatMoney(dollars),
      scale,
      x: wholeDollars.toFixed(0),
      a: rate.text,
      b: '0',
      formula: `${rate.text} × ${wholeDollars.toFixed(0)} = ${exact.toFixed(2)} → ${dollars.toFixed(0)} (no TFN: cents ignored)`,
      tableFrom: table.from,
      notCurrentFrom,
      warnings,
    };
  }

  const rows = table.coefficients[scale as CoefficientScale];
  if (!rows) throw new PaygTableError(`table from ${table.from} has no coefficients for scale ${scale}`);
  const x = wholeDollars.plus('0.99');
  // The ATO column is "weekly earnings (x) less than", so the bound is compared with x, 99 cents included.
  const row = rows.find((r) => r.lessThan === null || x.lessThan(r.lessThan));
  if (!row) throw new PaygTableError(`table from ${table.from}, ${scale}: no row for x = ${x.toFixed(2)}`);
  const y = row.a.times(x).minus(row.b);
  const below = y.isNegative();
  const dollars = below ? new Dec(0) : nearestDollar(y);
  const minusB = row.b.isNegative() ? `+ ${row.bText.replace(/^-/, '')}` : `− ${row.bText}`;
  return {
    amount: formatMoney(dollars),
    scale,
    x: x.toFixed(2),
    a: row.aText,
    b: row.bText,
    formula: `${row.aText} × ${x.toFixed(2)} ${minusB} = ${showY(y)} → ${dollars.toFixed(0)}${below ? ' (below zero)' : ''}`,
    tableFrom: table.from,
    notCurrentFrom,
    warnings,
  };
}
