import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addressed, signOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, longText, signatory, text, workerAddressee } from './fields';

const flag = z.boolean({ error: (issue) => (issue.input === undefined ? 'is required (true or false)' : 'must be true or false') });

const SOURCES = ['worker', 'employer', 'insurer', 'other'] as const;

const report = z
  .object({
    title: text,
    author: text,
    date: localDate,
    /** Whether the report supports the decision (every relevant report is listed, either way). */
    supports: flag,
    /** Who gave it to us: the worker and employer's own submissions are listed separately. */
    submittedBy: z.enum(SOURCES, { error: `must be one of ${SOURCES.join(', ')}` }),
    /** Relied on for the decision: a copy goes with the notice. */
    reliedOn: flag,
  })
  .strict();

export const decisionNoticeData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    worker: workerAddressee,
    employer: z.object({ name: text }).strict(),
    /** The decision in one or two plain sentences, e.g. "We dispute your claim for weekly payments." */
    decision: longText,
    /** What the decision changes for the worker, e.g. which payments stop and from when. */
    effect: longText,
    decidedOn: localDate,
    /** After any notice period the law requires (s80), allowing for delivery by post. */
    takesEffectOn: localDate,
    issues: z.array(longText).min(1, 'must list at least one issue').max(20, 'must list at most 20 issues'),
    reasons: z.array(longText).min(1, 'must give at least one reason').max(20, 'must give at most 20 reasons'),
    /** The provisions of the workers compensation legislation relied on, e.g. "Workers Compensation Act 1987 s4". */
    provisions: z.array(text).min(1, 'must name at least one provision of the legislation relied on').max(20, 'must name at most 20 provisions'),
    /** Every report and document considered, including every one the worker or the employer gave us. */
    reports: z.array(report).min(1, 'must list at least one report or document').max(50, 'must list at most 50 reports or documents'),
    review: z
      .object({
        /** The last day to ask for an internal review, where a time limit applies. */
        requestBy: localDate.optional(),
        /** How many days we have to give the review's outcome, as the law sets for this kind of decision. */
        outcomeWithinDays: z.number().int('must be a whole number of days').min(1, 'must be at least 1').max(90, 'must be at most 90').optional(),
      })
      .strict()
      .optional(),
    /** Whether this notice is also sent to the employer (s79 when the regulations require it). */
    copyToEmployer: flag.optional(),
    contact: claimContact,
    /** Who made the decision: they sign the notice. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.takesEffectOn < d.decidedOn) ctx.addIssue({ code: 'custom', path: ['takesEffectOn'], message: 'is before decidedOn' });
    if (d.issuedOn < d.decidedOn) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before decidedOn' });
    if (d.review?.requestBy && d.review.requestBy < d.issuedOn) ctx.addIssue({ code: 'custom', path: ['review', 'requestBy'], message: 'is before issuedOn' });
  });
export type DecisionNoticeData = z.infer<typeof decisionNoticeData>;
type Report = z.infer<typeof report>;

const FROM: Record<Report['submittedBy'], string> = {
  worker: 'given to us by you',
  employer: 'given to us by your employer',
  insurer: 'obtained by us',
  other: 'from another source',
};

const reportName = (r: Report) => `${r.title}, by ${r.author}, dated ${longDate(r.date)}`;

const considered = (r: Report) =>
  `${reportName(r)} (${FROM[r.submittedBy]}). ${r.supports ? 'Supports our decision.' : 'Does not support our decision.'}${r.reliedOn ? ' We relied on it: copy enclosed.' : ''}`;

/** All the reports one party gave us, or a plain statement that there were none. */
const submittedBy = (reports: Report[], who: 'worker' | 'employer', none: string, intro: string): Block[] => {
  const theirs = reports.filter((r) => r.submittedBy === who);
  return theirs.length
    ? [
        { kind: 'paragraph', text: intro },
        { kind: 'bullets', items: theirs.map(reportName) },
      ]
    : [{ kind: 'paragraph', text: none }];
};

/**
 * WIMWCA 1998 s78/s79 and Workers Compensation Regulation 2016 cl 38: a decision to dispute
 * liability, stop or reduce weekly payments, decline treatment or a work capacity decision must
 * be explained so the worker can understand and challenge it: the reasons and issues, the law
 * relied on, every relevant report whether or not it supports the decision (with copies of those
 * relied on), how to ask for a review, where to get help, and the summary in the approved form
 * (cl 38(1)(h)) stating the decision, its date and the date it takes effect.
 */
