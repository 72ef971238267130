import { z } from 'zod';
import { localDate, typeError } from '@wc/contracts';
import { addDays, daysBetween, isDate } from './dates';
import { fullName, longDate } from './format';
import { addressed, signOff, whoToContact } from './contact';
import type { Block, NoticeTemplate } from './template';
import { claimContact, signatory, text, workerAddressee } from './fields';

/** SIRA Standard of Practice S17: the notice is given at least 13 weeks before weekly payments cease. */
export const S39_NOTICE_DAYS = 91;
/** Workers Compensation Act 1987 s39(1): no weekly payments after an aggregate of 260 weeks. */
const S39_WEEKS = 260;

export const s39NoticeData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    worker: workerAddressee,
    /** The last day weekly payments are payable. */
    lastPaymentOn: localDate,
    /** The first day weekly payments are no longer payable: the day after lastPaymentOn. */
    ceaseOn: localDate,
    /**
     * The first day medical and related treatment is no longer paid for (1987 Act s59A), as in the
     * s59a-notice's `ceaseOn`. Left out when not yet known: the letter then says we will confirm it.
     */
    medicalBenefitsCeaseOn: localDate.optional(),
    /** Weeks of weekly payments paid or payable so far, in total (not necessarily in a row). */
    weeksPaid: z.number(typeError('must be a whole number of weeks')).int('must be a whole number of weeks').min(1, 'must be at least 1').max(S39_WEEKS, `must be at most ${S39_WEEKS}`).optional(),
    contact: claimContact,
    /** Who made the decision this notice gives: they sign it. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (isDate(d.lastPaymentOn) && isDate(d.ceaseOn) && d.ceaseOn !== addDays(d.lastPaymentOn, 1)) issue(['ceaseOn'], `must be the day after lastPaymentOn (${addDays(d.lastPaymentOn, 1)})`);
    // SIRA Standard of Practice S17: notice at least 13 weeks before weekly payments cease.
    if (isDate(d.issuedOn) && isDate(d.ceaseOn) && daysBetween(d.issuedOn, d.ceaseOn) < S39_NOTICE_DAYS)
      issue(['issuedOn'], `must be at least 13 weeks (${S39_NOTICE_DAYS} days) before ceaseOn (${d.ceaseOn}), so on or before ${addDays(d.ceaseOn, -S39_NOTICE_DAYS)}`);
    if (d.medicalBenefitsCeaseOn !== undefined && isDate(d.medicalBenefitsCeaseOn) && isDate(d.ceaseOn) && d.medicalBenefitsCeaseOn < d.ceaseOn)
      issue(['medicalBenefitsCeaseOn'], 'is before ceaseOn (medical expenses continue after weekly payments stop)');
  });
export type S39NoticeData = z.infer<typeof s39NoticeData>;

const weeks = (n: number) => (n === 1 ? '1 week' : `${n} weeks`);

/**
 * Notice to the worker that weekly payments will stop when they reach the 260-week limit of the
 * Workers Compensation Act 1987 s39 (unless whole person impairment is more than 20%, s39(2)). SIRA
 * Standard of Practice S17 sets the notice: written, at least 13 weeks before payments cease, with
 * the cessation date and the date of the last payment, information supporting an assessment of
 * permanent impairment, the date medical benefits cease (s59A), vocational and return-to-work help,
 * how to contact Centrelink, and who to contact, including the IRO. docs/rules.md §8.4 issues it on
 * `s39.notice-issued`.
 */
