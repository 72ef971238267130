import { BadRequestException } from '@nestjs/common';
import type { ZodTypeAny, z } from 'zod';
import { problemsOf } from '@wc/contracts';

/**
 * Validates a request part with its zod contract: a 400 that names each bad field and what is
 * wrong with it, before anything is changed.
 */
export function parseOr400<T extends ZodTypeAny>(schema: T, value: unknown, where = 'body'): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `invalid request ${where}`,
    problems: problemsOf(r.error).map((p) => ({ field: p.path, problem: p.message })),
  });
}
