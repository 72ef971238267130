import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { dollars, provisionalLiabilityData, provisionalLiabilityV2 } from './provisional-liability';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0052718',
  issuedOn: '2026-03-09',
  worker: { givenName: 'Oskar', familyName: 'Ferreira-Lindqvist' },
  employer: { name: 'Wollemi Cold Storage Pty Ltd' },
  dateOfInjury: '2026-03-02',
  provisionalPeriod: { start: '2026-03-03', end: '2026-05-25' },
  piawe: '1843.27',
  weeklyAmount: '1751.11',
  calculation: {
    rateSection: 's36',
    formula: '95% × PIAWE, capped at the maximum weekly amount',
    lines: ['PIAWE from 52 weeks of payslips: $1,843.27', '95% of $1,843.27 = $1,751.11', 'Below the maximum weekly amount, so no cap applies'],
  },
  paidBy: 'employer' as const,
  contact: { caseManager: 'Benedikt Arulanandam', phone: '02 9555 0188', email: 'provisional-team@example.org' },
  signatory: { name: 'Marisol Etxeberria', role: 'Senior case manager' },
};
const t = provisionalLiabilityV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const compose = (d: unknown) => t.compose(provisionalLiabilityData.parse(d), LOCAL_INSURER);
const render = async (d: unknown) => letterText(compose(d));
const issuePaths = (d: unknown) => {
  const r = provisionalLiabilityData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('provisional-liability v2 (s269, SoP 3.2/3.3), to the worker', () => {
  let text: string;
  beforeAll(async () => {
    text = await render(data);
  });

  it('is the provisional-liability kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['provisional-liability', 'provisional-liability', 2]);
  });

  it('says payments start on a provisional basis and are not an admission of liability', () => {
    expect(text).toContain('We have started weekly payments');
    expect(text).toContain('on a provisional basis');
    expect(text).toContain('it is not an admission that we are liable for your injury');
  });

  it('gives the provisional period, up to 12 weeks', () => {
    expect(text).toContain('Provisional period 3 March 2026 to 25 May 2026');
    expect(text).toContain('Provisional payments can last for up to 12 weeks. Yours are for the period from 3 March 2026 to 25 May 2026.');
  });

  it('gives the PIAWE and the weekly amount with how they were worked out', () => {
    expect(text).toContain('$1,843.27');
    expect(text).toContain('Weekly payment $1,751.11');
    expect(text).toContain('Rate Workers Compensation Act 1987 s36');
    expect(text).toContain('95% × PIAWE, capped at the maximum weekly amount');
    expect(text).toContain('Your pre-injury average weekly earnings (PIAWE) are what you earned on average each week');
    for (const line of data.calculation.lines) expect(text).toContain(line);
  });

  it('says who pays', async () => {
    expect(text).toContain('Your employer, Wollemi Cold Storage Pty Ltd, will pay you on your usual pay day');
    expect(await render({ ...data, paidBy: 'insurer' })).toContain('We will pay you directly into your bank account.');
  });

  it('says an injury management plan will follow if the injury is significant', () => {
    expect(text).toContain('If your injury is a significant injury');
    expect(text).toContain('we will work with you, your employer and your doctor to prepare an injury management plan');
  });

  it('says the worker may make a claim and how', () => {
    expect(text).toContain('You can make a claim for workers compensation at any time.');
    expect(text).toContain('a completed workers compensation claim form');
    expect(text).toContain('a certificate of capacity from the treating doctor');
    expect(text).toContain('These can be emailed to provisional-team@example.org or posted to Locked Bag 1, Sydney NSW 2001, with the claim number, WC0052718.');
  });

  it('says how to disagree: ask for a review, contact the IRO', () => {
    expect(text).toContain('If you disagree');
    expect(text).toContain('You can also ask us to review it');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76');
    expect(text).toContain('Your case manager is Benedikt Arulanandam. If you have a question about this letter, or think something in it is wrong, call Benedikt Arulanandam on 02 9555 0188');
  });

  it('is signed by who decided to start provisional payments', () => {
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Marisol Etxeberria', 'Senior case manager']);
  });

  it('prints the claim number, the worker and the date of the notice', async () => {
    expect(text).toContain('Dear Oskar Ferreira-Lindqvist,');
    expect(text).toContain('Wollemi Cold Storage Pty Ltd');
    expect(text).toContain('2 March 2026');
    expect(text).toContain('Claim number WC0052718');
    const pdf = oneLine(pdfText(await renderLetter(t, compose(data), { compress: false })));
    expect(pdf).toContain('9 March 2026');
    expect(pdf).toContain('provisional-liability@v2');
  });

  it('formats money with thousands separators', () => {
    expect(dollars('0.00')).toBe('$0.00');
    expect(dollars('999.99')).toBe('$999.99');
    expect(dollars('1234567.80')).toBe('$1,234,567.80');
  });

  it('accepts a period of exactly 12 weeks and refuses a longer one, on the end field', () => {
    expect(issuePaths({ ...data, provisionalPeriod: { start: '2026-03-03', end: '2026-05-25' } })).toEqual([]); // 84 days
    const r = provisionalLiabilityData.safeParse({ ...data, provisionalPeriod: { start: '2026-03-03', end: '2026-05-26' } });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(['provisionalPeriod.end']);
    expect(issues[0].message).toMatch(/at most 12 weeks \(84 days/);
    expect(issuePaths({ ...data, provisionalPeriod: { start: '2026-03-03', end: '2026-03-02' } })).toEqual(['provisionalPeriod.end']);
    expect(issuePaths({ ...data, provisionalPeriod: { start: '2026-03-01', end: '2026-03-20' } })).toEqual(['provisionalPeriod.start']);
  });

  it('refuses bad data, naming each bad field', () => {
    expect(issuePaths({ ...data, piawe: '1843.2' })).toEqual(['piawe']);
    expect(issuePaths({ ...data, weeklyAmount: 1751.11 })).toEqual(['weeklyAmount']);
    expect(issuePaths({ ...data, weeklyAmount: '01751.11' })).toEqual(['weeklyAmount']);
    expect(issuePaths({ ...data, calculation: { ...data.calculation, rateSection: 'section 36' } })).toEqual(['calculation.rateSection']);
    expect(issuePaths({ ...data, calculation: { ...data.calculation, lines: [] } })).toEqual(['calculation.lines']);
    expect(issuePaths({ ...data, paidBy: 'nobody' })).toEqual(['paidBy']);
    expect(issuePaths({ ...data, issuedOn: '9 March 2026' })).toEqual(['issuedOn']);
    expect(issuePaths({ ...data, extra: true })).toEqual(['']);
    const money = provisionalLiabilityData.safeParse({ ...data, piawe: '1,843.27' });
    expect(money.success ? '' : money.error.issues[0].message).toContain('2 decimal places');
  });
});
