import { z } from 'zod';
import { localDate, nonEmpty } from './primitives';

/**
 * Who works on a claim besides its case manager and team leader (the claims service's POST
 * /claims/:id/reviewers and POST /covers): a reviewer assigned a review of it (program 9), and a case
 * manager covering for an absent colleague over whole Sydney days. Here, in the contracts, because
 * the console's forms are made from them.
 */
const staffName = nonEmpty.pipe(z.string().max(200, 'must be at most 200 characters'));

export const reviewerInputSchema = z.object({ reviewer: staffName }).strict();

export const coverInputSchema = z
  .object({
    caseManager: staffName.meta({ description: 'the case manager away' }),
    coveredBy: staffName.meta({ description: 'the case manager who works their claims meanwhile' }),
    from: localDate,
    to: localDate,
    reason: nonEmpty.pipe(z.string().max(500, 'must be at most 500 characters')),
  })
  .strict()
  .refine((c) => c.to >= c.from, { path: ['to'], message: 'must not be before from' })
  .refine((c) => c.caseManager !== c.coveredBy, { path: ['coveredBy'], message: 'must be another case manager' });
