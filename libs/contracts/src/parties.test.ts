import { consentCovers, consentInputSchema, partyInputSchema, partyRemovalSchema } from './parties';
import { problemsOf } from './problems';

const problems = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) => (r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`));

describe('a party on the claim', () => {
  it('needs the contact detail of every channel it is written to by', () => {
    expect(problems(partyInputSchema.safeParse({ role: 'worker', name: 'Lena Okoro', channels: ['email', 'sms', 'post'] }))).toEqual([
      'channels.0: is email but email is not recorded',
      'channels.1: is sms but mobile is not recorded',
      'channels.2: is post but postalAddress is not recorded',
    ]);
  });

  it('names a channel once, takes Australian mobiles only, and keeps the interpreter on the worker', () => {
    expect(problems(partyInputSchema.safeParse({ role: 'employer', name: 'Harbour Freight', email: 'hr@hf.example', channels: ['email', 'email'], interpreter: { language: 'Greek' } }))).toEqual([
      'channels.1: names email twice',
      'interpreter: is recorded on the worker only',
    ]);
    expect(problems(partyInputSchema.safeParse({ role: 'worker', name: 'Lena Okoro', mobile: '02 9000 1234', channels: ['sms'] }))).toEqual([
      'mobile: must be an Australian mobile number, 04xx xxx xxx or +61 4xx xxx xxx',
    ]);
    const ok = partyInputSchema.parse({ role: 'worker', name: 'Lena Okoro', mobile: '0412 345 678', channels: ['sms'], interpreter: { language: 'Vietnamese' } });
    expect(ok).toMatchObject({ mobile: '0412345678', capacities: [] });
  });

  it('of role other says what they are to the claim', () => {
    expect(problems(partyInputSchema.safeParse({ role: 'other', name: 'Jones Legal', email: 'a@jones.example', channels: ['email'] }))).toEqual([
      'relationship: is required for a party of role other',
    ]);
  });
});

describe("the worker's consent (program s11)", () => {
  const given = { partyId: '3b6c1f0e-8f51-4c2a-9a0e-2f4b5d6c7e81', scope: 'health-information' as const, givenOn: '2026-03-02', evidence: 'claim form', recordedBy: 'cm.lee' };

  it('covers its party from the day given until the day withdrawn', () => {
    const withdrawn = { ...given, withdrawnOn: '2026-05-01' };
    expect(consentCovers([given], given.partyId, '2026-03-01')).toBe(false);
    expect(consentCovers([given], given.partyId, '2026-03-02')).toBe(true);
    expect(consentCovers([withdrawn], given.partyId, '2026-04-30')).toBe(true);
    expect(consentCovers([withdrawn], given.partyId, '2026-05-01')).toBe(false);
    expect(consentCovers([given], 'another-party', '2026-04-01')).toBe(false);
  });

  it('is refused when withdrawn before it was given, or without its evidence', () => {
    const { recordedBy: _, ...input } = given;
    expect(problems(consentInputSchema.safeParse({ ...input, withdrawnOn: '2026-03-01', evidence: '' }))).toEqual(['evidence: must not be empty', 'withdrawnOn: is before givenOn']);
    expect(problems(consentInputSchema.safeParse({ ...input, scope: 'everything' }))).toEqual(['scope: must be health-information']);
  });
});

describe('taking a party off the claim', () => {
  it('needs the reason, and nothing else', () => {
    expect(partyRemovalSchema.safeParse({ reason: 'recorded by mistake' }).success).toBe(true);
    // As the API's 400 body words them.
    const apiProblems = (body: unknown) => {
      const r = partyRemovalSchema.safeParse(body);
      return r.success ? [] : problemsOf(r.error).map((p) => `${p.path}: ${p.message}`);
    };
    expect(apiProblems({})).toEqual(['reason: is required']);
    expect(apiProblems({ reason: ' ' })).toHaveLength(1);
    expect(apiProblems({ reason: 'x', partyId: 'y' })).toEqual(['(root): unknown field: partyId']);
  });
});
