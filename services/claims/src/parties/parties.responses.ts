import { z } from 'zod';
import { claimPartiesRecordedData, localDate, nonEmpty, partyRemovalSchema, type Consent, type RecordedParty, type RemovedParty } from '@wc/contracts';
import { sameType } from '@wc/service-kit';

/** A recorded party, as claim.parties-recorded carries it. */
const partySchema = claimPartiesRecordedData.shape.parties.element;
sameType<z.output<typeof partySchema>, RecordedParty>(true);

/** A worker's consent and who recorded it, as claim.parties-recorded carries it. */
const consentSchema = claimPartiesRecordedData.shape.consents.element;
sameType<z.output<typeof consentSchema>, Consent>(true);

/** A party taken off the claim, with its consents as they stood, who took it off, when and why. */
const removedPartySchema = z.object({ party: partySchema, consents: z.array(consentSchema), removedOn: localDate, removedBy: nonEmpty, reason: partyRemovalSchema.shape.reason }).strict();
sameType<z.output<typeof removedPartySchema>, RemovedParty>(true);

/** The address book's version after a change (each change publishes it whole). */
const version = z.number().int().positive();

/** GET /claims/:id/parties: the address book, version 0 until its first change. */
export const partiesViewSchema = z
  .object({
    claimId: z.guid(),
    version: z.number().int().nonnegative(),
    parties: z.array(partySchema),
    consents: z.array(consentSchema),
    /** Oldest first. */
    removed: z.array(removedPartySchema),
  })
  .strict();
export type PartiesView = z.output<typeof partiesViewSchema>;

/** POST /claims/:id/parties and PUT /claims/:id/parties/:partyId: the party as recorded. */
export const savedPartySchema = z.object({ party: partySchema, version }).strict();
export type SavedParty = z.output<typeof savedPartySchema>;

/** POST /claims/:id/parties/:partyId/removal: the party as taken off. */
export const removedSchema = z.object({ removed: removedPartySchema, version }).strict();
export type Removed = z.output<typeof removedSchema>;

/** POST /claims/:id/consents: the consent (or its withdrawal) as recorded. */
export const recordedConsentSchema = z.object({ consent: consentSchema, version }).strict();
export type RecordedConsent = z.output<typeof recordedConsentSchema>;
