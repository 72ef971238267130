import { z } from 'zod';
import { localDate, moneyText } from '@wc/contracts';
import type { Assert, Fits } from '@wc/service-kit';
import type { GeneratedPayment, GenerationSummary, WeeklyPaymentsService } from './weekly-payments.service';

/** A weekly payment just generated, waiting for authorisation (GeneratedPayment). */
const generatedPayment = z.object({ id: z.guid(), week: z.number().int().positive(), from: localDate, to: localDate, gross: moneyText, payg: moneyText }).strict();
export type GeneratedPaymentChecked = Assert<Fits<GeneratedPayment, z.output<typeof generatedPayment>>>;

/** POST /claims/:claimId/weekly-payments/generate: the weeks generated now (none when all were already), and what a person must look at. */
export const generatedForClaim = z.object({ generated: z.array(generatedPayment), warnings: z.array(z.string()) }).strict();
export type GeneratedForClaimChecked = Assert<Fits<Awaited<ReturnType<WeeklyPaymentsService['generate']>>, z.output<typeof generatedForClaim>>>;

/** POST /weekly-payments/generate: the claims looked at, the payments generated and their gross sum (GenerationSummary). */
export const generationSummary = z.object({ claims: z.number().int().nonnegative(), payments: z.number().int().nonnegative(), gross: moneyText, warnings: z.array(z.string()) }).strict();
export type GenerationSummaryChecked = Assert<Fits<GenerationSummary, z.output<typeof generationSummary>>>;
