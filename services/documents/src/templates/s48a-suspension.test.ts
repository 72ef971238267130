import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import { s48aSuspensionData, s48aSuspensionV2 } from './s48a-suspension';

const data = {
  claimNumber: 'WC0052290',
  issuedOn: '2026-07-27',
  worker: { givenName: 'Desmond', familyName: 'Oyelowo-Hart' },
  warnedOn: '2026-07-06',
  obligation: 'Start the suitable duties in the dispatch office that your employer, Tallowwood Freight, has offered you, or tell us the reason you cannot',
  suspendedFrom: '2026-07-27',
  contact: { caseManager: 'Saoirse Abubakar', phone: '02 9555 0733', email: 'rtw@claims.example' },
  signatory: { name: 'Bronwyn Achterberg-Lee', role: 'Return to work decision maker' },
};
const t = s48aSuspensionV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const compose = (d: unknown) => t.compose(s48aSuspensionData.parse(d), LOCAL_INSURER);
const textOf = async (d: unknown) => letterText(compose(d));
const issues = (d: unknown) => {
  const r = s48aSuspensionData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const badPaths = (d: unknown) => issues(d).map((i) => i.path);

describe('s48a-suspension v2 (1998 Act s48A(3)-(5))', () => {
  let text: string;
  beforeAll(async () => {
    text = await textOf(data);
  });

  it('is the s48a-suspension kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['s48a-suspension', 's48a-suspension', 2]);
  });

  it('refers to the warning and says payments are suspended from the date for 28 days, with the last day (s48A(3))', () => {
    expect(text).toContain('Your weekly payments are suspended');
    expect(text).toContain(
      'On 6 July 2026 we wrote to you about a return-to-work obligation you had not met, and told you that your weekly payments would be suspended from 27 July 2026 unless you met it.',
    );
    expect(text).toContain('Warning sent 6 July 2026');
    expect(text).toContain('Suspended from 27 July 2026');
    expect(text).toContain('Suspension lasts 28 days, 27 July 2026 to 23 August 2026');
    expect(text).toContain('We will not pay you weekly payments for the 28 days from 27 July 2026 to 23 August 2026, unless you meet your obligation during that time.');
  });

  it('says what to do: the obligation and whom to tell', () => {
    expect(text).toContain(
      'The return-to-work obligation you have not met is: Start the suitable duties in the dispatch office that your employer, Tallowwood Freight, has offered you, or tell us the reason you cannot.',
    );
    expect(text).toContain('then tell your case manager, Saoirse Abubakar, on 02 9555 0733 or at rtw@claims.example, so that we can record the day you did it.');
  });

  it('s48A(4), (5): complying resumes payments from that day; the suspended days are not paid; (1)(b)-(c) if never', () => {
    expect(text).toContain('If you do it during the suspension (by 23 August 2026): your weekly payments start again from the day you do it.');
    expect(text).toContain('The days of the suspension before the day you do it are not paid. Those payments are lost, not just delayed.');
    expect(text).toContain('If you have still not done it by the end of the suspension on 23 August 2026: we may then end your weekly payments altogether');
  });

  it('says where to get free help (the IRO) and whom to contact', () => {
    expect(text).toContain('You can get free, independent help from the Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au.');
    expect(text).toContain('Your case manager is Saoirse Abubakar.');
    expect(text).toContain('quote your claim number, WC0052290, whenever you contact us.');
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Bronwyn Achterberg-Lee', 'Return to work decision maker']);
  });

  it('prints the claim number, the worker, the date and the template version in every footer', async () => {
    expect(text).toContain('Dear Desmond Oyelowo-Hart,');
    expect(oneLine(pdfText(await renderLetter(t, compose(data), { compress: false })))).toContain('27 July 2026');
    const lines = pdfText(await renderLetter(t, compose(data), { compress: false })).split('\n');
    const footers = lines.filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0052290\s+\|\s+page \d+ of \d+\s+\|\s+s48a-suspension@v2$/);
  });

  it('refuses a warning that is not 14 to 60 days before the suspension, on warnedOn', () => {
    expect(issues({ ...data, warnedOn: '2026-07-27' })).toEqual([{ path: 'warnedOn', message: 'must be before suspendedFrom (the warning comes before the suspension)' }]);
    expect(badPaths({ ...data, warnedOn: '2026-07-28' })).toEqual(['warnedOn']);
    expect(issues({ ...data, warnedOn: '2026-07-14' })).toEqual([{ path: 'warnedOn', message: 'must be 14 to 60 days before suspendedFrom (2026-07-27); 2026-07-14 is 13 days before it' }]);
    expect(badPaths({ ...data, warnedOn: '2026-07-13' })).toEqual([]);
    expect(badPaths({ ...data, warnedOn: '2026-05-28' })).toEqual([]);
    expect(badPaths({ ...data, warnedOn: '2026-05-27' })).toEqual(['warnedOn']);
  });

  it('refuses a letter dated outside the suspension, on issuedOn', () => {
    expect(issues({ ...data, issuedOn: '2026-07-26' })).toEqual([{ path: 'issuedOn', message: 'is before suspendedFrom (payments are not suspended yet)' }]);
    expect(badPaths({ ...data, issuedOn: '2026-08-23' })).toEqual([]);
    expect(issues({ ...data, issuedOn: '2026-08-24' })).toEqual([{ path: 'issuedOn', message: "is after the suspension's last day (2026-08-23)" }]);
  });

  it('refuses other bad data, naming each field', () => {
    expect(badPaths({ ...data, obligation: '  ' })).toEqual(['obligation']);
    expect(badPaths({ ...data, suspendedFrom: '27/07/2026' })).toEqual(['suspendedFrom']);
    expect(badPaths({ ...data, warnedOn: undefined })).toEqual(['warnedOn']);
    expect(badPaths({ ...data, contact: { ...data.contact, phone: '' } })).toEqual(['contact.phone']);
    expect(badPaths({ ...data, reason: 'not a field here' })).toEqual(['']);
  });
});
