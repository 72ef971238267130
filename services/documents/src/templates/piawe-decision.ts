import { z } from 'zod';
import { localDate, typeError } from '@wc/contracts';
import { type Dec, formatMoney, money, roundCents, sum, SCHEDULE_3_APPLIES_TO_INJURIES_FROM, STEP_DOWN_REMOVED_FOR_INJURIES_FROM } from '@wc/rules';
import { addressed, signOff, whoToContact } from './contact';
import { daysBetween, isDate } from './dates';
import { fullName, longDate } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, longText, money as moneyText, personName, recipientOf, signatory, text } from './fields';

export const PIAWE_BASES = ['calculated', 'interim', 'agreement'] as const;
export type PiaweBasis = (typeof PIAWE_BASES)[number];

/**
 * Whose pay an employment's earnings were: the employer on this claim, or another job the worker
 * held when injured (Sch 3 cl 2(1): "any employment in which the worker was engaged at the time of
 * the injury"). The employer's copy shows only its own (1998 Act s243; program 11).
 */
export const EMPLOYMENT_KINDS = ['this-employer', 'other-employment'] as const;

/** The decision goes to the worker and, in its own copy, to the employer. */
const PARTIES = ['worker', 'employer'] as const;

const employment = z
  .object({
    kind: z.enum(EMPLOYMENT_KINDS, { error: `must be one of ${EMPLOYMENT_KINDS.join(', ')}` }),
    /** Who paid the earnings of other employment (this employer is `employer.name`). */
    employer: text.optional(),
    /** The relevant earning period for this employment, after any change to its dates (Reg cl 8B to 8D). */
    period: z.object({ from: localDate, to: localDate }).strict(),
    /**
     * The days of the period that count, once periods the law leaves out are taken out (Reg cl 8E:
     * unpaid leave of 7 days or more). Required when the basis is calculated: the weekly average is
     * the earnings × 7 ÷ these days (Sch 3 cl 2(2): gross earnings ÷ the period in weeks).
     */
    daysCounted: z.number(typeError('must be a whole number of days')).int('must be a whole number of days').min(1, 'must be at least 1').optional(),
    earnings: z
      .array(z.object({ description: text, amount: moneyText }).strict())
      .min(1, 'must list at least one amount of earnings used')
      .max(30, 'must list at most 30 amounts'),
    /** What the law changed in this employment's period or earnings, e.g. { clause: 'Regulation clause 8E', effect: 'We left out 3 weeks of unpaid leave' }. */
    adjustments: z
      .array(z.object({ clause: text, effect: longText }).strict())
      .max(10, 'must list at most 10 adjustments')
      .optional(),
  })
  .strict();
type Employment = z.infer<typeof employment>;

/** Calendar days from `from` to `to`, both counted. */
const periodDays = (p: { from: string; to: string }) => daysBetween(p.from, p.to) + 1;

/** An employment's weekly average: its earnings × 7 ÷ the days counted, rounded half up to the cent. */
const weeklyAverage = (e: Employment): Dec =>
  roundCents(
    totalOf(e)
      .times(7)
      .dividedBy(e.daysCounted ?? 1),
  );
const totalOf = (e: Employment): Dec => sum(e.earnings.map((x) => money(x.amount)));

/**
 * A calculated PIAWE: the sum of each employment's weekly average, as @wc/rules determinePiawe
 * works it out (so the letter states the amount payments pays from). Sch 3 (docs/sources.md §1.4) sets
 * no rounding for the average; it is rounded half up to the cent, the platform's rule for money
 * (docs/rules.md §6 rounds a week's total half-up to cents), once per employment.
 */
export const calculatedPiawe = (employments: readonly Employment[]): string => formatMoney(sum(employments.map(weeklyAverage)));

