import type { z } from 'zod';
import { approvalSchema } from '@wc/contracts';

export type ApprovalInput = z.infer<typeof approvalSchema>;
