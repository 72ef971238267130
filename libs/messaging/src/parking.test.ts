import type { DataSource } from 'typeorm';
import { newEnvelope } from './envelope';
import type { IncomingMessage } from './kafka';
import { AttemptCounter, MessageParking, REPLAY_FOR_HEADER, identify, parkedEventsTableSql } from './parking';
import { captureLogger } from './test-support/engines';

const claim = '6a1d2c9e-0b7f-4c3e-9d51-2f8a7e6b5c40';
const event = newEnvelope({ type: 'test.step', source: 'wc/messaging-test', subject: claim, data: { seq: 1 } });
const message = (value: string | null, offset = '7', headers: Record<string, string> = {}): IncomingMessage => ({
  topic: 'wc.claims.events',
  partition: 2,
  offset,
  key: claim,
  value: value === null ? null : Buffer.from(value),
  headers,
  timestamp: '0',
});

/** A DataSource that records the parking inserts (or fails them). */
function fakeDataSource(fail?: Error) {
  const inserts: unknown[][] = [];
  const ds = {
    query: async (_sql: string, params: unknown[]) => {
      if (fail) throw fail;
      inserts.push(params);
      return [{ id: params[0] }];
    },
  } as unknown as DataSource;
  return { ds, inserts };
}

function parkingWith(ds: DataSource, maxAttempts = 3) {
  const logger = captureLogger();
  return { parking: new MessageParking({ dataSource: ds, schema: 'claims', consumer: 'payments-service.claims', logger, maxAttempts, parkAfterMs: 0 }), logger };
}

