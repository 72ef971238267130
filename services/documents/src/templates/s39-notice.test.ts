import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import { s39NoticeData, s39NoticeV2 } from './s39-notice';

const data = {
  claimNumber: 'WC0011874',
  issuedOn: '2026-12-10',
  worker: { givenName: 'Ilse', familyName: 'Mbatha-Quigley' },
  lastPaymentOn: '2027-03-14',
  ceaseOn: '2027-03-15',
  medicalBenefitsCeaseOn: '2029-03-15',
  weeksPaid: 247,
  contact: { caseManager: 'Ruairi Tanaka', phone: '02 9555 0268', email: 'longterm@claims.example' },
  signatory: { name: 'Bronwyn Achterberg-Lee', role: 'Return to work decision maker' },
};
const t = s39NoticeV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const compose = (d: unknown) => t.compose(s39NoticeData.parse(d), LOCAL_INSURER);
const textOf = async (d: unknown) => letterText(compose(d));
const issues = (d: unknown) => {
  const r = s39NoticeData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const badPaths = (d: unknown) => issues(d).map((i) => i.path);

describe('s39-notice v2 (1987 Act s39, SIRA Standard of Practice S17)', () => {
  let text: string;
  beforeAll(async () => {
    text = await textOf(data);
  });

  it('is the s39-notice kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['s39-notice', 's39-notice', 2]);
  });

  it('explains the 260-week limit and the more-than-20% exception (s39)', () => {
    expect(text).toContain('The law limits weekly payments to a total of 260 weeks (about 5 years)');
    expect(text).toContain('The limit does not apply if your injury has caused permanent impairment of more than 20%. This is section 39 of the Workers Compensation Act 1987.');
  });

  it('S17: the date payments cease and the date of the last payment, and the weeks paid', () => {
    expect(text).toContain('Weeks paid so far 247 weeks');
    expect(text).toContain('Weekly payments until 14 March 2027');
    expect(text).toContain('Payments stop from 15 March 2027');
    expect(text).toContain(
      'So far, you have received weekly payments for 247 weeks in total. Your last weekly payment will be for the period up to and including 14 March 2027. You will not be paid weekly payments for any day from 15 March 2027.',
    );
  });

  it('S17: how to support an assessment of permanent impairment of more than 20%', () => {
    expect(text).toContain('If your impairment is more than 20%');
    expect(text).toContain('If you believe your injury has caused permanent impairment of more than 20% (whole person impairment), your weekly payments may be able to continue after 14 March 2027.');
    expect(text).toContain('you can ask us to arrange a permanent impairment assessment, or send us a medical report that assesses your permanent impairment');
    expect(text).toContain('If the assessment finds that your impairment is more than 20%, section 39 will not stop your weekly payments.');
  });

  it('S17: the date medical benefits cease (s59A), or that we will confirm it when not known', async () => {
    expect(text).toContain('Treatment paid until 14 March 2029');
    expect(text).toContain(
      'We will keep paying for reasonable and necessary medical and related treatment for your injury that you receive up to and including 14 March 2029. We will not pay for treatment you receive on or after 15 March 2029.',
    );
    expect(text).toContain('section 59A of the Workers Compensation Act 1987');
    const { medicalBenefitsCeaseOn: _m, weeksPaid: _w, ...unknown } = data;
    const plain = await textOf(unknown);
    expect(plain).toContain('Treatment paid until We will confirm this date in writing');
    expect(plain).toContain(
      'Section 59A of the Workers Compensation Act 1987 sets that period: 2 years if your permanent impairment is 10% or less or has not been assessed, or 5 years if it is more than 10% and not more than 20%.',
    );
    expect(plain).toContain('We will write to you to confirm the date your medical expenses stop being paid.');
    expect(plain).not.toContain('Weeks paid so far');
    expect(plain).not.toContain('So far, you have received');
  });

  it('S17: vocational and return-to-work help, and how to contact Centrelink', () => {
    expect(text).toContain('Help to return to work');
    expect(text).toContain('help from a workplace rehabilitation provider, training to learn new skills, or help looking for work');
    expect(text).toContain('Contact Centrelink (servicesaustralia.gov.au) well before 15 March 2027');
  });

  it('S17: who to contact, including the IRO', () => {
    expect(text).toContain('You can get free, independent help from the Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au.');
    expect(text).toContain(
      'Your case manager is Ruairi Tanaka. If you have a question about this letter, or think something in it is wrong, call Ruairi Tanaka on 02 9555 0268 or email longterm@claims.example. You can also call us on 02 9000 0000 or write to us at Locked Bag 1, Sydney NSW 2001. Please quote your claim number, WC0011874, whenever you contact us.',
    );
  });

  it('is signed by who decided it, and addressed to the worker with their postal address', () => {
    const letter = compose({ ...data, worker: { ...data.worker, address: ['PO Box 61', 'Bathurst NSW 2795'] } });
    expect(letter.closing).toEqual(['Yours sincerely,', 'Bronwyn Achterberg-Lee', 'Return to work decision maker']);
    expect(letter.recipient).toEqual(['Ilse Mbatha-Quigley', 'PO Box 61', 'Bathurst NSW 2795']);
  });

  it('prints the claim number, the worker, the date and the template version in every footer', async () => {
    expect(text).toContain('Dear Ilse Mbatha-Quigley,');
    expect(oneLine(pdfText(await renderLetter(t, compose(data), { compress: false })))).toContain('10 December 2026');
    expect(await textOf({ ...data, weeksPaid: 1 })).toContain('Weeks paid so far 1 week Weekly');
    const lines = pdfText(await renderLetter(t, compose(data), { compress: false })).split('\n');
    const footers = lines.filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0011874\s+\|\s+page \d+ of \d+\s+\|\s+s39-notice@v2$/);
  });

  it('refuses a notice given less than 13 weeks before payments cease, on issuedOn', () => {
    expect(badPaths({ ...data, issuedOn: '2026-12-14' })).toEqual([]); // 91 days before
    expect(issues({ ...data, issuedOn: '2026-12-15' })).toEqual([{ path: 'issuedOn', message: 'must be at least 13 weeks (91 days) before ceaseOn (2027-03-15), so on or before 2026-12-14' }]);
  });

  it('refuses a cessation date that is not the day after the last payment, on ceaseOn', () => {
    expect(issues({ ...data, ceaseOn: '2027-03-14' })).toEqual([{ path: 'ceaseOn', message: 'must be the day after lastPaymentOn (2027-03-15)' }]);
    expect(badPaths({ ...data, ceaseOn: '2027-03-16' })).toEqual(['ceaseOn']);
  });

  it('refuses medical benefits ceasing before weekly payments, on medicalBenefitsCeaseOn', () => {
    expect(badPaths({ ...data, medicalBenefitsCeaseOn: '2027-03-15' })).toEqual([]);
    expect(issues({ ...data, medicalBenefitsCeaseOn: '2027-03-14' })).toEqual([
      { path: 'medicalBenefitsCeaseOn', message: 'is before ceaseOn (medical expenses continue after weekly payments stop)' },
    ]);
  });

  it('refuses other bad data, naming each field', () => {
    expect(badPaths({ ...data, weeksPaid: 261 })).toEqual(['weeksPaid']);
    expect(badPaths({ ...data, weeksPaid: 0 })).toEqual(['weeksPaid']);
    expect(issues({ ...data, weeksPaid: 12.5 })).toEqual([{ path: 'weeksPaid', message: 'must be a whole number of weeks' }]);
    expect(badPaths({ ...data, weeksPaid: '247' })).toEqual(['weeksPaid']);
    expect(badPaths({ ...data, lastPaymentOn: '2027-04-31', ceaseOn: '2027-05-01' })).toEqual(['lastPaymentOn']);
    expect(badPaths({ ...data, medicalBenefitsCeaseOn: 'soon' })).toEqual(['medicalBenefitsCeaseOn']);
    expect(badPaths({ ...data, contact: { ...data.contact, caseManager: undefined } })).toEqual(['contact.caseManager']);
    expect(badPaths({ ...data, wpi: 15 })).toEqual(['']);
  });
});
