import { z } from 'zod';
import { localDate, nonEmpty } from '@wc/contracts';

/** Who works on a claim (GET/POST /claims/:id/reviewers answer with it). */
export const staffingViewSchema = z.object({ claimId: z.guid(), caseManager: nonEmpty.nullable(), teamLeader: nonEmpty.nullable(), reviewers: z.array(nonEmpty) }).strict();
export type StaffingView = z.output<typeof staffingViewSchema>;

export const coverViewSchema = z
  .object({ coverId: z.guid(), caseManager: nonEmpty, coveredBy: nonEmpty, from: localDate, to: localDate, reason: nonEmpty, recordedBy: nonEmpty, cancelled: z.boolean() })
  .strict();
export type CoverView = z.output<typeof coverViewSchema>;
export const coverListSchema = z.object({ covers: z.array(coverViewSchema) }).strict();

export const healthReadSchema = z
  .object({ id: nonEmpty, claimId: z.guid(), user: nonEmpty, role: nonEmpty, basis: nonEmpty, service: nonEmpty, what: nonEmpty, at: z.string().datetime({ offset: true }) })
  .strict();
export const healthReadListSchema = z.object({ reads: z.array(healthReadSchema), next: nonEmpty.nullable().meta({ description: 'pass as `after` for the next page; null on the last' }) }).strict();
export type HealthReadList = z.output<typeof healthReadListSchema>;
