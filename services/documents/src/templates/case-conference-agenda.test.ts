import { pdfText } from '../testing/pdf-text';
import { caseConferenceAgendaData, caseConferenceAgendaV2 } from './case-conference-agenda';
import { letterText } from './letter-text';
import { LOCAL_INSURER } from './letterhead';
import { renderLetter } from './render';

const data = {
  claimNumber: 'WC0071123',
  issuedOn: '2026-07-01',
  worker: { givenName: 'Caspian', familyName: 'Mwangi' },
  conference: {
    on: '2026-07-08',
    startsAt: '14:30',
    endsAt: '15:45',
    place: 'Meeting room 3, Tallowwood Freight, 18 Quarry Road, Wetherill Park NSW 2164',
    dialIn: 'Phone 02 9555 0321, meeting code 448 2190',
  },
  participants: [
    { name: 'Caspian Mwangi', role: 'Injured worker' },
    { name: 'Rosalind Achebe', role: 'Warehouse supervisor, Tallowwood Freight' },
    { name: 'Dr Evander Pike', role: 'Nominated treating doctor' },
    { name: 'Soraya Lindqvist', role: 'Case manager' },
  ],
  purpose: 'To agree a plan for Caspian to return to forklift duties, building up from four hours a day.',
  agenda: ['What Caspian can safely do now, according to Dr Pike', 'Duties available in the dispatch bay', 'Hours and a timetable for building up'],
  prepare: ['Dr Pike: your latest certificate of capacity', 'Rosalind: a list of dispatch bay tasks and their physical demands'],
  contact: { caseManager: 'Soraya Lindqvist', phone: '02 9555 0149', email: 'soraya.lindqvist@example.org' },
};
const t = caseConferenceAgendaV2;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');
const compose = (d: unknown) => t.compose(caseConferenceAgendaData.parse(d), LOCAL_INSURER);
const pdf = async (d: unknown) => renderLetter(t, compose(d), { compress: false });
const FOOTER = /\|\s+page \d+ of \d+\s+\|/;
const render = async (d: unknown) => letterText(compose(d));
const paths = (d: unknown) => {
  const r = caseConferenceAgendaData.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('case-conference-agenda v2 (case conference guide)', () => {
  it('is the case-conference-agenda kind, version 2', () => {
    expect([t.kind, t.name, t.version]).toEqual(['case-conference-agenda', 'case-conference-agenda', 2]);
  });

  it('prints the claim number and the template on the foot of each page', async () => {
    const footers = pdfText(await pdf(data))
      .split('\n')
      .filter((l) => FOOTER.test(l));
    expect(footers.length).toBeGreaterThan(0);
    for (const l of footers) expect(l).toMatch(/^Claim number WC0071123\s+\|\s+page \d+ of \d+\s+\|\s+case-conference-agenda@v2$/);
  });

  it('prints the date, time, place and dial-in of the conference', async () => {
    const text = await render(data);
    expect(text).toContain('Date 8 July 2026');
    expect(text).toContain('Time 2:30 pm to 3:45 pm');
    expect(text).toContain('Place Meeting room 3, Tallowwood Freight, 18 Quarry Road, Wetherill Park NSW 2164');
    expect(text).toContain('Or join by phone or video Phone 02 9555 0321, meeting code 448 2190');
    expect(text).toContain("about Caspian Mwangi's workers compensation claim");
    expect(text).toContain('Claim number WC0071123');
    expect(oneLine(pdfText(await pdf(data)))).toContain('1 July 2026');
  });

  it('lists the participants with their roles, the purpose and the agenda items', async () => {
    const text = await render(data);
    for (const p of data.participants) expect(text).toContain(`${p.name}, ${p.role}`);
    expect(text).toContain('Why we are meeting');
    expect(text).toContain(data.purpose);
    expect(text).toContain('What Caspian can safely do now, according to Dr Pike');
    expect(text).toContain('Duties available in the dispatch bay');
    expect(text).toContain('Hours and a timetable for building up');
  });

  it('says what to bring or prepare and who to contact to change it', async () => {
    const text = await render(data);
    expect(text).toContain('What to bring or prepare');
    expect(text).toContain('Dr Pike: your latest certificate of capacity');
    expect(text).toContain('Rosalind: a list of dispatch bay tasks and their physical demands');
    expect(text).toContain('please tell the case manager, Soraya Lindqvist, as soon as you can: phone 02 9555 0149 or email soraya.lindqvist@example.org.');
  });

  it('ends with the case manager to contact, and the IRO for the worker among the participants', async () => {
    const text = await render(data);
    expect(text).toContain('The case manager for this claim is Soraya Lindqvist. If you have a question about this letter');
    expect(text).toContain('If you are the injured worker, you can get free, independent help from the Independent Review Office (IRO) on 13 94 76');
    expect(compose(data).closing).toEqual(['Yours sincerely,', 'Soraya Lindqvist', 'Case manager']);
  });

  it('prints a dial-in only conference, and a start time without an end', async () => {
    const text = await render({ ...data, conference: { on: '2026-07-08', startsAt: '09:05', dialIn: 'Video link sent by email on 6 July' } });
    expect(text).toContain('Time 9:05 am');
    expect(text).not.toContain('9:05 am to');
    expect(text).toContain('Join by phone or video Video link sent by email on 6 July');
    expect(text).not.toContain('Place ');
    const noon = await render({ ...data, conference: { ...data.conference, startsAt: '12:00', endsAt: '12:30' } });
    expect(noon).toContain('Time 12:00 pm to 12:30 pm');
  });

  it('needs a place or a dial-in, and an end after the start', () => {
    expect(paths({ ...data, conference: { on: '2026-07-08', startsAt: '14:30' } })).toEqual(['conference.place']);
    expect(paths({ ...data, conference: { ...data.conference, endsAt: '14:30' } })).toEqual(['conference.endsAt']);
  });

  it('refuses a conference before the agenda date', () => {
    expect(paths({ ...data, conference: { ...data.conference, on: '2026-06-30' } })).toEqual(['conference.on']);
  });

  it('names each bad field', () => {
    expect(paths({ ...data, conference: { ...data.conference, startsAt: '2:30pm' }, participants: [data.participants[0]], agenda: [], prepare: [], extra: 1 })).toEqual(
      expect.arrayContaining(['conference.startsAt', 'participants', 'agenda', 'prepare', '']),
    );
    expect(paths({ ...data, participants: [...data.participants, { name: 'Nobody' }], contact: { ...data.contact, email: 'x' } })).toEqual(
      expect.arrayContaining(['participants.4.role', 'contact.email']),
    );
  });
});
