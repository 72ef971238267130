import { Body, Controller, Get, INestApplication, Module, Param, Post, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseError } from 'pg';
import { DatabaseInputFilter, StorableTextPipe, nulAt } from './input-guard';
import { JsonLogger } from './logger';

let fail: unknown;

@Controller('things')
class ThingsController {
  @Post(':id')
  create(@Param('id') id: string, @Body() body: unknown, @Query() query: unknown) {
    if (fail) throw fail;
    return { id, body, query };
  }

  @Get()
  list() {
    if (fail) throw fail;
    return [];
  }
}

@Module({ controllers: [ThingsController] })
class TestModule {}

/** The error node-postgres raises for a value a column cannot hold (SQLSTATE class 22). */
function pgError(code: string, message: string, column?: string): DatabaseError {
  const e = new DatabaseError(message, 0, 'error');
  Object.assign(e, { code, severity: 'ERROR', column });
  return e;
}

describe('input the database cannot store', () => {
  let app: INestApplication;
  let url: string;
  const lines: string[] = [];
  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    app.useGlobalPipes(new StorableTextPipe());
    app.useGlobalFilters(new DatabaseInputFilter(app.getHttpAdapter(), new JsonLogger('test', 'info', (l) => lines.push(l))));
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(() => app.close());
  afterEach(() => (fail = undefined));

  const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('finds a NUL character in any string or key, however deep', () => {
    expect(nulAt({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual(['a', 1, 'c']);
    expect(nulAt({ ['k\u0000']: 1 })).toEqual(['k\\0']);
    expect(nulAt({ a: ['fine', 1, null, true] })).toBeNull();
  });

  it('a NUL in the body, the query or the path is a 400 naming where, and the route never runs', async () => {
    fail = new Error('the route ran');
    let res = await post('/things/1', { worker: { name: 'Al\u0000ex' } });
    expect([res.status, (await res.json()).problems]).toEqual([400, [{ field: 'worker.name', problem: 'must not contain a NUL character (U+0000): it cannot be stored' }]]);
    res = await post('/things/1?note=a%00b', {});
    expect([res.status, (await res.json()).message]).toEqual([400, 'invalid request query']);
    res = await post('/things/a%00b', {});
    expect([res.status, (await res.json()).problems[0].field]).toEqual([400, 'id']);
  });

  it('a value the database refused as data is a 400 naming the column, logged as a warning', async () => {
    fail = pgError('22001', 'value too long for type character varying(200)', 'name');
    const res = await post('/things/1', {});
    expect([res.status, await res.json()]).toEqual([
      400,
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'invalid request: a value is out of the range the platform stores',
        problems: [{ field: 'name', problem: 'cannot be stored (value too long for type character varying(200))' }],
      },
    ]);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: 'warn', sqlState: '22001', column: 'name' });
  });

  it('any other failure is still a 500: a lost connection or a broken constraint is not the caller’s doing', async () => {
    fail = pgError('23505', 'duplicate key value violates unique constraint');
    expect((await fetch(`${url}/things`)).status).toBe(500);
    fail = new Error('boom');
    expect((await fetch(`${url}/things`)).status).toBe(500);
  });
});
