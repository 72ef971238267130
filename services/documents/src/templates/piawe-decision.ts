import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { fullName, longDate } from './format';
import { IRO_HELP } from './independent-help';
import { SENDER } from './letterhead';
import type { Block, NoticeTemplate } from './template';
import { email, longText, money, personName, phone, text } from './fields';

/** Dollars and cents as a string, never a JSON number (it would have been a float). */

export const PIAWE_BASES = ['calculated', 'interim', 'agreement'] as const;
export type PiaweBasis = (typeof PIAWE_BASES)[number];

/** Injuries from this date: PIAWE under 1987 Act Sch 3 (before it, the former s44C). */
const SCHEDULE_3_FROM = '2019-10-21';
/** Injuries before this date lose overtime and shift allowances from PIAWE after 52 weeks of payments. */
const STEP_DOWN_BEFORE = '2018-10-26';

export const piaweDecisionData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice, and the date of the decision. */
    issuedOn: localDate,
    worker: personName,
    employer: z.object({ name: text }).strict(),
    dateOfInjury: localDate,
    /** PIAWE, dollars a week. */
    amount: money,
    /** Only for injuries before 26 October 2018: PIAWE once overtime and shift allowances stop counting. */
    amountAfter52Weeks: money.optional(),
    basis: z.enum(PIAWE_BASES, { errorMap: () => ({ message: `must be one of ${PIAWE_BASES.join(', ')}` }) }),
    /** For an interim PIAWE: what we are waiting for before we can decide it in full. */
    missingInformation: z.array(longText).optional(),
    /** The relevant earning period whose earnings were used. */
    period: z.object({ from: localDate, to: localDate }).strict(),
    earnings: z.array(z.object({ description: text, amount: money }).strict()).min(1, 'must list at least one amount of earnings used'),
    /** Adjustments to the period or earnings, e.g. { clause: 'Regulation clause 8E', effect: 'We left out 3 weeks of unpaid leave' }. */
    adjustments: z.array(z.object({ clause: text, effect: longText }).strict()),
    /** The weekly payment this PIAWE leads to now, dollars a week, if known. */
    weeklyPayment: money.optional(),
    contact: z.object({ name: text, role: text, phone, email }).strict(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (d.issuedOn < d.dateOfInjury) issue(['issuedOn'], 'is before dateOfInjury');
    if (d.period.to < d.period.from) issue(['period', 'to'], 'is before period.from');
    if (d.period.to >= d.dateOfInjury) issue(['period', 'to'], 'must be before dateOfInjury (PIAWE is worked out from earnings before the injury)');
    if (d.basis === 'interim' && !d.missingInformation?.length) issue(['missingInformation'], 'must list what we are waiting for when the basis is interim');
    if (d.basis !== 'interim' && d.missingInformation !== undefined) issue(['missingInformation'], 'must be left out unless the basis is interim');
    if (d.amountAfter52Weeks !== undefined && d.dateOfInjury >= STEP_DOWN_BEFORE) issue(['amountAfter52Weeks'], 'applies only to injuries before 26 October 2018');
  });
export type PiaweDecisionData = z.infer<typeof piaweDecisionData>;

