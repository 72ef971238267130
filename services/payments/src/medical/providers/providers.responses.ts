import { z } from 'zod';
import type { Same } from '@wc/service-kit';
import { providerSchema } from './provider.schemas';
import type { ProviderView, ProvidersService } from './providers.service';

/** A provider as the register keeps it (no `ahpraNumber` or `bank` key when none is recorded), with who changed it last and when. */
export const providerView = providerSchema.safeExtend({ id: z.guid(), updatedBy: z.string(), updatedAt: z.iso.datetime() }).strict();

/** A page of providers and how many match in all. */
export const providerPage = z.object({ items: z.array(providerView), total: z.number().int().nonnegative() }).strict();

/** Every change to a provider, oldest first, each with the provider whole as it was after the change. */
export const providerHistory = z.object({ changes: z.array(z.object({ changedBy: z.string(), changedAt: z.iso.datetime(), reason: z.string(), provider: providerView }).strict()) }).strict();

const _mirrors: [Same<z.output<typeof providerView>, ProviderView>, Same<z.output<typeof providerPage>, Awaited<ReturnType<ProvidersService['list']>>>] = [true, true];
void _mirrors;
