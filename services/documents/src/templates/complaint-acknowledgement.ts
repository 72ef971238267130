import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, signOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import { IRO, SIRA } from './independent-help';
import type { NoticeTemplate } from './template';
import { claimContact, email, personName, phone, postalAddress, text } from './fields';

export const complaintAcknowledgementData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    /** Who made the complaint: the worker, or someone for an employer or other party (then `organisation`). */
    complainant: personName.extend({ organisation: text.optional(), address: postalAddress.optional() }).strict(),
    receivedOn: localDate,
    /** The complaint as we understood it, in a few plain sentences, so the complainant can correct us. */
    summary: z.string().trim().min(1, 'must not be empty').max(600, 'must be at most 600 characters (a short summary)'),
    /** The person managing the complaint (program 8: we give their name and contact details); they sign the letter. */
    handler: z.object({ name: text, role: text, phone, email }).strict(),
    /** When we will respond; a later date is a new `complaint.extended` and a new letter. */
    respondBy: localDate,
    /** The claim's case manager, for anything else about the claim. */
    contact: claimContact,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.issuedOn < d.receivedOn) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before receivedOn' });
    if (d.respondBy < d.issuedOn) ctx.addIssue({ code: 'custom', path: ['respondBy'], message: 'is before issuedOn' });
  });
export type ComplaintAcknowledgementData = z.infer<typeof complaintAcknowledgementData>;

/**
 * Sent to whoever complained. The program commits us to acknowledge a complaint within two
 * business days, name the person managing it with their contact details, and set a date for a
 * resolution (program 8; docs/rules.md §4 `complaint.acknowledgement`, `complaint.resolution`); the
 * escalation options are program 8's "unresolved complaints", as the bodies stand today.
 */
export const complaintAcknowledgementV2: NoticeTemplate<'complaint-acknowledgement', ComplaintAcknowledgementData> = {
  kind: 'complaint-acknowledgement',
  name: 'complaint-acknowledgement',
  version: 2,
  data: complaintAcknowledgementData,
  compose(d, insurer) {
    const name = fullName(d.complainant);
    const h = d.handler;
    return {
      title: `We have received your complaint: claim ${d.claimNumber}`,
      subject: `Acknowledgement of a complaint about workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(name, [...(d.complainant.organisation ? [d.complainant.organisation] : []), ...(d.complainant.address ?? [])]),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${name},`,
      body: [
        { kind: 'heading', text: 'We have received your complaint' },
        {
          kind: 'paragraph',
          text: `Thank you for telling us that you are unhappy. We received your complaint on ${longDate(d.receivedOn)}. We want to put things right where we can, and what you have told us helps us do better.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Complaint received', longDate(d.receivedOn)],
            ['Handled by', `${h.name}, ${h.role}`],
            ['Phone', h.phone],
            ['Email', h.email],
            ['We will respond by', longDate(d.respondBy)],
          ],
        },
        { kind: 'heading', text: 'What we understand your complaint is about' },
        { kind: 'paragraph', text: d.summary },
        {
          kind: 'paragraph',
          text: `If we have misunderstood anything, or there is more you want us to know, please tell ${h.name} as soon as you can.`,
        },
        { kind: 'heading', text: 'Who is handling your complaint' },
        {
          kind: 'paragraph',
          text: `${h.name}, ${h.role}, is looking into your complaint and will keep you up to date. You can call them on ${h.phone} or email them at ${h.email}. Please quote your claim number, ${d.claimNumber}.`,
        },
        { kind: 'heading', text: 'When we will respond' },
        {
          kind: 'paragraph',
          text: `We will give you our response by ${longDate(d.respondBy)}. If we need more time, for example because we are waiting for information from someone else, we will tell you before then why it is taking longer and give you a new date.`,
        },
        {
          kind: 'paragraph',
          text: 'Making a complaint will not change how we handle the claim or the way we treat you.',
        },
        { kind: 'heading', text: 'If you are not happy with our response' },
        {
          kind: 'bullets',
          items: [
            `You can ask for a more senior person here to look at your complaint again. Just tell ${h.name}.`,
            `If you are the injured worker, you can contact the ${IRO.name} on ${IRO.phone} or at ${IRO.web}. It is independent of us, its help is free, and it looks into complaints from workers about insurers.`,
            `If you are an employer or anyone else involved in the claim, you can contact the ${SIRA.name}, which regulates workers compensation insurers in NSW, at ${SIRA.web}.`,
          ],
        },
        // The complaint may be about the case manager: they are the contact for the rest of the claim only.
        ...whoToContact('complaint-acknowledgement', 'other', d.contact, d.claimNumber, insurer, `For anything about the claim other than your complaint (which ${h.name} is handling)`),
      ],
      // Program 8: the person managing the complaint writes to the complainant.
      closing: signOff(h),
    };
  },
};
