import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { addDays, addYears, daysBetween, isDate } from './dates';
import { fullName, longDate } from './format';
import { addressed, signOff, whoToContact } from './contact';
import { IRO } from './independent-help';
import type { Block, NoticeTemplate } from './template';
import { claimContact, recipientOf, personName, signatory, text } from './fields';

/** SIRA Standard of Practice S19: to the worker and to the nominated treating doctor. */
const PARTIES = ['worker', 'doctor'] as const;
/** 1987 Act s59A(2): 2 years (WPI 10% or less, or not assessed) or 5 years (WPI more than 10% and not more than 20%). */
export const S59A_PERIODS = ['2 years', '5 years'] as const;
/** 1987 Act s59A(2)(a)(i), (ii) and (b)(i), (ii): when the period starts. */
export const S59A_BASES = ['weekly payments ceased', 'claim first made'] as const;
/** SIRA Standard of Practice S19 (docs/sources.md T23): notice at least 13 weeks before medical benefits cease. */
export const S59A_NOTICE_DAYS = 91;

const YEARS: Record<(typeof S59A_PERIODS)[number], number> = { '2 years': 2, '5 years': 5 };

export const s59aNoticeData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    worker: personName,
    recipient: recipientOf(PARTIES),
    /** The first day treatment is no longer paid for. */
    ceaseOn: localDate,
    period: z.enum(S59A_PERIODS, { error: `must be one of ${S59A_PERIODS.join(', ')}` }),
    /** The day the period started. */
    from: localDate,
    basis: z.enum(S59A_BASES, { error: `must be one of ${S59A_BASES.join(', ')}` }),
    contact: claimContact,
    /** Who decided that payment for treatment stops: they sign the notice. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: string[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    // SIRA Standard of Practice S19 (docs/sources.md T23): at least 13 weeks before medical benefits cease.
    if (isDate(d.issuedOn) && isDate(d.ceaseOn) && daysBetween(d.issuedOn, d.ceaseOn) < S59A_NOTICE_DAYS)
      issue(['issuedOn'], `must be at least 13 weeks (${S59A_NOTICE_DAYS} days) before ceaseOn (${d.ceaseOn}), so on or before ${addDays(d.ceaseOn, -S59A_NOTICE_DAYS)}`);
    // 1987 Act s59A(1), (2): treatment is paid for throughout the period that starts on `from`, so it
    // cannot stop being paid for before the period has run (it can later, when s59A(3) revives it).
    if (isDate(d.from) && isDate(d.ceaseOn) && d.period in YEARS) {
      const end = addYears(d.from, YEARS[d.period]);
      if (d.ceaseOn < end) issue(['ceaseOn'], `is before the end of the ${d.period} period that started on from (${d.from}): must be ${end} or later`);
    }
  });
export type S59aNoticeData = z.infer<typeof s59aNoticeData>;

/**
 * Notice that payment for medical and related treatment will stop at the end of the compensation
 * period of the Workers Compensation Act 1987 s59A: 2 years when whole person impairment is 10% or
 * less or not assessed, 5 years when it is more than 10% and not more than 20% (s59A(2)), from the
 * day weekly payments ceased to be payable or, if none ever were, from the day the claim was first
 * made; it revives while weekly payments are again payable (s59A(3)). SIRA Standard of Practice
 * S19: the worker and the nominated treating doctor are told before benefits cease (at least 13
 * weeks before, docs/sources.md T23), with the cessation date and who to contact, including the IRO.
 */
