import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addDays, daysBetween, isDate } from './dates';
import { fullName, longDate, sentence } from './format';
import { addressed, signOff, whoToContact } from './contact';
import type { NoticeTemplate } from './template';
import { claimContact, longText, signatory, text, workerAddressee } from './fields';

/** WIMWCA s48A(2)(b): the suspension date is at least 14 and no more than 60 days after the notice is given. */
export const S48A_MIN_DAYS = 14;
export const S48A_MAX_DAYS = 60;
/** WIMWCA s48A(3): weekly payments are suspended for 28 days after the suspension date. */
export const S48A_SUSPENSION_DAYS = 28;

/** The last day of a suspension that starts on `from`: 28 days, counting `from` itself (docs/rules.md §8.2). */
export const suspensionLastDay = (from: string) => addDays(from, S48A_SUSPENSION_DAYS - 1);

export const s48aWarningData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice: the day it is given (the 14 to 60 days count from it). */
    issuedOn: localDate,
    worker: workerAddressee,
    /** Why we are giving this notice, written by the case manager in plain words. */
    reason: longText,
    /** The s48 return-to-work obligation the worker has not met, and so must now meet, written by the case manager. */
    obligation: longText,
    /** The day weekly payments are suspended from unless the worker complies first. */
    suspendFrom: localDate,
    contact: claimContact,
    /** Who made the decision this notice gives: they sign it. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!isDate(d.issuedOn) || !isDate(d.suspendFrom)) return;
    const days = daysBetween(d.issuedOn, d.suspendFrom);
    // WIMWCA s48A(2)(b): at least 14 and no more than 60 days after the notice is given.
    if (days < S48A_MIN_DAYS || days > S48A_MAX_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['suspendFrom'],
        message: `must be at least ${S48A_MIN_DAYS} and at most ${S48A_MAX_DAYS} days after issuedOn (${d.issuedOn}), so from ${addDays(d.issuedOn, S48A_MIN_DAYS)} to ${addDays(d.issuedOn, S48A_MAX_DAYS)}; ${d.suspendFrom} is ${days} days after it`,
      });
  });
export type S48aWarningData = z.infer<typeof s48aWarningData>;

/**
 * Warning to the worker that weekly payments will be suspended unless they meet a return-to-work
 * obligation: WIMWCA 1998 s48A. s48A(2) says what the notice must state: (a) the reason, (b) the
 * obligation under s48 and the suspension date (14 to 60 days after the notice), (c) the
 * consequences of not complying. Those consequences are set by s48A(3) (28 days' suspension),
 * s48A(4) (payments resume from the day the worker complies), s48A(5) (the weekly payments for the
 * suspension are forfeited) and s48A(1)(b), (c) (what may follow if the worker never complies).
 * docs/rules.md §8.2 issues it on `s48a.warning-issued`.
 */
export const s48aWarningV2: NoticeTemplate<'s48a-warning', S48aWarningData> = {
  kind: 's48a-warning',
  name: 's48a-warning',
  version: 2,
  data: s48aWarningData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const c = d.contact;
    const from = longDate(d.suspendFrom);
    const last = longDate(suspensionLastDay(d.suspendFrom));
    const deadline = longDate(addDays(d.suspendFrom, -1));
    return {
      title: `Warning: your weekly payments may be suspended, claim ${d.claimNumber}`,
      subject: `Notice under section 48A (return-to-work obligations), workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(worker, d.worker.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        { kind: 'heading', text: 'Your weekly payments may be suspended' },
        {
          kind: 'paragraph',
          text: `This is a formal warning under section 48A of the Workplace Injury Management and Workers Compensation Act 1998. You have not done something the law requires of you to help you return to work. Unless you do it by ${deadline}, your weekly payments will be suspended (stopped for a time) from ${from}.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Do this by', deadline],
            ['Suspension starts', `${from}, unless you do this first`],
            ['Suspension lasts', `28 days, ${from} to ${last}`],
          ],
        },
        // s48A(2)(a): the reason for the notice.
        { kind: 'heading', text: 'Why we are sending you this notice' },
        { kind: 'paragraph', text: sentence(d.reason) },
        // s48A(2)(b): the obligation under s48 the worker must comply with.
        { kind: 'heading', text: 'What you need to do' },
        {
          kind: 'paragraph',
          // WIMWCA s48(1): a worker with current work capacity must, with the employer or insurer, make reasonable efforts to return to work.
          text: 'The law (section 48 of the Act) says that a worker who is able to do some work must, together with their employer or insurer, make reasonable efforts to return to work. The return-to-work obligation you have not met is:',
        },
        { kind: 'paragraph', text: sentence(d.obligation) },
        {
          kind: 'paragraph',
          text: `To comply, do this by ${deadline}, and then tell your case manager, ${c.caseManager}, on ${c.phone} or at ${c.email}, so that we can record it. If something stops you from doing it, or you think this notice is wrong, contact your case manager straight away.`,
        },
        // s48A(2)(b): payments will be suspended from the date specified (14 to 60 days after the notice).
        { kind: 'heading', text: 'The date your payments will be suspended' },
        {
          kind: 'paragraph',
          // s48A(3): the suspension lasts 28 days after the suspension date.
          text: `If you have not done this by ${deadline}, your weekly payments will be suspended from ${from}. The suspension lasts 28 days, from ${from} to ${last}.`,
        },
        // s48A(2)(c): the consequences of failing to comply.
        { kind: 'heading', text: 'What happens next' },
        {
          kind: 'bullets',
          items: [
            `If you do it before ${from}: nothing is suspended, and your weekly payments continue as usual.`,
            // s48A(4): payments resume from the date of compliance; s48A(5): the weekly payments for the suspension are forfeited.
            `If you do it during the suspension (between ${from} and ${last}): your weekly payments start again from the day you do it. You will not be paid for the days of the suspension before that day. Those payments are lost, not just delayed.`,
            // s48A(1)(b), (c): continued non-compliance can end the entitlement.
            `If you have still not done it by the end of the suspension on ${last}: we may end your weekly payments altogether, and you may no longer be entitled to weekly payments for this injury.`,
          ],
        },
        ...whoToContact('s48a-warning', 'worker', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
