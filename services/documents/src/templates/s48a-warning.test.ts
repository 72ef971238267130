import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';
import { s48aWarningData, s48aWarningV2, suspensionLastDay } from './s48a-warning';

const data = {
  claimNumber: 'WC0052290',
  issuedOn: '2026-07-06',
  worker: { givenName: 'Desmond', familyName: 'Oyelowo-Hart' },
  reason: 'Your employer offered you suitable duties in the dispatch office from 22 June 2026, within the limits on your certificate of capacity, and you have not started them or told us why',
  obligation: 'Start the suitable duties in the dispatch office that your employer, Tallowwood Freight, has offered you, or tell us the reason you cannot',
  suspendFrom: '2026-07-27',
  contact: { caseManager: 'Saoirse Abubakar', phone: '02 9555 0733', email: 'rtw@claims.example' },
  signatory: { name: 'Bronwyn Achterberg-Lee', role: 'Return to work decision maker' },
};
const t = s48aWarningV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const compose = (d: unknown) => t.compose(s48aWarningData.parse(d), LOCAL_INSURER);
const textOf = async (d: unknown) => letterText(compose(d));
const issues = (d: unknown) => {
  const r = s48aWarningData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};
const badPaths = (d: unknown) => issues(d).map((i) => i.path);

describe('s48a-warning v2 (1998 Act s48A)', () => {
  let text: string;
  beforeAll(async () => {
    text = await textOf(data);
  });

  it('is the s48a-warning kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['s48a-warning', 's48a-warning', 2]);
  });

  it('computes the last day of the 28-day suspension', () => {
    expect(suspensionLastDay('2026-07-27')).toBe('2026-08-23');
    expect(suspensionLastDay('2026-12-20')).toBe('2027-01-16');
  });

  it('s48A(2)(a): states the reason for the notice', () => {
    expect(text).toContain(
      'Why we are sending you this notice Your employer offered you suitable duties in the dispatch office from 22 June 2026, within the limits on your certificate of capacity, and you have not started them or told us why.',
    );
  });

  it('s48A(2)(b): states the s48 obligation to comply with, and what to do to comply', () => {
    expect(text).toContain('section 48 of the Act');
    expect(text).toContain(
      'The return-to-work obligation you have not met is: Start the suitable duties in the dispatch office that your employer, Tallowwood Freight, has offered you, or tell us the reason you cannot.',
    );
    expect(text).toContain('To comply, do this by 26 July 2026, and then tell your case manager, Saoirse Abubakar, on 02 9555 0733 or at rtw@claims.example, so that we can record it.');
  });

  it('s48A(2)(b), (3): states the suspension date and the 28-day suspension with its last day', () => {
    expect(text).toContain('Unless you do it by 26 July 2026, your weekly payments will be suspended (stopped for a time) from 27 July 2026.');
    expect(text).toContain('Do this by 26 July 2026');
    expect(text).toContain('Suspension starts 27 July 2026, unless you do this first');
    expect(text).toContain('Suspension lasts 28 days, 27 July 2026 to 23 August 2026');
    expect(text).toContain('The suspension lasts 28 days, from 27 July 2026 to 23 August 2026.');
  });

  it('s48A(2)(c), (4), (5), (1)(b)-(c): the consequences of complying before, during or not at all', () => {
    expect(text).toContain('If you do it before 27 July 2026: nothing is suspended, and your weekly payments continue as usual.');
    expect(text).toContain(
      'If you do it during the suspension (between 27 July 2026 and 23 August 2026): your weekly payments start again from the day you do it. You will not be paid for the days of the suspension before that day.',
    );
    expect(text).toContain(
      'If you have still not done it by the end of the suspension on 23 August 2026: we may end your weekly payments altogether, and you may no longer be entitled to weekly payments for this injury.',
    );
  });

  it('says where to get free help (the IRO) and whom to contact', () => {
    expect(text).toContain('You can get free, independent help from the Independent Review Office (IRO) on 13 94 76 or at www.iro.nsw.gov.au.');
    expect(text).toContain(
      'Your case manager is Saoirse Abubakar. If you have a question about this letter, or think something in it is wrong, call Saoirse Abubakar on 02 9555 0733 or email rtw@claims.example. You can also call us on 02 9000 0000 or write to us at Locked Bag 1, Sydney NSW 2001. Please quote your claim number, WC0052290, whenever you contact us.',
    );
  });

  it('is signed by who decided to give the warning', () => {
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Bronwyn Achterberg-Lee', 'Return to work decision maker']);
  });

  it('prints the claim number, the worker, the date and the template version in every footer', async () => {
    expect(text).toContain('Dear Desmond Oyelowo-Hart,');
    expect(oneLine(pdfText(await renderLetter(t, compose(data), { compress: false })))).toContain('6 July 2026');
    const lines = pdfText(await renderLetter(t, compose(data), { compress: false })).split('\n');
    const footers = lines.filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0052290\s+\|\s+page \d+ of \d+\s+\|\s+s48a-warning@v2$/);
  });

  it('refuses a suspension date fewer than 14 or more than 60 days after the notice, on suspendFrom, with the dates', () => {
    expect(badPaths({ ...data, suspendFrom: '2026-07-20' })).toEqual([]); // 14 days
    expect(badPaths({ ...data, suspendFrom: '2026-09-04' })).toEqual([]); // 60 days
    expect(issues({ ...data, suspendFrom: '2026-07-19' })).toEqual([
      { path: 'suspendFrom', message: 'must be at least 14 and at most 60 days after issuedOn (2026-07-06), so from 2026-07-20 to 2026-09-04; 2026-07-19 is 13 days after it' },
    ]);
    expect(badPaths({ ...data, suspendFrom: '2026-09-05' })).toEqual(['suspendFrom']);
    expect(badPaths({ ...data, suspendFrom: '2026-07-01' })).toEqual(['suspendFrom']);
  });

  it('refuses other bad data, naming each field', () => {
    expect(badPaths({ ...data, reason: '' })).toEqual(['reason']);
    expect(badPaths({ ...data, obligation: 'x'.repeat(1001) })).toEqual(['obligation']);
    expect(badPaths({ ...data, suspendFrom: '2026-07-32' })).toEqual(['suspendFrom']);
    expect(badPaths({ ...data, issuedOn: 'July 6' })).toEqual(['issuedOn']);
    expect(badPaths({ ...data, worker: { givenName: 'Desmond' } })).toEqual(['worker.familyName']);
    expect(badPaths({ ...data, contact: { ...data.contact, postalAddress: 'Locked Bag 7720, Parramatta NSW 2124' } })).toEqual(['contact']);
    expect(issues({ ...data, contact: { ...data.contact, phone: 'TBC' } })).toEqual([{ path: 'contact.phone', message: 'must be a phone number, e.g. "02 9000 1234"' }]);
    expect(badPaths({ ...data, suspendUntil: '2026-08-23' })).toEqual(['']);
  });
});
