import { z } from 'zod';

/** POST /internal/claims/:id/effects: whether this batch was recorded now (false: a retry of one already recorded). */
export const effectsRecordedSchema = z.object({ recorded: z.boolean() }).strict();
export type EffectsRecorded = z.output<typeof effectsRecordedSchema>;
