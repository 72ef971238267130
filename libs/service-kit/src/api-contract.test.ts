import { Body, Controller, Get, HttpCode, INestApplication, Module, Post, Query } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import { localDate } from '@wc/contracts';
import { ResponseContractInterceptor, ZodBody, ZodQuery, ZodResponse } from './api-contract';
import type { ResponseContractMode } from './config';
import { JsonLogger } from './logger';
import { parseOr400 } from './validation';

const claim = z.object({ id: z.guid(), status: z.enum(['open', 'closed']), lodgedOn: localDate, lodgedAt: z.iso.datetime() }).strict();
const create = z.object({ status: z.enum(['open', 'closed']), note: z.string().max(20).optional() }).strict();
const listQuery = z.object({ status: z.enum(['open', 'closed']), page: z.string().regex(/^\d+$/).optional() }).strict();

/** What the route answers is the test's to choose: a good answer, or one that breaks the contract. */
let answer: unknown;

@Controller('claims')
class ClaimsController {
  @Get()
  @ZodQuery(listQuery)
  @ZodResponse(200, z.array(claim), 'the claims')
  list(@Query() q: unknown) {
    parseOr400(listQuery, q, 'query');
    return answer;
  }

  @Post()
  @HttpCode(201)
  @ZodBody(create)
  @ZodResponse(201, claim, 'created')
  @ZodResponse(200, claim, 'the same request again')
  create(@Body() body: unknown) {
    parseOr400(create, body);
    return answer;
  }

  /** Answers 202 but documents only 201: a slip the check catches. */
  @Post('batch')
  @HttpCode(202)
  @ZodResponse(201, claim, 'created')
  batch() {
    return answer;
  }
}

@Module({ controllers: [ClaimsController] })
class TestModule {}

const good = { id: '2d0b8f61-7c3e-4a59-9a57-5d6ef3a1c001', status: 'open', lodgedOn: '2026-07-01', lodgedAt: new Date('2026-07-01T00:00:00Z') };

async function start(mode: ResponseContractMode) {
  const app = await NestFactory.create(TestModule, { logger: false });
  const lines: string[] = [];
  const log = new JsonLogger('test', 'info', (l) => lines.push(l));
  const violations: string[] = [];
  app.useGlobalInterceptors(new ResponseContractInterceptor(app.get(Reflector), mode, log, (route) => violations.push(route)));
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return { app, url, lines, violations };
}

describe('a route contract in zod', () => {
  let app: INestApplication | undefined;
  afterEach(() => app?.close());

  it('reaches OpenAPI: the body, each query parameter and every answer with its schema', async () => {
    const s = await start('enforce');
    app = s.app;
    const doc = SwaggerModule.createDocument(app, new DocumentBuilder().build()) as unknown as {
      paths: Record<string, Record<string, { parameters?: unknown[]; requestBody?: unknown; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
    };
    const list = doc.paths['/claims'].get;
    expect(list.parameters).toEqual([
      expect.objectContaining({ name: 'status', in: 'query', required: true, schema: { type: 'string', enum: ['open', 'closed'] } }),
      expect.objectContaining({ name: 'page', in: 'query', required: false }),
    ]);
    expect(list.responses['200'].content!['application/json'].schema).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: expect.objectContaining({ type: 'string', format: 'uuid' }),
          status: { type: 'string', enum: ['open', 'closed'] },
          lodgedOn: { type: 'string', format: 'date', example: '2026-07-01' },
          lodgedAt: expect.objectContaining({ type: 'string', format: 'date-time' }),
        },
        required: ['id', 'status', 'lodgedOn', 'lodgedAt'],
        additionalProperties: false,
      },
    });
    const post = doc.paths['/claims'].post;
    expect(Object.keys(post.responses).sort()).toEqual(['200', '201']);
    expect(JSON.stringify(post.requestBody)).toContain('"note":{"type":"string","maxLength":20}');
  });

  it('enforce: an answer that keeps the contract goes out as JSON (a Date as its ISO text); one that breaks it is a 500 naming the field, and logged', async () => {
    const s = await start('enforce');
    app = s.app;
    answer = [good];
    const ok = await fetch(`${s.url}/claims?status=open`);
    expect([ok.status, await ok.json()]).toEqual([200, [{ ...good, lodgedAt: '2026-07-01T00:00:00.000Z' }]]);

    answer = [{ ...good, status: 'lost' }];
    const bad = await fetch(`${s.url}/claims?status=open`);
    expect(bad.status).toBe(500);
    expect((await bad.json()).message).toBe('the answer of ClaimsController.list broke its documented contract: [0].status: must be one of open, closed, got "lost"');
    expect(s.violations).toEqual(['ClaimsController.list']);
    expect(s.lines.map((l) => JSON.parse(l))).toEqual([expect.objectContaining({ level: 'error', msg: 'an answer broke its documented contract', route: 'ClaimsController.list', status: 200 })]);
  });

  it('enforce: a status the route does not document is a breach too', async () => {
    const s = await start('enforce');
    app = s.app;
    answer = good;
    expect((await fetch(`${s.url}/claims`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"open"}' })).status).toBe(201);
    const res = await fetch(`${s.url}/claims/batch`, { method: 'POST' });
    expect(res.status).toBe(500);
    expect((await res.json()).message).toBe('the answer of ClaimsController.batch broke its documented contract: no documented answer for status 202');
  });

  it('report: the answer goes out as the route gave it, and the breach is logged and counted', async () => {
    const s = await start('report');
    app = s.app;
    answer = [{ ...good, extra: 1 }];
    const res = await fetch(`${s.url}/claims?status=open`);
    expect([res.status, (await res.json())[0].extra]).toEqual([200, 1]);
    expect(s.violations).toEqual(['ClaimsController.list']);
    expect(s.lines).toHaveLength(1);
  });

  it('off: nothing is checked', async () => {
    const s = await start('off');
    app = s.app;
    answer = 'anything';
    expect((await fetch(`${s.url}/claims?status=open`)).status).toBe(200);
    expect(s.violations).toEqual([]);
  });

  it('a bad request is refused before the route answers, with the fields named', async () => {
    const s = await start('enforce');
    app = s.app;
    const res = await fetch(`${s.url}/claims`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"lost","note":"' + 'x'.repeat(21) + '"}' });
    expect([res.status, (await res.json()).problems]).toEqual([
      400,
      [
        { field: 'status', problem: 'must be one of open, closed, got "lost"' },
        { field: 'note', problem: 'must be at most 20 characters' },
      ],
    ]);
    expect(s.violations).toEqual([]);
  });
});