export const decisionNoticeV2: NoticeTemplate<'decision-notice', DecisionNoticeData> = {
  kind: 'decision-notice',
  name: 'decision-notice',
  version: 2,
  data: decisionNoticeData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const c = d.contact;
    const decided = longDate(d.decidedOn);
    const effective = longDate(d.takesEffectOn);
    const requestBy = d.review?.requestBy ? longDate(d.review.requestBy) : undefined;
    const outcomeWithin = d.review?.outcomeWithinDays;
    const enclosed = d.reports.filter((r) => r.reliedOn);
    const askWhen = requestBy ? `Ask by ${requestBy}.` : 'Ask as soon as you can.';
    return {
      title: `Decision on claim ${d.claimNumber}`,
      subject: `Notice of decision (sections 78 and 79), claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(worker, d.worker.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        {
          kind: 'paragraph',
          text: 'We have made a decision about your workers compensation claim. This notice tells you what we decided, why, and what you can do if you disagree. It starts with a summary, and the full details follow.',
        },
        { kind: 'heading', text: 'Summary of this decision' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Decision', d.decision],
            ['Date of decision', decided],
            ['Date the decision takes effect', effective],
            ...(requestBy ? [['Ask for a review by', requestBy] as [string, string]] : []),
          ],
        },
        {
          kind: 'facts',
          rows: [
            ['(i) Effect of the decision', `${d.effect} The decision takes effect on ${effective}.`],
            [
              '(ii) Your review rights',
              'You have the right to ask us to review this decision. If you still disagree after that, you may be able to take the dispute to the Personal Injury Commission.',
            ],
            ['(iii) How to ask for a review', `Write to us at ${c.email} or ${insurer.replyAddress}, quote claim number ${d.claimNumber}, and tell us why you disagree. ${askWhen}`],
            [
              '(iv) Legal and other help',
              'The Independent Review Office (IRO) gives free, independent help and can arrange free legal advice about this decision. You can also get advice from a lawyer or, if you are a member, your union.',
            ],
          ],
        },
        { kind: 'heading', text: 'Our decision' },
        { kind: 'paragraph', text: d.decision },
        { kind: 'paragraph', text: `We made this decision on ${decided}. It takes effect on ${effective}. ${d.effect}` },
        { kind: 'heading', text: 'The issues we looked at' },
        { kind: 'bullets', items: d.issues },
        { kind: 'heading', text: 'Why we made this decision' },
        { kind: 'bullets', items: d.reasons },
        { kind: 'heading', text: 'The law we relied on' },
        { kind: 'paragraph', text: 'We relied on these provisions of the workers compensation legislation:' },
        { kind: 'bullets', items: d.provisions },
        { kind: 'heading', text: 'Reports and documents we considered' },
        {
          kind: 'paragraph',
          text: 'We considered every report and document listed here, including those that do not support our decision. Each one says whether it supports our decision or not.',
        },
        { kind: 'bullets', items: d.reports.map(considered) },
        { kind: 'heading', text: 'Reports and documents you and your employer gave us' },
        ...submittedBy(d.reports, 'worker', 'You did not give us any reports or documents about this decision.', 'These are all the reports and documents you gave us:'),
        ...submittedBy(
          d.reports,
          'employer',
          'Your employer did not give us any reports or documents about this decision.',
          `These are all the reports and documents your employer, ${d.employer.name}, gave us:`,
        ),
        ...(d.reports.some((r) => r.submittedBy === 'worker' || r.submittedBy === 'employer') ? [{ kind: 'paragraph' as const, text: 'We considered all of them in making this decision.' }] : []),
        { kind: 'heading', text: 'Copies enclosed' },
        ...(enclosed.length
          ? [
              { kind: 'paragraph' as const, text: 'We have enclosed a copy of each report we relied on in making this decision:' },
              { kind: 'bullets' as const, items: enclosed.map(reportName) },
            ]
          : [{ kind: 'paragraph' as const, text: 'We did not rely on any one report in making this decision, so no copies are enclosed.' }]),
        { kind: 'heading', text: 'If you disagree: how to ask for a review' },
        {
          kind: 'paragraph',
          text: `You can ask us to review this decision. ${requestBy ? `Please ask by ${requestBy}, the date shown in the summary.` : 'Please ask as soon as you can.'} To ask for a review:`,
        },
        {
          kind: 'bullets',
          items: [
            `write to us by email at ${c.email} or by post to ${insurer.replyAddress}`,
            `say which decision you want reviewed: quote your claim number, ${d.claimNumber}, and the date of the decision, ${decided}`,
            'tell us why you think the decision is wrong',
            'send any new information or reports that support what you say',
          ],
        },
        {
          kind: 'paragraph',
          text: `We will look at the decision again and tell you the outcome in writing${outcomeWithin ? ` within ${outcomeWithin} days of receiving your request` : ''}.`,
        },
        {
          kind: 'paragraph',
          text: 'If you still disagree after the review, you may be able to take the dispute to the Personal Injury Commission, an independent body that resolves workers compensation disputes. The IRO or a lawyer can tell you whether and when you can do this.',
        },
        { kind: 'heading', text: 'Getting advice or help' },
        {
          // Reg cl 38: the worker can seek advice or assistance, including from the IRO (its details
          // close the notice, in the contact section).
          kind: 'paragraph',
          text: 'You can get advice or help with this decision. The Independent Review Office (IRO) gives free, independent help to injured workers, and can arrange free legal advice from a lawyer it has approved: how to reach it is under "Who to contact" below. You can also get advice from your own lawyer or, if you are a member, your union.',
        },
        ...(d.copyToEmployer ? [{ kind: 'paragraph' as const, text: `We have sent a copy of this notice to your employer, ${d.employer.name}.` }] : []),
        ...whoToContact('decision-notice', 'worker', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
