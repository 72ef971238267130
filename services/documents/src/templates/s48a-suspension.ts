import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { daysBetween, isDate } from './dates';
import { fullName, longDate, sentence } from './format';
import { addressed, signOff, whoToContact } from './contact';
import { S48A_MAX_DAYS, S48A_MIN_DAYS, suspensionLastDay } from './s48a-warning';
import type { NoticeTemplate } from './template';
import { claimContact, longText, signatory, text, workerAddressee } from './fields';

export const s48aSuspensionData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice: the suspension date, or a day of the suspension (docs/rules.md §8.2). */
    issuedOn: localDate,
    worker: workerAddressee,
    /** The date of the s48A warning notice. */
    warnedOn: localDate,
    /** The s48 return-to-work obligation named in the warning, written by the case manager. */
    obligation: longText,
    /** The first day of the suspension: the date the warning named. */
    suspendedFrom: localDate,
    contact: claimContact,
    /** Who made the decision this notice gives: they sign it. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (isDate(d.warnedOn) && isDate(d.suspendedFrom)) {
      const days = daysBetween(d.warnedOn, d.suspendedFrom);
      if (days <= 0) issue(['warnedOn'], 'must be before suspendedFrom (the warning comes before the suspension)');
      // WIMWCA s48A(2)(b): the warning named a date 14 to 60 days after it was given; a suspension
      // from any other date is not one s48A(3) allows.
      else if (days < S48A_MIN_DAYS || days > S48A_MAX_DAYS)
        issue(['warnedOn'], `must be ${S48A_MIN_DAYS} to ${S48A_MAX_DAYS} days before suspendedFrom (${d.suspendedFrom}); ${d.warnedOn} is ${days} days before it`);
    }
    if (isDate(d.issuedOn) && isDate(d.suspendedFrom)) {
      const last = suspensionLastDay(d.suspendedFrom);
      if (d.issuedOn < d.suspendedFrom) issue(['issuedOn'], 'is before suspendedFrom (payments are not suspended yet)');
      else if (d.issuedOn > last) issue(['issuedOn'], `is after the suspension's last day (${last})`);
    }
  });
export type S48aSuspensionData = z.infer<typeof s48aSuspensionData>;

/**
 * To the worker on the day weekly payments are suspended under WIMWCA 1998 s48A(3), after an s48A
 * warning the worker has not complied with (docs/rules.md §8.2). It says what is suspended and for how
 * long (s48A(3): 28 days after the date in the warning), how to end the suspension (s48A(4):
 * payments resume from the day the worker complies), that the suspended days are not paid
 * (s48A(5): forfeited), and what may follow if the worker never complies (s48A(1)(b), (c)).
 */
export const s48aSuspensionV2: NoticeTemplate<'s48a-suspension', S48aSuspensionData> = {
  kind: 's48a-suspension',
  name: 's48a-suspension',
  version: 2,
  data: s48aSuspensionData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const c = d.contact;
    const from = longDate(d.suspendedFrom);
    const last = longDate(suspensionLastDay(d.suspendedFrom));
    return {
      title: `Your weekly payments are suspended, claim ${d.claimNumber}`,
      subject: `Suspension of weekly payments under section 48A, workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(worker, d.worker.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        { kind: 'heading', text: 'Your weekly payments are suspended' },
        {
          kind: 'paragraph',
          text: `On ${longDate(d.warnedOn)} we wrote to you about a return-to-work obligation you had not met, and told you that your weekly payments would be suspended from ${from} unless you met it. We have not been told that you have done so. Your weekly payments are now suspended (stopped for a time) under section 48A of the Workplace Injury Management and Workers Compensation Act 1998.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Warning sent', longDate(d.warnedOn)],
            ['Suspended from', from],
            // s48A(3): the suspension lasts 28 days after the date in the warning.
            ['Suspension lasts', `28 days, ${from} to ${last}`],
          ],
        },
        { kind: 'heading', text: 'What this means' },
        {
          kind: 'paragraph',
          // s48A(3): weekly payments are suspended for 28 days after the date in the warning.
          text: `We will not pay you weekly payments for the 28 days from ${from} to ${last}, unless you meet your obligation during that time.`,
        },
        { kind: 'heading', text: 'What you need to do' },
        { kind: 'paragraph', text: 'The return-to-work obligation you have not met is:' },
        { kind: 'paragraph', text: sentence(d.obligation) },
        {
          kind: 'paragraph',
          text: `Do this as soon as you can, and then tell your case manager, ${c.caseManager}, on ${c.phone} or at ${c.email}, so that we can record the day you did it. If something stops you from doing it, or you think this notice is wrong, contact your case manager straight away.`,
        },
        { kind: 'heading', text: 'What happens next' },
        {
          kind: 'bullets',
          items: [
            // s48A(4): payments resume from the date on which the worker complied.
            `If you do it during the suspension (by ${last}): your weekly payments start again from the day you do it.`,
            // s48A(5): the worker forfeits the weekly payments for the period of suspension.
            'The days of the suspension before the day you do it are not paid. Those payments are lost, not just delayed.',
            // s48A(1)(b), (c): continued non-compliance can end the entitlement.
            `If you have still not done it by the end of the suspension on ${last}: we may then end your weekly payments altogether, and you may no longer be entitled to weekly payments for this injury.`,
          ],
        },
        ...whoToContact('s48a-suspension', 'worker', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
