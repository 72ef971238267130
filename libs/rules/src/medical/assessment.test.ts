import fc from 'fast-check';
import { MedicalBatch, assessMedicalBatch } from './assessment';

/**
 * docs/medical-assessment.md's checks one by one, each with a batch worked by hand: a physiotherapy claim injured
 * Mon 2 Mar 2026, provider P1 (current), PTA002 at $92.00 a unit, an approval of 8 units from 10 Mar
 * to 10 May.
 */
const base = (): MedicalBatch => ({
  claim: { claimNumber: 'WC1', dateOfInjury: '2026-03-02', claimMadeOn: '2026-03-03', liability: 'accepted', wpi: null, weeklyPayments: { status: 'current' }, medicalPaidToDate: '0.00' },
  providers: [
    { id: 'P1', name: 'Northside Physio', registration: [{ status: 'current', from: '2012-02-01' }] },
    {
      id: 'P2',
      name: 'Dr Ito',
      registration: [
        { status: 'current', from: '2009-01-01' },
        { status: 'disciplinary-conditions', from: '2026-04-01' },
      ],
    },
    { id: 'P3', name: 'Westside EP', registration: [{ status: 'suspended', from: '2026-01-01' }] },
  ],
  feeOrder: [
    { item: 'PTA002', from: '2025-07-01', maxFee: '92.00' },
    { item: 'PTA002', from: '2026-07-01', maxFee: '95.40' },
    { item: 'WCO001', from: '2025-07-01', maxFee: '84.25' },
  ],
  exemptItems: ['WCO001'],
  approvals: [{ id: 'A1', provider: 'P1', items: ['PTA002'], from: '2026-03-10', to: '2026-05-10', units: 8 }],
  paidLines: [],
  lines: [],
});
const line = (n: number, o: Partial<MedicalBatch['lines'][number]> = {}) => ({ line: n, provider: 'P1', serviceDate: '2026-03-12', item: 'PTA002', units: 1, charged: '92.00', ...o });
const assess = (patch: (b: MedicalBatch) => void) => {
  const b = base();
  patch(b);
  return assessMedicalBatch(b).lines.map((l) => [l.line, l.status, l.payable, l.reasons[0] ?? null]);
};

