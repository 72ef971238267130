import { z } from 'zod';
import { localDate, typeError } from '@wc/contracts';
import { caseManagerSignOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { NoticeTemplate } from './template';
import { claimContact, longText, personName, text } from './fields';

export const caseConferenceSummaryData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice; the correction period runs from it. */
    issuedOn: localDate,
    /** Whose claim the conference was about. */
    worker: personName,
    heldOn: localDate,
    attendees: z
      .array(z.object({ name: text, role: text }).strict())
      .min(2, 'must list at least two attendees (a case conference is a meeting of the people involved)')
      .max(30, 'must list at most 30 attendees'),
    agreed: z.array(longText).min(1, 'must record at least one agreed point').max(30, 'must have at most 30 entries'),
    /** May be empty: the summary then says no actions were agreed. */
    actions: z.array(z.object({ action: longText, responsible: text, dueOn: localDate }).strict()).max(30, 'must have at most 30 actions'),
    nextSteps: z.array(longText).min(1, 'must give at least one next step').max(20, 'must have at most 20 entries'),
    /** When progress will next be reviewed, if a date was set. */
    nextReviewOn: localDate.optional(),
    correctionsWithinDays: z.number(typeError('must be a whole number of days')).int('must be a whole number of days').min(1, 'must be at least 1 day').max(30, 'must be at most 30 days'),
    /** The case manager: who to send corrections or questions to. */
    contact: claimContact,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.issuedOn < d.heldOn) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before heldOn (the summary follows the conference)' });
    d.actions.forEach((a, i) => {
      if (a.dueOn < d.heldOn) ctx.addIssue({ code: 'custom', path: ['actions', i, 'dueOn'], message: 'is before heldOn' });
    });
    if (d.nextReviewOn !== undefined && d.nextReviewOn < d.heldOn) ctx.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'is before heldOn' });
  });
export type CaseConferenceSummaryData = z.infer<typeof caseConferenceSummaryData>;

/** `date` plus `days` calendar days, YYYY-MM-DD. */
function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00.000Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

const withoutStop = (s: string) => s.replace(/[.\s]+$/, '');

/**
 * Sent to everyone who took part, after the conference. The case conference guide asks that the
 * agreed points, the agreed actions and who is responsible for them be written down and sent
 * promptly to all participants, and that people get a chance to object; docs/rules.md §4
 * `case-conference.summary` makes it due 2 business days after the conference.
 */
export const caseConferenceSummaryV2: NoticeTemplate<'case-conference-summary', CaseConferenceSummaryData> = {
  kind: 'case-conference-summary',
  name: 'case-conference-summary',
  version: 2,
  data: caseConferenceSummaryData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const k = d.contact;
    const days = d.correctionsWithinDays === 1 ? '1 day' : `${d.correctionsWithinDays} days`;
    const correctBy = longDate(addDays(d.issuedOn, d.correctionsWithinDays));
    return {
      title: `Case conference summary: claim ${d.claimNumber}`,
      subject: `Summary of the case conference held on ${longDate(d.heldOn)} about workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: d.attendees.map((p) => p.name),
      reference: `Claim number ${d.claimNumber}`,
      salutation: 'Dear participants,',
      body: [
        { kind: 'heading', text: 'Summary of the case conference' },
        {
          kind: 'paragraph',
          text: `Thank you for taking part in the case conference about ${worker}'s workers compensation claim on ${longDate(d.heldOn)}. This is our written record of it: what we agreed, who will do each action and by when, and what happens next.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Date held', longDate(d.heldOn)],
            ['Next review', d.nextReviewOn ? longDate(d.nextReviewOn) : 'Not set yet'],
          ],
        },
        { kind: 'heading', text: 'Who attended' },
        { kind: 'bullets', items: d.attendees.map((p) => `${p.name}, ${p.role}`) },
        { kind: 'heading', text: 'What we agreed' },
        { kind: 'bullets', items: d.agreed },
        { kind: 'heading', text: 'Actions, who is responsible and by when' },
        d.actions.length > 0
          ? { kind: 'bullets', items: d.actions.map((a) => `${withoutStop(a.action)}. Responsible: ${a.responsible}. Due by ${longDate(a.dueOn)}.`) }
          : { kind: 'paragraph', text: 'No actions were agreed at the conference.' },
        { kind: 'heading', text: 'Next steps' },
        { kind: 'bullets', items: d.nextSteps },
        {
          kind: 'paragraph',
          text: d.nextReviewOn ? `We will review progress on ${longDate(d.nextReviewOn)}.` : 'We have not set a date to review progress yet. We will let everyone know when we do.',
        },
        { kind: 'heading', text: 'Is this summary right?' },
        {
          kind: 'paragraph',
          text: `Please read this summary carefully. If anything is wrong or missing, tell the case manager, ${k.caseManager}, within ${days} of the date of this letter, that is by ${correctBy}. You can call ${k.phone} or email ${k.email}. If we do not hear from you by then, we will treat this summary as the record of what was agreed.`,
        },
        {
          kind: 'paragraph',
          text: `If you have a question about an action, please contact the person responsible for it, or ${k.caseManager}.`,
        },
        ...whoToContact('case-conference-summary', 'participants', k, d.claimNumber, insurer),
      ],
      closing: caseManagerSignOff(k),
    };
  },
};