export const piaweDecisionData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice, and the date of the decision. */
    issuedOn: localDate,
    /** Whose copy this is: the worker's shows every employment, the employer's only its own. */
    recipient: recipientOf(PARTIES),
    worker: personName,
    employer: z.object({ name: text }).strict(),
    dateOfInjury: localDate,
    /**
     * PIAWE, dollars a week, for an interim or agreed PIAWE. A calculated PIAWE follows from the
     * employments and is computed, never typed (issue 16), so it must be left out then.
     */
    amount: moneyText.optional(),
    /** Only for injuries before 26 October 2018: PIAWE once overtime and shift allowances stop counting. */
    amountAfter52Weeks: moneyText.optional(),
    basis: z.enum(PIAWE_BASES, { error: `must be one of ${PIAWE_BASES.join(', ')}` }),
    /** For an interim PIAWE: what we are waiting for before we can decide it in full. */
    missingInformation: z.array(longText).max(20, 'must have at most 20 entries').optional(),
    /** Each employment whose earnings were used, with its period, days counted and adjustments. */
    employments: z.array(employment).min(1, 'must list at least one employment whose earnings were used').max(10, 'must list at most 10 employments'),
    /** The weekly payment this PIAWE leads to now, dollars a week, if known. */
    weeklyPayment: moneyText.optional(),
    contact: claimContact,
    /** Who made the decision: they sign it. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
    const calculated = d.basis === 'calculated';
    let computable = calculated;
    if (isDate(d.issuedOn) && isDate(d.dateOfInjury) && d.issuedOn < d.dateOfInjury) issue(['issuedOn'], 'is before dateOfInjury');
    d.employments.forEach((e, i) => {
      const at = (...path: Array<string | number>) => ['employments', i, ...path];
      if (e.kind === 'other-employment' && e.employer === undefined) issue(at('employer'), 'must name the other employer');
      if (e.kind === 'this-employer' && e.employer !== undefined) issue(at('employer'), 'must be left out for this-employer (it is employer.name)');
      // Former s44C counts only the employment in which the worker was injured (docs/sources.md §1.4(b)).
      if (calculated && e.kind === 'other-employment' && isDate(d.dateOfInjury) && d.dateOfInjury < SCHEDULE_3_APPLIES_TO_INJURIES_FROM)
        issue(at('kind'), 'must be this-employer for an injury before 21 October 2019 (former s44C counts only the employment in which the worker was injured)');
      if (!calculated) {
        if (e.daysCounted !== undefined) issue(at('daysCounted'), 'must be left out unless the basis is calculated');
      }
      const { from, to } = e.period;
      if (isDate(to) && isDate(d.dateOfInjury) && to >= d.dateOfInjury) issue(at('period', 'to'), 'must be before dateOfInjury (PIAWE is worked out from earnings before the injury)');
      if (!isDate(from) || !isDate(to) || to < from) {
        if (isDate(from) && isDate(to)) issue(at('period', 'to'), 'is before period.from');
        computable = false;
        return;
      }
      if (!calculated) return;
      const days = periodDays(e.period);
      if (e.daysCounted === undefined) {
        computable = false;
        issue(at('daysCounted'), 'is required when the basis is calculated (the weekly average is the earnings × 7 ÷ the days counted)');
      } else if (e.daysCounted > days) {
        computable = false;
        issue(at('daysCounted'), `must be at most ${days}, the days from period.from to period.to`);
      } else if (e.daysCounted < days && !e.adjustments?.length) {
        issue(at('daysCounted'), `is less than the ${days} days of the period, so adjustments must say what was left out`);
      }
    });
    if (calculated && d.amount !== undefined)
      issue(
        ['amount'],
        `must be left out when the basis is calculated: it is computed from the employments' earnings and days counted${computable ? ` (here ${calculatedPiawe(d.employments)})` : ''}`,
      );
    if (!calculated && d.amount === undefined) issue(['amount'], `is required when the basis is ${d.basis}`);
    if (d.basis === 'interim' && !d.missingInformation?.length) issue(['missingInformation'], 'must list what we are waiting for when the basis is interim');
    if (d.basis !== 'interim' && d.missingInformation !== undefined) issue(['missingInformation'], 'must be left out unless the basis is interim');
    if (d.amountAfter52Weeks !== undefined && d.dateOfInjury >= STEP_DOWN_REMOVED_FOR_INJURIES_FROM) issue(['amountAfter52Weeks'], 'applies only to injuries before 26 October 2018');
  });
export type PiaweDecisionData = z.infer<typeof piaweDecisionData>;

/** The PIAWE the decision states: computed for a calculated basis, as given otherwise. */
export const piaweOf = (d: PiaweDecisionData): string => (d.basis === 'calculated' ? calculatedPiawe(d.employments) : (d.amount as string));

