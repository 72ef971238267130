import { pdfText } from '../testing/pdf-text';
import { contactRequestData, contactRequestV2 } from './contact-request';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0009154',
  issuedOn: '2026-06-11',
  recipient: { party: 'worker', name: 'Anneliese Whitcombe' },
  worker: { givenName: 'Anneliese', familyName: 'Whitcombe' },
  dateOfInjury: '2026-06-01',
  attemptedOn: ['2026-06-09', '2026-06-05', '2026-06-09', '2026-06-10'],
  contact: { caseManager: 'Kwame Ashdown', phone: '1300 418 227', email: 'kwame.ashdown@claims.example' },
  respondBy: '2026-06-18',
};
const compose = (d: unknown) => contactRequestV2.compose(contactRequestData.parse(d), LOCAL_INSURER);
const textOf = (d: unknown) => letterText(compose(d));
const badPaths = (d: unknown) => {
  const r = contactRequestData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('contact request v2', () => {
  it('says we tried to call (each date once, in order), why we need to talk, and how and by when to contact the case manager', async () => {
    const text = await textOf(data);
    expect(text).toContain('Dear Anneliese Whitcombe,');
    expect(text).toContain('WC0009154');
    expect(text).toContain('We tried to contact you by phone about your injury at work on 1 June 2026, but we could not reach you. We tried on these days: 5 June 2026 9 June 2026 10 June 2026');
    expect(text.match(/9 June 2026/g)).toHaveLength(1);
    expect(text).toContain('Why we need to talk to you');
    expect(text).toContain('Kwame Ashdown is the case manager for your workers compensation claim. When a claim starts, we speak with the worker, the employer and the treating doctor');
    expect(text).toContain('what treatment and support you need');
    expect(text).toContain('Please call or email Kwame Ashdown by 18 June 2026: their details are below.');
    expect(text).toContain('Please contact us by 18 June 2026');
    expect(text).toContain(
      'Your case manager is Kwame Ashdown. If you have a question about this letter, or think something in it is wrong, call Kwame Ashdown on 1300 418 227 or email kwame.ashdown@claims.example.',
    );
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76');
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Kwame Ashdown', 'Case manager']);
  });

  it('writes to the employer and doctor about the worker, and names a single attempt in the sentence', async () => {
    const employer = await textOf({ ...data, recipient: { party: 'employer', name: 'Saltbush Bakery Co' }, attemptedOn: ['2026-06-05'] });
    expect(employer).toContain('Dear Saltbush Bakery Co,');
    expect(employer).toContain('We tried to contact you by phone on 5 June 2026 about the injury Anneliese Whitcombe had at work on 1 June 2026');
    expect(employer).toContain("Kwame Ashdown is the case manager for Anneliese Whitcombe's workers compensation claim.");
    expect(employer).toContain('duties Anneliese Whitcombe could do safely while recovering');
    expect(employer).toContain('The case manager for this claim is Kwame Ashdown.');
    expect(employer).not.toContain('Independent Review Office');
    const doctor = await textOf({ ...data, recipient: { party: 'doctor', name: 'Dr Soren Pillai' } });
    expect(doctor).toContain("Anneliese Whitcombe's capacity for work and expected recovery");
  });

  it('puts the claim number and the template version in every page footer', async () => {
    const lines = pdfText(await renderLetter(contactRequestV2, compose(data), { compress: false })).split('\n');
    const footers = lines.filter((l) => /\|\s+page \d+ of \d+\s+\|/.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0009154\s+\|\s+page \d+ of \d+\s+\|\s+contact-request@v2$/);
  });

  it('refuses bad data, naming each field', () => {
    expect(badPaths(data)).toEqual([]);
    expect(badPaths({ ...data, recipient: { party: 'insurer', name: 'X' }, extra: 1 })).toEqual(expect.arrayContaining(['recipient.party', '']));
    expect(badPaths({ ...data, attemptedOn: [] })).toEqual(['attemptedOn']);
    expect(badPaths({ ...data, attemptedOn: ['2026-06-05', '2026-06-31'] })).toEqual(['attemptedOn.1']);
    expect(badPaths({ ...data, attemptedOn: ['2026-06-12'] })).toEqual(['attemptedOn.0']);
    expect(badPaths({ ...data, respondBy: '2026-06-10' })).toEqual(['respondBy']);
    expect(badPaths({ ...data, contact: { caseManager: 'Kwame Ashdown', phone: '', email: 'kwame' } })).toEqual(expect.arrayContaining(['contact.phone', 'contact.email']));
  });
});
