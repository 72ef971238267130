import { z } from 'zod';
import { localDate, typeError } from '@wc/contracts';
import { isValidAbn } from '@wc/rules';
import { addDays, isDate } from './dates';
import { fullName, longDate } from './format';
import { addressed, signOff } from './contact';
import type { Block, NoticeTemplate } from './template';
import { email, money, personName, phone, postalAddress, text } from './fields';
import { formatAbn } from './letterhead';

/** What the assessment of an invoice line decided (docs/medical-assessment.md, "Output"). */
export const REMITTANCE_STATUSES = ['pay', 'reduce', 'hold', 'refuse'] as const;
export type RemittanceStatus = (typeof REMITTANCE_STATUSES)[number];

/** Why a line was not paid in full: docs/medical-assessment.md's reason codes, each with the status it goes with. */
const REASON_STATUS = {
  'unknown-provider': 'refuse',
  'provider-not-eligible': 'refuse',
  'unknown-item': 'refuse',
  'before-injury': 'refuse',
  'liability-disputed': 'refuse',
  'outside-entitlement-period': 'refuse',
  duplicate: 'refuse',
  'no-approval': 'hold',
  'approval-exhausted': 'hold',
  'over-fee-order': 'reduce',
  'provisional-cap': 'hold',
} as const satisfies Record<string, Exclude<RemittanceStatus, 'pay'>>;
export type RemittanceReason = keyof typeof REASON_STATUS;
export const REMITTANCE_REASONS = Object.keys(REASON_STATUS) as [RemittanceReason, ...RemittanceReason[]];

export const MAX_REMITTANCE_LINES = 500;
/** The reference field of a direct entry (ABA) payment, which is what the bank statement shows (docs/payment-files.md). */
const BANK_REFERENCE_LENGTH = 18;

const money00 = (s: string) => /^(0|[1-9]\d*)\.\d{2}$/.test(s);
/** Money text in whole cents, exactly (BigInt: no amount is too large to add up). */
const cents = (amount: string) => BigInt(amount.replace('.', ''));
const fromCents = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

const ABN_FORMAT = 'must be the 11 digits of an ABN, digits only, e.g. "51824753556"';
const BSB_FORMAT = 'must be NNN-NNN, e.g. "062-000"';
const ACCOUNT_ENDING_FORMAT = 'must be exactly the last 3 digits of the account number, e.g. "678" (never the full number)';

const units = z
  .number(typeError('must be a whole number from 1 to 99'))
  .int('must be a whole number from 1 to 99')
  .min(1, 'must be a whole number from 1 to 99')
  .max(99, 'must be a whole number from 1 to 99');

const remittanceLine = z
  .object({
    /** The provider's invoice number, as on the invoice. */
    invoice: text,
    serviceDate: localDate,
    /** The fee order item, e.g. "PTA002". */
    item: text,
    /** The item's words, e.g. "standard consultation". */
    description: text.optional(),
    units,
    /** The amount the provider charged for the line, excluding GST. */
    charged: money,
    /** The amount we paid for the line, excluding GST: 0.00 when held or refused. */
    paid: money,
    status: z.enum(REMITTANCE_STATUSES, { error: `must be one of ${REMITTANCE_STATUSES.join(', ')}` }),
    /** Why the line was not paid in full: required unless the status is pay. */
    reason: z.enum(REMITTANCE_REASONS, { error: `must be one of ${REMITTANCE_REASONS.join(', ')}` }).optional(),
  })
  .strict();

