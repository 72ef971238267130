import { notificationSchema } from '@wc/contracts';
import { ClaimLifecycle } from './lifecycle';
import { partFinished, partOfEffect, splitEffects } from './parts';

const claim = notificationSchema.parse({
  worker: { givenName: 'A', familyName: 'B', dateOfBirth: '1980-01-01' },
  employer: { name: 'E', policyNumber: 'P' },
  injury: { dateOfInjury: '2026-03-02', employerAwareOn: '2026-03-02', nature: 'fracture', bodyLocation: 'wrist', likelySurgery: false, expectedIncapacityDays: 30, redFlags: [], yellowFlags: [] },
  notifiedAt: '2026-03-03T10:15:00+11:00',
  notificationComplete: true,
  piawe: '1000.00',
});

describe('parts of a claim with a life of their own', () => {
  it("route a complaint's obligations and notice to the complaint, and everything else to the claim, in order", () => {
    const lc = ClaimLifecycle.start({ claim });
    const opening = lc.drainEffects();
    expect(splitEffects(lc.state, opening).parts).toEqual([]);
    lc.apply({ type: 'complaint.received', at: '2026-03-04T10:00:00+11:00' });
    lc.apply({ type: 'payment-clock.started', clock: 'weekly-payment', ref: 'weekly:c1', receivedOn: '2026-03-04', at: '2026-03-04T11:00:00+11:00' });
    lc.apply({ type: 'complaint.acknowledged', at: '2026-03-05T10:00:00+11:00' });
    const { own, parts } = splitEffects(lc.state, lc.drainEffects());
    expect(parts.map((p) => p.part)).toEqual([{ id: 'complaint-1', kind: 'complaint' }]);
    const mine = parts[0].effects.map((e) => (e.kind === 'notice' ? `notice:${e.notice.type}` : e.kind === 'classified' ? e.kind : `${e.kind}:${e.obligation.type}`));
    expect(mine).toEqual([
      'obligation-opened:complaint.acknowledgement',
      'obligation-opened:complaint.resolution',
      // 09:00 on 5 March, one business day before both are due (2 business days, program 8).
      'reminder:complaint.acknowledgement',
      'reminder:complaint.resolution',
      'obligation-closed:complaint.acknowledgement',
      'notice:complaint-acknowledgement',
    ]);
    // A payment clock has a ref too, but it is the claim's own.
    expect(own.some((e) => e.kind === 'obligation-opened' && e.obligation.type === 'payment.weekly')).toBe(true);
  });

  it('end when the instance closes with nothing of it open, or when the claim is finalised', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ type: 'complaint.received', at: '2026-03-04T10:00:00+11:00' });
    lc.apply({ type: 'review.requested', decision: 'PIAWE', at: '2026-03-04T11:00:00+11:00' });
    const complaint = { id: 'complaint-1', kind: 'complaint' as const };
    const review = { id: 'review-1', kind: 'review' as const };
    lc.apply({ type: 'complaint.acknowledged', at: '2026-03-05T10:00:00+11:00' });
    expect(partFinished(lc.state, complaint)).toBe(false);
    lc.apply({ type: 'complaint.resolved', at: '2026-03-06T10:00:00+11:00' });
    expect(partFinished(lc.state, complaint)).toBe(true);
    expect(partFinished(lc.state, review)).toBe(false);
    lc.apply({ type: 'claim.finalised', reason: 'withdrawn', at: '2026-03-09T10:00:00+11:00' });
    expect(partFinished(lc.state, review)).toBe(true);
  });

  it('make each work capacity assessment a part of its own', () => {
    const lc = ClaimLifecycle.start({ claim });
    const o = { id: 'wca.78-weeks#7', type: 'wca.78-weeks', openedOn: '2027-08-01', dueOn: '2027-08-29', completedOn: null, cancelledOn: null } as never;
    lc.state.obligations.push(o);
    const part = partOfEffect(lc.state, { kind: 'obligation-opened', obligation: o });
    expect(part).toEqual({ id: 'wca-78-weeks-7', kind: 'wca' });
    expect(partFinished(lc.state, part!)).toBe(false);
    (o as { completedOn: string }).completedOn = '2027-08-20';
    expect(partFinished(lc.state, part!)).toBe(true);
  });
});
