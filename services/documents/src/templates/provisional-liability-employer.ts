import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, signOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import { dollars, howToClaim, moneyAmount, periodText, provisionalPeriod } from './provisional-liability';
import type { NoticeTemplate } from './template';
import { claimContact, personName, postalAddress, signatory, text } from './fields';

export const provisionalLiabilityEmployerData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    employer: z.object({ name: text, policyNumber: text, attention: text.optional(), address: postalAddress.optional() }).strict(),
    worker: personName,
    dateOfInjury: localDate,
    provisionalPeriod,
    weeklyAmount: moneyAmount,
    /** The employer pays through its payroll (and is repaid by us), or we pay the worker directly. */
    paidBy: z.enum(['employer', 'insurer'], { error: 'must be one of employer, insurer' }),
    contact: claimContact,
    /** Who decided to start provisional payments: they sign the notice. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.provisionalPeriod.start < d.dateOfInjury) ctx.addIssue({ code: 'custom', path: ['provisionalPeriod', 'start'], message: 'is before dateOfInjury' });
  });
export type ProvisionalLiabilityEmployerData = z.infer<typeof provisionalLiabilityEmployerData>;

/**
 * SIRA Standards of practice 3.3: the employer is told when provisional payments start, for which
 * period, that an injury management plan follows if required, and that the worker may claim and
 * how, because the employer often pays the worker, holds the job open and has to play its part in
 * getting the worker back to work, none of which it can do without knowing payments have begun.
 */
export const provisionalLiabilityEmployerV2: NoticeTemplate<'provisional-liability-employer', ProvisionalLiabilityEmployerData> = {
  kind: 'provisional-liability-employer',
  name: 'provisional-liability-employer',
  version: 2,
  data: provisionalLiabilityEmployerData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const e = d.employer;
    const c = d.contact;
    const period = periodText(d.provisionalPeriod);
    return {
      title: `Provisional weekly payments for ${worker}, claim ${d.claimNumber}`,
      subject: `Notice to employer of provisional weekly payments, claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: e.attention ? [`Attention: ${e.attention}`, ...addressed(e.name, e.address)] : addressed(e.name, e.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: e.attention ? `Dear ${e.attention},` : 'Dear Sir or Madam,',
      body: [
        { kind: 'heading', text: 'Weekly payments have started on a provisional basis' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Employer', `${e.name} (policy ${e.policyNumber})`],
            ['Date of injury', longDate(d.dateOfInjury)],
            ['Provisional period', period],
            ['Weekly payment', dollars(d.weeklyAmount)],
          ],
        },
        {
          kind: 'paragraph',
          text: `${worker} was injured at work on ${longDate(d.dateOfInjury)}. We have started weekly payments for ${d.worker.givenName} on a provisional basis. This means we started them quickly while we find out more about the injury. It does not mean we have accepted the claim, and it is not an admission of liability.`,
        },
        { kind: 'heading', text: 'The provisional period' },
        {
          kind: 'paragraph',
          text: `Provisional payments can last for up to 12 weeks. These payments are for the period from ${period}, as long as ${d.worker.givenName}'s doctor certifies that the injury affects their ability to work.`,
        },
        {
          kind: 'paragraph',
          text:
            d.paidBy === 'employer'
              ? `Please pay ${d.worker.givenName} the weekly payment of ${dollars(d.weeklyAmount)} through your payroll on the usual pay day. We will pay you back.`
              : `We will pay ${d.worker.givenName} directly. You do not need to make these payments through your payroll.`,
        },
        { kind: 'heading', text: 'Injury management plan' },
        {
          kind: 'paragraph',
          text: `If the injury is a significant injury, meaning it is likely to keep ${d.worker.givenName} from working normally for more than 7 days in a row, we will prepare an injury management plan with ${d.worker.givenName}, you and the treating doctor. We will ask for your input and send you a copy.`,
        },
        { kind: 'heading', text: 'The worker can make a claim' },
        {
          kind: 'paragraph',
          text: `${d.worker.givenName} can make a claim for workers compensation at any time. We will decide it and tell you both in writing. To make a claim, the worker sends us:`,
        },
        ...howToClaim(c, d.claimNumber, insurer),
        {
          kind: 'paragraph',
          text: `If ${d.worker.givenName} gives you a claim form or a certificate, please send it to us straight away.`,
        },
        { kind: 'heading', text: 'What we need from you' },
        {
          kind: 'bullets',
          items: [
            `Keep ${d.worker.givenName}'s job open where it is reasonable to do so, and do not dismiss them because of the injury.`,
            `Help ${d.worker.givenName} get back to work: where you reasonably can, offer suitable duties that fit what the doctor says they can do.`,
            'Pass on to us straight away any certificate of capacity, medical report or claim form you receive about this injury.',
            `Tell us straight away if ${d.worker.givenName} returns to work, if their hours or pay change, or if they stop working for you.`,
            'Work with us, the worker and the treating doctor on the injury management plan and the return to work.',
          ],
        },
        ...whoToContact('provisional-liability-employer', 'other', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory, e.attention ? 'Yours sincerely,' : 'Yours faithfully,'),
    };
  },
};
