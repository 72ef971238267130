import { compareMoney, fromCents, sumMoney, toCents } from './money';

describe('exact money arithmetic', () => {
  it('reads the API’s amounts as whole cents', () => {
    expect(toCents('1235.00')).toBe(123500n);
    expect(toCents('1235.5')).toBe(123550n);
    expect(toCents('7')).toBe(700n);
    expect(toCents('-60.05')).toBe(-6005n);
    expect(() => toCents('1.005')).toThrow(RangeError);
    expect(() => toCents('1,000.00')).toThrow(RangeError);
  });

  it('writes cents back with two places', () => {
    expect(fromCents(123550n)).toBe('1235.50');
    expect(fromCents(5n)).toBe('0.05');
    expect(fromCents(-6005n)).toBe('-60.05');
    expect(fromCents(0n)).toBe('0.00');
  });

  it('adds amounts with no binary rounding (0.1 + 0.2 is 0.30)', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['1235.00', '1235.00', '1016.00'])).toBe('3486.00');
    expect(sumMoney(['9999999999.99', '0.01'])).toBe('10000000000.00');
    expect(sumMoney([])).toBe('0.00');
  });

  it('compares amounts', () => {
    expect(compareMoney('5000.00', '5000')).toBe(0);
    expect(compareMoney('5000.01', '5000.00')).toBe(1);
    expect(compareMoney('999.99', '5000.00')).toBe(-1);
  });
});
