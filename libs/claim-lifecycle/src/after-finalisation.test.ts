import type { Notification } from '@wc/contracts';
import { ClaimLifecycle } from './lifecycle';
import { END_OF_DAY_MINUTE } from './scenario-driver';

/**
 * After claim.finalised nothing more happens to a claim (docs/rules.md §4: "claim.finalised cancels every
 * obligation still open, and nothing opens after it"; §8.2: an s48A warning is open "until the worker
 * complies, its suspension ends, or the claim is finalised"; workflows/src/claim/workflows.ts: "A
 * finalised claim stays addressable ... but has no timers"; escalation.test.ts: "nextWakeUp ...
 * nothing after finalisation").
 *
 * Found while writing lifecycle.property.test.ts: before workflow version 6 a finalised claim still
 * sent the s48a-suspension notice of a warning given before it, and nextWakeUp() still returned the
 * s48A suspendFrom, the discontinuance's first day not payable and the entitlement-week checks.
 * The lifecycle keeps that old behaviour only for runs that have not taken version 6 (the last test).
 */
const claim: Notification = {
  worker: { givenName: 'Lena', familyName: 'Petrov', dateOfBirth: '1984-04-04' },
  employer: { name: 'Penrith Plastics Pty Ltd', policyNumber: 'WI-500001' },
  injury: { dateOfInjury: '2026-03-02', employerAwareOn: '2026-03-02', nature: 'sprain-strain', bodyLocation: 'knee', likelySurgery: false, expectedIncapacityDays: 7, redFlags: [], yellowFlags: [] },
  notifiedAt: '2026-03-03T09:00:00+11:00',
  notificationComplete: true,
  piawe: '1000.00',
};

describe('after claim.finalised (rules.md §4, §8.2)', () => {
  it('an s48A warning given before finalisation gives no s48a-suspension notice after it', () => {
    const lc = ClaimLifecycle.start({ claim });
    expect(lc.apply({ at: '2026-03-16', type: 's48a.warning-issued', suspendFrom: '2026-04-20' }).ok).toBe(true);
    expect(lc.apply({ at: '2026-03-20', type: 'claim.finalised', reason: 'closed' }).ok).toBe(true);
    lc.drainEffects();
    lc.advanceTo({ date: '2026-05-31', minuteOfDay: END_OF_DAY_MINUTE });
    expect(lc.drainEffects()).toEqual([]);
    expect(lc.state.notices.filter((n) => n.on > '2026-03-20')).toEqual([]);
  });

  it('has no timers: an s48A warning whose suspension had not started', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ at: '2026-03-16', type: 's48a.warning-issued', suspendFrom: '2026-04-20' });
    lc.apply({ at: '2026-03-20', type: 'claim.finalised', reason: 'closed' });
    expect(lc.nextWakeUp()).toBeNull();
  });

  it('has no timers: paid weekly compensation (entitlement-week triggers) and a discontinuance', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ at: '2026-03-04', type: 'certificate.received', capacity: 'none', from: '2026-03-02', to: '2026-12-31' });
    lc.apply({ at: '2026-03-05', type: 'liability.accepted' });
    lc.apply({ at: '2026-03-16', type: 'weekly.discontinued', basis: 'other', reasons: 'back at work' });
    lc.apply({ at: '2026-03-16', type: 'claim.finalised', reason: 'closed' });
    expect(lc.nextWakeUp()).toBeNull();
  });

  it('keeps the old behaviour for a run that has not taken version 6 (its recorded history replays)', () => {
    const lc = ClaimLifecycle.start({ claim, features: { quietAfterFinalisation: false } });
    lc.apply({ at: '2026-03-16', type: 's48a.warning-issued', suspendFrom: '2026-04-20' });
    lc.apply({ at: '2026-03-20', type: 'claim.finalised', reason: 'closed' });
    expect(lc.nextWakeUp()).toEqual({ date: '2026-04-20', minuteOfDay: 0 });
  });
});
