import { z } from 'zod';

/**
 * A second person's decision on a change someone else proposed (the payments service's POST
 * /changes/:id/approve and /reject): a payee's new account, a corrected rate table, an authority
 * limit. Here, in the contracts, because the console's form is made from it.
 */
export const changeDecisionSchema = z.object({ note: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional() }).strict();