/** `1234.50` → `$1,234.50`. */
function dollars(amount: string): string {
  const [whole, cents] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** The sum of money texts, exactly (added in whole cents, never as floats). */
function total(amounts: string[]): string {
  const cents = amounts.reduce((sum, a) => sum + Number(a.replace('.', '')), 0);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const BASES: Record<PiaweBasis, { label: string; meaning: string }> = {
  calculated: {
    label: 'Worked out from your earnings',
    meaning: 'We worked out this amount from what you earned before your injury, following the rules in the law.',
  },
  interim: {
    label: 'Interim (to be reviewed)',
    meaning:
      'This is an interim PIAWE. We do not yet have all the information we need to work out your PIAWE in full, so we have set this amount now so that your weekly payments are not held up.',
  },
  agreement: {
    label: 'Agreed by you and your employer',
    meaning: 'You and your employer agreed this amount as your PIAWE, and we have approved that agreement.',
  },
};

/**
 * To the worker, copied to the employer. PIAWE is worked out under the 1987 Act Sch 3 (former s44C
 * for injuries before 21 October 2019) and deciding it is a work capacity decision (s43(1)(d)), so
 * the notice gives the reasons (the period, the earnings and the adjustments) and the worker's
 * review rights: an optional internal review within 14 days (WIMWCA s287A) or the Personal Injury
 * Commission. When information is missing an interim PIAWE is set rather than delaying payments
 * (SIRA Standard of Practice S7; nsw-facts §1.4), so the notice says it will be reviewed.
 */
export const piaweDecisionV1: NoticeTemplate<'piawe-decision', PiaweDecisionData> = {
  kind: 'piawe-decision',
  name: 'piawe-decision',
  version: 1,
  data: piaweDecisionData,
  compose(d) {
    const worker = fullName(d.worker);
    const basis = BASES[d.basis];
    const law =
      d.dateOfInjury >= SCHEDULE_3_FROM
        ? 'Schedule 3 to the Workers Compensation Act 1987'
        : 'section 44C of the Workers Compensation Act 1987, as it applies to injuries before 21 October 2019';
    const k = d.contact;
    const interim: Block[] =
      d.basis === 'interim'
        ? [
            { kind: 'paragraph', text: 'We are waiting for:' },
            { kind: 'bullets', items: d.missingInformation ?? [] },
            {
              kind: 'paragraph',
              text: 'When this information arrives we will review your PIAWE and send you a new decision. If the amount changes, we will also tell you how that affects the weekly payments you have already received.',
            },
          ]
        : [];
    const stepDown: Block[] = d.amountAfter52Weeks
      ? [
          {
            kind: 'paragraph',
            text: `After you have received weekly payments for 52 weeks, your PIAWE will be ${dollars(d.amountAfter52Weeks)} a week. This is because, for injuries before 26 October 2018, overtime and shift allowances count only for the first 52 weeks of weekly payments.`,
          },
        ]
      : [];
    const weekly: Block[] = d.weeklyPayment
      ? [
          { kind: 'heading', text: 'Your weekly payments' },
          {
            kind: 'paragraph',
            text: `Using this PIAWE, your weekly payment is ${dollars(d.weeklyPayment)} a week before tax. The rate can change with how long you have been receiving payments and with what you are able to earn, and we will write to you when it does.`,
          },
        ]
      : [];
    return {
      title: `Your pre-injury average weekly earnings (PIAWE): claim ${d.claimNumber}`,
      subject: `PIAWE work capacity decision for workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: [worker, `Copy to ${d.employer.name}`],
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        { kind: 'heading', text: 'Our decision about your PIAWE' },
        {
          kind: 'paragraph',
          text: `We have decided that your pre-injury average weekly earnings (PIAWE) are ${dollars(d.amount)} a week. Your PIAWE is the average amount you earned each week, before tax, in the period before your injury on ${longDate(d.dateOfInjury)}. We use it to work out your weekly payments while your injury stops you from working your usual hours.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Employer', d.employer.name],
            ['Date of injury', longDate(d.dateOfInjury)],
            ['PIAWE', `${dollars(d.amount)} a week`],
            ...(d.amountAfter52Weeks ? [['PIAWE after 52 weeks', `${dollars(d.amountAfter52Weeks)} a week`] as [string, string]] : []),
            ['How it was set', basis.label],
            ['Earnings period', `${longDate(d.period.from)} to ${longDate(d.period.to)}`],
            ...(d.weeklyPayment ? [['Weekly payment', `${dollars(d.weeklyPayment)} a week before tax`] as [string, string]] : []),
            ['Date of decision', longDate(d.issuedOn)],
          ],
        },
        { kind: 'paragraph', text: basis.meaning },
        ...interim,
        ...stepDown,
        { kind: 'heading', text: 'How we worked it out' },
        {
          kind: 'paragraph',
          text: `We looked at your gross earnings (before tax) from ${longDate(d.period.from)} to ${longDate(d.period.to)}. The law that sets out how PIAWE is worked out is ${law}. We used these earnings:`,
        },
        {
          kind: 'facts',
          rows: [...d.earnings.map((e): [string, string] => [e.description, dollars(e.amount)]), ['Total', dollars(total(d.earnings.map((e) => e.amount)))]],
        },
        d.adjustments.length > 0
          ? { kind: 'paragraph', text: 'The law requires some periods or earnings to be adjusted or left out. We made these adjustments:' }
          : { kind: 'paragraph', text: 'We did not need to make any adjustments to the period or to the earnings.' },
        ...(d.adjustments.length > 0 ? [{ kind: 'bullets', items: d.adjustments.map((a) => `${a.clause}: ${a.effect}`) } as Block] : []),
        ...weekly,
        { kind: 'heading', text: 'This is a work capacity decision' },
        {
          kind: 'paragraph',
          text: 'A decision about your PIAWE is a work capacity decision under section 43(1)(d) of the Workers Compensation Act 1987. This means you can have it reviewed if you think it is wrong.',
        },
        { kind: 'heading', text: 'If you disagree with this decision' },
        {
          kind: 'bullets',
          items: [
            'If you think we have missed some of your earnings or got something wrong, tell us and send us what shows it, such as payslips. We will look at it again.',
            `You can ask us for an internal review. Write to ${k.name} saying what you disagree with and why, and include anything you want us to consider. Someone who did not make this decision will review it, and we will send you the result in writing within 14 days of receiving your request.`,
            'You do not have to ask us for an internal review first. You can instead ask the Personal Injury Commission, which is independent of us, to resolve the dispute.',
            'You can also ask a union or a lawyer for advice.',
          ],
        },
        { kind: 'heading', text: 'Who to contact' },
        {
          kind: 'paragraph',
          text: `If you have a question about this decision, please contact ${k.name}, ${k.role}, on ${k.phone} or at ${k.email}, and quote claim number ${d.claimNumber}.`,
        },
        { kind: 'paragraph', text: IRO_HELP },
        {
          kind: 'paragraph',
          text: `We have sent a copy of this decision to ${d.employer.name}. Employer: if your records show different earnings for this worker, please tell us as soon as you can.`,
        },
      ],
      closing: ['Yours sincerely,', SENDER.signOff, SENDER.name],
    };
  },
};
