import { z } from 'zod';
import { localDate, nonEmpty } from './primitives';

/**
 * The people and organisations on a claim and how each wants to be written to. Notices go only to
 * recorded parties (issue 6), so this is the claim's address book, kept by the claims service (the
 * system of record) and published whole on every change.
 */
export const PARTY_ROLES = ['worker', 'employer', 'doctor', 'other'] as const;
/**
 * What else a party is for the workflow's notices (lifecycle Recipient): who notified, who
 * complained, who attends a case conference, who provides treatment (a treatment decision goes to
 * the provider named in the request: docs/rules.md §8.1).
 */
export const PARTY_CAPACITIES = ['notifier', 'complainant', 'participant', 'provider'] as const;
export const CHANNELS = ['email', 'sms', 'post'] as const;
export type Channel = (typeof CHANNELS)[number];

const short = nonEmpty.pipe(z.string().max(200, 'must be at most 200 characters'));
/** An Australian mobile, as SMS providers take it: 04xxxxxxxx or +614xxxxxxxx (spaces allowed). */
export const auMobile = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^(04\d{8}|\+614\d{8})$/, 'must be an Australian mobile number, 04xx xxx xxx or +61 4xx xxx xxx'));

const partyFields = z
  .object({
    role: z.enum(PARTY_ROLES),
    name: short,
    /** For `other`: what they are to the claim (e.g. the worker's solicitor, a rehabilitation provider). */
    relationship: short.optional(),
    capacities: z.array(z.enum(PARTY_CAPACITIES)).max(4).default([]),
    email: z.string().trim().email('must be an email address').max(254, 'must be at most 254 characters').optional(),
    mobile: auMobile.optional(),
    postalAddress: z.array(short).min(2, 'must have at least two lines (street, then suburb, state and postcode)').max(6, 'must have at most 6 lines').optional(),
    /** Where notices go, in the party's order of preference; each needs its contact detail. */
    channels: z.array(z.enum(CHANNELS)).min(1, 'must name at least one channel (email, sms or post)').max(3),
    /** Program 4.3: an interpreter is used for every interaction with this party. */
    interpreter: z.object({ language: short }).strict().optional(),
  })
  .strict();

export const partyInputSchema = partyFields.superRefine((p, ctx) => {
  const need: Record<Channel, keyof typeof p> = { email: 'email', sms: 'mobile', post: 'postalAddress' };
  p.channels.forEach((c, i) => {
    if (p[need[c]] === undefined) ctx.addIssue({ code: 'custom', path: ['channels', i], message: `is ${c} but ${need[c]} is not recorded` });
    if (p.channels.indexOf(c) !== i) ctx.addIssue({ code: 'custom', path: ['channels', i], message: `names ${c} twice` });
  });
  if (p.role === 'other' && !p.relationship) ctx.addIssue({ code: 'custom', path: ['relationship'], message: 'is required for a party of role other' });
  if (p.interpreter && p.role !== 'worker') ctx.addIssue({ code: 'custom', path: ['interpreter'], message: 'is recorded on the worker only' });
});
export type PartyInput = z.infer<typeof partyInputSchema>;
/** A recorded party, as events carry it. */
export const partySchema = partyFields.extend({ partyId: z.guid() });
export type RecordedParty = PartyInput & { partyId: string };

/**
 * The worker's written consent to share personal and health information with one party (program
 * s11 Privacy and confidentiality; 1998 Act s243). Without it no notice carrying health information
 * goes to anyone but the worker.
 */
export const consentInputSchema = z
  .object({
    partyId: z.guid(),
    scope: z.literal('health-information', { error: 'must be health-information' }),
    givenOn: localDate,
    /** Where the signed consent is (e.g. the claim form's consent section, a document id). */
    evidence: short,
    withdrawnOn: localDate.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.withdrawnOn && c.withdrawnOn < c.givenOn) ctx.addIssue({ code: 'custom', path: ['withdrawnOn'], message: 'is before givenOn' });
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;
export type Consent = ConsentInput & { recordedBy: string };

/**
 * Taking a party off the claim (recorded by mistake, a solicitor no longer acting): the reason is
 * kept with the removed party, so the address book's history says who went and why.
 */
export const partyRemovalSchema = z.object({ reason: short }).strict();
export type PartyRemoval = z.infer<typeof partyRemovalSchema>;
export interface RemovedParty {
  party: RecordedParty;
  /** Its consents as they stood: they no longer apply to anyone. */
  consents: Consent[];
  removedOn: string;
  removedBy: string;
  reason: string;
}

/** Whether a consent covers health information going to this party on this day. */
export function consentCovers(consents: readonly Consent[], partyId: string, on: string): boolean {
  return consents.some((c) => c.partyId === partyId && c.scope === 'health-information' && c.givenOn <= on && (!c.withdrawnOn || c.withdrawnOn > on));
}
