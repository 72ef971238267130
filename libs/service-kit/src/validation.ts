import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { problemsOf } from '@wc/contracts';

/**
 * Validates a request part with its zod contract: a 400 that names each bad field and what is
 * wrong with it, before anything is changed.
 */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, where = 'body'): z.infer<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `invalid request ${where}`,
    problems: problemsOf(r.error).map((p) => ({ field: p.path, problem: p.message })),
  });
}

/**
 * The OpenAPI schema of a zod contract, so /docs shows exactly what validation accepts (`input`) or
 * what an answer holds (`output`: after defaults and transforms). A refinement has no JSON Schema
 * form: it is checked but not shown.
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  void $schema;
  return rest;
}

/** A 400 about one field, in the same shape as parseOr400's. */
export function badRequest(field: string, problem: string, where = 'body'): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `invalid request ${where}`, problems: [{ field, problem }] });
}
