import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { provisionalLiabilityEmployerData, provisionalLiabilityEmployerV2 } from './provisional-liability-employer';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0052718',
  issuedOn: '2026-03-09',
  employer: { name: 'Wollemi Cold Storage Pty Ltd', policyNumber: 'POL-339041', attention: 'Hana Brightwater' },
  worker: { givenName: 'Oskar', familyName: 'Lindqvist' },
  dateOfInjury: '2026-03-02',
  provisionalPeriod: { start: '2026-03-03', end: '2026-05-12' },
  weeklyAmount: '1751.11',
  paidBy: 'employer' as const,
  contact: { caseManager: 'Benedikt Arulanandam', phone: '02 9555 0188', email: 'provisional-team@example.org' },
  signatory: { name: 'Marisol Etxeberria', role: 'Senior case manager' },
};
const t = provisionalLiabilityEmployerV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const compose = (d: unknown) => t.compose(provisionalLiabilityEmployerData.parse(d), LOCAL_INSURER);
const render = async (d: unknown) => letterText(compose(d));
const issuePaths = (d: unknown) => {
  const r = provisionalLiabilityEmployerData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('provisional-liability-employer v2 (SoP 3.3), to the employer', () => {
  let text: string;
  beforeAll(async () => {
    text = await render(data);
  });

  it('is the provisional-liability-employer kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['provisional-liability-employer', 'provisional-liability-employer', 2]);
  });

  it('says weekly payments are starting provisionally, not as an admission of liability', () => {
    expect(text).toContain('Weekly payments have started on a provisional basis');
    expect(text).toContain('We have started weekly payments for Oskar on a provisional basis.');
    expect(text).toContain('it is not an admission of liability');
  });

  it('gives the provisional period', () => {
    expect(text).toContain('Provisional period 3 March 2026 to 12 May 2026');
    expect(text).toContain('Provisional payments can last for up to 12 weeks. These payments are for the period from 3 March 2026 to 12 May 2026');
  });

  it('says who pays and how much', async () => {
    expect(text).toContain('Please pay Oskar the weekly payment of $1,751.11 through your payroll on the usual pay day. We will pay you back.');
    expect(await render({ ...data, paidBy: 'insurer' })).toContain('We will pay Oskar directly.');
  });

  it('says an injury management plan will follow if required', () => {
    expect(text).toContain('Injury management plan');
    expect(text).toContain('If the injury is a significant injury');
    expect(text).toContain('we will prepare an injury management plan with Oskar, you and the treating doctor');
  });

  it('says the worker may make a claim and how', () => {
    expect(text).toContain('Oskar can make a claim for workers compensation at any time.');
    expect(text).toContain('a completed workers compensation claim form');
    expect(text).toContain('a certificate of capacity from the treating doctor');
    expect(text).toContain('These can be emailed to provisional-team@example.org or posted to Locked Bag 1, Sydney NSW 2001');
    expect(text).toContain('If Oskar gives you a claim form or a certificate, please send it to us straight away.');
  });

  it("sets out the employer's obligations in plain words", () => {
    expect(text).toContain('What we need from you');
    expect(text).toContain("Keep Oskar's job open where it is reasonable to do so");
    expect(text).toContain('offer suitable duties that fit what the doctor says they can do');
    expect(text).toContain('Pass on to us straight away any certificate of capacity');
  });

  it('prints the claim number, the employer, the worker and the date of the notice', async () => {
    expect(text).toContain('Attention: Hana Brightwater');
    expect(text).toContain('Dear Hana Brightwater,');
    expect(text).toContain('Wollemi Cold Storage Pty Ltd (policy POL-339041)');
    expect(text).toContain('Worker Oskar Lindqvist');
    expect(text).toContain('Claim number WC0052718');
    expect(text).toContain(
      'The case manager for this claim is Benedikt Arulanandam. If you have a question about this letter, or think something in it is wrong, call Benedikt Arulanandam on 02 9555 0188',
    );
    // To the employer: no IRO (program 8: employers go to SIRA).
    expect(text).not.toContain('Independent Review Office');
    const pdf = oneLine(pdfText(await renderLetter(t, compose(data), { compress: false })));
    expect(pdf).toContain('9 March 2026');
    expect(pdf).toContain('provisional-liability-employer@v2');
    const { attention: _a, ...noAttention } = data.employer;
    const plain = compose({ ...data, employer: noAttention });
    expect(plain.salutation).toBe('Dear Sir or Madam,');
    expect(plain.closing).toEqual(['Yours faithfully,', 'Marisol Etxeberria', 'Senior case manager']);
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Marisol Etxeberria', 'Senior case manager']);
  });

  it("is addressed to the employer's postal address when the claim records one", () => {
    const address = ['Level 3, 8 Quay Street', 'Wollongong NSW 2500'];
    expect(compose({ ...data, employer: { ...data.employer, address } }).recipient).toEqual(['Attention: Hana Brightwater', 'Wollemi Cold Storage Pty Ltd', ...address]);
    const { attention: _a, ...noAttention } = data.employer;
    expect(compose({ ...data, employer: { ...noAttention, address } }).recipient).toEqual(['Wollemi Cold Storage Pty Ltd', ...address]);
  });

  it('refuses a provisional period over 12 weeks on the end field, and other bad data by field', () => {
    const r = provisionalLiabilityEmployerData.safeParse({ ...data, provisionalPeriod: { start: '2026-03-03', end: '2026-06-30' } });
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['provisionalPeriod.end', expect.stringContaining('at most 12 weeks')]]);
    expect(issuePaths({ ...data, weeklyAmount: '1751' })).toEqual(['weeklyAmount']);
    expect(issuePaths({ ...data, employer: { name: 'Wollemi Cold Storage Pty Ltd' } })).toEqual(['employer.policyNumber']);
    expect(issuePaths({ ...data, contact: { ...data.contact, phone: '' } })).toEqual(['contact.phone']);
    expect(issuePaths({ ...data, piawe: '1843.27' })).toEqual(['']);
  });
});
