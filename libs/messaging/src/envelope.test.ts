import { randomUUID } from 'node:crypto';
import type { ClaimNotifiedData } from '@wc/contracts';
import { InvalidEnvelopeError, isEvent, newEnvelope, parseEnvelope } from './envelope';

const claimId = randomUUID();
const notified: ClaimNotifiedData = {
  claimId,
  claimNumber: 'WC-2025-000123',
  worker: { givenName: 'Alex', familyName: 'Nguyen' },
  employer: { name: 'Harbour Logistics Pty Ltd', policyNumber: 'POL-778812' },
  dateOfInjury: '2025-03-03',
  notificationDate: '2025-03-04',
  notificationComplete: true,
};

describe('newEnvelope', () => {
  it('fills id, time, specversion and content type', () => {
    const e = newEnvelope({ type: 'claim.notified', source: 'wc/claims-service', subject: claimId, data: notified });
    expect(e).toMatchObject({ specversion: '1.0', datacontenttype: 'application/json', subject: claimId });
    expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.isNaN(Date.parse(e.time))).toBe(false);
    expect(e.data.claimNumber).toBe('WC-2025-000123');
  });

  it('rejects bad data for a known type with a clear error', () => {
    const bad = { ...notified, claimId: 'not-a-uuid' };
    expect(() => newEnvelope({ type: 'claim.notified', source: 'wc/claims-service', subject: claimId, data: bad })).toThrow(InvalidEnvelopeError);
    expect(() => newEnvelope({ type: 'claim.notified', source: 'wc/claims-service', subject: claimId, data: bad })).toThrow(/invalid data for claim\.notified .*data\.claimId: must be a uuid/);
  });
});

describe('parseEnvelope', () => {
  const valid = newEnvelope({
    type: 'claim.notified',
    source: 'wc/claims-service',
    subject: claimId,
    data: notified,
    time: '2025-03-04T09:15:00+11:00',
  });

  it('accepts a valid envelope of a known type, from a Buffer or a string', () => {
    for (const input of [Buffer.from(JSON.stringify(valid)), JSON.stringify(valid)]) {
      const r = parseEnvelope(input);
      expect(r).toEqual({ ok: true, known: true, envelope: valid });
      if (r.ok && isEvent(r.envelope, 'claim.notified')) expect(r.envelope.data.worker.familyName).toBe('Nguyen');
      else throw new Error('expected a claim.notified envelope');
    }
  });

  it('passes an unknown type through without checking its data', () => {
    const future = { ...valid, type: 'claim.reopened', data: { anything: ['goes', 1] } };
    expect(parseEnvelope(JSON.stringify(future))).toEqual({ ok: true, known: false, envelope: future });
  });

  it('rejects bad data for a known type, naming the field', () => {
    const bad = { ...valid, data: { ...notified, dateOfInjury: '2025-02-30', worker: { givenName: 'Alex' } } };
    const r = parseEnvelope(JSON.stringify(bad));
    expect(r).toMatchObject({ ok: false, reason: 'invalid-data' });
    if (r.ok) return;
    expect(r.error).toContain(`invalid data for claim.notified (event ${valid.id}, subject ${claimId})`);
    expect(r.error).toContain('data.worker.familyName: is required');
    expect(r.error).toContain('data.dateOfInjury: must be a date YYYY-MM-DD');
  });

  it('rejects a broken envelope, naming the fields', () => {
    const { specversion: _drop, ...noVersion } = valid;
    const r = parseEnvelope(JSON.stringify({ ...noVersion, id: 'x', time: '2025-03-04T09:15:00', extra: 1 }));
    expect(r).toMatchObject({ ok: false, reason: 'invalid-envelope' });
    if (r.ok) return;
    expect(r.error).toMatch(/specversion: /);
    expect(r.error).toMatch(/id: must be a uuid/);
    expect(r.error).toMatch(/time: must be an ISO timestamp/);
    expect(r.error).toMatch(/\(envelope\): unknown field: extra/);
  });

  it('reports non-JSON and empty messages without throwing', () => {
    const r = parseEnvelope(Buffer.from('{"specversion": "1.0", oops'));
    expect(r).toMatchObject({ ok: false, reason: 'not-json' });
    if (!r.ok) expect(r.error).toMatch(/^not JSON \(.+\): "\{\\"specversion\\": \\"1\.0\\", oops"$/);
    expect(parseEnvelope(null)).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseEnvelope(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseEnvelope('42')).toMatchObject({ ok: false, reason: 'invalid-envelope' });
    expect(parseEnvelope('null')).toMatchObject({ ok: false, reason: 'invalid-envelope' });
  });
});
