import { z } from 'zod';
import { problemsOf } from './problems';
import { moneyText, signedMoneyText, typeError, uuidOf } from './primitives';

const lines = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : problemsOf(r.error).map((p) => `${p.path}: ${p.message}`);
};

describe("the platform's wording of a problem", () => {
  const schema = z
    .object({
      id: z.guid(),
      name: z.string().min(1),
      code: z.string().min(3).max(5),
      count: z.number().int().min(1).max(9),
      ratio: z.number().gt(0).lt(1),
      step: z.number().multipleOf(5),
      tags: z.array(z.string()).min(1).max(2),
      kind: z.enum(['a', 'b']),
      fixed: z.literal('x'),
      at: z.iso.datetime(),
      email: z.email(),
      nested: z.object({ list: z.array(z.object({ n: z.number() })) }),
    })
    .strict();
  const good = {
    id: '2d0b8f61-7c3e-4a59-9a57-5d6ef3a1c001',
    name: 'n',
    code: 'abc',
    count: 1,
    ratio: 0.5,
    step: 10,
    tags: ['t'],
    kind: 'a',
    fixed: 'x',
    at: '2026-07-01T00:00:00Z',
    email: 'a@b.au',
    nested: { list: [] },
  };

  it('passes a good value', () => expect(lines(schema, good)).toEqual([]));

  it('names each field and says what is wrong, in one wording everywhere', () => {
    expect(
      lines(schema, {
        id: 'nope',
        name: '',
        code: 'abcdef',
        count: 1.5,
        ratio: 1,
        step: 7,
        tags: ['a', 'b', 'c'],
        kind: 'c',
        fixed: 'y',
        at: 'yesterday',
        email: 'x',
        nested: { list: [{ n: '1' }] },
        extra: true,
        more: 1,
      }),
    ).toEqual([
      'id: must be a uuid',
      'name: must not be empty',
      'code: must be at most 5 characters',
      'count: must be a whole number',
      'ratio: must be less than 1',
      'step: must be a multiple of 5',
      'tags: must have at most 2 items',
      'kind: must be one of a, b, got "c"',
      'fixed: must be "x"',
      'at: must be an ISO timestamp',
      'email: must be an email address',
      'nested.list[0].n: must be number, got string',
      '(root): unknown fields: extra, more',
    ]);
    expect(lines(schema, { ...good, code: 'ab', count: 0, ratio: 0, tags: [] })).toEqual([
      'code: must be at least 3 characters',
      'count: must be at least 1',
      'ratio: must be more than 0',
      'tags: must have at least 1 item',
    ]);
  });

  it('a missing field is required, whatever its type; null is not missing', () => {
    expect(lines(z.object({ a: z.string(), b: z.number(), c: z.string() }), { c: null })).toEqual(['a: is required', 'b: is required', 'c: must be string, got null']);
  });

  it('an unknown tag of a discriminated union lists the known ones', () => {
    const u = z.discriminatedUnion('type', [z.object({ type: z.literal('a') }), z.object({ type: z.literal('b') })]);
    expect(lines(u, { type: 'c' })).toEqual(['type: unknown type; expected one of a, b']);
  });

  it("a schema's own words win; typeError and uuidOf keep a missing field 'is required'", () => {
    const s = z.object({ n: z.number(typeError('must be a count')), id: uuidOf('must be a claim id'), d: z.string().regex(/^\d+$/, 'digits only') });
    expect(lines(s, { n: '1', id: 'x', d: 'a' })).toEqual(['n: must be a count', 'id: must be a claim id', 'd: digits only']);
    expect(lines(s, {})).toEqual(['n: is required', 'id: is required', 'd: is required']);
  });
});

describe('money', () => {
  it('fits the narrowest money column, numeric(12,2); a bad amount gets one problem, not two', () => {
    expect(lines(moneyText, '9999999999.99')).toEqual([]);
    expect(lines(moneyText, '10000000000.00')).toEqual(['(root): must be at most 9999999999.99']);
    expect(lines(moneyText, '1'.repeat(400))).toEqual(['(root): must be at most 9999999999.99']);
    expect(lines(moneyText, '1.234')).toEqual(['(root): must be an amount as a string with at most 2 decimal places, e.g. "1200.00"']);
    expect(lines(signedMoneyText, '-9999999999.99')).toEqual([]);
    expect(lines(signedMoneyText, '-10000000000.00')).toEqual(['(root): must be between -9999999999.99 and 9999999999.99']);
    expect(lines(signedMoneyText, '12')).toEqual(['(root): must be an amount with 2 decimal places, e.g. "-60.00"']);
  });
});
