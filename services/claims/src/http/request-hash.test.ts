import { createHash } from 'node:crypto';
import { canonical, requestHash } from './request-hash';

// What an Idempotency-Key is compared by. The expected strings are written out here, not produced
// by the function under test.
describe('the request an Idempotency-Key stands for', () => {
  it('is the body with its keys in order, at every depth, and arrays kept in their order', () => {
    expect(canonical({ type: 'contact.made', party: 'worker' })).toBe('{"party":"worker","type":"contact.made"}');
    expect(canonical({ b: [{ z: 1, y: null }, 'x'], a: { d: true, c: '1.10' } })).toBe('{"a":{"c":"1.10","d":true},"b":[{"y":null,"z":1},"x"]}');
    // An amount is text: "570.00" and "570.0" are two requests.
    expect(canonical({ cost: '570.00' })).not.toBe(canonical({ cost: '570.0' }));
  });

  it('hashes to the SHA-256 of that text, whatever order the keys were sent in', () => {
    const expected = createHash('sha256').update('{"party":"worker","type":"contact.made"}').digest('hex');
    expect(requestHash({ type: 'contact.made', party: 'worker' })).toBe(expected);
    expect(requestHash({ party: 'worker', type: 'contact.made' })).toBe(expected);
    expect(requestHash({ party: 'employer', type: 'contact.made' })).not.toBe(expected);
  });
});