describe('MessageParking', () => {
  it('hands a readable event to the handler and parks nothing', async () => {
    const { ds, inserts } = fakeDataSource();
    const { parking } = parkingWith(ds);
    const seen: string[] = [];
    await parking.process(message(JSON.stringify(event)), async (e) => void seen.push(e.id));
    expect(seen).toEqual([event.id]);
    expect(inserts).toEqual([]);
  });

  it('rejects (redelivery) until the handler has failed maxAttempts times, then parks the message and resolves', async () => {
    const { ds, inserts } = fakeDataSource();
    const { parking, logger } = parkingWith(ds, 3);
    const failing = async () => {
      throw new Error('boom');
    };
    const m = message(JSON.stringify(event), '7', { traceparent: '00-abc-def-01' });
    await expect(parking.process(m, failing)).rejects.toThrow('boom');
    await expect(parking.process(m, failing)).rejects.toThrow('boom');
    expect(inserts).toHaveLength(0);
    await expect(parking.process(m, failing)).resolves.toBeUndefined();
    expect(inserts).toHaveLength(1);
    const [, consumer, topic, partition, offset, key, value, headers, eventId, type, subject, reason, error, attempts] = inserts[0];
    expect({ consumer, topic, partition, offset, key, eventId, type, subject, reason, error, attempts }).toEqual({
      consumer: 'payments-service.claims',
      topic: 'wc.claims.events',
      partition: 2,
      offset: '7',
      key: claim,
      eventId: event.id,
      type: 'test.step',
      subject: claim,
      reason: 'handler-failed',
      error: 'Error: boom',
      attempts: 3,
    });
    expect(value).toEqual(Buffer.from(JSON.stringify(event)));
    expect(JSON.parse(headers as string)).toEqual({ traceparent: '00-abc-def-01' });
    expect(logger.records.filter((r) => r.level === 'error').map((r) => r.message)).toEqual([
      'event handler failed; rolled back, will be retried',
      'event handler failed; rolled back, will be retried',
      'event parked',
    ]);
    expect(logger.records[2].fields).toMatchObject({ claimId: claim, topic: 'wc.claims.events', partition: 2, offset: '7', reason: 'handler-failed', attempts: 3 });
  });

  it('counts each message on its own, and starts again once one succeeded', async () => {
    const { ds, inserts } = fakeDataSource();
    const { parking } = parkingWith(ds, 2);
    const failing = async () => {
      throw new Error('boom');
    };
    await expect(parking.process(message(JSON.stringify(event), '1'), failing)).rejects.toThrow();
    await expect(parking.process(message(JSON.stringify(event), '2'), failing)).rejects.toThrow();
    await parking.process(message(JSON.stringify(event), '1'), async () => undefined);
    await expect(parking.process(message(JSON.stringify(event), '1'), failing)).rejects.toThrow();
    expect(inserts).toHaveLength(0);
    await parking.process(message(JSON.stringify(event), '2'), failing);
    expect(inserts.map((p) => p[4])).toEqual(['2']);
  });

  it('parks a malformed message at once, without calling the handler', async () => {
    const { ds, inserts } = fakeDataSource();
    const { parking } = parkingWith(ds);
    const handler = jest.fn();
    await parking.process(message('this is {not JSON'), handler);
    await parking.process(message(null, '8'), handler);
    expect(handler).not.toHaveBeenCalled();
    expect(inserts.map((p) => [p[11], p[13]])).toEqual([
      ['not-json', 1],
      ['empty', 1],
    ]);
  });

  it('never drops a message it could not park: it rejects, to be delivered again', async () => {
    const { ds } = fakeDataSource(new Error('database down'));
    const { parking, logger } = parkingWith(ds, 1);
    await expect(parking.process(message('nope'), jest.fn())).rejects.toThrow('database down');
    await expect(
      parking.process(message(JSON.stringify(event)), async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('database down');
    expect(logger.records.map((r) => r.message)).toEqual(['could not park an event; it will be delivered again', 'could not park an event; it will be delivered again']);
  });

  it('skips a message replayed for another consumer, and handles one replayed for itself', async () => {
    const { ds } = fakeDataSource();
    const { parking } = parkingWith(ds);
    const seen: string[] = [];
    const handle = async () => void seen.push('handled');
    await parking.process(message(JSON.stringify(event), '9', { [REPLAY_FOR_HEADER]: 'notifications-service.claims' }), handle);
    expect(seen).toEqual([]);
    await parking.process(message(JSON.stringify(event), '10', { [REPLAY_FOR_HEADER]: 'payments-service.claims' }), handle);
    expect(seen).toEqual(['handled']);
  });

  it('needs at least one attempt', () => {
    expect(() => parkingWith(fakeDataSource().ds, 0)).toThrow('maxAttempts must be at least 1');
  });
});

describe('identify', () => {
  it('tells what it can of an unreadable message', () => {
    expect(identify(Buffer.from(JSON.stringify({ id: event.id, type: 'claim.notified', subject: claim, data: {} })))).toEqual({ eventId: event.id, type: 'claim.notified', subject: claim });
    expect(identify(JSON.stringify({ id: 'not-a-uuid', type: 7 }))).toEqual({ eventId: null, type: null, subject: null });
    for (const v of [null, '', 'this is {not JSON', '42', '[1,2]', 'null']) expect(identify(v)).toEqual({ eventId: null, type: null, subject: null });
  });
});

describe('AttemptCounter', () => {
  it('counts per topic, partition and offset, and stays bounded', () => {
    const c = new AttemptCounter(2);
    const at = (offset: string) => ({ topic: 't', partition: 0, offset });
    const n = (offset: string) => c.failed(at(offset)).attempts;
    expect([n('1'), n('1'), n('2')]).toEqual([1, 2, 1]);
    c.forget(at('1'));
    expect(n('1')).toBe(1);
    n('3'); // the oldest (offset 2) goes
    expect(c.size).toBe(2);
    expect(n('2')).toBe(1);
  });

  it('says for how long a message has been failing, from its first failure', () => {
    const c = new AttemptCounter();
    const m = { topic: 't', partition: 0, offset: '9' };
    expect(c.failed(m, 1_000)).toEqual({ attempts: 1, failingForMs: 0 });
    expect(c.failed(m, 61_000)).toEqual({ attempts: 2, failingForMs: 60_000 });
  });
});

it('a dependency down for a while is waited out: a message is parked only once it has failed for parkAfterMs as well as maxAttempts times', async () => {
  const { ds, inserts } = fakeDataSource();
  const parking = new MessageParking({ dataSource: ds, schema: 'claims', consumer: 'c', logger: captureLogger(), maxAttempts: 2, parkAfterMs: 60 * 60_000 });
  const failing = () => Promise.reject(new Error('documents service not reachable'));
  for (let i = 0; i < 10; i++) await expect(parking.process(message(JSON.stringify(event)), failing)).rejects.toThrow('not reachable');
  expect(inserts).toEqual([]);
});

it('parkedEventsTableSql refuses a schema name it would have to quote', () => {
  expect(() => parkedEventsTableSql('claims; DROP TABLE x')).toThrow(/invalid schema name/);
  expect(parkedEventsTableSql('claims')[0]).toContain('CREATE TABLE "claims".parked_events');
});
