import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, caseManagerSignOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { NoticeTemplate } from './template';
import { claimContact, text, workerAddressee } from './fields';

export const acknowledgementLetterData = z
  .object({
    claimNumber: text,
    /** The day the letter is written (the documents service holds it to today). */
    issuedOn: localDate,
    worker: workerAddressee,
    employer: z.object({ name: text, policyNumber: text }).strict(),
    dateOfInjury: localDate,
    notificationDate: localDate,
    contact: claimContact,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.notificationDate < d.dateOfInjury) ctx.addIssue({ code: 'custom', path: ['notificationDate'], message: 'is before dateOfInjury' });
    if (d.issuedOn < d.notificationDate) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before notificationDate' });
  });
export type AcknowledgementLetterData = z.infer<typeof acknowledgementLetterData>;

/**
 * Sent to the worker when a claim is notified: we have it, its number, what happens next, who to
 * contact. Dated the day it is written, which is the day the claim reaches the platform unless it
 * waited (for the case manager's directory entry, say).
 */
export const acknowledgementLetterV2: NoticeTemplate<'acknowledgement-letter', AcknowledgementLetterData> = {
  kind: 'acknowledgement-letter',
  name: 'acknowledgement-letter',
  version: 2,
  data: acknowledgementLetterData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    return {
      title: `We have received your claim ${d.claimNumber}`,
      subject: `Acknowledgement of workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(worker, d.worker.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        { kind: 'heading', text: 'We have received your claim' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Employer', `${d.employer.name} (policy ${d.employer.policyNumber})`],
            ['Date of injury', longDate(d.dateOfInjury)],
            ['We were told on', longDate(d.notificationDate)],
          ],
        },
        {
          kind: 'paragraph',
          text: `On ${longDate(d.notificationDate)} we were told that you were hurt at work on ${longDate(d.dateOfInjury)} while working for ${d.employer.name}. We have opened a workers compensation claim for you. Its number is ${d.claimNumber}. Please quote this number whenever you contact us or send us anything about your injury.`,
        },
        {
          kind: 'paragraph',
          text: 'This letter only confirms that we have your claim. It is not a decision about it. Whenever we make a decision about your claim, we will tell you in writing what we decided and why.',
        },
        { kind: 'heading', text: 'What happens next' },
        {
          kind: 'bullets',
          items: [
            `Your case manager, ${d.contact.caseManager}, will look after your claim. They may contact you, your employer and your doctor to understand your injury and what help you need.`,
            'If your injury keeps you from your usual work, we will work with you, your employer and your doctor on a plan to help you recover and get back to work safely.',
            'If we need anything from you, we will ask for it in writing and tell you when we need it by.',
            'Please send us each certificate of capacity your doctor gives you, and keep the receipts for any treatment or travel costs caused by your injury.',
          ],
        },
        ...whoToContact('acknowledgement-letter', 'worker', d.contact, d.claimNumber, insurer),
      ],
      closing: caseManagerSignOff(d.contact),
    };
  },
};