export const s39NoticeV2: NoticeTemplate<'s39-notice', S39NoticeData> = {
  kind: 's39-notice',
  name: 's39-notice',
  version: 2,
  data: s39NoticeData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const c = d.contact;
    const last = longDate(d.lastPaymentOn);
    const cease = longDate(d.ceaseOn);

    // S17: the date on which medical benefits cease (1987 Act s59A), or, when not yet known, that
    // they continue for the s59A period and that we will confirm the date in writing.
    const medical: Block[] = d.medicalBenefitsCeaseOn
      ? [
          {
            kind: 'paragraph',
            text: `Stopping weekly payments does not stop payment for your medical treatment straight away. We will keep paying for reasonable and necessary medical and related treatment for your injury that you receive up to and including ${longDate(addDays(d.medicalBenefitsCeaseOn, -1))}. We will not pay for treatment you receive on or after ${longDate(d.medicalBenefitsCeaseOn)}. This time limit is set by section 59A of the Workers Compensation Act 1987.`,
          },
        ]
      : [
          {
            kind: 'paragraph',
            text: 'Stopping weekly payments does not stop payment for your medical treatment straight away. We will keep paying for reasonable and necessary medical and related treatment for your injury for a period after your weekly payments stop. Section 59A of the Workers Compensation Act 1987 sets that period: 2 years if your permanent impairment is 10% or less or has not been assessed, or 5 years if it is more than 10% and not more than 20%. We will write to you to confirm the date your medical expenses stop being paid.',
          },
        ];

    return {
      title: `Your weekly payments will stop after 260 weeks, claim ${d.claimNumber}`,
      subject: `Notice that weekly payments will cease under section 39 of the Workers Compensation Act 1987, claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(worker, d.worker.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        { kind: 'heading', text: 'Your weekly payments will stop' },
        {
          kind: 'paragraph',
          // 1987 Act s39(1): no weekly payments after an aggregate of 260 weeks; s39(2): unless WPI is more than 20%.
          text: `The law limits weekly payments to a total of 260 weeks (about 5 years), counting every week you were paid, whether or not the weeks were in a row. The limit does not apply if your injury has caused permanent impairment of more than 20%. This is section 39 of the Workers Compensation Act 1987. We are writing now, well ahead of time, so that you can prepare.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ...(d.weeksPaid !== undefined ? [['Weeks paid so far', weeks(d.weeksPaid)] as [string, string]] : []),
            // S17: the date of the last payment and the date payments cease.
            ['Weekly payments until', last],
            ['Payments stop from', cease],
            ['Treatment paid until', d.medicalBenefitsCeaseOn ? longDate(addDays(d.medicalBenefitsCeaseOn, -1)) : 'We will confirm this date in writing'],
          ],
        },
        { kind: 'heading', text: 'When your weekly payments stop' },
        {
          kind: 'paragraph',
          // S17: the date on which payments cease and the date of the last payment.
          text: `${d.weeksPaid !== undefined ? `So far, you have received weekly payments for ${weeks(d.weeksPaid)} in total. ` : ''}Your last weekly payment will be for the period up to and including ${last}. You will not be paid weekly payments for any day from ${cease}. If you think we have counted your weeks wrongly, please tell your case manager.`,
        },
        { kind: 'heading', text: 'If your impairment is more than 20%' },
        {
          kind: 'paragraph',
          // S17: supporting documentation for the assessment of permanent impairment; 1987 Act s39(2).
          text: `If you believe your injury has caused permanent impairment of more than 20% (whole person impairment), your weekly payments may be able to continue after ${last}. To find out, you can ask us to arrange a permanent impairment assessment, or send us a medical report that assesses your permanent impairment and any other medical reports that support it. Please do this as soon as you can, well before ${cease}, and quote your claim number. If the assessment finds that your impairment is more than 20%, section 39 will not stop your weekly payments.`,
        },
        { kind: 'heading', text: 'Your medical and treatment expenses' },
        ...medical,
        { kind: 'heading', text: 'Help to return to work' },
        {
          kind: 'paragraph',
          // S17: information on the worker's entitlement to vocational and return-to-work assistance programs.
          text: 'You may be able to get help to return to work or to find a new job, such as help from a workplace rehabilitation provider, training to learn new skills, or help looking for work. Some of this help comes from return-to-work programs funded by the State Insurance Regulatory Authority (SIRA). Ask your case manager which programs you can use, and whether they can continue after your weekly payments stop.',
        },
        { kind: 'heading', text: 'Centrelink' },
        {
          kind: 'paragraph',
          // S17: how to contact Centrelink. No Centrelink phone number is cited anywhere in this
          // repository, so the notice gives the Services Australia website only.
          text: `When your weekly payments stop, you may be able to get income support or other help from Centrelink. Contact Centrelink (servicesaustralia.gov.au) well before ${cease} to find out what you may be able to get.`,
        },
        // S17: who to contact for further information, including the IRO.
        ...whoToContact('s39-notice', 'worker', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