describe('medical.md checks, in order', () => {
  it('1. provider: unknown, suspended, and under disciplinary conditions from the day they apply', () => {
    expect(
      assess(
        (b) =>
          (b.lines = [
            line(1, { provider: 'P9' }),
            line(2, { provider: 'P3', item: 'WCO001', charged: '84.25' }),
            line(3, { provider: 'P2', item: 'WCO001', serviceDate: '2026-03-31', charged: '84.25' }),
            line(4, { provider: 'P2', item: 'WCO001', serviceDate: '2026-04-01', charged: '84.25' }),
          ]),
      ),
    ).toEqual([
      [1, 'refuse', '0.00', 'unknown-provider'],
      [2, 'refuse', '0.00', 'provider-not-eligible'],
      [3, 'pay', '84.25', null],
      [4, 'refuse', '0.00', 'provider-not-eligible'],
    ]);
  });

  it('2-4. an item not in the fee order, a service before the injury, a disputed claim', () => {
    expect(assess((b) => (b.lines = [line(1, { item: 'XYZ999' }), line(2, { serviceDate: '2026-03-01', item: 'WCO001', charged: '84.25' })]))).toEqual([
      [1, 'refuse', '0.00', 'unknown-item'],
      [2, 'refuse', '0.00', 'before-injury'],
    ]);
    expect(assess((b) => ((b.claim.liability = 'disputed'), (b.lines = [line(1)])))).toEqual([[1, 'refuse', '0.00', 'liability-disputed']]);
  });

  it('5. the s59A period: 2 years from the day weekly payments ceased, to the day before; 5 years above 10% WPI; payable again revives it', () => {
    const ceased = (b: MedicalBatch, wpi: number | null) => {
      b.claim.wpi = wpi;
      b.claim.weeklyPayments = { status: 'ceased', on: '2026-03-10', payableAgain: [{ from: '2028-06-01', to: '2028-06-30' }] };
      b.approvals = [];
      b.exemptItems = ['PTA002'];
    };
    // 2 years from 10 Mar 2026 end on 9 Mar 2028.
    expect(
      assess((b) => (ceased(b, null), (b.lines = [line(1, { serviceDate: '2028-03-09' }), line(2, { serviceDate: '2028-03-10' }), line(3, { serviceDate: '2028-06-15', charged: '99.00' })]))),
    ).toEqual([
      [1, 'pay', '92.00', null],
      [2, 'refuse', '0.00', 'outside-entitlement-period'],
      [3, 'reduce', '95.40', 'over-fee-order'], // payable again in June 2028 (s59A(3)); at the fee of 1 Jul 2026
    ]);
    expect(assess((b) => (ceased(b, 10.5), (b.lines = [line(1, { serviceDate: '2031-03-09' }), line(2, { serviceDate: '2031-03-10' })])))).toEqual([
      [1, 'pay', '92.00', null],
      [2, 'refuse', '0.00', 'outside-entitlement-period'],
    ]);
    expect(assess((b) => (ceased(b, 21), (b.lines = [line(1, { serviceDate: '2040-01-01' })])))).toEqual([[1, 'pay', '92.00', null]]);
    // Never paid weekly: from the day the claim was made; a period from 29 February ends on 28 February.
    expect(
      assess(
        (b) => (
          (b.claim.claimMadeOn = '2028-02-29'),
          (b.claim.weeklyPayments = { status: 'never' }),
          (b.exemptItems = ['PTA002']),
          (b.lines = [line(1, { serviceDate: '2030-02-28' }), line(2, { serviceDate: '2030-03-01' })])
        ),
      ),
    ).toEqual([
      [1, 'pay', '92.00', null],
      [2, 'refuse', '0.00', 'outside-entitlement-period'],
    ]);
  });

  it('6. duplicates: of a paid line, and of an earlier line paid, reduced or held, but not of one refused', () => {
    expect(
      assess((b) => {
        b.paidLines = [{ provider: 'P1', serviceDate: '2026-03-11', item: 'PTA002', units: 1 }];
        b.lines = [
          line(1, { serviceDate: '2026-03-11' }),
          line(2, { serviceDate: '2026-06-01' }),
          line(3, { serviceDate: '2026-06-01' }),
          line(4, { provider: 'P9' }),
          line(5, { provider: 'P9' }),
          line(6, { charged: '99.00' }),
          line(7),
        ];
      }),
    ).toEqual([
      [1, 'refuse', '0.00', 'duplicate'],
      [2, 'hold', '0.00', 'no-approval'],
      [3, 'refuse', '0.00', 'duplicate'],
      [4, 'refuse', '0.00', 'unknown-provider'],
      [5, 'refuse', '0.00', 'unknown-provider'],
      [6, 'reduce', '92.00', 'over-fee-order'],
      [7, 'refuse', '0.00', 'duplicate'],
    ]);
  });

  it('7. approvals: exempt items and the first 48 hours need none; units are used paid lines first, earliest approval first, never split', () => {
    expect(
      assess((b) => {
        b.approvals = [
          { id: 'A2', provider: 'P1', items: ['PTA002'], from: '2026-03-20', to: '2026-06-30', units: 2 },
          { id: 'A1', provider: 'P1', items: ['PTA002'], from: '2026-03-10', to: '2026-05-10', units: 3 },
        ];
        // Takes 2 of A1's 3 units (A1 starts first).
        b.paidLines = [{ provider: 'P1', serviceDate: '2026-03-12', item: 'PTA002', units: 2 }];
        b.lines = [
          line(1, { serviceDate: '2026-03-04' }), // the second day after the injury: no approval needed
          line(2, { serviceDate: '2026-03-25', units: 2, charged: '184.00' }), // A1 has 1 left: A2 takes both
          line(3, { serviceDate: '2026-03-26' }), // A1's last unit
          line(4, { serviceDate: '2026-03-27' }), // both used up
          line(5, { serviceDate: '2026-03-05' }), // before any approval starts
        ];
      }),
    ).toEqual([
      [1, 'pay', '92.00', null],
      [2, 'pay', '184.00', null],
      [3, 'pay', '92.00', null],
      [4, 'hold', '0.00', 'approval-exhausted'],
      [5, 'hold', '0.00', 'no-approval'],
    ]);
  });

  it('8-9. the fee order maximum per unit, and the provisional cap holds a whole line but not a later one that fits', () => {
    expect(
      assess((b) => {
        b.claim.liability = 'provisional';
        b.claim.medicalPaidToDate = '9800.00';
        b.lines = [
          line(1, { units: 2, charged: '200.00' }),
          line(2, { serviceDate: '2026-03-13', charged: '92.00' }),
          line(3, { item: 'WCO001', serviceDate: '2026-03-13', charged: '16.01' }),
          line(4, { item: 'WCO001', serviceDate: '2026-03-14', charged: '16.00' }),
        ];
      }),
    ).toEqual([
      [1, 'reduce', '184.00', 'over-fee-order'], // 2 × 92.00; 9800 + 184 = 9984
      [2, 'hold', '0.00', 'provisional-cap'], // 9984 + 92 = 10076 > 10000
      [3, 'hold', '0.00', 'provisional-cap'], // 9984 + 16.01 = 10000.01 > 10000
      [4, 'pay', '16.00', null], // 9984 + 16 = 10000: not above the cap
    ]);
  });
});

