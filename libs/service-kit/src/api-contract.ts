import { CallHandler, ExecutionContext, Injectable, InternalServerErrorException, NestInterceptor, StreamableFile, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Observable, map } from 'rxjs';
import { z } from 'zod';
import { problemsOf } from '@wc/contracts';
import type { ResponseContractMode } from './config';
import type { JsonLogger } from './logger';
import { openApiSchema } from './validation';

/**
 * A route's contract in zod, the same schemas the route validates its input with (parseOr400) and
 * the ones its answers are checked against, so OpenAPI (/docs) and a client generated from it say
 * exactly what the service accepts and answers (issue 18: request and response schemas both reach
 * OpenAPI).
 */

/** The body the route reads with parseOr400(schema, body). */
export const ZodBody = (schema: z.ZodType, description?: string) => ApiBody({ schema: openApiSchema(schema), description });

/** The query parameters the route reads with parseOr400(schema, query, 'query'): one per field. */
export function ZodQuery(schema: z.ZodObject) {
  const { properties = {}, required = [] } = openApiSchema(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(properties).map(([name, s]) => ApiQuery({ name, required: required.includes(name), schema: s, description: typeof s.description === 'string' ? s.description : undefined })),
  );
}

export const RESPONSE_CONTRACTS = 'wc:response-contracts';
interface ResponseContract {
  status: number;
  schema: z.ZodType;
}

/**
 * One answer of the route: its status, what it means and the JSON it carries. Documented in OpenAPI
 * and checked on the way out by ResponseContractInterceptor.
 */
export function ZodResponse(status: number, schema: z.ZodType, description: string) {
  const record: MethodDecorator = (_target, _key, descriptor) => {
    const contracts: ResponseContract[] = Reflect.getMetadata(RESPONSE_CONTRACTS, descriptor.value as object) ?? [];
    Reflect.defineMetadata(RESPONSE_CONTRACTS, [...contracts, { status, schema }], descriptor.value as object);
  };
  return applyDecorators(ApiResponse({ status, description, schema: openApiSchema(schema, 'output') }), record);
}

/** What is wrong with an answer, one line per problem; none when it keeps its contract. */
function breaches(contracts: ResponseContract[], status: number, body: unknown): string[] {
  const contract = contracts.find((c) => c.status === status);
  if (!contract) return [`no documented answer for status ${status}`];
  // What goes on the wire is the JSON of the answer (a Date is its ISO text), so that is what is checked.
  const r = contract.schema.safeParse(body === undefined ? undefined : JSON.parse(JSON.stringify(body)));
  return r.success ? [] : problemsOf(r.error).map((p) => `${p.path}: ${p.message}`);
}

/**
 * Checks what a route answers against its ZodResponse for that status. `enforce` answers 500 when
 * it breaks the contract (local use and the tests, where such a bug must fail loudly); `report`
 * logs and counts it but answers as the route did (staging, production: staff keep working while
 * the bug is fixed); `off` skips the check.
 */
@Injectable()
export class ResponseContractInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly mode: ResponseContractMode,
    private readonly log: JsonLogger,
    private readonly onViolation: (route: string) => void = () => undefined,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const contracts = this.reflector.get<ResponseContract[] | undefined>(RESPONSE_CONTRACTS, ctx.getHandler());
    if (this.mode === 'off' || !contracts?.length) return next.handle();
    const res = ctx.switchToHttp().getResponse<Response>();
    const route = `${ctx.getClass().name}.${ctx.getHandler().name}`;
    return next.handle().pipe(
      map((body: unknown) => {
        if (body instanceof StreamableFile || Buffer.isBuffer(body)) return body;
        const problems = breaches(contracts, res.statusCode, body);
        if (problems.length === 0) return body;
        this.onViolation(route);
        this.log.error('an answer broke its documented contract', { route, status: res.statusCode, problems: problems.slice(0, 20) });
        if (this.mode === 'enforce') throw new InternalServerErrorException(`the answer of ${route} broke its documented contract: ${problems.slice(0, 5).join('; ')}`);
        return body;
      }),
    );
  }
}
