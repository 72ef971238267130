import { Controller, Get, INestApplication, Module, Post, Req } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Internal, Roles, ServiceAccess, StaffAuthGuard, StaffUser, mintServiceToken, mintToken, requireToken } from './auth';

@Controller()
class RoutesController {
  @Get('claims')
  @Roles('case-manager')
  claims(@Req() req: { staff: StaffUser }) {
    return req.staff;
  }

  @Post('documents')
  @Roles('case-manager')
  @ServiceAccess('documents:write')
  documents(@Req() req: { staff: StaffUser }) {
    return req.staff;
  }

  @Post('internal/effects')
  @Internal('claims:effects')
  effects(@Req() req: { staff: StaffUser }) {
    return req.staff;
  }
}

@Module({ controllers: [RoutesController] })
class TestModule {}

// Issue 14: services authenticate to each other with their own credentials and scopes, never with a
// staff role; internal endpoints refuse staff tokens.
describe('who may call which route', () => {
  const key = new TextEncoder().encode('k'.repeat(48));
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    app = await NestFactory.create(TestModule, { logger: false });
    app.useGlobalGuards(new StaffAuthGuard(app.get(Reflector), key));
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(() => app.close());

  const call = async (method: string, path: string, token: string) => {
    const res = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
    return [res.status, (await res.json()).message ?? 'ok'];
  };

  it('staff: their roles on staff routes; never an internal route, admin included', async () => {
    const cm = await mintToken({ user: 'sam', role: 'case-manager' }, key);
    const admin = await mintToken({ user: 'root', role: 'admin' }, key);
    expect(await call('GET', '/claims', cm)).toEqual([200, 'ok']);
    expect(await call('POST', '/documents', cm)).toEqual([201, 'ok']);
    expect(await call('POST', '/internal/effects', cm)).toEqual([403, 'an internal route: a staff token is refused (a service credential with scope claims:effects is required)']);
    expect(await call('POST', '/internal/effects', admin)).toEqual([403, 'an internal route: a staff token is refused (a service credential with scope claims:effects is required)']);
  });

  it('a service: only the routes open to its scopes; no staff route', async () => {
    const worker = await mintServiceToken('claim-worker', ['claims:effects'], key);
    const notifications = await mintServiceToken('notifications-service', ['documents:write', 'documents:read'], key);
    expect(await call('POST', '/internal/effects', worker)).toEqual([201, 'ok']);
    expect(await call('POST', '/documents', worker)).toEqual([403, 'claim-worker lacks the scope documents:write']);
    expect(await call('POST', '/documents', notifications)).toEqual([201, 'ok']);
    expect(await call('POST', '/internal/effects', notifications)).toEqual([403, 'notifications-service lacks the scope claims:effects']);
    expect(await call('GET', '/claims', notifications)).toEqual([403, 'notifications-service is a service: a service credential may not call staff routes']);
  });
});

describe('the OpenAPI document outside local use', () => {
  it('answers only with a valid token', async () => {
    const key = new TextEncoder().encode('k'.repeat(48));
    const app = await NestFactory.create(TestModule, { logger: false });
    app.use('/docs', requireToken(key));
    SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()), { jsonDocumentUrl: 'docs/openapi.json' });
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    try {
      expect((await fetch(`${url}/docs/openapi.json`)).status).toBe(401);
      expect((await fetch(`${url}/docs`)).status).toBe(401);
      const forged = await mintToken({ user: 'x', role: 'admin' }, new TextEncoder().encode('f'.repeat(48)));
      expect((await fetch(`${url}/docs/openapi.json`, { headers: { authorization: `Bearer ${forged}` } })).status).toBe(401);
      const cm = await mintToken({ user: 'sam', role: 'case-manager' }, key);
      const res = await fetch(`${url}/docs/openapi.json`, { headers: { authorization: `Bearer ${cm}` } });
      expect([res.status, Object.keys((await res.json()).paths)]).toEqual([200, ['/claims', '/documents', '/internal/effects']]);
    } finally {
      await app.close();
    }
  });
});
