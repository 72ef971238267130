import { checkMedicalInvoices, isValidAbn, MEDICAL_INVOICE_COLUMNS } from './medical-invoices';

type Column = (typeof MEDICAL_INVOICE_COLUMNS)[number];
const HEADER = MEDICAL_INVOICE_COLUMNS.join(',');
const GOOD = 'WC0000123,NP-1042,51824753556,provider,2026-03-12,PTA002,1,95.00';

/** A file of the header and `rows`; a row is a line of text or changes to GOOD by column name. */
function invoices(...rows: (string | Partial<Record<Column, string>>)[]): string {
  const lines = rows.map((row) => {
    if (typeof row === 'string') return row;
    const fields = GOOD.split(',');
    for (const [column, value] of Object.entries(row)) fields[MEDICAL_INVOICE_COLUMNS.indexOf(column as Column)] = value;
    return fields.join(',');
  });
  return [HEADER, ...lines].join('\n') + '\n';
}

function problems(text: string): [number, string, string][] {
  const result = checkMedicalInvoices(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map((p) => [p.line, p.column, p.message]);
}

const only = (column: Column | 'fields', value: Partial<Record<Column, string>>, message: string) => expect(problems(invoices(value))).toEqual([[2, column, message]]);

describe('ABN check digits (ATO, Format of the ABN)', () => {
  // Worked by hand with weights 10,1,3,5,7,9,11,13,15,17,19 after taking 1 from the first digit:
  // 51824753556 → 4·10+1+8·3+2·5+4·7+7·9+5·11+3·13+5·15+5·17+6·19 = 534 = 6×89 (the ABR's own example);
  // 53004085616 → 40+3+0+0+28+0+88+65+90+17+114 = 445 = 5×89;
  // 10612345678 → 0+0+18+5+14+27+44+65+90+119+152 = 534;
  // 80987654321 → 70+0+27+40+49+54+55+52+45+34+19 = 445.
  it.each(['51824753556', '53004085616', '10612345678', '80987654321'])('accepts %s', (abn) => {
    expect(isValidAbn(abn)).toBe(true);
  });

  // 51824753557: 534 + 19 = 553 (remainder 19); 51824753565 (last two digits swapped): 534 − 5·17 − 6·19
  // + 6·17 + 5·19 = 534 + 17 − 19 = 532 (remainder 87); 61824753556: 534 + 10 = 544 (remainder 10). 01300000000 sums to (0−1)·10 + 1 + 3·3 = 0, but an ABN's check digits are 10–99,
  // so it never starts with 0. Spaces, 10 or 12 digits and letters are not 11 digits.
  it.each(['51824753557', '51824753565', '61824753556', '01300000000', '51 824 753 556', '5182475355', '518247535560', '5182475355A', ''])('refuses %j', (abn) => {
    expect(isValidAbn(abn)).toBe(false);
  });
});

describe('medical invoice lines: valid files', () => {
  it('counts lines, invoices, claims and providers and sums charged exactly', () => {
    const result = checkMedicalInvoices(
      invoices(
        { charged: '0.10' },
        { service_date: '2026-03-19', charged: '0.20' }, // the same invoice, another date
        { invoice_number: 'NP-1043', charged: '99999.99' },
        { claim_number: 'WC0000456', provider_abn: '53004085616', charged: '0.00' }, // the same invoice number, another claim and provider
        { provider_abn: '10612345678', payee: 'worker', charged: '0.01' }, // the same number from another provider
      ),
    );
    // invoices: NP-1042/518 (lines 2, 3), NP-1043/518, WC0000456 NP-1042/530, NP-1042/106 = 4.
    // charged: 0.10 + 0.20 + 99999.99 + 0.00 + 0.01 = 100000.30, past the largest amount one line may charge.
    expect(result).toMatchObject({ ok: true, summary: { lines: 5, invoices: 4, claims: 2, providers: 3, charged: '100000.30' } });
  });

  it('returns the parsed lines with their line numbers and an exact amount', () => {
    const result = checkMedicalInvoices(invoices(GOOD));
    if (!result.ok) throw new Error('refused');
    expect(result.lines).toHaveLength(1);
    const [line] = result.lines;
    expect(line).toMatchObject({
      line: 2,
      claimNumber: 'WC0000123',
      invoiceNumber: 'NP-1042',
      providerAbn: '51824753556',
      payee: 'provider',
      serviceDate: '2026-03-12',
      item: 'PTA002',
      units: 1,
    });
    expect(line.charged.toFixed(2)).toBe('95.00');
  });

  it('ignores blank lines and accepts CRLF, a byte-order mark and quoted fields', () => {
    const text = `\uFEFF${HEADER}\r\n\r\n"WC0000123","NP-1042",51824753556,"provider",2026-03-12,PTA002,"1",95.00\r\n  \r\n`;
    expect(checkMedicalInvoices(text)).toMatchObject({ ok: true, summary: { lines: 1, invoices: 1, claims: 1, providers: 1, charged: '95.00' } });
  });

  it('accepts a header alone as an empty file', () => {
    expect(checkMedicalInvoices(`${HEADER}\n`)).toEqual({ ok: true, lines: [], summary: { lines: 0, invoices: 0, claims: 0, providers: 0, charged: '0.00' } });
  });

  it('ignores spaces around a claim number, as the schedule does', () => {
    const result = checkMedicalInvoices(invoices({ claim_number: ' WC0000123 ' }, { claim_number: 'WC0000123', service_date: '2026-03-19' }));
    expect(result).toMatchObject({ ok: true, summary: { claims: 1, invoices: 1 }, lines: [{ claimNumber: 'WC0000123' }, { claimNumber: 'WC0000123' }] });
  });

  it.each([
    ['an invoice number of 30 characters and every allowed character', { invoice_number: 'Ab9-/._Ab9-/._Ab9-/._Ab9-/._Ab' }],
    ['a one-character invoice number', { invoice_number: '7' }],
    ['a worker reimbursed', { payee: 'worker' }],
    ['29 February of a leap year', { service_date: '2028-02-29' }],
    ['a 12-character item', { item: 'ABCDEF123456' }],
    ['a one-character item', { item: '9' }],
    ['99 units', { units: '99' }],
    ['the largest amount', { charged: '99999.99' }],
    ['nothing charged', { charged: '0.00' }],
  ])('accepts %s', (_, row) => {
    expect(checkMedicalInvoices(invoices(row)).ok).toBe(true);
  });

  it('accepts lines that differ from each other in any one of the five columns that identify a line', () => {
    const text = invoices(GOOD, { claim_number: 'WC0000456' }, { invoice_number: 'NP-1043' }, { provider_abn: '53004085616' }, { service_date: '2026-03-13' }, { item: 'PTA001' });
    expect(checkMedicalInvoices(text)).toMatchObject({ ok: true, summary: { lines: 6 } });
  });
});

describe('medical invoice lines: refusals', () => {
  it('refuses a header that is not exactly the columns in order', () => {
    const message = `must be exactly ${HEADER}`;
    const swapped = 'claim_number,invoice_number,provider_abn,payee,service_date,item,charged,units';
    expect(problems(`${swapped}\n${GOOD}\n`)).toEqual([[1, 'header', message]]);
    expect(problems(`${HEADER},gst\n${GOOD}\n`)).toEqual([[1, 'header', message]]);
    expect(problems(`${HEADER.toUpperCase()}\n`)).toEqual([[1, 'header', message]]);
    // A wage reimbursement schedule sent here by mistake.
    expect(problems('claim_number,period_start,period_end,hours_worked,gross_earnings,compensation_paid,payg_withheld\n')).toEqual([[1, 'header', message]]);
  });

  it('refuses an empty file for want of a header', () => {
    expect(problems('')).toEqual([[1, 'header', `missing; expected ${HEADER}`]]);
    expect(problems('\n\n')).toEqual([[1, 'header', `missing; expected ${HEADER}`]]);
  });

  it('still checks the lines under a wrong header', () => {
    expect(problems(`${HEADER},gst\n${GOOD}\n${GOOD.replace('PTA002', 'pta002')}\n`).map(([l, c]) => [l, c])).toEqual([
      [1, 'header'],
      [3, 'item'],
    ]);
  });

  it('refuses a line with the wrong number of fields', () => {
    expect(problems(invoices(`${GOOD},10.00`, 'WC0000123,NP-1042'))).toEqual([
      [2, 'fields', 'expected 8 fields, found 9'],
      [3, 'fields', 'expected 8 fields, found 2'],
    ]);
  });

  it('reports unreadable quoting against fields', () => {
    expect(problems(invoices(GOOD.replace('NP-1042', 'NP"1042')))).toEqual([[2, 'fields', 'quote inside an unquoted field (quote the whole field and double the quote)']]);
    expect(problems(invoices(GOOD.replace('NP-1042', '"NP-1042"x')))).toEqual([[2, 'fields', 'text after a closing quote (quote the whole field)']]);
    expect(problems(invoices(GOOD, GOOD.replace('NP-1042', '"NP-1042')))).toEqual([[3, 'fields', 'quoted field is never closed']]);
  });

  it.each(['', '   '])('refuses the claim number %j', (claim) => {
    only('claim_number', { claim_number: claim }, 'must not be empty');
  });

  it('refuses an empty invoice number', () => {
    only('invoice_number', { invoice_number: '' }, 'must not be empty');
  });

  it.each(['NP 1042', ' NP-1042', 'NP#1042', 'NP\\1042', 'NP–1042', 'Nº1042', '"NP,1042"'])('refuses the invoice number %s for its characters', (invoice) => {
    only('invoice_number', { invoice_number: invoice }, 'must contain only letters, digits, -, /, . and _');
  });

  it('refuses an invoice number of 31 characters', () => {
    only('invoice_number', { invoice_number: 'A'.repeat(31) }, 'must be at most 30 characters');
  });

  it.each(['', '51 824 753 556', '51-824-753-556', '5182475355', '518247535560', 'ABN51824753556'])('refuses the ABN %j as not 11 digits', (abn) => {
    only('provider_abn', { provider_abn: abn }, 'must be 11 digits with no spaces');
  });

  it.each(['51824753557', '15824753556', '01300000000'])('refuses the ABN %s for its check digits', (abn) => {
    // 15824753556: 0·10 + 5 + 534 − 40 − 1 = 498 = 5×89 + 53.
    only('provider_abn', { provider_abn: abn }, 'is not a valid ABN (check digits do not match)');
  });

  it.each(['', 'Provider', 'WORKER', 'employer', ' worker', 'insurer'])('refuses the payee %j', (payee) => {
    only('payee', { payee }, 'must be provider or worker');
  });

  it.each(['', '2026-3-12', '12/03/2026', '2026-02-29', '2026-04-31', '2026-13-01', '20260312'])('refuses the service date %j', (date) => {
    only('service_date', { service_date: date }, 'must be a date YYYY-MM-DD');
  });

  it.each(['', 'pta002', 'PTA-002', 'PTA 002', 'ABCDEF1234567', 'PTÅ002'])('refuses the item %j', (item) => {
    only('item', { item }, 'must be 1 to 12 capital letters and digits');
  });

  it.each(['', '0', '100', '-1', '1.5', '1.0', '01', ' 1', 'one'])('refuses %j units', (units) => {
    only('units', { units }, 'must be a whole number from 1 to 99');
  });

  it.each([
    ['', 'must not be empty'],
    [' ', 'must not be empty'],
    ['-95.00', 'must not be negative'],
    ['-0.00', 'must not be negative'],
    ['$95.00', 'must be a plain number (no $ sign or thousands separators)'],
    ['"1,095.00"', 'must be a plain number (no $ sign or thousands separators)'],
    ['95', 'must have exactly 2 decimal places'],
    ['95.5', 'must have exactly 2 decimal places'],
    ['95.001', 'must have exactly 2 decimal places'],
    ['100000.00', 'must be at most 99999.99'],
    ['99999999999.99', 'must be at most 99999.99'],
    ['095.00', 'must be an amount such as 95.00'],
    ['95.', 'must be an amount such as 95.00'],
    ['.95', 'must be an amount such as 95.00'],
    ['9.5e1', 'must be an amount such as 95.00'],
    [' 95.00', 'must be an amount such as 95.00'],
    ['ninety-five', 'must be an amount such as 95.00'],
  ])('refuses charged %j: %s', (charged, message) => {
    only('charged', { charged }, message);
  });

  it('refuses a line repeating an earlier one, naming the first, whatever else differs', () => {
    const text = invoices(GOOD, { units: '2', charged: '190.00', payee: 'worker' }, '', GOOD);
    expect(problems(text)).toEqual([
      [3, 'fields', 'repeats line 2'],
      [5, 'fields', 'repeats line 2'],
    ]);
  });

  it('matches the claim number without its surrounding spaces, the other columns as written', () => {
    expect(problems(invoices(GOOD, { claim_number: ' WC0000123' }))).toEqual([[3, 'fields', 'repeats line 2']]);
    expect(checkMedicalInvoices(invoices(GOOD, { invoice_number: 'np-1042' })).ok).toBe(true);
  });

  it('reports the repeat before the columns of the same line, which are still checked', () => {
    expect(problems(invoices(GOOD, { units: '0', charged: '95' }))).toEqual([
      [3, 'fields', 'repeats line 2'],
      [3, 'units', 'must be a whole number from 1 to 99'],
      [3, 'charged', 'must have exactly 2 decimal places'],
    ]);
  });

  it('still finds a repeat of an earlier line that has problems outside the five identifying columns', () => {
    expect(problems(invoices({ payee: 'me' }, GOOD)).map(([l, c]) => [l, c])).toEqual([
      [2, 'payee'],
      [3, 'fields'],
    ]);
  });

  it('does not compare lines when an identifying column is invalid', () => {
    expect(problems(invoices({ service_date: '2026-02-30' }, { service_date: '2026-02-30' })).map(([l, c]) => [l, c])).toEqual([
      [2, 'service_date'],
      [3, 'service_date'],
    ]);
    // The earlier line's item is refused, so the later one, which has it right, is the first good one.
    expect(problems(invoices({ item: 'pta002' }, GOOD)).map(([l, c]) => [l, c])).toEqual([[2, 'item']]);
  });

  it('reports every problem in line order, columns in order within a line, counting blank lines', () => {
    const text = invoices({ claim_number: '', invoice_number: 'NP 1', provider_abn: '1', payee: 'x', service_date: 'x', item: 'x', units: 'x', charged: 'x' }, '', {
      charged: '1.5',
      claim_number: 'WC0000777',
    });
    expect(problems(text).map(([l, c]) => [l, c])).toEqual([
      [2, 'claim_number'],
      [2, 'invoice_number'],
      [2, 'provider_abn'],
      [2, 'payee'],
      [2, 'service_date'],
      [2, 'item'],
      [2, 'units'],
      [2, 'charged'],
      [4, 'charged'],
    ]);
  });

  it('numbers lines by where a record starts when a quoted field holds a line break', () => {
    const text = invoices('"WC\n0000123",NP-1042,51824753556,provider,2026-03-12,PTA002,1,95.00', { units: '0' });
    expect(problems(text)).toEqual([[4, 'units', 'must be a whole number from 1 to 99']]);
  });

  it('returns no lines at all when any line is refused', () => {
    const result = checkMedicalInvoices(invoices(GOOD, { service_date: '2026-03-13', charged: '1' }));
    expect(result).toEqual({ ok: false, problems: [{ line: 3, column: 'charged', message: 'must have exactly 2 decimal places' }] });
  });
});
