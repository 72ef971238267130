/* eslint-disable @typescript-eslint/no-explicit-any -- the fixtures are changed field by field, into shapes the types refuse on purpose */
import { abaFile, validateAbaBatch } from './aba';

// Fixtures are invented for these tests; positions are 1-based and inclusive as in docs/payment-files.md.
function batch(): Record<string, any> {
  return {
    processingDate: '2026-08-20',
    financialInstitution: 'CBA',
    userName: 'Coastal Workers Insurance',
    userId: '4512',
    description: 'WEEKLY COMP',
    remitter: { bsb: '062-111', account: '10293847', name: 'Coastal Workers' },
    balancingRecord: false,
    payments: [
      { bsb: '012-003', account: '55501234', accountTitle: 'SINGH PRIYA', amount: '1187.50', reference: 'CLM004512 WK03', withholding: '214.00' },
      { bsb: '733-042', account: '0098-1122', accountTitle: 'TAUFA SIONE', amount: '0.10', reference: 'CLM004530 WK01', withholding: '0.00' },
    ],
  };
}

function records(input: unknown): string[] {
  const result = abaFile(input);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  expect(result.file.endsWith('\r\n')).toBe(true);
  return result.file.slice(0, -2).split('\r\n');
}

const pos = (record: string, from: number, to: number) => record.slice(from - 1, to);

function problems(change: (b: Record<string, any>) => void): [string, string][] {
  const b = batch();
  change(b);
  const result = abaFile(b);
  if (result.ok) throw new Error('expected the batch to be refused');
  return result.problems.map((p) => [p.path, p.message]);
}

const paths = (change: (b: Record<string, any>) => void) => problems(change).map(([path]) => path);

describe('ABA rendering', () => {
  it('writes every record as exactly 120 characters ended by CR LF, with no other line breaks', () => {
    const file = (abaFile(batch()) as { file: string }).file;
    const lines = file.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(line).toHaveLength(120);
      expect(line).not.toMatch(/[\r\n]/);
    }
  });

  it('lays out the descriptive record', () => {
    const [d] = records(batch());
    expect(pos(d, 1, 1)).toBe('0');
    expect(pos(d, 2, 18)).toBe(' '.repeat(17));
    expect(pos(d, 19, 20)).toBe('01');
    expect(pos(d, 21, 23)).toBe('CBA');
    expect(pos(d, 24, 30)).toBe(' '.repeat(7));
    expect(pos(d, 31, 56)).toBe('Coastal Workers Insurance ');
    expect(pos(d, 57, 62)).toBe('004512');
    expect(pos(d, 63, 74)).toBe('WEEKLY COMP ');
    expect(pos(d, 75, 80)).toBe('200826');
    expect(pos(d, 81, 120)).toBe(' '.repeat(40));
  });

  it('lays out one detail record per payment, in input order', () => {
    const [, first, second] = records(batch());
    expect(pos(first, 1, 1)).toBe('1');
    expect(pos(first, 2, 8)).toBe('012-003');
    expect(pos(first, 9, 17)).toBe(' 55501234');
    expect(pos(first, 18, 18)).toBe(' ');
    expect(pos(first, 19, 20)).toBe('53');
    expect(pos(first, 21, 30)).toBe('0000118750');
    expect(pos(first, 31, 62)).toBe('SINGH PRIYA'.padEnd(32));
    expect(pos(first, 63, 80)).toBe('CLM004512 WK03'.padEnd(18));
    expect(pos(first, 81, 87)).toBe('062-111');
    expect(pos(first, 88, 96)).toBe(' 10293847');
    expect(pos(first, 97, 112)).toBe('Coastal Workers ');
    expect(pos(first, 113, 120)).toBe('00021400');
    expect(pos(second, 9, 17)).toBe('0098-1122');
    expect(pos(second, 21, 30)).toBe('0000000010');
  });

  it('totals credits exactly in cents and counts the detail records', () => {
    const all = records(batch());
    const t = all[all.length - 1];
    expect(pos(t, 1, 1)).toBe('7');
    expect(pos(t, 2, 8)).toBe('999-999');
    expect(pos(t, 9, 20)).toBe(' '.repeat(12));
    expect(pos(t, 21, 30)).toBe('0000118760');
    expect(pos(t, 31, 40)).toBe('0000118760');
    expect(pos(t, 41, 50)).toBe('0000000000');
    expect(pos(t, 51, 74)).toBe(' '.repeat(24));
    expect(pos(t, 75, 80)).toBe('000002');
    expect(pos(t, 81, 120)).toBe(' '.repeat(40));
  });

  it('does not drift when amounts are not exact in binary floating point', () => {
    const b = batch();
    b.payments = ['0.10', '0.20', '0.70'].map((amount, i) => ({ ...b.payments[0], amount, reference: `R${i}` }));
    const all = records(b);
    expect(pos(all[all.length - 1], 31, 40)).toBe('0000000100');
  });

  it('adds a balancing debit from the remitter and nets the total to zero when asked', () => {
    const b = batch();
    b.balancingRecord = true;
    const all = records(b);
    expect(all).toHaveLength(5);
    const bal = all[3];
    expect(bal).toHaveLength(120);
    expect(pos(bal, 1, 1)).toBe('1');
    expect(pos(bal, 2, 8)).toBe('062-111');
    expect(pos(bal, 9, 17)).toBe(' 10293847');
    expect(pos(bal, 18, 18)).toBe(' ');
    expect(pos(bal, 19, 20)).toBe('13');
    expect(pos(bal, 21, 30)).toBe('0000118760');
    expect(pos(bal, 31, 62)).toBe('Coastal Workers'.padEnd(32));
    expect(pos(bal, 63, 80)).toBe('WEEKLY COMP'.padEnd(18));
    expect(pos(bal, 81, 112)).toBe('062-111 10293847Coastal Workers ');
    expect(pos(bal, 113, 120)).toBe('00000000');
    const t = all[4];
    expect(pos(t, 21, 30)).toBe('0000000000');
    expect(pos(t, 31, 40)).toBe('0000118760');
    expect(pos(t, 41, 50)).toBe('0000118760');
    expect(pos(t, 75, 80)).toBe('000003');
  });

  it('leaves out the balancing record when balancingRecord is false or absent', () => {
    const b = batch();
    delete b.balancingRecord;
    expect(records(b)).toHaveLength(4);
  });

  it('cuts text longer than its field to the field width', () => {
    const b = batch();
    b.userName = 'Coastal Workers Compensation Insurance Limited';
    b.description = 'WEEKLY COMPENSATION';
    b.remitter.name = 'Coastal Workers Compensation';
    b.payments[0].accountTitle = 'WOLFESCHLEGELSTEINHAUSENBERGERDORFF JOHANNES';
    b.payments[0].reference = 'CLM004512 WEEK 03 OF 2026';
    b.balancingRecord = true;
    const [d, first, , bal] = records(b);
    expect(pos(d, 31, 56)).toBe('Coastal Workers Compensati');
    expect(pos(d, 63, 74)).toBe('WEEKLY COMPE');
    expect(pos(first, 31, 62)).toBe('WOLFESCHLEGELSTEINHAUSENBERGERDO');
    expect(pos(first, 63, 80)).toBe('CLM004512 WEEK 03 ');
    expect(pos(first, 97, 112)).toBe('Coastal Workers ');
    expect(pos(bal, 31, 62)).toBe('Coastal Workers Compensation'.padEnd(32));
    expect(pos(bal, 63, 80)).toBe('WEEKLY COMPENSATIO');
  });

  it('treats a missing withholding as none', () => {
    const b = batch();
    delete b.payments[0].withholding;
    expect(pos(records(b)[1], 113, 120)).toBe('00000000');
  });

  it('accepts the largest amount a detail record can carry', () => {
    const b = batch();
    b.payments = [{ ...b.payments[0], amount: '99999999.99' }];
    expect(pos(records(b)[1], 21, 30)).toBe('9999999999');
  });
});