export const s59aNoticeV2: NoticeTemplate<'s59a-notice', S59aNoticeData> = {
  kind: 's59a-notice',
  name: 's59a-notice',
  version: 2,
  data: s59aNoticeData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const toWorker = d.recipient.party === 'worker';
    const c = d.contact;
    const cease = longDate(d.ceaseOn);
    const lastCovered = longDate(addDays(d.ceaseOn, -1));
    const started = longDate(d.from);
    const your = toWorker ? 'your' : `${worker}'s`;
    const you = toWorker ? 'you' : worker;

    // s59A(2): the length of the period, and what decides it.
    const periodMeaning =
      d.period === '2 years'
        ? `${toWorker ? 'Your' : 'The'} period is 2 years. This is the period when permanent impairment from the injury is 10% or less, or has not been assessed.`
        : `${toWorker ? 'Your' : 'The'} period is 5 years. This is the period when permanent impairment from the injury is more than 10% and not more than 20%.`;
    // s59A(2)(a)(i)/(ii), (b)(i)/(ii): when the period starts.
    const startMeaning =
      d.basis === 'weekly payments ceased'
        ? `It started on ${started}, when weekly payments stopped being payable to ${you}.`
        : `It started on ${started}, the day ${toWorker ? 'your' : 'the'} claim was first made, because weekly payments have not been payable to ${you}.`;

    const forWorker: Block[] = [
      { kind: 'heading', text: 'What this means for you' },
      {
        kind: 'paragraph',
        text: `Please talk to your doctor and your other treatment providers about this date, so that you can plan your treatment. After ${lastCovered}, you will need to arrange and pay for any treatment for this injury yourself. Your doctor can tell you whether Medicare or private health insurance may help.`,
      },
      {
        kind: 'paragraph',
        text: 'If you are not sure whether a particular treatment, aid or piece of equipment is affected, ask your case manager.',
      },
      ...(d.period === '2 years'
        ? [
            {
              kind: 'paragraph' as const,
              // s59A(2)(b): a period of 5 years when impairment is more than 10% and not more than 20%; docs/sources.md §3: no limit above 20%.
              text: 'If you believe your injury has caused permanent impairment of more than 10%, contact your case manager before this date. If an assessment finds your impairment is more than 10%, the period is 5 years instead of 2, and if it is more than 20%, this time limit does not apply.',
            },
          ]
        : [
            {
              kind: 'paragraph' as const,
              // docs/sources.md §3 (s59A): workers with high needs (impairment more than 20%) are not limited.
              text: 'If you believe your injury has caused permanent impairment of more than 20%, contact your case manager before this date. If an assessment finds your impairment is more than 20%, this time limit does not apply.',
            },
          ]),
    ];

    const forDoctor: Block[] = [
      { kind: 'heading', text: 'What this means for your patient' },
      {
        kind: 'paragraph',
        text: `We are writing to you as the nominated treating doctor of ${worker}. Please discuss this date with ${worker} and take it into account in planning their treatment. We will still pay for reasonable treatment given up to and including ${lastCovered}; please send your invoices for it to ${c.email} or ${insurer.replyAddress}, with claim number ${d.claimNumber}.`,
      },
      {
        kind: 'paragraph',
        // S19: who to contact, including the IRO (the worker's free help).
        text: `${worker} can get free, independent help with questions about this from the ${IRO.name} on ${IRO.phone} or at ${IRO.web}.`,
      },
    ];

    return {
      title: `Payment for medical treatment will end on ${cease}, claim ${d.claimNumber}`,
      subject: `Notice that medical and related expenses will cease under section 59A of the Workers Compensation Act 1987, claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: [...addressed(d.recipient.name, d.recipient.address), ...(toWorker ? [] : [`Re: ${worker}, claim ${d.claimNumber}`])],
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${d.recipient.name},`,
      body: [
        { kind: 'heading', text: `Payment for ${toWorker ? 'your' : 'medical'} treatment will end` },
        {
          kind: 'paragraph',
          // S19: the date medical benefits cease.
          text: `We will pay for reasonable and necessary medical and related treatment for ${your} work injury that is given up to and including ${lastCovered}. We will not pay for treatment, services or assistance given on or after ${cease}.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Time limit', d.period],
            ['Period started', started],
            ['Treatment paid for until', lastCovered],
            ['No longer paid for from', cease],
          ],
        },
        { kind: 'heading', text: 'Why payment for treatment is ending' },
        {
          kind: 'paragraph',
          // 1987 Act s59A(1), (2): medical compensation is limited to the compensation period.
          text: `The law limits how long we can pay for medical and related treatment after a work injury. This is section 59A of the Workers Compensation Act 1987. The time limit is 2 years, or 5 years if permanent impairment from the injury is more than 10% and not more than 20%. ${periodMeaning} ${startMeaning}`,
        },
        {
          kind: 'paragraph',
          // 1987 Act s59A(3): treatment is paid for again while weekly payments are again payable.
          text: `If weekly payments become payable to ${you} again later, we will again pay for treatment given while they are payable.`,
        },
        ...(toWorker ? forWorker : forDoctor),
        // S19: who to contact, including the IRO (the worker's copy; the doctor's names it above).
        ...whoToContact('s59a-notice', toWorker ? 'worker' : 'other', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