/** `1234.50` → `$1,234.50`. */
function dollars(amount: string): string {
  const [whole, cents] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** `343` → `49 weeks`, `340` → `48 weeks and 4 days`. */
function weeksText(days: number): string {
  const weeks = Math.floor(days / 7);
  const rest = days % 7;
  const w = weeks === 1 ? '1 week' : `${weeks} weeks`;
  return rest === 0 ? w : `${w} and ${rest === 1 ? '1 day' : `${rest} days`}`;
}

/** What the basis means, to the worker (`you`) or to the employer about the worker. */
function basisWords(basis: PiaweBasis, toWorker: boolean, worker: string): { label: string; meaning: string } {
  switch (basis) {
    case 'calculated':
      return {
        label: toWorker ? 'Worked out from your earnings' : "Worked out from the worker's earnings",
        meaning: `We worked out this amount from what ${toWorker ? 'you' : worker} earned before the injury, following the rules in the law.`,
      };
    case 'interim':
      return {
        label: 'Interim (to be reviewed)',
        meaning: `This is an interim PIAWE. We do not yet have all the information we need to work out ${toWorker ? 'your' : 'the'} PIAWE in full, so we have set this amount now so that ${toWorker ? 'your' : 'the'} weekly payments are not held up.`,
      };
    case 'agreement':
      return {
        label: toWorker ? 'Agreed by you and your employer' : 'Agreed by the worker and you',
        meaning: `${toWorker ? 'You and your employer' : `${worker} and you`} agreed this amount as the PIAWE, and we have approved that agreement.`,
      };
  }
}

/**
 * To the worker and, in its own copy, to the employer. PIAWE is worked out under the 1987 Act Sch 3
 * (former s44C for injuries before 21 October 2019) and deciding it is a work capacity decision
 * (s43(1)(d)), so the notice gives the reasons (each employment's period, earnings and adjustments)
 * and the worker's review rights: an optional internal review within 14 days (WIMWCA s287A) or the
 * Personal Injury Commission. When information is missing an interim PIAWE is set rather than
 * delaying payments (SIRA Standard of Practice S7; docs/sources.md §1.4), so the notice says it will be
 * reviewed. The employer's copy lists only the earnings from its own employment of the worker, and
 * says so: the worker's other employment is theirs to share (1998 Act s243; program 11).
 */
export const piaweDecisionV2: NoticeTemplate<'piawe-decision', PiaweDecisionData> = {
  kind: 'piawe-decision',
  name: 'piawe-decision',
  version: 2,
  data: piaweDecisionData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const toWorker = d.recipient.party === 'worker';
    const your = toWorker ? 'your' : `${worker}'s`;
    const amount = piaweOf(d);
    const basis = basisWords(d.basis, toWorker, worker);
    const calculated = d.basis === 'calculated';
    const law =
      d.dateOfInjury >= SCHEDULE_3_APPLIES_TO_INJURIES_FROM
        ? 'Schedule 3 to the Workers Compensation Act 1987'
        : 'section 44C of the Workers Compensation Act 1987, as it applies to injuries before 21 October 2019';
    const c = d.contact;
    // s243, program 11: the employer's copy shows only its own employment of the worker.
    const shown = toWorker ? d.employments : d.employments.filter((e) => e.kind === 'this-employer');
    const employerOf = (e: Employment) => (e.kind === 'this-employer' ? d.employer.name : (e.employer as string));

    const interim: Block[] =
      d.basis !== 'interim'
        ? []
        : toWorker
          ? [
              { kind: 'paragraph', text: 'We are waiting for:' },
              { kind: 'bullets', items: d.missingInformation ?? [] },
              {
                kind: 'paragraph',
                text: 'When this information arrives we will review your PIAWE and send you a new decision. If the amount changes, we will also tell you how that affects the weekly payments you have already received.',
              },
            ]
          : [
              {
                // Not the list: what is missing may be about the worker's other employment (s243).
                kind: 'paragraph',
                text: `When the information we are waiting for arrives, we will review the PIAWE and send ${worker} and you a new decision. If we need anything from you, we will ask you for it.`,
              },
            ];
    const stepDown: Block[] = d.amountAfter52Weeks
      ? [
          {
            kind: 'paragraph',
            text: `After ${toWorker ? 'you have' : `${worker} has`} received weekly payments for 52 weeks, ${your} PIAWE will be ${dollars(d.amountAfter52Weeks)} a week. This is because, for injuries before 26 October 2018, overtime and shift allowances count only for the first 52 weeks of weekly payments.`,
          },
        ]
      : [];

    const perEmployment = (e: Employment): Block[] => {
      // The employer's copy names neither the days counted nor an average: the employer is told the
      // PIAWE (it pays from it) and knows its own payroll, so it can still infer what other work
      // added; what s243 withholds is everything about that other work (who, when, how much).
      const counted = calculated && toWorker && e.daysCounted !== undefined ? `, ${e.daysCounted} days counted (${weeksText(e.daysCounted)})` : '';
      const total = formatMoney(totalOf(e));
      const rows: Array<[string, string]> = [...e.earnings.map((x): [string, string] => [x.description, dollars(x.amount)]), ['Total', dollars(total)]];
      if (calculated && toWorker) rows.push(['Weekly average', `${dollars(total)} × 7 ÷ ${e.daysCounted} days = ${dollars(formatMoney(weeklyAverage(e)))}`]);
      return [
        { kind: 'paragraph', text: `${employerOf(e)}: earnings from ${longDate(e.period.from)} to ${longDate(e.period.to)}${counted}.` },
        { kind: 'facts', rows },
        ...(e.adjustments?.length
          ? [
              { kind: 'paragraph', text: 'The law requires some periods or earnings to be adjusted or left out. We made these adjustments:' } as Block,
              { kind: 'bullets', items: e.adjustments.map((a) => `${a.clause}: ${a.effect}`) } as Block,
            ]
          : []),
      ];
    };
    const sumOfAverages: Block[] =
      toWorker && calculated && shown.length > 1
        ? [
            {
              // Sch 3 cl 2(1): earnings from any employment the worker was in at the time of the injury count.
              kind: 'paragraph',
              text: `Your PIAWE is the total of the weekly averages from all the work you were doing when you were injured: ${shown.map((e) => dollars(formatMoney(weeklyAverage(e)))).join(' + ')} = ${dollars(amount)}.`,
            },
          ]
        : [];
    const notShown: Block[] = toWorker
      ? []
      : [
          {
            // Said on every employer's copy, whether or not there was other employment, so the sentence itself does not tell.
            kind: 'paragraph',
            text: `This copy shows only the earnings from ${worker}'s employment with you. Earnings from any other employment ${worker} had are not shown to you: they are the worker's personal information, which the law protects (section 243 of the Workplace Injury Management and Workers Compensation Act 1998).`,
          },
        ];
    const workedOut: Block[] = [
      { kind: 'heading', text: 'How we worked it out' },
      {
        kind: 'paragraph',
        text: `We looked at ${your} gross earnings (before tax) in the period before the injury. The law that sets out how PIAWE is worked out is ${law}.${shown.length ? ' We used these earnings:' : ''}`,
      },
      ...(shown.length ? shown.flatMap(perEmployment) : [{ kind: 'paragraph' as const, text: `We have not yet used any earnings from ${worker}'s employment with you.` }]),
      ...sumOfAverages,
      ...(shown.some((e) => e.adjustments?.length)
        ? []
        : [
            {
              kind: 'paragraph' as const,
              text: toWorker ? 'We did not need to make any adjustments to the period or to the earnings.' : 'We did not need to make any adjustments to the period or to the earnings shown above.',
            },
          ]),
      ...notShown,
    ];

    const weekly: Block[] = d.weeklyPayment
      ? [
          { kind: 'heading', text: toWorker ? 'Your weekly payments' : 'Weekly payments' },
          {
            kind: 'paragraph',
            text: `Using this PIAWE, ${your} weekly payment is ${dollars(d.weeklyPayment)} a week before tax. The rate can change with how long ${toWorker ? 'you have' : `${worker} has`} been receiving payments and with what ${toWorker ? 'you are' : 'they are'} able to earn, and we will write ${toWorker ? 'to you' : 'to you both'} when it does.`,
          },
        ]
      : [];

    const review: Block[] = toWorker
      ? [
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
              `You can ask us for an internal review. Write to ${c.caseManager} saying what you disagree with and why, and include anything you want us to consider. Someone who did not make this decision will review it, and we will send you the result in writing within 14 days of receiving your request.`,
              'You do not have to ask us for an internal review first. You can instead ask the Personal Injury Commission, which is independent of us, to resolve the dispute.',
              'You can also ask a union or a lawyer for advice.',
            ],
          },
          { kind: 'paragraph', text: `We have sent a copy of this decision to ${d.employer.name}. It shows only the earnings from your employment with them.` },
        ]
      : [
          { kind: 'heading', text: 'This is a work capacity decision' },
          {
            kind: 'paragraph',
            text: `A decision about PIAWE is a work capacity decision under section 43(1)(d) of the Workers Compensation Act 1987. ${worker} can ask for it to be reviewed.`,
          },
          { kind: 'paragraph', text: `If your records show different earnings for ${worker} from those above, please tell us as soon as you can.` },
        ];

    return {
      title: `${toWorker ? 'Your pre-injury' : 'Pre-injury'} average weekly earnings (PIAWE): claim ${d.claimNumber}`,
      subject: `PIAWE work capacity decision for workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: [...addressed(d.recipient.name, d.recipient.address), ...(toWorker ? [] : [`Re: ${worker}, claim ${d.claimNumber}`])],
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${d.recipient.name},`,
      body: [
        { kind: 'heading', text: toWorker ? 'Our decision about your PIAWE' : `Our decision about ${worker}'s PIAWE` },
        {
          kind: 'paragraph',
          text: toWorker
            ? `We have decided that your pre-injury average weekly earnings (PIAWE) are ${dollars(amount)} a week. Your PIAWE is the average amount you earned each week, before tax, in the period before your injury on ${longDate(d.dateOfInjury)}. We use it to work out your weekly payments while your injury stops you from working your usual hours.`
            : `We have decided that the pre-injury average weekly earnings (PIAWE) of ${worker} are ${dollars(amount)} a week, and we have sent ${worker} our decision. This is your copy, as the employer. PIAWE is the average amount a worker earned each week, before tax, in the period before the injury (here ${longDate(d.dateOfInjury)}); weekly payments are worked out from it.`,
        },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Employer', d.employer.name],
            ['Date of injury', longDate(d.dateOfInjury)],
            ['PIAWE', `${dollars(amount)} a week`],
            ...(d.amountAfter52Weeks ? [['PIAWE after 52 weeks', `${dollars(d.amountAfter52Weeks)} a week`] as [string, string]] : []),
            ['How it was set', basis.label],
            ...(d.weeklyPayment ? [['Weekly payment', `${dollars(d.weeklyPayment)} a week before tax`] as [string, string]] : []),
            ['Date of decision', longDate(d.issuedOn)],
          ],
        },
        { kind: 'paragraph', text: basis.meaning },
        ...interim,
        ...stepDown,
        ...workedOut,
        ...weekly,
        ...review,
        // Program 5.6, 9: the worker's copy ends with the IRO.
        ...whoToContact('piawe-decision', toWorker ? 'worker' : 'other', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