describe('totals and invariants', () => {
  const money = fc.integer({ min: 0, max: 30000 }).map((c) => (c / 100).toFixed(2));
  const lines = fc.array(
    fc.record({
      provider: fc.constantFrom('P1', 'P2', 'P3', 'P9'),
      serviceDate: fc.constantFrom('2026-03-01', '2026-03-03', '2026-03-12', '2026-04-02', '2026-05-20', '2026-07-02'),
      item: fc.constantFrom('PTA002', 'WCO001', 'XYZ'),
      units: fc.integer({ min: 1, max: 3 }),
      charged: money,
    }),
    { maxLength: 25 },
  );

  it('sums exactly, pays no more than charged, and gives one reason exactly when not paid in full', () => {
    fc.assert(
      fc.property(lines, fc.constantFrom<'provisional' | 'accepted'>('provisional', 'accepted'), money, (ls, liability, paidToDate) => {
        const b = base();
        b.claim.liability = liability;
        b.claim.medicalPaidToDate = paidToDate;
        b.lines = ls.map((l, i) => ({ ...l, line: i + 1 }));
        const a = assessMedicalBatch(b);
        const cents = (t: string) => Math.round(Number(t) * 100); // test arithmetic only: the code under test is decimal
        const charged = new Map(b.lines.map((l) => [l.line, cents(l.charged)]));
        expect(cents(a.totals.charged)).toBe([...charged.values()].reduce((x, y) => x + y, 0));
        expect(cents(a.totals.payable)).toBe(a.lines.reduce((x, l) => x + cents(l.payable), 0));
        expect(cents(a.totals.held)).toBe(a.lines.filter((l) => l.status === 'hold').reduce((x, l) => x + charged.get(l.line)!, 0));
        expect(cents(a.totals.refused)).toBe(a.lines.filter((l) => l.status === 'refuse').reduce((x, l) => x + charged.get(l.line)!, 0));
        for (const l of a.lines) {
          expect(cents(l.payable)).toBeLessThanOrEqual(charged.get(l.line)!);
          expect(l.reasons).toHaveLength(l.status === 'pay' ? 0 : 1);
          if (l.status === 'hold' || l.status === 'refuse') expect(l.payable).toBe('0.00');
        }
        if (liability === 'provisional') expect(cents(paidToDate) + cents(a.totals.payable) <= 1_000_000 || cents(a.totals.payable) === 0).toBe(true);
      }),
    );
  });
});
