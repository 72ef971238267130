import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, caseManagerSignOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, personName, text, recipientOf } from './fields';

/** The three parties the case manager must reach first (program 4.1; docs/rules.md §4 `initial-contact.*`). */
const PARTIES = ['worker', 'employer', 'doctor'] as const;
type Party = (typeof PARTIES)[number];

/** a is earlier than b; false when either is not a real date (that field already has its own issue). */
const before = (a: string, b: string) => localDate.safeParse(a).success && localDate.safeParse(b).success && a < b;

export const contactRequestData = z
  .object({
    claimNumber: text,
    issuedOn: localDate,
    recipient: recipientOf(PARTIES),
    worker: personName,
    dateOfInjury: localDate,
    /** The days we tried to reach the recipient (by phone); printed once each, earliest first. */
    attemptedOn: z.array(localDate).min(1, 'must list at least one date we tried').max(20, 'must have at most 20 entries'),
    /** The case manager the recipient is asked to call. */
    contact: claimContact,
    respondBy: localDate,
  })
  .strict()
  .superRefine((d, ctx) => {
    d.attemptedOn.forEach((day, i) => {
      if (before(d.issuedOn, day)) ctx.addIssue({ code: 'custom', path: ['attemptedOn', i], message: 'is after issuedOn' });
      if (before(day, d.dateOfInjury)) ctx.addIssue({ code: 'custom', path: ['attemptedOn', i], message: 'is before dateOfInjury' });
    });
    if (before(d.respondBy, d.issuedOn)) ctx.addIssue({ code: 'custom', path: ['respondBy'], message: 'is before issuedOn' });
  });
export type ContactRequestData = z.infer<typeof contactRequestData>;

/** Why the case manager needs to speak with each party (the purposes of early contact, program 4.1). */
const WHY: Record<Party, (worker: string) => string[]> = {
  worker: () => [
    'how you are, and what treatment and support you need',
    'your work and how we can help you stay at work or get back to it safely',
    'anything we need to know to make a decision about your claim',
  ],
  employer: (w) => [
    `how the injury happened and what ${w} did at work before it`,
    `duties ${w} could do safely while recovering`,
    'anything else we need to make a decision about the claim, such as pay details',
  ],
  doctor: (w) => [`${w}'s diagnosis and the treatment you recommend`, `${w}'s capacity for work and expected recovery`, 'how we can support a safe return to work'],
};

/**
 * Written request to call us, sent to the worker, employer or nominated treating doctor the case
 * manager could not reach by phone. Program 4.1 requires contact with each of them within three
 * business days of a significant injury being notified and, failing that, written correspondence
 * asking them to get in touch; docs/rules.md §4 sends it when that contact obligation is escalated.
 */
export const contactRequestV2: NoticeTemplate<'contact-request', ContactRequestData> = {
  kind: 'contact-request',
  name: 'contact-request',
  version: 2,
  data: contactRequestData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const party = d.recipient.party;
    const days = [...new Set(d.attemptedOn)].sort().map(longDate);
    const c = d.contact;
    const about = party === 'worker' ? `your injury at work on ${longDate(d.dateOfInjury)}` : `the injury ${worker} had at work on ${longDate(d.dateOfInjury)}`;
    const tried: Block =
      days.length === 1
        ? { kind: 'paragraph', text: `We tried to contact you by phone on ${days[0]} about ${about}, but we could not reach you.` }
        : { kind: 'paragraph', text: `We tried to contact you by phone about ${about}, but we could not reach you. We tried on these days:` };

    return {
      title: `Please contact us about claim ${d.claimNumber}`,
      subject: `Request to contact your case manager about workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(d.recipient.name, d.recipient.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${d.recipient.name},`,
      body: [
        { kind: 'heading', text: 'Please contact us' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Date of injury', longDate(d.dateOfInjury)],
            ['Case manager', c.caseManager],
            ['Please contact us by', longDate(d.respondBy)],
          ],
        },
        tried,
        ...(days.length > 1 ? [{ kind: 'bullets', items: days } as Block] : []),
        { kind: 'heading', text: 'Why we need to talk to you' },
        {
          kind: 'paragraph',
          text:
            party === 'worker'
              ? `${c.caseManager} is the case manager for your workers compensation claim. When a claim starts, we speak with the worker, the employer and the treating doctor so we can all work together on your recovery. We would like to talk with you about:`
              : `${c.caseManager} is the case manager for ${worker}'s workers compensation claim. When a claim starts, we speak with the worker, the employer and the treating doctor so we can all work together on the worker's recovery. We would like to talk with you about:`,
        },
        { kind: 'bullets', items: WHY[party](worker) },
        { kind: 'heading', text: 'How to contact us' },
        {
          kind: 'paragraph',
          text: `Please call or email ${c.caseManager} by ${longDate(d.respondBy)}: their details are below. If it suits you better, tell us a good time and number to call you, and we will call back.`,
        },
        {
          kind: 'paragraph',
          text: 'Until we speak with you, we will keep trying to contact you. If you have spoken with us since we sent this letter, thank you: you do not need to do anything more.',
        },
        ...whoToContact('contact-request', party === 'worker' ? 'worker' : 'other', c, d.claimNumber, insurer),
      ],
      closing: caseManagerSignOff(c),
    };
  },
};
