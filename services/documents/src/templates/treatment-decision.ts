import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { isDate } from './dates';
import { fullName, longDate, sentence } from './format';
import { addressed, signOff, whoToContact } from './contact';
import { IRO } from './independent-help';
import type { Block, NoticeTemplate } from './template';
import { claimContact, recipientOf, longText, money, personName, signatory, text } from './fields';

/** The outcome goes to the treatment provider and to the worker, one document each (docs/rules.md §5, §8.1). */
const PARTIES = ['provider', 'worker'] as const;
export const TREATMENT_DECISIONS = ['approved', 'declined'] as const;
export type TreatmentDecision = (typeof TREATMENT_DECISIONS)[number];

export const treatmentDecisionData = z
  .object({
    claimNumber: text,
    /** The date printed on the letter. */
    issuedOn: localDate,
    worker: personName,
    recipient: recipientOf(PARTIES),
    /** What was asked for, in plain words, e.g. "physiotherapy, 8 sessions". */
    treatment: text,
    /** Who asked for it, e.g. "Northside Physio". */
    provider: text,
    /** The day the request reached us. */
    requestedOn: localDate,
    /** The cost the provider quoted, dollars and cents, if they gave one. */
    estimatedCost: money.optional(),
    decision: z.enum(TREATMENT_DECISIONS, { error: `must be one of ${TREATMENT_DECISIONS.join(', ')}` }),
    decidedOn: localDate,
    /** Why we decided as we did: at least one when declined; optional when approved. */
    reasons: z.array(longText).max(20, 'must give at most 20 reasons').optional(),
    /** Limits on an approval, e.g. "8 sessions, to be used by 31 August 2026". Approvals only. */
    conditions: z.array(longText).min(1, 'must list at least one condition, or be left out').max(20, 'must list at most 20 conditions').optional(),
    contact: claimContact,
    /** Who decided the request: they sign the letter. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (isDate(d.decidedOn) && isDate(d.requestedOn) && d.decidedOn < d.requestedOn) issue(['decidedOn'], 'is before requestedOn');
    if (isDate(d.issuedOn) && isDate(d.decidedOn) && d.issuedOn < d.decidedOn) issue(['issuedOn'], 'is before decidedOn');
    if (d.decision === 'declined' && !d.reasons?.length) issue(['reasons'], 'must give at least one reason when the decision is declined');
    if (d.decision === 'declined' && d.conditions !== undefined) issue(['conditions'], 'must be left out when the decision is declined (conditions apply only to an approval)');
  });
export type TreatmentDecisionData = z.infer<typeof treatmentDecisionData>;

/** `760.00` → `$760.00`, `1234.50` → `$1,234.50`. */
function dollars(amount: string): string {
  const [whole, cents] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/**
 * The outcome of a request for medical or related treatment, to the provider who asked and to the
 * worker (one document each).
 *
 * - WIMWCA 1998 s279: a claim for medical expenses compensation is determined within 21 days; SIRA
 *   Standard of Practice S4 (and GN 6.1): the insurer acknowledges the request within 10 working
 *   days and tells the parties the outcome, with the reasons, within 2 working days of deciding
 *   (S4.3). This letter is that outcome; its dates are printed so the parties can see them.
 * - Workers Compensation Act 1987 s60(2A): no liability for treatment without the insurer's prior
 *   approval, so an approval tells the provider it may now give and invoice the approved treatment.
 * - A decline disputes liability for medical expenses: the worker also gets the s78 decision notice
 *   (WIMWCA s78; docs/rules.md §8.1), which this letter points to rather than repeats.
 */
export const treatmentDecisionV2: NoticeTemplate<'treatment-decision', TreatmentDecisionData> = {
  kind: 'treatment-decision',
  name: 'treatment-decision',
  version: 2,
  data: treatmentDecisionData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const toWorker = d.recipient.party === 'worker';
    const approved = d.decision === 'approved';
    const c = d.contact;
    const requested = longDate(d.requestedOn);
    const decided = longDate(d.decidedOn);
    const reasons = (d.reasons ?? []).map(sentence);
    const conditions = d.conditions ?? [];

    const facts: Array<[string, string]> = [
      ['Claim number', d.claimNumber],
      ['Worker', worker],
      ['Treatment asked for', d.treatment],
      ['Asked for by', d.provider],
      ['Request received', requested],
      ...(d.estimatedCost ? [['Estimated cost', dollars(d.estimatedCost)] as [string, string]] : []),
      // S4.3: the outcome of the request and the date it was decided.
      ['Decision', approved ? 'Approved' : 'Declined (not approved)'],
      ['Date of decision', decided],
    ];

    // S4.3: the parties are told the reasons for the decision.
    const why: Block[] = reasons.length
      ? [
          { kind: 'heading', text: approved ? 'Why we approved it' : 'Why we declined it' },
          { kind: 'bullets', items: reasons },
        ]
      : [];

    const conditionBlocks: Block[] = conditions.length
      ? [
          { kind: 'heading', text: 'What is approved' },
          { kind: 'paragraph', text: 'The approval is limited to the following:' },
          { kind: 'bullets', items: conditions },
        ]
      : [];

    let next: Block[];
    if (approved && !toWorker) {
      next = [
        { kind: 'heading', text: 'What happens next' },
        {
          // 1987 Act s60(2A): we pay only for treatment we approved beforehand; this is that approval.
          kind: 'paragraph',
          text: `You may now provide the approved treatment to ${worker} and send us your invoices for it. Please send invoices to ${c.email} or ${insurer.replyAddress}, and quote claim number ${d.claimNumber}.`,
        },
        {
          // 1987 Act s60(2A): treatment beyond this approval needs a new approval before it is given.
          kind: 'paragraph',
          text: 'This approval covers only the treatment set out in this letter. If you think more treatment is needed, please send us a new request and wait for our approval before you provide it.',
        },
      ];
    } else if (approved) {
      next = [
        { kind: 'heading', text: 'What happens next' },
        {
          // 1987 Act s60(2A): the provider now has the prior approval it needs to be paid.
          kind: 'paragraph',
          text: `${d.provider} can now give you the approved treatment and send the invoices to us. If you pay for any of it yourself, send us the receipt and we will pay you back.`,
        },
        {
          kind: 'paragraph',
          text: 'This approval covers only the treatment set out in this letter. If you need more, your treating doctor or provider can ask us, and we will let you know our decision.',
        },
      ];
    } else if (toWorker) {
      next = [
        { kind: 'heading', text: 'Your decision notice and how to ask for a review' },
        {
          // WIMWCA s78 (docs/rules.md §8.1): a declined treatment request is a dispute of liability, and
          // the worker gets the s78 decision notice with review rights; this letter points to it.
          kind: 'paragraph',
          text: 'With this letter we have sent you a separate decision notice (a section 78 notice, under the Workplace Injury Management and Workers Compensation Act 1998). It explains our decision in full, lists the information we considered, and tells you how to ask us to review the decision if you disagree.',
        },
        {
          kind: 'paragraph',
          text: 'We will not pay for this treatment. If you have it anyway, you may have to pay for it yourself.',
        },
      ];
    } else {
      next = [
        { kind: 'heading', text: 'What this means for you' },
        {
          kind: 'paragraph',
          text: `We will not pay for this treatment. If you provide it, we will not pay your invoices for it.`,
        },
        {
          // WIMWCA s78 (docs/rules.md §8.1): the worker, not the provider, receives the decision notice.
          kind: 'paragraph',
          text: `We have sent ${worker} a decision notice that explains our decision and how they can ask us to review it. ${worker} can also get free, independent help from the ${IRO.name} on ${IRO.phone}.`,
        },
        {
          kind: 'paragraph',
          text: 'If you have more information that may change our decision, such as a report on why the treatment is needed, please send it to us with a new request.',
        },
      ];
    }

    const opening = toWorker
      ? `On ${requested} we received a request from ${d.provider} for ${d.treatment} for your work injury. On ${decided} we ${approved ? 'approved' : 'declined'} the request.`
      : `On ${requested} we received your request for ${d.treatment} for ${worker}. On ${decided} we ${approved ? 'approved' : 'declined'} the request.`;

    return {
      title: `Treatment request ${approved ? 'approved' : 'declined'}: claim ${d.claimNumber}`,
      subject: `Decision on a request for ${d.treatment}, workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: [...addressed(d.recipient.name, d.recipient.address), ...(toWorker ? [] : [`Re: ${worker}, claim ${d.claimNumber}`])],
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${d.recipient.name},`,
      body: [
        { kind: 'heading', text: approved ? 'We have approved the treatment request' : 'We have declined the treatment request' },
        { kind: 'facts', rows: facts },
        { kind: 'paragraph', text: opening },
        ...why,
        ...conditionBlocks,
        ...next,
        // Program 4.9: the worker's copy ends with the IRO (the IRO, in the same words as every worker's notice).
        ...whoToContact('treatment-decision', toWorker ? 'worker' : 'other', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