describe('ABA refusals (payments.md)', () => {
  it('refuses a payment BSB not NNN-NNN', () => {
    expect(problems((b) => (b.payments[1].bsb = '733042'))).toEqual([['payments[1].bsb', 'must be NNN-NNN']]);
  });

  it('refuses a remitter BSB not NNN-NNN', () => {
    expect(paths((b) => (b.remitter.bsb = '62-111'))).toEqual(['remitter.bsb']);
  });

  it('refuses an empty account', () => {
    expect(problems((b) => (b.payments[0].account = ''))).toEqual([['payments[0].account', 'must not be empty']]);
  });

  it('refuses an account longer than 9 characters', () => {
    expect(problems((b) => (b.payments[0].account = '1234567890'))).toEqual([['payments[0].account', 'must be at most 9 characters']]);
  });

  it('refuses an account with characters other than digits, hyphens and spaces', () => {
    expect(paths((b) => (b.payments[0].account = '5550/1234'))).toEqual(['payments[0].account']);
    expect(paths((b) => (b.remitter.account = 'ACC12'))).toEqual(['remitter.account']);
  });

  it('accepts an account of digits, hyphens and spaces', () => {
    const b = batch();
    b.payments[0].account = '12 34-5';
    expect(pos(records(b)[1], 9, 17)).toBe('  12 34-5');
  });

  it.each([
    ['not a number', 'abc'],
    ['more than 2 places', '12.345'],
    ['a $ sign', '$12.00'],
    ['a thousands separator', '1,187.50'],
  ])('refuses an amount with %s', (_, amount) => {
    expect(paths((b) => (b.payments[0].amount = amount))).toEqual(['payments[0].amount']);
  });

  it.each(['0', '0.00', '-5.00'])('refuses an amount that is not positive: %s', (amount) => {
    expect(problems((b) => (b.payments[0].amount = amount))).toEqual([['payments[0].amount', 'must be more than 0']]);
  });

  it('refuses an amount over 99,999,999.99', () => {
    expect(paths((b) => (b.payments = [{ ...b.payments[0], amount: '100000000.00' }]))).toEqual(['payments[0].amount']);
  });

  it('refuses an amount given as a JSON number, which has already lost exactness', () => {
    expect(paths((b) => (b.payments[0].amount = 1187.5))).toEqual(['payments[0].amount']);
  });

  it('refuses a negative withholding', () => {
    expect(problems((b) => (b.payments[1].withholding = '-1.00'))).toEqual([['payments[1].withholding', 'must not be negative']]);
  });

  it('refuses a withholding too large for its 8-digit field', () => {
    expect(paths((b) => (b.payments[1].withholding = '1000000.00'))).toEqual(['payments[1].withholding']);
  });

  it.each(['cba', 'CB', 'CBAX', 'C8A'])('refuses financialInstitution %j', (fi) => {
    expect(problems((b) => (b.financialInstitution = fi))).toEqual([['financialInstitution', 'must be 3 capital letters']]);
  });

  it.each(['', '1234567', '12a4', ' 1234'])('refuses userId %j', (id) => {
    expect(paths((b) => (b.userId = id))).toEqual(['userId']);
  });

  it.each([
    ['userName', (b: Record<string, any>) => (b.userName = 'Coastal Workers Insurance ü'), 'userName'],
    ['description', (b: Record<string, any>) => (b.description = 'WEEKLY\tCOMP'), 'description'],
    ['remitter name', (b: Record<string, any>) => (b.remitter.name = 'Coastal\u00a0Workers'), 'remitter.name'],
    ['accountTitle', (b: Record<string, any>) => (b.payments[1].accountTitle = 'TAUFA SIONE\n'), 'payments[1].accountTitle'],
    ['reference', (b: Record<string, any>) => (b.payments[0].reference = 'CLM004512 – WK03'), 'payments[0].reference'],
  ])('refuses %s with characters outside printable ASCII', (_, change, path) => {
    expect(problems(change)).toEqual([[path, 'must contain only printable ASCII characters']]);
  });

  it('refuses an empty payments list', () => {
    expect(problems((b) => (b.payments = []))).toEqual([['payments', 'must not be empty']]);
  });

  it('refuses a batch whose credit total is over 99,999,999.99', () => {
    const over = problems(
      (b) =>
        (b.payments = [
          { ...b.payments[0], amount: '99999999.99' },
          { ...b.payments[1], amount: '0.01' },
        ]),
    );
    expect(over).toEqual([['payments', 'total too large']]);
  });

  it('refuses a processing date that is not a real YYYY-MM-DD date', () => {
    expect(paths((b) => (b.processingDate = '20/08/2026'))).toEqual(['processingDate']);
    expect(paths((b) => (b.processingDate = '2026-02-30'))).toEqual(['processingDate']);
  });

  it('refuses blank names the bank needs', () => {
    expect(paths((b) => (b.userName = '   '))).toEqual(['userName']);
    expect(paths((b) => (b.payments[0].accountTitle = ''))).toEqual(['payments[0].accountTitle']);
  });
});