export const remittanceAdviceData = z
  .object({
    claimNumber: text,
    /** The date printed on the advice. */
    issuedOn: localDate,
    /** The injured worker the treatment was for. */
    worker: personName,
    provider: z
      .object({
        name: text,
        /** Where the advice is posted, when the provider is recorded with a postal address. */
        address: postalAddress.optional(),
        /** Digits only, e.g. "51824753556"; printed as "51 824 753 556". */
        abn: z
          .string(typeError(ABN_FORMAT))
          .regex(/^\d{11}$/, ABN_FORMAT)
          .refine((abn) => !/^\d{11}$/.test(abn) || isValidAbn(abn), 'is not a valid ABN (its check digits do not match)'),
        /** Where the payment went. Only the last 3 digits of the account: the full number is never printed or accepted. */
        bank: z
          .object({
            bsb: z.string(typeError(BSB_FORMAT)).regex(/^\d{3}-\d{3}$/, BSB_FORMAT),
            accountEnding: z.string(typeError(ACCOUNT_ENDING_FORMAT)).regex(/^\d{3}$/, ACCOUNT_ENDING_FORMAT),
          })
          .strict(),
      })
      .strict(),
    payment: z
      .object({
        /** The reference the provider sees on the bank statement. */
        reference: z.string().trim().min(1, 'must not be empty').max(BANK_REFERENCE_LENGTH, `must be at most ${BANK_REFERENCE_LENGTH} characters (the reference on a bank statement)`),
        /** The day the bank processes the payment. */
        processingDate: localDate,
        /** The amount paid, excluding GST: the sum of lines[].paid. */
        amount: money,
      })
      .strict(),
    lines: z.array(remittanceLine).min(1, 'must list at least one invoice line').max(MAX_REMITTANCE_LINES, `must list at most ${MAX_REMITTANCE_LINES} lines`),
    /**
     * Not the case manager: the insurer's contact for payments to providers (payments'
     * PROVIDER_PAYMENTS_CONTACT_*), named in `caseManager`, and where corrected invoices go.
     */
    contact: z.object({ caseManager: text, phone, email, postalAddress: text }).strict(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
    // An advice goes out with its payment: not more than a week before the bank processes it.
    if (isDate(d.issuedOn) && isDate(d.payment.processingDate) && d.issuedOn < addDays(d.payment.processingDate, -7)) issue(['issuedOn'], 'must not be more than 7 days before payment.processingDate');
    // (An unknown status or reason fails the line's own parse, so these checks never see one; bad
    // money text does not, hence money00.)
    const lines = d.lines;
    lines.forEach((l, i) => {
      // docs/medical-assessment.md "Output": a reason for every line not paid in full, none for a line paid in full.
      if (l.status === 'pay' && l.reason !== undefined) issue(['lines', i, 'reason'], 'must be left out when the status is pay');
      else if (l.status !== 'pay' && l.reason === undefined) issue(['lines', i, 'reason'], `must be given when the status is ${l.status}`);
      // docs/medical-assessment.md "Assessment": each reason comes from one check, which decides the status.
      else if (l.reason !== undefined && REASON_STATUS[l.reason] !== l.status) issue(['lines', i, 'reason'], `goes with the status ${REASON_STATUS[l.reason]}, not ${l.status}`);
      if (!money00(l.paid) || !money00(l.charged)) return;
      const paid = cents(l.paid);
      const charged = cents(l.charged);
      // docs/medical-assessment.md: `payable` is 0.00 for hold and refuse; s61 (and check 8) pays at most what was charged.
      if ((l.status === 'hold' || l.status === 'refuse') && paid !== 0n) issue(['lines', i, 'paid'], `must be 0.00 when the status is ${l.status}`);
      else if (paid > charged) issue(['lines', i, 'paid'], `must not be more than charged (${l.charged})`);
      else if (l.status === 'pay' && paid !== charged) issue(['lines', i, 'paid'], `must equal charged (${l.charged}) when the status is pay`);
      else if (l.status === 'reduce' && paid >= charged) issue(['lines', i, 'paid'], `must be less than charged (${l.charged}) when the status is reduce`);
    });
    if (lines.length > 0 && lines.every((l) => money00(l.paid))) {
      const sum = lines.reduce((s, l) => s + cents(l.paid), 0n);
      if (money00(d.payment.amount) && cents(d.payment.amount) !== sum) issue(['payment', 'amount'], `must equal the sum of lines[].paid (${fromCents(sum)})`);
      else if (sum === 0n) issue(['payment', 'amount'], 'must be more than 0.00: a remittance advice goes with a payment, and this one pays no line');
    }
  });
export type RemittanceAdviceData = z.infer<typeof remittanceAdviceData>;
type RemittanceLine = RemittanceAdviceData['lines'][number];

/** `760.00` → `$760.00`, `1234.50` → `$1,234.50`. */
function dollars(amount: string): string {
  const [whole, c] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${c}`;
}

/** `51824753556` → `51 824 753 556`, as the ABN is usually written. */

const STATUS_WORDS: Record<RemittanceStatus, string> = {
  pay: 'Paid in full',
  reduce: 'Paid in part',
  hold: 'Held, not paid yet',
  refuse: 'Not paid',
};

/** One plain sentence per reason, after the line's status (docs/medical-assessment.md's checks, in its order). */
const REASON_TEXT: Record<RemittanceReason, string> = {
  // docs/medical-assessment.md check 1; 1987 Act s60(2A); SIRA GN 3.4: we pay only a provider we know and may pay.
  'unknown-provider':
    'we could not match the practitioner who gave this service to a treatment provider in our records; send us their name and registration details and we will assess it again (1987 Act s60(2A)).',
  // docs/medical-assessment.md check 1; 1987 Act s60(2A); SIRA GN 3.4 (docs/sources.md T41): no payment for a practitioner
  // whose registration is suspended, cancelled or conditioned after a disciplinary process.
  'provider-not-eligible':
    'on the date of the service the practitioner was not registered, or their registration was suspended, cancelled or under conditions imposed after a disciplinary process, so we cannot pay for it (1987 Act s60(2A)).',
  // docs/medical-assessment.md check 2; 1987 Act s61: fees are paid by the SIRA fee order item in force on the service date.
  'unknown-item': 'the item number is not in the SIRA fee order that applied on the date of the service, so please check it and send us a corrected invoice (1987 Act s61).',
  // docs/medical-assessment.md check 3; 1987 Act s60(1): we pay for treatment needed because of the injury.
  'before-injury': 'the service was before the date of the injury on this claim, so it is not treatment for this injury (1987 Act s60).',
  // docs/medical-assessment.md check 4; 1998 Act s78: liability is disputed, and the worker has our notice with the reasons.
  'liability-disputed': 'we have disputed liability for this claim and sent the worker a notice explaining why, so we do not pay for treatment under it (1998 Act s78).',
  // docs/medical-assessment.md check 5; 1987 Act s59A: medical expenses are payable only for a period after weekly payments stop.
  'outside-entitlement-period': "the service was after the end of the worker's entitlement to medical expenses on this claim (1987 Act s59A).",
  // docs/medical-assessment.md check 6: the same provider, service date and item as a line already paid or already held.
  duplicate: 'we have already paid for this service (the same practitioner, date and item), or are already holding it on an earlier line.',
  // docs/medical-assessment.md check 7; 1987 Act s60(2A): no liability for treatment without the insurer's prior approval.
  'no-approval': 'this treatment needs our approval beforehand and is not yet approved; we will assess it again when the treatment is approved (1987 Act s60(2A)).',
  // docs/medical-assessment.md check 7; 1987 Act s60(2A): the units we approved have all been used by lines paid before it.
  'approval-exhausted': 'the sessions or units we approved have all been used; we will assess it again if we approve more of this treatment (1987 Act s60(2A)).',
  // docs/medical-assessment.md check 8; 1987 Act s61: at most the fee order's maximum fee for the item times the units.
  'over-fee-order': 'we paid the maximum fee for this item in the SIRA fee order, which is less than the amount charged (1987 Act s61).',
  // docs/medical-assessment.md check 9; 1998 Act s280; SIRA GN 3.2 (docs/sources.md T8): medical expenses under provisional
  // liability are capped ($10,000); a line over it waits, whole, until liability is decided.
  'provisional-cap':
    'paying it would take the medical expenses paid on this claim over the limit that applies while liability is provisional (1998 Act s280); we will assess it again when liability is decided.',
};

/** One line as one item of the list: invoice, service date, item, units, amounts and, when not paid in full, why. */
function lineItem(l: RemittanceLine): string {
  const item = l.description ? `${l.item} ${l.description}` : l.item;
  const what = `Invoice ${l.invoice}, ${longDate(l.serviceDate)}: ${item}, ${l.units} ${l.units === 1 ? 'unit' : 'units'}. Charged ${dollars(l.charged)}, paid ${dollars(l.paid)}.`;
  const why = l.reason ? `: ${REASON_TEXT[l.reason]}` : '.';
  return `${what} ${STATUS_WORDS[l.status]}${why}`;
}

/**
 * To a treatment provider, with a payment for approved medical or related treatment: what we paid
 * for each invoice line of one claim in one payment run, and why any line was not paid in full.
 * One document per provider per claim per payment run (documents are stored against a claim).
 *
 * - Workers Compensation Act 1987 s60: the insurer pays the cost of reasonably necessary treatment,
 *   and (s60(2A)) only treatment it approved beforehand, unless exempt.
 * - 1987 Act s61 and the SIRA fee orders: at most the fee order's maximum for the item.
 * - WIMWCA 1998 s280: the cap on medical expenses while liability is provisional.
 * The lines and their statuses and reasons are the assessment's (docs/medical-assessment.md), whose
 * amounts exclude GST; the advice says so. Only the last 3 digits of the account are accepted or
 * printed: a remittance advice travels by email and post, and must not carry bank details.
 */
export const remittanceAdviceV2: NoticeTemplate<'remittance-advice', RemittanceAdviceData> = {
  kind: 'remittance-advice',
  name: 'remittance-advice',
  version: 2,
  data: remittanceAdviceData,
  compose(d) {
    const worker = fullName(d.worker);
    const p = d.provider;
    const pay = d.payment;
    const c = d.contact;
    const account = `BSB ${p.bank.bsb}, account ending ${p.bank.accountEnding}`;
    const totalCharged = fromCents(d.lines.reduce((s, l) => s + cents(l.charged), 0n));
    const notInFull = d.lines.filter((l) => l.status !== 'pay');
    const held = notInFull.some((l) => l.status === 'hold');

    // No heading of its own: it reads on from the table (and a heading could be left alone at the foot of a page).
    const notPaid: Block[] = notInFull.length
      ? [
          {
            kind: 'paragraph',
            text: `We did not pay ${notInFull.length === 1 ? '1 line' : `${notInFull.length} lines`} in full: the list above says why for each one.${
              held ? ' A line that is held has not been refused: we will assess it again as its explanation says.' : ''
            } If you think we assessed a line wrongly, please contact us (see below) and send us anything that shows it.`,
          },
        ]
      : [];

    return {
      title: `Remittance advice: claim ${d.claimNumber}, payment ${pay.reference}`,
      subject: `Remittance advice for payment ${pay.reference} to ${p.name}, workers compensation claim ${d.claimNumber}`,
      issuedOn: d.issuedOn,
      recipient: [...addressed(p.name, p.address), `ABN ${formatAbn(p.abn)}`, `Re: ${worker}, claim ${d.claimNumber}`],
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${p.name},`,
      body: [
        { kind: 'heading', text: 'Remittance advice' },
        {
          kind: 'facts',
          rows: [
            ['Claim number', d.claimNumber],
            ['Worker', worker],
            ['Paid to', p.name],
            ['ABN', formatAbn(p.abn)],
            ['Bank account', account],
            ['Payment reference', pay.reference],
            ['Processing date', longDate(pay.processingDate)],
            ['Total paid', dollars(pay.amount)],
          ],
        },
        {
          kind: 'paragraph',
          text: `This advice explains our payment of ${dollars(pay.amount)} for the treatment of ${worker} under workers compensation claim ${d.claimNumber}. The payment goes to ${account}, with processing date ${longDate(pay.processingDate)}, and will show on your bank statement with the reference ${pay.reference}. If this is not your account, please tell us straight away.`,
        },
        { kind: 'heading', text: 'What we paid for each invoice line' },
        // A list, not facts: render.ts lays a facts row out as two columns that cannot continue onto
        // the next page, and up to 500 lines run over many pages.
        { kind: 'bullets', items: d.lines.map(lineItem) },
        { kind: 'paragraph', text: `Total charged: ${dollars(totalCharged)}. Total paid: ${dollars(pay.amount)}.` },
        {
          // docs/medical-assessment.md: the assessment, and so every amount here, excludes GST.
          kind: 'paragraph',
          text: 'All amounts in this advice, including the total paid, exclude GST: we assessed each line, and compared it with the SIRA fee order, on its amount excluding GST.',
        },
        ...notPaid,
        { kind: 'heading', text: 'Questions about this payment' },
        {
          kind: 'paragraph',
          text: `If you have a question about this remittance advice, please contact ${c.caseManager} on ${c.phone} or at ${c.email}, and quote claim number ${d.claimNumber} and payment reference ${pay.reference}. Corrected invoices can be sent to ${c.email} or ${c.postalAddress}.`,
        },
      ],
      closing: signOff({ name: c.caseManager, role: 'Payments to treatment providers' }),
    };
  },
};
