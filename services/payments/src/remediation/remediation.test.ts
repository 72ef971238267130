import { ClaimEvent } from '@wc/contracts';
import { builtInTables, money } from '@wc/rules';
import { RecordedAction, valueRecordedActions } from '@wc/claim-lifecycle';
import { PaidWeek, correctWeeks } from './remediation';

const events: ClaimEvent[] = [
  { type: 'liability.provisional', at: '2026-02-05' },
  { type: 'certificate.received', at: '2026-02-05', capacity: 'none', from: '2026-02-02', to: '2026-03-01' },
];
const actions = events.map((event) => ({ event }));
const weeksOf = (actions: RecordedAction[], piawe: string) => valueRecordedActions(actions, { piawe, tables: builtInTables() }, '2026-03-01').weeks;
const paidAt = (amount: string): PaidWeek[] =>
  weeksOf(actions, amount).map((w) => ({
    from: w.from,
    to: w.to,
    week: w.week,
    paid: money(w.amount),
    was: { piawe: w.piawe, p: [amount], max: ['2523.00'], sections: ['s36'], amount: w.amount },
  }));

describe('correctWeeks', () => {
  it('finds nothing when nothing changed', () => {
    expect(correctWeeks(paidAt('1000.00'), weeksOf(actions, '1000.00'))).toEqual([]);
  });

  it('names a PIAWE change and the exact difference per week', () => {
    // 95% × 1100 = 1045.00 against 950.00 paid: 95.00 a week.
    const c = correctWeeks(paidAt('1000.00'), weeksOf(actions, '1100.00'));
    expect(c.map((x) => [x.week, x.oldAmount, x.newAmount, x.difference, x.changed])).toEqual([1, 2, 3, 4].map((w) => [w, '950.00', '1045.00', '95.00', ['piawe']]));
    expect(c[0].explanation).toBe('week 1 (2026-02-02 to 2026-02-08): paid 950.00, now 1045.00 (+95.00); PIAWE 1000.00 → 1100.00');
  });

  it('records overpayments as negative differences: a week paid above its value, and a week no longer payable', () => {
    const paid = paidAt('1000.00');
    paid[0] = { ...paid[0], paid: money('1000.00') };
    const shorter = [events[0], { type: 'certificate.received', at: '2026-02-05', capacity: 'none', from: '2026-02-02', to: '2026-02-22' } as ClaimEvent].map((event) => ({ event }));
    const c = correctWeeks(paid, weeksOf(shorter, '1000.00'));
    expect(c.map((x) => [x.week, x.difference, x.changed])).toEqual([
      [1, '-50.00', ['paid']],
      [4, '-950.00', ['facts']],
    ]);
    expect(c[0].explanation).toContain('the week was worth 950.00 when paid, but 1000.00 was paid for it');
    expect(c[1].explanation).toContain('the week is no longer payable');
  });
});
