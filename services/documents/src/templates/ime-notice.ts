import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, caseManagerSignOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, longText, personName, text, recipientOf } from './fields';

/** 24-hour clock, Sydney time: `09:30`, `14:15`. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM (24-hour clock)');

/** Each of these is told about the examination in writing (program 4.9; docs/rules.md §4 `ime.notice`). */
const PARTIES = ['worker', 'employer', 'doctor'] as const;

/** a is earlier than b; false when either is not a real date (that field already has its own issue). */
const before = (a: string, b: string) => localDate.safeParse(a).success && localDate.safeParse(b).success && a < b;

export const imeNoticeData = z
  .object({
    claimNumber: text,
    issuedOn: localDate,
    recipient: recipientOf(PARTIES),
    worker: personName,
    /** Why we need an independent opinion, in plain words (the question the examiner is asked). */
    reason: longText,
    appointment: z.object({ date: localDate, time: clockTime }).strict(),
    place: z.object({ name: text.optional(), address: text }).strict(),
    examiner: z.object({ name: text, specialty: text }).strict(),
    /** The case manager: who arranges a new time if the worker cannot go. */
    contact: claimContact,
    /** Booked interpreter's language, if one has been booked. */
    interpreterLanguage: text.optional(),
    /** Things to bring beyond the usual list (e.g. a particular scan). */
    alsoBring: z.array(text).max(10, 'must have at most 10 entries').optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (before(d.appointment.date, d.issuedOn)) ctx.addIssue({ code: 'custom', path: ['appointment', 'date'], message: 'is before issuedOn' });
  });
export type ImeNoticeData = z.infer<typeof imeNoticeData>;

/** `14:05` → `2:05 pm`. */
function clock(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number);
  const half = h < 12 ? 'am' : 'pm';
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${half}`;
}

/**
 * Notice of an independent medical examination. Program 4.9 (following SIRA's guidelines on
 * independent medical examinations) requires the worker, employer and nominated treating doctor to
 * be told in writing, at least 10 working days ahead, with the reason for the referral made clear;
 * the worker also needs to know the practical side (where, when, costs, what to bring) so they can
 * go, because not going without a good reason suspends their compensation (WIMWCA s119(3)).
 */
export const imeNoticeV2: NoticeTemplate<'ime-notice', ImeNoticeData> = {
  kind: 'ime-notice',
  name: 'ime-notice',
  version: 2,
  data: imeNoticeData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const party = d.recipient.party;
    const you = party === 'worker';
    const when = `${clock(d.appointment.time)} on ${longDate(d.appointment.date)}`;
    const where = d.place.name ? `${d.place.name}, ${d.place.address}` : d.place.address;

    const opening: Block = {
      kind: 'paragraph',
      text: you
        ? `We have arranged for you to see an independent medical specialist, ${d.examiner.name}, about your injury. Please go to this appointment.`
        : party === 'employer'
          ? `We have arranged for your worker, ${worker}, to see an independent medical specialist, ${d.examiner.name}, about their injury. Please let ${worker} have the time they need to go to this appointment.`
          : `We are letting you know, as the nominated treating doctor of ${worker}, that we have arranged for ${worker} to see an independent medical specialist, ${d.examiner.name}.`,
    };

    const bring = [
      'photo identification, such as a driver licence',
      'any x-rays, scans and test results about the injury',
      'a list of current medicines',
      'glasses, hearing aids or other aids used day to day',
      ...(d.alsoBring ?? []),
    ];

    const practical: Block[] = [
      { kind: 'heading', text: 'Travel costs and what to bring' },
      {
        kind: 'paragraph',
        text: `${you ? 'We pay' : `We pay ${worker}'s`} reasonable travel costs to get to the appointment and back, such as public transport, taxi or car travel. ${you ? 'Please keep' : 'They should keep'} the receipts and send them to us. There is no charge for the examination itself.`,
      },
      { kind: 'paragraph', text: `${you ? 'Please bring' : `${worker} should bring`}:` },
      { kind: 'bullets', items: bring },
      {
        kind: 'paragraph',
        text: d.interpreterLanguage
          ? `We have booked an interpreter in ${d.interpreterLanguage} for the appointment, at no cost.`
          : `If ${you ? 'you need' : `${worker} needs`} an interpreter, please tell us and we will book and pay for one.`,
      },
    ];

    const roleNote: Block[] = you
      ? [
          {
            kind: 'paragraph',
            text: 'The specialist will not treat you. They will ask about your injury, may examine you, and will write a report for us. Your own doctor keeps looking after your treatment.',
          },
          {
            kind: 'paragraph',
            text: 'If you do not go to the appointment and do not have a good reason, your right to weekly payments and other compensation can be put on hold until the examination takes place. If you cannot go, tell us as soon as you can.',
          },
        ]
      : party === 'employer'
        ? [{ kind: 'paragraph', text: `The specialist will not treat ${worker}. They will give us an independent opinion to help us manage the claim.` }]
        : [
            {
              kind: 'paragraph',
              text: `The specialist will not treat ${worker}; you remain the treating doctor. If you have recent reports or test results that would help the specialist answer the question above, please send them to us before the appointment.`,
            },
          ];

    return {
      title: `Independent medical examination for ${worker}, claim ${d.claimNumber}`,
      subject: `Notice of independent medical examination on ${longDate(d.appointment.date)}, claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(d.recipient.name, d.recipient.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${d.recipient.name},`,
      body: [
        { kind: 'heading', text: 'Independent medical examination' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Date and time', when],
            ['Place', where],
            ['Specialist', `${d.examiner.name}, ${d.examiner.specialty}`],
          ],
        },
        opening,
        { kind: 'heading', text: 'Why we have arranged this' },
        { kind: 'paragraph', text: d.reason },
        ...roleNote,
        { kind: 'heading', text: 'The appointment' },
        {
          kind: 'bullets',
          items: [`When: ${when}`, `Where: ${where}`, `Who: ${d.examiner.name}, ${d.examiner.specialty}`],
        },
        ...practical,
        { kind: 'heading', text: 'To change the appointment' },
        {
          kind: 'paragraph',
          text: `If ${you ? 'you cannot' : `${worker} cannot`} go at this time, please contact the case manager, ${d.contact.caseManager}, on ${d.contact.phone} or at ${d.contact.email} as soon as possible, and quote claim number ${d.claimNumber}.`,
        },
        ...whoToContact('ime-notice', you ? 'worker' : 'other', d.contact, d.claimNumber, insurer),
      ],
      closing: caseManagerSignOff(d.contact),
    };
  },
};
