import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { caseManagerSignOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, longText, personName, text } from './fields';

/** Sydney local time of day, 24-hour. */
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour), e.g. "14:30"');

const participant = z.object({ name: text, role: text }).strict();

export const caseConferenceAgendaData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    /** Whose claim the conference is about. */
    worker: personName,
    conference: z
      .object({
        on: localDate,
        startsAt: clock,
        endsAt: clock.optional(),
        /** Where to go, e.g. the workplace's meeting room and address. */
        place: text.optional(),
        /** How to join by phone or video: number, link, meeting code. */
        dialIn: text.optional(),
      })
      .strict(),
    participants: z.array(participant).min(2, 'must list at least two participants (a case conference is a meeting of the people involved)').max(30, 'must list at most 30 participants'),
    /** What the meeting is for: the outcome the parties want from it. */
    purpose: longText,
    agenda: z.array(longText).min(1, 'must have at least one item').max(30, 'must have at most 30 items'),
    /** What to bring or prepare. */
    prepare: z.array(longText).min(1, 'must say at least one thing to bring or prepare').max(20, 'must have at most 20 entries'),
    /** The case manager: who to tell to change the time or place, or if someone cannot come. */
    contact: claimContact,
  })
  .strict()
  .superRefine((d, ctx) => {
    const c = d.conference;
    if (c.place === undefined && c.dialIn === undefined)
      ctx.addIssue({ code: 'custom', path: ['conference', 'place'], message: 'is required when there is no dialIn (give a place, a dial-in or both)' });
    if (c.endsAt !== undefined && c.endsAt <= c.startsAt) ctx.addIssue({ code: 'custom', path: ['conference', 'endsAt'], message: 'is not after startsAt' });
    if (c.on < d.issuedOn) ctx.addIssue({ code: 'custom', path: ['conference', 'on'], message: 'is before issuedOn (the agenda goes out before the conference)' });
  });
export type CaseConferenceAgendaData = z.infer<typeof caseConferenceAgendaData>;

/** `14:30` → `2:30 pm`. */
function clockTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'am' : 'pm'}`;
}

/**
 * Sent to everyone taking part, before the conference. The case conference guide asks for a
 * written agenda in every participant's hands well beforehand so they can prepare, with the desired
 * outcome agreed in advance (hence `purpose`); docs/rules.md §4 `case-conference.agenda` makes it due
 * 3 business days before the conference.
 */
export const caseConferenceAgendaV2: NoticeTemplate<'case-conference-agenda', CaseConferenceAgendaData> = {
  kind: 'case-conference-agenda',
  name: 'case-conference-agenda',
  version: 2,
  data: caseConferenceAgendaData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const c = d.conference;
    const when = c.endsAt ? `${clockTime(c.startsAt)} to ${clockTime(c.endsAt)}` : `${clockTime(c.startsAt)}`;
    const where: Array<[string, string]> = [];
    if (c.place) where.push(['Place', c.place]);
    if (c.dialIn) where.push([c.place ? 'Or join by phone or video' : 'Join by phone or video', c.dialIn]);
    const remote: Block[] = c.dialIn
      ? [{ kind: 'paragraph', text: 'If you join by phone or video, you will have the same chance to speak as everyone else. Please join a few minutes early so that we can start on time.' }]
      : [];
    const k = d.contact;
    return {
      title: `Case conference agenda: claim ${d.claimNumber}`,
      subject: `Agenda for the case conference about workers compensation claim ${d.claimNumber}, ${longDate(c.on)}`,
      issuedOn: d.issuedOn,
      recipient: d.participants.map((p) => p.name),
      reference: `Claim number ${d.claimNumber}`,
      salutation: 'Dear participants,',
      body: [
        { kind: 'heading', text: 'Case conference: agenda' },
        {
          kind: 'paragraph',
          text: `You are invited to a case conference about ${worker}'s workers compensation claim. A case conference is a meeting of the people involved in a claim. It lets us talk through the issues together and agree what happens next. We are sending this agenda to everyone taking part so that you have time to prepare.`,
        },
        {
          kind: 'facts',
          rows: [['Claim number', d.claimNumber], ['Date', longDate(c.on)], ['Time', when], ...where],
        },
        { kind: 'heading', text: 'Who is taking part' },
        { kind: 'bullets', items: d.participants.map((p) => `${p.name}, ${p.role}`) },
        { kind: 'heading', text: 'Why we are meeting' },
        { kind: 'paragraph', text: d.purpose },
        { kind: 'heading', text: 'What we will talk about' },
        { kind: 'bullets', items: d.agenda },
        { kind: 'heading', text: 'What to bring or prepare' },
        { kind: 'bullets', items: d.prepare },
        { kind: 'heading', text: 'On the day' },
        {
          kind: 'paragraph',
          text: 'Everyone will have the chance to say what they think. We ask everyone to keep what is discussed confidential to the people involved in the claim. Before we finish, we will go over what has been agreed and who will do what, and each person can raise any concerns.',
        },
        ...remote,
        {
          kind: 'paragraph',
          text: 'After the conference we will send everyone a written summary of what was agreed, who is responsible for each action, and by when.',
        },
        { kind: 'heading', text: 'If you need to change something' },
        {
          kind: 'paragraph',
          text: `If you cannot attend, need a different time or place, or need an interpreter or other support to take part, please tell the case manager, ${k.caseManager}, as soon as you can: phone ${k.phone} or email ${k.email}.`,
        },
        ...whoToContact('case-conference-agenda', 'participants', k, d.claimNumber, insurer),
      ],
      closing: caseManagerSignOff(k),
    };
  },
};
