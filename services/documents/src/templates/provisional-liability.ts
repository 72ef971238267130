import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { type ClaimContact, addressed, signOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { Insurer } from './letterhead';
import type { Block, NoticeTemplate } from './template';
import { claimContact, money, signatory, text, workerAddressee } from './fields';

/** Dollars and cents as text ("1843.27"), never a float. */
export const moneyAmount = money;

/** `1843.27` → `$1,843.27`. */
export const dollars = (amount: string) => {
  const [whole, cents] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
};

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** Provisional payments may run for up to 12 weeks (WIMWCA s267(3)): 84 days counting both the start and end dates. */
export const PROVISIONAL_MAX_DAYS = 84;

export const provisionalPeriod = z
  .object({ start: localDate, end: localDate })
  .strict()
  .superRefine((p, ctx) => {
    const days = dayNumber(p.end) - dayNumber(p.start) + 1;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['end'], message: 'is before start' });
    else if (days > PROVISIONAL_MAX_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `makes the provisional period ${days} days: it can be at most 12 weeks (${PROVISIONAL_MAX_DAYS} days, counting the start and end dates)`,
      });
  });

/** The period in words, e.g. `5 March 2026 to 27 May 2026`. */
export const periodText = (p: { start: string; end: string }) => `${longDate(p.start)} to ${longDate(p.end)}`;

/** What making a claim takes, shared by the worker's and the employer's notice so both say the same. */
export const howToClaim = (c: ClaimContact, claimNumber: string, insurer: Insurer): Block[] => [
  {
    kind: 'bullets',
    items: [
      'a completed workers compensation claim form (ask us and we will send one)',
      'a certificate of capacity from the treating doctor',
      'receipts for any treatment or travel costs caused by the injury',
    ],
  },
  { kind: 'paragraph', text: `These can be emailed to ${c.email} or posted to ${insurer.replyAddress}, with the claim number, ${claimNumber}.` },
];

