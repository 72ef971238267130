import { z } from 'zod';
import { EXCUSE_REASONS, localDate } from '@wc/contracts';
import { addressed, signOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { NoticeTemplate } from './template';
import { claimContact, longText, signatory, text, workerAddressee } from './fields';

export type ExcuseReason = (typeof EXCUSE_REASONS)[number];

/**
 * Each excuse in words the worker can act on: a short name for the facts table and what it means
 * for them. Written for this notice, one entry per EXCUSE_REASONS value (the compiler checks all are here).
 */
const EXCUSES: Record<ExcuseReason, { label: string; meaning: string; helps: string }> = {
  'insufficient-medical-information': {
    label: 'Not enough medical information',
    meaning: 'We do not yet have enough medical information to understand your injury. For example, we have not received a certificate of capacity from your doctor that says what your injury is.',
    helps: 'a certificate of capacity from your doctor that says what your injury is and how it affects your work',
  },
  'unable-to-contact-worker': {
    label: 'We could not contact you',
    meaning: 'We tried several times to contact you but could not reach you, so we have not been able to talk with you about your injury and how it happened.',
    helps: 'a phone number and a time of day when we can reach you',
  },
  'late-notification': {
    label: 'We were told about the injury late',
    meaning: 'We were told about your injury a long time after it happened. We need more time to find out what happened and how the injury affects you now.',
    helps: 'anything that shows when and how you were hurt, and when you first saw a doctor about it',
  },
  'not-a-worker': {
    label: 'It is not clear that you are a worker',
    meaning:
      'From what we know so far, it is not clear that you were employed as a worker when you were hurt. For example, you may have been working as a contractor running your own business. We need to check this first.',
    helps: 'your employment contract, payslips or anything else that shows how you were engaged and paid',
  },
  'refused-access-to-information': {
    label: 'We could not get the information we need',
    meaning: 'You have not agreed to let us get information we need to understand your injury, such as your medical records.',
    helps: 'a signed authority letting us get the medical and other information we need about this injury',
  },
  'not-work-related': {
    label: 'The injury may not be related to work',
    meaning: 'From what we know so far, your injury may not have been caused by your work. We need to look into this further.',
    helps: 'anything that shows how your work caused or contributed to the injury, such as a statement of what happened or the names of witnesses',
  },
  'no-weekly-payments-required': {
    label: 'No weekly payments are needed',
    meaning: 'From what we know, you have not needed time off work and your pay has not been affected by the injury, so there are no weekly payments to make at this stage.',
    helps: 'a certificate of capacity if your doctor says you cannot do your usual work or hours',
  },
};

export const reasonableExcuseData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    worker: workerAddressee,
    employer: z.object({ name: text }).strict(),
    dateOfInjury: localDate,
    /** When we were first told about the injury (the excuse is about what we knew then). */
    notificationDate: localDate,
    reason: z.enum(EXCUSE_REASONS, { error: `must be one of ${EXCUSE_REASONS.join(', ')}` }),
    /** What the case manager wants to add about this claim, in plain words. */
    details: longText.optional(),
    /** Who the worker talks to (the claim is sent to them or to the insurer's reply address). */
    contact: claimContact,
    /** Who decided not to start payments (a liability decision, program 4.4): they sign the notice. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.notificationDate < d.dateOfInjury) ctx.addIssue({ code: 'custom', path: ['notificationDate'], message: 'is before dateOfInjury' });
    if (d.issuedOn < d.notificationDate) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before notificationDate' });
  });
export type ReasonableExcuseData = z.infer<typeof reasonableExcuseData>;

/**
 * WIMWCA 1998 s268: when the insurer does not start provisional payments within 7 days because it
 * has a reasonable excuse, the worker must be told the excuse, that they may make a claim, that a
 * claim will be determined within 21 days of being made, and how to make one. Without this notice
 * the worker would not know that the quiet after notifying is not a refusal, nor what to do next.
 */
export const reasonableExcuseV2: NoticeTemplate<'reasonable-excuse', ReasonableExcuseData> = {
  kind: 'reasonable-excuse',
  name: 'reasonable-excuse',
  version: 2,
  data: reasonableExcuseData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const excuse = EXCUSES[d.reason];
    const c = d.contact;
    return {
      title: `Why weekly payments have not started on claim ${d.claimNumber}`,
      subject: `Reasonable excuse for not starting provisional payments, claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(worker, d.worker.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        { kind: 'heading', text: 'Why we have not started weekly payments' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Employer', d.employer.name],
            ['Date of injury', longDate(d.dateOfInjury)],
            ['We were told on', longDate(d.notificationDate)],
            ['Our reason', excuse.label],
          ],
        },
        {
          kind: 'paragraph',
          text: `On ${longDate(d.notificationDate)} we were told that you were injured at work on ${longDate(d.dateOfInjury)} while working for ${d.employer.name}. When we are told about a work injury, we usually start weekly payments and pay for medical treatment within 7 days, before we decide whether to accept the claim. The law lets us hold off doing this when we have a reasonable excuse. We have one, and this letter explains it.`,
        },
        { kind: 'paragraph', text: `Our reason: ${excuse.meaning}` },
        ...(d.details ? [{ kind: 'paragraph' as const, text: `More about your situation: ${d.details}` }] : []),
        {
          kind: 'paragraph',
          text: 'This is not a decision to refuse your claim. It only means we are not starting payments yet.',
        },
        { kind: 'heading', text: 'You can make a claim' },
        {
          kind: 'paragraph',
          text: 'You can still make a claim for workers compensation. If you do, we will decide your claim within 21 days of the day you make it, and we will tell you our decision in writing.',
        },
        { kind: 'heading', text: 'How to make a claim' },
        { kind: 'paragraph', text: 'To make a claim, send us:' },
        {
          kind: 'bullets',
          items: [
            'a completed workers compensation claim form (ask us and we will send you one)',
            'a certificate of capacity from your doctor',
            `${excuse.helps}, as this will help us with the reason above`,
            'receipts for any treatment or travel costs caused by your injury',
          ],
        },
        {
          kind: 'paragraph',
          text: `Email them to ${c.email}, or post them to ${insurer.replyAddress}. Please write your claim number, ${d.claimNumber}, on everything you send.`,
        },
        ...whoToContact('reasonable-excuse', 'worker', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
