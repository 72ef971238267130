import { pdfText } from '../testing/pdf-text';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { liabilityAcceptedData, liabilityAcceptedV2 } from './liability-accepted';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0006197',
  issuedOn: '2026-08-12',
  recipient: { party: 'worker', name: 'Marguerite Osei-Tutu' },
  worker: { givenName: 'Marguerite', familyName: 'Osei-Tutu' },
  employer: { name: 'Lantern Aged Care Ltd' },
  dateOfInjury: '2026-07-29',
  injury: 'a strained left wrist',
  decidedOn: '2026-08-11',
  piawe: '1487.6',
  weeklyAmount: '1413.22',
  contact: { caseManager: 'Fitzgerald Nakamura', phone: '02 7300 6612', email: 'f.nakamura@claims.example' },
  signatory: { name: 'Olufemi Castellanos', role: 'Liability decision maker' },
};
const compose = (d: unknown) => liabilityAcceptedV2.compose(liabilityAcceptedData.parse(d), LOCAL_INSURER);
const textOf = (d: unknown) => letterText(compose(d));
const badPaths = (d: unknown) => {
  const r = liabilityAcceptedData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('liability accepted v2', () => {
  it('says liability is accepted, when, what the worker is entitled to, the PIAWE and weekly amount, and whom to contact', async () => {
    const text = await textOf(data);
    expect(text).toContain('Dear Marguerite Osei-Tutu,');
    expect(text).toContain('WC0006197');
    expect(text).toContain('We have accepted the claim');
    expect(text).toContain('On 11 August 2026 we decided to accept liability for your workers compensation claim for a strained left wrist, from your injury at work on 29 July 2026.');
    expect(text).toContain('Date of decision 11 August 2026');
    expect(text).toContain('What you are entitled to');
    expect(text).toContain('Weekly payments for any time a certificate of capacity says you cannot work');
    expect(text).toContain('Reasonable and necessary medical and related costs caused by the injury');
    expect(text).toContain('Your pre-injury average weekly earnings (PIAWE) are $1,487.60.');
    expect(text).toContain('the weekly payment is $1,413.22 a week, before tax.');
    expect(text).toContain(
      'Your case manager is Fitzgerald Nakamura. If you have a question about this letter, or think something in it is wrong, call Fitzgerald Nakamura on 02 7300 6612 or email f.nakamura@claims.example.',
    );
    expect(text).toContain('Please quote your claim number, WC0006197, whenever you contact us.');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76');
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Olufemi Castellanos', 'Liability decision maker']);
  });

  it('writes to the employer about the worker, and leaves out amounts not given', async () => {
    const { piawe: _p, weeklyAmount: _w, injury: _i, ...rest } = data;
    const text = await textOf({ ...rest, recipient: { party: 'employer', name: 'Lantern Aged Care Ltd' } });
    expect(text).toContain('Dear Lantern Aged Care Ltd,');
    expect(text).toContain('we decided to accept liability for the workers compensation claim of Marguerite Osei-Tutu, from their injury at work with you on 29 July 2026.');
    expect(text).toContain('What Marguerite Osei-Tutu is entitled to');
    expect(text).toContain('offer suitable duties that fit the current certificate of capacity');
    expect(text).not.toContain('PIAWE');
    expect(text).not.toContain('$');
    expect(text).not.toContain('Independent Review Office');
    expect(text).toContain('The case manager for this claim is Fitzgerald Nakamura.');
  });

  it("is addressed to the recipient's postal address when the claim records one", () => {
    const letter = compose({ ...data, recipient: { ...data.recipient, address: ['Unit 2, 40 Bay Road', 'Waverton NSW 2060'] } });
    expect(letter.recipient).toEqual(['Marguerite Osei-Tutu', 'Unit 2, 40 Bay Road', 'Waverton NSW 2060']);
  });

  it('writes large and round amounts in dollars and cents', async () => {
    const text = await textOf({ ...data, piawe: '2350', weeklyAmount: '1234567.8' });
    expect(text).toContain('PIAWE $2,350.00 a week');
    expect(text).toContain('Weekly payment $1,234,567.80 a week, before tax');
  });

  it('puts the claim number and the template version in every page footer', async () => {
    const lines = pdfText(await renderLetter(liabilityAcceptedV2, compose(data), { compress: false })).split('\n');
    const footers = lines.filter((l) => /\|\s+page \d+ of \d+\s+\|/.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0006197\s+\|\s+page \d+ of \d+\s+\|\s+liability-accepted@v2$/);
  });

  it('refuses bad data, naming each field', () => {
    expect(badPaths(data)).toEqual([]);
    expect(badPaths({ ...data, piawe: 1487.6, weeklyAmount: '$1,413.22' })).toEqual(['piawe', 'weeklyAmount']);
    expect(badPaths({ ...data, recipient: { party: 'doctor', name: 'Dr X' } })).toEqual(['recipient.party']);
    expect(badPaths({ ...data, decidedOn: '2026-07-28' })).toEqual(['decidedOn']);
    expect(badPaths({ ...data, decidedOn: '2026-08-13' })).toEqual(['issuedOn']);
    expect(badPaths({ ...data, decidedOn: '11 August 2026', extra: 1 })).toEqual(expect.arrayContaining(['decidedOn', '']));
    expect(badPaths({ ...data, contact: { caseManager: 'Fitz', phone: '02 7300 6612' } })).toEqual(['contact.email']);
    expect(badPaths({ ...data, recipient: { ...data.recipient, address: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] } })).toEqual(['recipient.address']);
  });
});
