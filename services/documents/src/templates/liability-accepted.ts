import { z } from 'zod';
import { localDate, moneyText } from '@wc/contracts';
import { addressed, signOff, whoToContact } from './contact';
import { fullName, longDate } from './format';
import type { Block, NoticeTemplate } from './template';
import { claimContact, personName, recipientOf, signatory, text } from './fields';

/** a is earlier than b; false when either is not a real date (that field already has its own issue). */
const before = (a: string, b: string) => localDate.safeParse(a).success && localDate.safeParse(b).success && a < b;

/** The decision goes to both the worker and the employer (docs/rules.md §5). */
const PARTIES = ['worker', 'employer'] as const;

export const liabilityAcceptedData = z
  .object({
    claimNumber: text,
    issuedOn: localDate,
    recipient: recipientOf(PARTIES),
    worker: personName,
    employer: z.object({ name: text }).strict(),
    dateOfInjury: localDate,
    /** The injury accepted, in plain words (e.g. "a back injury"), if it helps to say so. */
    injury: text.optional(),
    /** The day liability was accepted (`liability.accepted`). */
    decidedOn: localDate,
    /** Pre-injury average weekly earnings, once worked out. */
    piawe: moneyText.optional(),
    /** The weekly payment under the current certificate of capacity, before tax. */
    weeklyAmount: moneyText.optional(),
    contact: claimContact,
    /** Who accepted liability: they sign the notice. */
    signatory,
  })
  .strict()
  .superRefine((d, ctx) => {
    if (before(d.decidedOn, d.dateOfInjury)) ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'is before dateOfInjury' });
    if (before(d.issuedOn, d.decidedOn)) ctx.addIssue({ code: 'custom', path: ['issuedOn'], message: 'is before decidedOn' });
  });
export type LiabilityAcceptedData = z.infer<typeof liabilityAcceptedData>;

/** `"1234.5"` → `$1,234.50` (string work only: the amount never passes through a float). */
function dollars(amount: string): string {
  const [whole, cents = ''] = amount.split('.');
  return `$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents.padEnd(2, '0')}`;
}

/**
 * Tells the worker and the employer that the claim is accepted. Program 4.4 has every liability
 * decision told to the stakeholders, and 4.6 starts weekly payments once liability is accepted; the
 * worker needs to know what that acceptance gives them (weekly compensation under the Workers
 * Compensation Act 1987 Part 3 Div 2, paid against certificates of capacity; medical and related
 * expenses under s60) and the employer what it must keep doing (WIMWCA s49, suitable work).
 */
export const liabilityAcceptedV2: NoticeTemplate<'liability-accepted', LiabilityAcceptedData> = {
  kind: 'liability-accepted',
  name: 'liability-accepted',
  version: 2,
  data: liabilityAcceptedData,
  compose(d, insurer) {
    const worker = fullName(d.worker);
    const toWorker = d.recipient.party === 'worker';
    const injury = d.injury ? ` for ${d.injury}` : '';
    const c = d.contact;

    const facts: Array<[string, string]> = [
      ['Claim number', d.claimNumber],
      ['Worker', worker],
      ['Employer', d.employer.name],
      ['Date of injury', longDate(d.dateOfInjury)],
      ['Decision', 'Claim accepted'],
      ['Date of decision', longDate(d.decidedOn)],
    ];
    if (d.piawe) facts.push(['PIAWE', `${dollars(d.piawe)} a week`]);
    if (d.weeklyAmount) facts.push(['Weekly payment', `${dollars(d.weeklyAmount)} a week, before tax`]);

    const amounts: Block[] = [];
    if (d.piawe)
      amounts.push({
        kind: 'paragraph',
        text: `${toWorker ? 'Your' : `${worker}'s`} pre-injury average weekly earnings (PIAWE) are ${dollars(d.piawe)}. This is what ${toWorker ? 'you' : 'they'} usually earned each week before the injury, and weekly payments are worked out from it.`,
      });
    if (d.weeklyAmount)
      amounts.push({
        kind: 'paragraph',
        text: `Under the current certificate of capacity, the weekly payment is ${dollars(d.weeklyAmount)} a week, before tax. It will change if the certificate, ${toWorker ? 'your' : 'their'} hours or ${toWorker ? 'your' : 'their'} earnings change. It can also change at set points in a claim, for example after the first 13 weeks of payments.`,
      });

    return {
      title: `Claim ${d.claimNumber} has been accepted`,
      subject: `Workers compensation claim ${d.claimNumber}: liability accepted`,
      issuedOn: d.issuedOn,
      recipient: addressed(d.recipient.name, d.recipient.address),
      reference: `Claim number ${d.claimNumber}`,
      salutation: `Dear ${d.recipient.name},`,
      body: [
        { kind: 'heading', text: 'We have accepted the claim' },
        { kind: 'facts', rows: facts },
        {
          kind: 'paragraph',
          text: toWorker
            ? `On ${longDate(d.decidedOn)} we decided to accept liability for your workers compensation claim${injury}, from your injury at work on ${longDate(d.dateOfInjury)}. This means we accept that the injury is a work injury covered by workers compensation, and we will pay the compensation set out below.`
            : `On ${longDate(d.decidedOn)} we decided to accept liability for the workers compensation claim of ${worker}${injury}, from their injury at work with you on ${longDate(d.dateOfInjury)}. This means we accept that the injury is a work injury covered by workers compensation, and we will pay the compensation set out below.`,
        },
        { kind: 'heading', text: toWorker ? 'What you are entitled to' : `What ${worker} is entitled to` },
        {
          kind: 'bullets',
          items: [
            `Weekly payments for any time a certificate of capacity says ${toWorker ? 'you cannot work, or can only' : `${worker} cannot work, or can only`} work reduced hours or different duties. Payments are made for the periods the certificates cover.`,
            'Reasonable and necessary medical and related costs caused by the injury, such as doctor visits, physiotherapy, medicines, and travel to treatment. Some treatment needs our approval before it starts; the doctor or treatment provider can ask us for it.',
          ],
        },
        ...amounts,
        { kind: 'heading', text: 'What happens next' },
        {
          kind: 'bullets',
          items: toWorker
            ? [
                'Keep sending us each new certificate of capacity before the current one ends, so your weekly payments can continue.',
                'Send us receipts for treatment and travel costs you have paid yourself.',
                'Tell us straight away if you go back to work, your hours or pay change, or your doctor changes your capacity for work.',
              ]
            : [
                `Keep working with us and ${worker} on a safe return to work, and offer suitable duties that fit the current certificate of capacity.`,
                `Send us each certificate of capacity you receive, and tell us straight away about any change in ${worker}'s hours, duties or pay.`,
              ],
        },
        ...whoToContact('liability-accepted', toWorker ? 'worker' : 'other', c, d.claimNumber, insurer),
      ],
      closing: signOff(d.signatory),
    };
  },
};
