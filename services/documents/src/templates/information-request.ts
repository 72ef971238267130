import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, caseManagerSignOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, personName, postalAddress, text } from './fields';

/** a is earlier than b; false when either is not a real date (that field already has its own issue). */
const before = (a: string, b: string) => localDate.safeParse(a).success && localDate.safeParse(b).success && a < b;

/** Whoever told us about the injury: usually the worker or employer, sometimes a doctor or someone else. */
const NOTIFIERS = ['worker', 'employer', 'doctor', 'other'] as const;

export const informationRequestData = z
  .object({
    claimNumber: text,
    issuedOn: localDate,
    notifier: z.object({ party: z.enum(NOTIFIERS), name: text, address: postalAddress.optional() }).strict(),
    /** The injured worker, if the notification named them (it may be one of the missing items). */
    worker: personName.optional(),
    /** Likewise, if known. */
    dateOfInjury: localDate.optional(),
    /** When the incomplete notification reached us. */
    notifiedOn: localDate,
    /** What is missing, each in words the notifier will recognise. */
    missingItems: z.array(text).min(1, 'must list at least one missing item').max(30, 'must have at most 30 entries'),
    sendBy: localDate,
    /** Who to ask about the items: the case manager (the items go to them, or to the insurer's reply address). */
    contact: claimContact,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (before(d.issuedOn, d.notifiedOn)) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before notifiedOn' });
    if (before(d.sendBy, d.issuedOn)) ctx.addIssue({ code: 'custom', path: ['sendBy'], message: 'is before issuedOn' });
    if (d.dateOfInjury !== undefined && before(d.notifiedOn, d.dateOfInjury)) ctx.addIssue({ code: 'custom', path: ['notifiedOn'], message: 'is before dateOfInjury' });
    const seen = new Set<string>();
    d.missingItems.forEach((item, i) => {
      const key = item.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['missingItems', i], message: 'is listed twice' });
      seen.add(key);
    });
  });
export type InformationRequestData = z.infer<typeof informationRequestData>;

/**
 * Asks the notifier for what an incomplete injury notification lacked. SIRA's guidance (3.1) and
 * program 3.3.1 have the insurer ask at once; until the items arrive the claim cannot be fully
 * assessed and its time limits do not start (docs/rules.md §3: the notification date becomes the day
 * the information arrives), so the notifier must know exactly what to send, where, and by when.
 */
export const informationRequestV2: NoticeTemplate<'information-request', InformationRequestData> = {
  kind: 'information-request',
  name: 'information-request',
  version: 2,
  data: informationRequestData,
  compose(d, insurer) {
    const isWorker = d.notifier.party === 'worker';
    const worker = d.worker ? fullName(d.worker) : undefined;
    const whose = isWorker ? 'your injury' : worker ? `the injury to ${worker}` : 'a work injury';
    const injuryDate = d.dateOfInjury ? ` on ${longDate(d.dateOfInjury)}` : '';
    const c = d.contact;

    const facts: Array<[string, string]> = [['Claim number', d.claimNumber]];
    if (worker) facts.push(['Worker', worker]);
    if (d.dateOfInjury) facts.push(['Date of injury', longDate(d.dateOfInjury)]);
    facts.push(['We were told on', longDate(d.notifiedOn)], ['Please send by', longDate(d.sendBy)]);

    const how: Block[] = [
      { kind: 'heading', text: 'How to send it' },
      {
        kind: 'bullets',
        items: [`By email to ${c.email}`, `By post to ${insurer.replyAddress}`, `If you are not sure what we need, or cannot send something, call ${c.caseManager} on ${c.phone}`],
      },
      { kind: 'paragraph', text: `Please quote claim number ${d.claimNumber} on everything you send. Copies are fine; please keep the originals.` },
    ];

    return {
      title: `We need more information about claim ${d.claimNumber}`,
      subject: `Request for missing information, workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(d.notifier.name, d.notifier.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${d.notifier.name},`,
      body: [
        { kind: 'heading', text: 'We need more information' },
        { kind: 'facts', rows: facts },
        {
          kind: 'paragraph',
          text: `Thank you for telling us on ${longDate(d.notifiedOn)} about ${whose}${injuryDate}. Some of the information we need is missing, so we cannot yet fully assess the claim.`,
        },
        { kind: 'heading', text: 'What we need from you' },
        { kind: 'bullets', items: d.missingItems },
        { kind: 'paragraph', text: `Please send these to us by ${longDate(d.sendBy)}.` },
        ...how,
        { kind: 'heading', text: 'What happens next' },
        {
          kind: 'paragraph',
          text: `We cannot fully assess the claim until we have everything listed above. As soon as it arrives we will start work on the claim, and we will write to tell you what happens next. If you cannot send an item by ${longDate(d.sendBy)}, please contact ${c.caseManager} before then so we can talk about other ways to get it.`,
        },
        ...whoToContact('information-request', isWorker ? 'worker' : 'other', c, d.claimNumber, insurer),
      ],
      closing: caseManagerSignOff(c),
    };
  },
};
