import { authorisationHint, limitFor, problemsByPayment, selectedPayments, selectionTotals } from './selection';

const payments = [
  { id: 'a', gross: '1235.00', payg: '219.00', net: '1016.00', generatedBy: 'po.olivia' },
  { id: 'b', gross: '1235.00', payg: '219.00', net: '1016.00', generatedBy: 'po.olivia' },
  { id: 'c', gross: '6000.10', payg: '0.00', net: '6000.10', generatedBy: 'po.paul' },
];

describe('the payments selected', () => {
  it('totals the selection exactly', () => {
    expect(selectionTotals(payments, new Set(['a', 'b']))).toEqual({ count: 2, gross: '2470.00', payg: '438.00', net: '2032.00' });
    expect(selectionTotals(payments, 'all')).toEqual({ count: 3, gross: '8470.10', payg: '438.00', net: '8032.10' });
    expect(selectionTotals(payments, new Set())).toEqual({ count: 0, gross: '0.00', payg: '0.00', net: '0.00' });
  });

  it('keeps the list’s order, and ignores keys no longer listed', () => {
    expect(selectedPayments(payments, new Set(['c', 'a', 'gone'])).map((p) => p.id)).toEqual(['a', 'c']);
  });
});

describe('authority', () => {
  const limits = [
    { subject: 'role:payments-officer', maxAmount: '5000.00' },
    { subject: 'role:team-leader', maxAmount: '25000.00' },
    { subject: 'user:po.paul', maxAmount: '7000.00' },
  ];

  it("applies a person's own limit over their role's", () => {
    expect(limitFor(limits, 'po.paul', 'payments-officer')?.maxAmount).toBe('7000.00');
    expect(limitFor(limits, 'po.olivia', 'payments-officer')?.maxAmount).toBe('5000.00');
    expect(limitFor(limits, 'tl.jo', 'team-leader')?.maxAmount).toBe('25000.00');
    expect(limitFor(limits, 'rv.kim', 'reviewer')).toBeNull();
  });

  it('says why a payment would be refused: its maker, over the limit, or no limit at all', () => {
    const officer = limitFor(limits, 'po.olivia', 'payments-officer');
    expect(authorisationHint(payments[0], 'po.olivia', officer)).toBe('maker');
    expect(authorisationHint(payments[2], 'po.olivia', officer)).toBe('over-limit');
    expect(authorisationHint(payments[0], 'po.sam', officer)).toBeNull();
    expect(authorisationHint(payments[0], 'po.sam', null)).toBe('no-limit');
    // Exactly the limit is within it.
    expect(authorisationHint({ ...payments[0], gross: '5000.00' }, 'po.sam', officer)).toBeNull();
  });

  it("finds the payment each of a bulk refusal's problems names", () => {
    const by = problemsByPayment(
      ['a', 'c'],
      [
        { field: 'ids[0]', problem: 'po.olivia generated it; another person must authorise it (maker-checker)' },
        { field: 'ids[1]', problem: "6000.10 exceeds po.olivia's authority of 5,000.00" },
        { field: 'ids', problem: 'must not name a payment twice' },
      ],
    );
    expect(by.get('a')).toEqual(['po.olivia generated it; another person must authorise it (maker-checker)']);
    expect(by.get('c')).toEqual(["6000.10 exceeds po.olivia's authority of 5,000.00"]);
    expect(by.get('')).toEqual(['must not name a payment twice']);
  });
});
