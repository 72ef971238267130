import { s59aMedicalPeriod } from './s59a-period';

describe('the s59A medical compensation period (1987 Act s59A(2); nsw-facts.md §3)', () => {
  const base = { claimFirstMadeOn: '2026-03-03', everPayable: true, weeklyCeasedOn: '2027-08-18' };

  it('2 years from the day weekly payments cease when WPI is 10% or less or not assessed', () => {
    expect(s59aMedicalPeriod({ ...base, wpiPercent: null })).toMatchObject({ period: '2 years', from: '2027-08-18', ceaseOn: '2029-08-18', basis: 'weekly payments ceased' });
    expect(s59aMedicalPeriod({ ...base, wpiPercent: 10 })).toMatchObject({ period: '2 years', ceaseOn: '2029-08-18' });
  });

  it('5 years when WPI is more than 10% and not more than 20%; no end above 20%', () => {
    expect(s59aMedicalPeriod({ ...base, wpiPercent: 11 })).toMatchObject({ period: '5 years', ceaseOn: '2032-08-18' });
    expect(s59aMedicalPeriod({ ...base, wpiPercent: 20 })).toMatchObject({ period: '5 years' });
    expect(s59aMedicalPeriod({ ...base, wpiPercent: 21 })).toBeNull();
  });

  it('from the day the claim was first made when no weekly payment was ever payable', () => {
    expect(s59aMedicalPeriod({ ...base, everPayable: false, weeklyCeasedOn: null, wpiPercent: null })).toMatchObject({ from: '2026-03-03', ceaseOn: '2028-03-03', basis: 'claim first made' });
  });

  it('no end while weekly payments are still payable; a period from 29 February ends on 28 February (the day before 1 March)', () => {
    expect(s59aMedicalPeriod({ ...base, weeklyCeasedOn: null, wpiPercent: null })).toBeNull();
    expect(s59aMedicalPeriod({ ...base, weeklyCeasedOn: '2028-02-29', wpiPercent: null })).toMatchObject({ lastDay: '2030-02-28', ceaseOn: '2030-03-01' });
    expect(s59aMedicalPeriod({ ...base, weeklyCeasedOn: '2028-02-29', wpiPercent: 15 })).toMatchObject({ lastDay: '2033-02-28', ceaseOn: '2033-03-01' });
    expect(s59aMedicalPeriod({ ...base, weeklyCeasedOn: '2024-06-14', wpiPercent: 8 })).toMatchObject({ lastDay: '2026-06-13', ceaseOn: '2026-06-14' });
  });
});
