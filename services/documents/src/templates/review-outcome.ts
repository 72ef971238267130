import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, signOff, whoToContact } from './contact';
import { fullName, longDate, sentence } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, longText, signatory, text, workerAddressee } from './fields';

export const REVIEW_OUTCOMES = ['confirmed', 'changed', 'revoked'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** The same person, however their name was typed. */
const samePerson = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

export const reviewOutcomeData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    worker: workerAddressee,
    /** The decision the worker asked us to review, in words, e.g. "to decline surgery on your left knee". */
    decision: longText,
    decidedOn: localDate,
    /** Who made that decision: the reviewer must be someone else. */
    decisionMaker: text,
    requestedOn: localDate,
    reviewedOn: localDate,
    /** Who did the review: the review's decision is theirs, so they sign the letter. */
    signatory,
    outcome: z.enum(REVIEW_OUTCOMES, { error: `must be one of ${REVIEW_OUTCOMES.join(', ')}` }),
    /** The decision that replaces the old one; only (and always) when the outcome is `changed`. */
    newDecision: longText.optional(),
    reasons: z.array(longText).min(1, 'must give at least one reason').max(20, 'must give at most 20 reasons'),
    contact: claimContact,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (samePerson(d.signatory.name, d.decisionMaker)) {
      ctx.addIssue({ code: 'custom', path: ['signatory', 'name'], message: 'must be a different person from decisionMaker (a review is done by someone who did not make the decision)' });
    }
    if (d.outcome === 'changed' && d.newDecision === undefined) ctx.addIssue({ code: 'custom', path: ['newDecision'], message: 'is required when the outcome is changed' });
    if (d.outcome !== 'changed' && d.newDecision !== undefined) ctx.addIssue({ code: 'custom', path: ['newDecision'], message: 'must be left out unless the outcome is changed' });
    if (d.requestedOn < d.decidedOn) ctx.addIssue({ code: 'custom', path: ['requestedOn'], message: 'is before decidedOn' });
    if (d.reviewedOn < d.requestedOn) ctx.addIssue({ code: 'custom', path: ['reviewedOn'], message: 'is before requestedOn' });
    if (d.issuedOn < d.reviewedOn) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before reviewedOn' });
  });
export type ReviewOutcomeData = z.infer<typeof reviewOutcomeData>;

/** Each outcome in words: a label for the facts table and what it means for the worker. */
const OUTCOMES: Record<ReviewOutcome, { label: string; meaning: (d: ReviewOutcomeData) => string }> = {
  confirmed: {
    label: 'Decision confirmed (not changed)',
    meaning: () => 'We have confirmed the decision. This means it stays as it was.',
  },
  changed: {
    label: 'Decision changed',
    meaning: (d) => `We have changed the decision. Our new decision is: ${d.newDecision}`,
  },
  revoked: {
    label: 'Decision revoked (cancelled)',
    meaning: () => 'We have revoked the decision. This means we have cancelled it and it no longer applies to you.',
  },
};

/**
 * The result of an internal review, sent to the worker. The Act gives a worker the right to ask the
 * insurer to review a decision and requires the result in writing within 14 days (WIMWCA s287A;
 * docs/rules.md §4 `review.internal`; program 9). The program promises the review is done by someone
 * other than the person who decided (program 5.6), which is why the schema refuses a signatory
 * (the reviewer, who signs the outcome) who is the decisionMaker: a letter naming the same person
 * would break that promise in writing.
 */
export const reviewOutcomeV2: NoticeTemplate<'review-outcome', ReviewOutcomeData> = {
  kind: 'review-outcome',
  name: 'review-outcome',
  version: 2,
  data: reviewOutcomeData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const outcome = OUTCOMES[d.outcome];
    const reviewer = `${d.signatory.name}, ${d.signatory.role}`;
    const after: string[] = [];
    if (d.outcome === 'revoked') after.push('Because the decision has been cancelled, you do not need to do anything about it.');
    if (d.outcome === 'changed') after.push('If the new decision changes your payments or treatment, your case manager will tell you what changes and from when.');
    return {
      title: `The outcome of your review: claim ${d.claimNumber}`,
      subject: `Internal review outcome for workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(worker, d.worker.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        { kind: 'heading', text: 'We have reviewed our decision' },
        {
          kind: 'paragraph',
          text: `On ${longDate(d.requestedOn)} you asked us to review a decision we made about your claim. We have now finished that review. This letter tells you what we found, why, and what you can do next.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Decision reviewed', sentence(d.decision)],
            ['Date of that decision', longDate(d.decidedOn)],
            ['You asked for a review', longDate(d.requestedOn)],
            ['Reviewed by', reviewer],
            ['Date of the review', longDate(d.reviewedOn)],
            ['Outcome', outcome.label],
          ],
        },
        { kind: 'heading', text: 'What we decided' },
        { kind: 'paragraph', text: sentence(outcome.meaning(d)) },
        ...after.map((text): Block => ({ kind: 'paragraph', text })),
        {
          kind: 'paragraph',
          text: `The review was done by ${reviewer}. They are not the person who made the original decision, and they looked at it afresh, including anything you sent us with your request.`,
        },
        { kind: 'heading', text: 'Why we reached this outcome' },
        { kind: 'bullets', items: d.reasons.map(sentence) },
        { kind: 'heading', text: 'What you can do next' },
        {
          kind: 'bullets',
          items: [
            'If you have information we have not seen, send it to your case manager. We will look at it and tell you in writing whether it changes anything.',
            'If you disagree with the outcome of this review, you can ask the Personal Injury Commission to resolve the dispute. The Commission is independent of us.',
            'You can also ask a union or a lawyer for advice, or the IRO (see below).',
          ],
        },
        // Program 9: after the review, the worker's independent options, the IRO among them.
        ...whoToContact('review-outcome', 'worker', d.contact, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
