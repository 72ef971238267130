import { pdfText } from '../testing/pdf-text';
import { informationRequestData, informationRequestV2 } from './information-request';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0003368',
  issuedOn: '2026-07-20',
  notifier: { party: 'employer', name: 'Ironbark Civil Works Pty Ltd' },
  worker: { givenName: 'Bartholomew', familyName: 'Achterberg' },
  notifiedOn: '2026-07-20',
  missingItems: ["The worker's date of birth", 'A description of how the injury happened', 'The policy number of your workers compensation insurance'],
  sendBy: '2026-07-27',
  contact: { caseManager: 'Saoirse Delacroix', phone: '02 8016 5530', email: 'newclaims@claims.example' },
};
const compose = (d: unknown) => informationRequestV2.compose(informationRequestData.parse(d), LOCAL_INSURER);
const textOf = (d: unknown) => letterText(compose(d));
const badPaths = (d: unknown) => {
  const r = informationRequestData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('information request v2', () => {
  it('lists every missing item, the date to send them by, how to send them, and that the claim cannot be fully assessed without them', async () => {
    const text = await textOf(data);
    expect(text).toContain('Dear Ironbark Civil Works Pty Ltd,');
    expect(text).toContain('WC0003368');
    expect(text).toContain('about the injury to Bartholomew Achterberg.');
    expect(text).toContain('What we need from you');
    for (const item of data.missingItems) expect(text).toContain(item);
    expect(text).toContain('Please send these to us by 27 July 2026.');
    expect(text).toContain('By email to newclaims@claims.example');
    // The insurer's reply address (configuration), not a field of the notice.
    expect(text).toContain('By post to Locked Bag 1, Sydney NSW 2001');
    expect(text).toContain('call Saoirse Delacroix on 02 8016 5530');
    expect(text).toContain('We cannot fully assess the claim until we have everything listed above.');
    expect(text).toContain('The case manager for this claim is Saoirse Delacroix.');
    expect(text).not.toContain('Independent Review Office');
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Saoirse Delacroix', 'Case manager']);
  });

  it('is addressed to the notifier, with their postal address when the claim records one', () => {
    const letter = compose({ ...data, notifier: { ...data.notifier, address: ['PO Box 12', 'Wollongong NSW 2500'] } });
    expect(letter.recipient).toEqual(['Ironbark Civil Works Pty Ltd', 'PO Box 12', 'Wollongong NSW 2500']);
    expect(compose(data).recipient).toEqual(['Ironbark Civil Works Pty Ltd']);
  });

  it('writes to a worker about their own injury, and copes without a name or date of injury', async () => {
    const text = await textOf({
      ...data,
      notifier: { party: 'worker', name: 'Bartholomew Achterberg' },
      dateOfInjury: '2026-07-14',
    });
    expect(text).toContain('Thank you for telling us on 20 July 2026 about your injury on 14 July 2026.');
    expect(text).toContain('Your case manager is Saoirse Delacroix.');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76');
    const { worker: _worker, ...anonymous } = data;
    expect(await textOf({ ...anonymous, notifier: { party: 'other', name: 'Nadia Ferreira' } })).toContain('about a work injury.');
  });

  it('puts the claim number and the template version in every page footer', async () => {
    const lines = pdfText(await renderLetter(informationRequestV2, compose(data), { compress: false })).split('\n');
    const footers = lines.filter((l) => /\|\s+page \d+ of \d+\s+\|/.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0003368\s+\|\s+page \d+ of \d+\s+\|\s+information-request@v2$/);
  });

  it('refuses bad data, naming each field', () => {
    expect(badPaths(data)).toEqual([]);
    expect(badPaths({ ...data, missingItems: [] })).toEqual(['missingItems']);
    expect(badPaths({ ...data, missingItems: ['Payslips', ''] })).toEqual(['missingItems.1']);
    expect(badPaths({ ...data, missingItems: ['Payslips', 'payslips'] })).toEqual(['missingItems.1']);
    expect(badPaths({ ...data, sendBy: '2026-07-19' })).toEqual(['sendBy']);
    expect(badPaths({ ...data, sendBy: '27/07/2026', extra: 1 })).toEqual(expect.arrayContaining(['sendBy', '']));
    expect(badPaths({ ...data, notifier: { party: 'insurer', name: 'X' } })).toEqual(['notifier.party']);
    expect(badPaths({ ...data, contact: { ...data.contact, email: 'newclaims' } })).toEqual(['contact.email']);
    expect(badPaths({ ...data, contact: { ...data.contact, phone: 'TBC' } })).toEqual(['contact.phone']);
    expect(badPaths({ ...data, contact: { ...data.contact, postalAddress: 'PO Box 1' } })).toEqual(['contact']);
    expect(badPaths({ ...data, notifier: { ...data.notifier, address: ['PO Box 12'] } })).toEqual(['notifier.address']);
    expect(badPaths({ ...data, issuedOn: '2026-07-19' })).toEqual(['issuedOn']);
  });
});
