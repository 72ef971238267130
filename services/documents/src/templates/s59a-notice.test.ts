import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import { s59aNoticeData, s59aNoticeV2 } from './s59a-notice';

const data = {
  claimNumber: 'WC0030617',
  issuedOn: '2026-12-01',
  worker: { givenName: 'Lorcan', familyName: 'Adeyemi-Strand' },
  recipient: { party: 'worker', name: 'Lorcan Adeyemi-Strand' },
  ceaseOn: '2027-03-15',
  period: '2 years',
  from: '2025-03-15',
  basis: 'weekly payments ceased',
  contact: { caseManager: 'Mireille Okonkwo', phone: '02 9555 0581', email: 'medical@claims.example' },
  signatory: { name: 'Bronwyn Achterberg-Lee', role: 'Return to work decision maker' },
};
const toDoctor = { ...data, recipient: { party: 'doctor', name: 'Dr Henrietta Vuković' } };
const t = s59aNoticeV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const compose = (d: unknown) => t.compose(s59aNoticeData.parse(d), LOCAL_INSURER);
const textOf = async (d: unknown) => letterText(compose(d));
const issues = (d: unknown) => {
  const r = s59aNoticeData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const badPaths = (d: unknown) => issues(d).map((i) => i.path);

describe('s59a-notice v2 (1987 Act s59A, SIRA Standard of Practice S19)', () => {
  let text: string;
  beforeAll(async () => {
    text = await textOf(data);
  });

  it('is the s59a-notice kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['s59a-notice', 's59a-notice', 2]);
  });

  it('S19: gives the worker the date treatment stops being paid for', () => {
    expect(text).toContain('Dear Lorcan Adeyemi-Strand,');
    expect(text).toContain('Payment for your treatment will end');
    expect(text).toContain(
      'We will pay for reasonable and necessary medical and related treatment for your work injury that is given up to and including 14 March 2027. We will not pay for treatment, services or assistance given on or after 15 March 2027.',
    );
    expect(text).toContain('Treatment paid for until 14 March 2027');
    expect(text).toContain('No longer paid for from 15 March 2027');
  });

  it('s59A(2): explains the period, what decides its length and when it started', async () => {
    expect(text).toContain('Time limit 2 years');
    expect(text).toContain('Period started 15 March 2025');
    expect(text).toContain('This is section 59A of the Workers Compensation Act 1987.');
    expect(text).toContain('Your period is 2 years. This is the period when permanent impairment from the injury is 10% or less, or has not been assessed.');
    expect(text).toContain('It started on 15 March 2025, when weekly payments stopped being payable to you.');
    expect(text).toContain('If an assessment finds your impairment is more than 10%, the period is 5 years instead of 2');
    const five = await textOf({ ...data, period: '5 years', from: '2022-03-15', basis: 'claim first made' });
    expect(five).toContain('Your period is 5 years. This is the period when permanent impairment from the injury is more than 10% and not more than 20%.');
    expect(five).toContain('It started on 15 March 2022, the day your claim was first made, because weekly payments have not been payable to you.');
    expect(five).toContain('If an assessment finds your impairment is more than 20%, this time limit does not apply.');
    expect(five).not.toContain('instead of 2');
  });

  it('s59A(3): says treatment is paid for again while weekly payments are again payable', () => {
    expect(text).toContain('If weekly payments become payable to you again later, we will again pay for treatment given while they are payable.');
  });

  it('S19: who to contact, including the IRO', () => {
    expect(text).toContain('You can get free, independent help from the Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au.');
    expect(text).toContain(
      'Your case manager is Mireille Okonkwo. If you have a question about this letter, or think something in it is wrong, call Mireille Okonkwo on 02 9555 0581 or email medical@claims.example. You can also call us on 02 9000 0000 or write to us at Locked Bag 1, Sydney NSW 2001. Please quote your claim number, WC0030617, whenever you contact us.',
    );
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Bronwyn Achterberg-Lee', 'Return to work decision maker']);
  });

  it('S19: tells the nominated treating doctor the date, about the worker, with the IRO and whom to contact', async () => {
    const doc = await textOf(toDoctor);
    expect(doc).toContain('Dear Dr Henrietta Vuković,');
    expect(doc).toContain('Re: Lorcan Adeyemi-Strand, claim WC0030617');
    expect(doc).toContain('Payment for medical treatment will end');
    expect(doc).toContain("Strand's work injury that is given up to and including 14 March 2027. We will not pay for treatment, services or assistance given on or after 15 March 2027.");
    expect(doc).toContain('We are writing to you as the nominated treating doctor of Lorcan Adeyemi-Strand.');
    expect(doc).toContain('The period is 2 years.');
    expect(doc).toContain('when weekly payments stopped being payable to Lorcan Adeyemi-Strand.');
    expect(doc).toContain('Lorcan Adeyemi-Strand can get free, independent help with questions about this from the Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au.');
    expect(doc).toContain('please send your invoices for it to medical@claims.example or Locked Bag 1, Sydney NSW 2001, with claim number WC0030617.');
    expect(doc).toContain(
      'The case manager for this claim is Mireille Okonkwo. If you have a question about this letter, or think something in it is wrong, call Mireille Okonkwo on 02 9555 0581 or email medical@claims.example.',
    );
    expect(doc).not.toContain('Please talk to your doctor');
    expect(doc).not.toContain('Your case manager is');
    // The IRO once, in the words written for the doctor (S19), not the worker's "you can get".
    expect(doc).not.toContain('You can get free, independent help');
  });

  it('prints the claim number, the date and the template version in every footer', async () => {
    expect(oneLine(pdfText(await renderLetter(t, compose(data), { compress: false })))).toContain('1 December 2026');
    const lines = pdfText(await renderLetter(t, compose(toDoctor), { compress: false })).split('\n');
    const footers = lines.filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0030617\s+\|\s+page \d+ of \d+\s+\|\s+s59a-notice@v2$/);
  });

  it('refuses a notice given less than 13 weeks before treatment stops being paid for, on issuedOn (nsw-facts T23)', () => {
    expect(badPaths({ ...data, issuedOn: '2026-12-14' })).toEqual([]); // 91 days before
    expect(issues({ ...data, issuedOn: '2026-12-15' })).toEqual([{ path: 'issuedOn', message: 'must be at least 13 weeks (91 days) before ceaseOn (2027-03-15), so on or before 2026-12-14' }]);
  });

  it('refuses a cessation date before the period has run, on ceaseOn', () => {
    expect(issues({ ...data, ceaseOn: '2027-03-14', issuedOn: '2026-12-01' })).toEqual([
      { path: 'ceaseOn', message: 'is before the end of the 2 years period that started on from (2025-03-15): must be 2027-03-15 or later' },
    ]);
    expect(badPaths({ ...data, period: '5 years' })).toEqual(['ceaseOn']);
    expect(badPaths({ ...data, ceaseOn: '2027-06-30', issuedOn: '2027-03-01' })).toEqual([]);
    expect(badPaths({ ...data, from: '2024-02-29', ceaseOn: '2026-02-28', issuedOn: '2025-11-01' })).toEqual([]);
  });

  it('refuses other bad data, naming each field', () => {
    expect(issues({ ...data, period: '3 years' })).toEqual([{ path: 'period', message: 'must be one of 2 years, 5 years' }]);
    expect(issues({ ...data, basis: 'impairment assessed' })).toEqual([{ path: 'basis', message: 'must be one of weekly payments ceased, claim first made' }]);
    expect(issues({ ...data, recipient: { party: 'employer', name: 'X' } })).toEqual([{ path: 'recipient.party', message: 'must be one of worker, doctor' }]);
    expect(badPaths({ ...data, recipient: { party: 'doctor' } })).toEqual(['recipient.name']);
    expect(badPaths({ ...data, from: '2025-15-03' })).toEqual(['from']);
    expect(badPaths({ ...data, ceaseOn: undefined })).toEqual(['ceaseOn']);
    expect(badPaths({ ...data, contact: { ...data.contact, email: 'medical' } })).toEqual(['contact.email']);
    expect(badPaths({ ...data, wpi: 8 })).toEqual(['']);
  });
});