export const provisionalLiabilityData = z
  .object({
    claimNumber: text,
    /** The date printed on the notice. */
    issuedOn: localDate,
    worker: workerAddressee,
    employer: z.object({ name: text }).strict(),
    dateOfInjury: localDate,
    provisionalPeriod,
    /** Pre-injury average weekly earnings, as worked out for this claim. */
    piawe: moneyAmount,
    weeklyAmount: moneyAmount,
    calculation: z
      .object({
        /** The Workers Compensation Act 1987 section that sets the rate, e.g. `s36`. */
        rateSection: z
          .string()
          .trim()
          .regex(/^s\d+[A-Z]*$/, 'must be a section of the Workers Compensation Act 1987, e.g. "s36"'),
        /** The rule in words, e.g. `95% × PIAWE, capped at the maximum weekly amount`. */
        formula: text,
        /** The working, one step a line. */
        lines: z.array(text).min(1, 'must have at least one line').max(20, 'must have at most 20 lines'),
      })
      .strict(),
    /** The employer pays through its payroll (and is repaid by us), or we pay the worker directly. */
    paidBy: z.enum(['employer', 'insurer'], { error: 'must be one of employer, insurer' }),
    contact: claimContact,
    /** Who decided to start provisional payments (a liability decision, program 4.4): they sign the notice. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.provisionalPeriod.start < d.dateOfInjury) ctx.addIssue({ code: 'custom', path: ['provisionalPeriod', 'start'], message: 'is before dateOfInjury' });
  });
export type ProvisionalLiabilityData = z.infer<typeof provisionalLiabilityData>;

/**
 * WIMWCA 1998 s269 and SIRA Standards of practice 3.2/3.3: once provisional payments start, the
 * worker must be told they are provisional (so not an admission of liability), for how long, that
 * an injury management plan follows, that they may make a claim and how; the Standard adds the
 * PIAWE and the weekly amount with how each was worked out, who pays, and what to do if they
 * disagree, so the worker can check the figures rather than take them on trust.
 */
export const provisionalLiabilityV2: NoticeTemplate<'provisional-liability', ProvisionalLiabilityData> = {
  kind: 'provisional-liability',
  name: 'provisional-liability',
  version: 2,
  data: provisionalLiabilityData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const c = d.contact;
    const period = periodText(d.provisionalPeriod);
    const calc = d.calculation;
    return {
      title: `Provisional weekly payments on claim ${d.claimNumber}`,
      subject: `Notice of provisional weekly payments, claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: addressed(worker, d.worker.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${worker},`,
      body: [
        { kind: 'heading', text: 'We have started weekly payments' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Employer', d.employer.name],
            ['Date of injury', longDate(d.dateOfInjury)],
            ['Provisional period', period],
          ],
        },
        {
          kind: 'paragraph',
          text: `We have started weekly payments for the injury you had at work on ${longDate(d.dateOfInjury)} while working for ${d.employer.name}. We are paying them on a provisional basis. This means we started them quickly so that you have money coming in while we find out more. It does not mean that we have accepted your claim, and it is not an admission that we are liable for your injury.`,
        },
        { kind: 'heading', text: 'How long provisional payments last' },
        {
          kind: 'paragraph',
          text: `Provisional payments can last for up to 12 weeks. Yours are for the period from ${period}. Payments in this period depend on your doctor certifying that the injury affects your ability to work.`,
        },
        { kind: 'heading', text: 'How much you will be paid and how we worked it out' },
        {
          kind: 'facts',
          rows: [
            ['Pre-injury average weekly earnings (PIAWE)', dollars(d.piawe)],
            ['Weekly payment', dollars(d.weeklyAmount)],
            ['Rate', `Workers Compensation Act 1987 ${calc.rateSection}`],
            ['How it is worked out', calc.formula],
          ],
        },
        {
          kind: 'paragraph',
          text: `Your pre-injury average weekly earnings (PIAWE) are what you earned on average each week before you were injured. We worked them out from the earnings information we have. The law sets your weekly payment as a percentage of your PIAWE, which depends on how long you have been receiving payments and whether you are working. The payment is also limited to a maximum weekly amount set by law, and any money you earn from work while receiving payments is taken into account. This is how we worked out your payment:`,
        },
        { kind: 'bullets', items: calc.lines },
        { kind: 'heading', text: 'Who pays you' },
        {
          kind: 'paragraph',
          text:
            d.paidBy === 'employer'
              ? `Your employer, ${d.employer.name}, will pay you on your usual pay day, and we will pay them back.`
              : 'We will pay you directly into your bank account. If we do not have your bank details yet, please send them to us.',
        },
        { kind: 'heading', text: 'What we need from you' },
        {
          kind: 'bullets',
          items: [
            'Send us each certificate of capacity your doctor gives you, and see your doctor before your current certificate runs out.',
            'Tell us straight away if you go back to work, if your hours or pay change, or if you start other work.',
            'Keep the receipts for any treatment or travel costs caused by your injury.',
          ],
        },
        { kind: 'heading', text: 'Injury management plan' },
        {
          kind: 'paragraph',
          text: 'If your injury is a significant injury, meaning it is likely to keep you from working normally for more than 7 days in a row, we will work with you, your employer and your doctor to prepare an injury management plan. The plan sets out the treatment, rehabilitation and steps that will help you recover and return to work. We will send you a copy.',
        },
        { kind: 'heading', text: 'You can make a claim' },
        {
          kind: 'paragraph',
          text: 'Provisional payments are not the same as an accepted claim. You can make a claim for workers compensation at any time. We will tell you our decision in writing, no later than 21 days after you make your claim or the end of the provisional period, whichever is later. To make a claim, send us:',
        },
        ...howToClaim(c, d.claimNumber, insurer),
        { kind: 'heading', text: 'If you disagree' },
        {
          kind: 'paragraph',
          text: `If you think something in this letter is wrong, for example your PIAWE or your weekly payment, please talk to your case manager first. You can also ask us to review it: write to us at ${c.email} or ${insurer.replyAddress}, say what you disagree with and why, and send anything that supports what you say, such as payslips. We will look at it again and tell you the outcome in writing.`,
        },
        ...whoToContact('provisional-liability', 'worker', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