describe('ABA input shape', () => {
  it('names every missing field', () => {
    expect(
      paths((b) => {
        delete b.userId;
        delete b.payments[0].bsb;
        delete b.remitter.name;
      }),
    ).toEqual(['userId', 'remitter.name', 'payments[0].bsb']);
  });

  it('names every field of the wrong type', () => {
    expect(
      problems((b) => {
        b.userId = 4512;
        b.balancingRecord = 'yes';
        b.payments[1].reference = null;
      }),
    ).toEqual([
      ['userId', 'must be a string'],
      ['balancingRecord', 'must be true or false'],
      ['payments[1].reference', 'must be a string'],
    ]);
  });

  it('refuses unknown fields at every level, so a misspelt optional field is not silently ignored', () => {
    expect(
      paths((b) => {
        b.currency = 'AUD';
        b.remitter.bank = 'CBA';
        b.payments[0].withHolding = '1.00';
      }),
    ).toEqual(['remitter.bank', 'payments[0].withHolding', 'currency']);
  });

  it('refuses a batch, remitter, payments list or payment of the wrong shape', () => {
    expect(validateAbaBatch([])).toEqual({ ok: false, problems: [{ path: 'batch', message: 'must be an object' }] });
    expect(paths((b) => (b.remitter = 'Coastal'))).toEqual(['remitter']);
    expect(paths((b) => (b.payments = { 0: b.payments[0] }))).toEqual(['payments']);
    expect(paths((b) => (b.payments[1] = 'SINGH'))).toEqual(['payments[1]']);
  });

  it('reports every problem, in field order, and renders nothing', () => {
    const b = batch();
    b.financialInstitution = 'cba';
    b.payments[0].bsb = '012003';
    b.payments[1].amount = '0';
    const result = abaFile(b);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: 'financialInstitution', message: 'must be 3 capital letters' },
        { path: 'payments[0].bsb', message: 'must be NNN-NNN' },
        { path: 'payments[1].amount', message: 'must be more than 0' },
      ],
    });
    expect(result).not.toHaveProperty('file');
  });
});
