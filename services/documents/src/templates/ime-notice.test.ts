import { pdfText } from '../testing/pdf-text';
import { imeNoticeData, imeNoticeV2 } from './ime-notice';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0005820',
  issuedOn: '2026-05-04',
  recipient: { party: 'worker', name: 'Rafael Quintero' },
  worker: { givenName: 'Rafael', familyName: 'Quintero' },
  reason: 'Your treating surgeon has asked us to pay for a second shoulder operation, and we need an independent opinion on whether it is reasonably necessary.',
  appointment: { date: '2026-05-25', time: '14:45' },
  place: { name: 'Parramatta Specialist Rooms', address: 'Level 7, 31 Wistaria Lane, Parramatta NSW 2150' },
  examiner: { name: 'Dr Yusuf Abernethy', specialty: 'orthopaedic surgeon' },
  contact: { caseManager: 'Leonie Faulkner', phone: '02 9188 4402', email: 'leonie.faulkner@claims.example' },
};
const compose = (d: unknown) => imeNoticeV2.compose(imeNoticeData.parse(d), LOCAL_INSURER);
const textOf = (d: unknown) => letterText(compose(d));
const badPaths = (d: unknown) => {
  const r = imeNoticeData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('IME notice v2', () => {
  it('prints the reason, date and time, place, examiner, travel costs, what to bring, whom to contact and the claim number', async () => {
    const text = await textOf(data);
    expect(text).toContain('Dear Rafael Quintero,');
    expect(text).toContain('WC0005820');
    expect(text).toContain('Why we have arranged this');
    expect(text).toContain('we need an independent opinion on whether it is reasonably necessary.');
    expect(text).toContain('When: 2:45 pm on 25 May 2026');
    expect(text).toContain('Where: Parramatta Specialist Rooms, Level 7, 31 Wistaria Lane, Parramatta NSW 2150');
    expect(text).toContain('Who: Dr Yusuf Abernethy, orthopaedic surgeon');
    expect(text).toContain('We pay reasonable travel costs to get to the appointment and back');
    expect(text).toContain('Please bring:');
    expect(text).toContain('photo identification, such as a driver licence');
    expect(text).toContain('If you need an interpreter, please tell us');
    expect(text).toContain('To change the appointment');
    expect(text).toContain('please contact the case manager, Leonie Faulkner, on 02 9188 4402 or at leonie.faulkner@claims.example');
    expect(text).toContain('quote claim number WC0005820');
    expect(text).toContain('Your case manager is Leonie Faulkner.');
    expect(text).toContain('Independent Review Office (IRO) on 13 94 76');
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Leonie Faulkner', 'Case manager']);
  });

  it('tells the employer and the doctor about the worker, with a booked interpreter and extra items', async () => {
    const extra = { interpreterLanguage: 'Portuguese', alsoBring: ['the sling you were given in hospital'] };
    const employer = await textOf({ ...data, ...extra, recipient: { party: 'employer', name: 'Brightwater Joinery Pty Ltd' } });
    expect(employer).toContain('Dear Brightwater Joinery Pty Ltd,');
    expect(employer).toContain('your worker, Rafael Quintero, to see an independent medical specialist, Dr Yusuf Abernethy');
    expect(employer).toContain("We pay Rafael Quintero's reasonable travel costs");
    expect(employer).toContain('Rafael Quintero should bring:');
    expect(employer).toContain('the sling you were given in hospital');
    expect(employer).toContain('We have booked an interpreter in Portuguese');
    expect(employer).toContain('If Rafael Quintero cannot go at this time');
    expect(employer).not.toContain('Independent Review Office');
    const doctor = await textOf({ ...data, recipient: { party: 'doctor', name: 'Dr Helena Mbeki', address: ['Suite 2, 9 Macquarie Street', 'Liverpool NSW 2170'] } });
    expect(doctor).toContain('as the nominated treating doctor of Rafael Quintero');
    expect(doctor).toContain('please contact the case manager, Leonie Faulkner, on 02 9188 4402 or at leonie.faulkner@claims.example as soon as possible');
    expect(doctor).toContain('Dr Helena Mbeki Suite 2, 9 Macquarie Street Liverpool NSW 2170 Dear Dr Helena Mbeki,');
  });

  it('puts the claim number and the template version in every page footer', async () => {
    const lines = pdfText(await renderLetter(imeNoticeV2, compose(data), { compress: false })).split('\n');
    const footers = lines.filter((l) => /\|\s+page \d+ of \d+\s+\|/.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/^Claim number WC0005820\s+\|\s+page \d+ of \d+\s+\|\s+ime\-notice@v2$/);
  });

  it('dates the PDF with the notice date', async () => {
    const raw = (await renderLetter(imeNoticeV2, compose(data), { compress: false })).toString('latin1');
    expect(raw.match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20260504000000Z)', '(D:20260504000000Z)']);
  });

  it('refuses bad data, naming each field', () => {
    expect(badPaths(data)).toEqual([]);
    expect(badPaths({ ...data, appointment: { date: '2026-05-32', time: '2:45pm' }, extra: true })).toEqual(expect.arrayContaining(['appointment.date', 'appointment.time', '']));
    expect(badPaths({ ...data, appointment: { date: '2026-05-01', time: '09:00' } })).toEqual(['appointment.date']);
    expect(badPaths({ ...data, recipient: { party: 'insurer', name: 'X' } })).toEqual(['recipient.party']);
    expect(badPaths({ ...data, reason: '  ' })).toEqual(['reason']);
    expect(badPaths({ ...data, examiner: { name: 'Dr Yusuf Abernethy' } })).toEqual(['examiner.specialty']);
    expect(badPaths({ ...data, place: { address: '' } })).toEqual(['place.address']);
    expect(badPaths({ ...data, contact: { caseManager: 'Leonie', phone: '02 9188 4402', email: 'not-an-email' } })).toEqual(['contact.email']);
    expect(badPaths({ ...data, contact: { caseManager: 'Leonie', phone: '02 9188 4402' } })).toEqual(['contact.email']);
  });
});
