import type { ClaimEvent, Notification } from '@wc/contracts';
import { chapterCoverage } from './chapters';
import { ClaimLifecycle } from './lifecycle';
import { END_OF_DAY_MINUTE } from './scenario-driver';
import { timelineOf } from './timeline';

/** A non-significant claim (no initial-contact noise), P 1000, MAX 2600, notified Tue 6 Jan 2026. */
const claim: Notification = {
  worker: { givenName: 'Lena', familyName: 'Petrov', dateOfBirth: '1984-04-04' },
  employer: { name: 'Penrith Plastics Pty Ltd', policyNumber: 'WI-500001' },
  injury: { dateOfInjury: '2026-01-05', employerAwareOn: '2026-01-05', nature: 'sprain-strain', bodyLocation: 'knee', likelySurgery: false, expectedIncapacityDays: 7, redFlags: [], yellowFlags: [] },
  notifiedAt: '2026-01-06T09:00:00+11:00',
  notificationComplete: true,
  piawe: '1000.00',
};
const tables = {
  maxWeeklyCompensation: [{ from: '2025-10-01', amount: '2600.00' }],
  indexation: [
    { on: '2026-04-01', factor: '1.0000' },
    { on: '2026-10-01', factor: '1.0000' },
    { on: '2027-04-01', factor: '1.0000' },
  ],
};
const start = (features = {}) => ClaimLifecycle.start({ claim, tables, features });
const paid = (lc: ClaimLifecycle, to = '2027-12-31') => {
  lc.apply({ at: '2026-01-07', type: 'certificate.received', capacity: 'none', from: '2026-01-05', to });
  lc.apply({ at: '2026-01-08', type: 'liability.accepted' });
};
/** Applies an event that must be refused, and checks that it changed nothing. */
function refused(lc: ClaimLifecycle, event: ClaimEvent): { path: string; message: string } {
  const before = JSON.stringify(lc.state);
  const r = lc.apply(event);
  if (r.ok) throw new Error(`${event.type} was accepted`);
  expect(JSON.stringify(lc.state)).toBe(before);
  return r.problems[0];
}
const obligations = (lc: ClaimLifecycle, type: string) => lc.state.obligations.filter((o) => o.type === type);

describe('the lifecycle by chapter', () => {
  it('every event type is handled by exactly one chapter', () => {
    expect(chapterCoverage()).toEqual({ missing: [], twice: [] });
  });
});

describe('rules.md §8.5: what is refused changes nothing', () => {
  it('a warning whose suspension date is 13 or 61 days away, and a second warning while one is open', () => {
    const lc = start();
    paid(lc);
    expect(refused(lc, { at: '2026-03-02', type: 's48a.warning-issued', suspendFrom: '2026-03-15' })).toEqual({
      path: 'suspendFrom',
      message: expect.stringMatching(/at least 14 and at most 60 days.*13 days after 2026-03-02/),
    });
    expect(refused(lc, { at: '2026-03-02', type: 's48a.warning-issued', suspendFrom: '2026-05-02' })).toEqual({ path: 'suspendFrom', message: expect.stringMatching(/61 days after/) });
    expect(lc.apply({ at: '2026-03-02', type: 's48a.warning-issued', suspendFrom: '2026-03-16' }).ok).toBe(true);
    expect(refused(lc, { at: '2026-03-03', type: 's48a.warning-issued', suspendFrom: '2026-04-01' })).toEqual({ path: 'type', message: expect.stringMatching(/warning of 2026-03-02 is still open/) });
    // Once complied with, a new warning may be given.
    expect(lc.apply({ at: '2026-03-10', type: 's48a.complied' }).ok).toBe(true);
    expect(refused(lc, { at: '2026-03-11', type: 's48a.complied' }).message).toMatch(/no open s48A warning/);
    expect(lc.apply({ at: '2026-03-11', type: 's48a.warning-issued', suspendFrom: '2026-04-01' }).ok).toBe(true);
  });

  it('a second discontinuance', () => {
    const lc = start();
    paid(lc);
    expect(lc.apply({ at: '2026-05-04', type: 'weekly.discontinued', basis: 'other', reasons: 'back at work' }).ok).toBe(true);
    expect(refused(lc, { at: '2026-05-05', type: 'weekly.discontinued', basis: 'work-capacity-decision', reasons: 'again' })).toEqual({
      path: 'type',
      message: expect.stringMatching(/already discontinued by notice of 2026-05-04.*no longer payable from 2026-05-19/),
    });
  });

  it('a decision on a request already decided, a ref that names no open request, and nothing waiting', () => {
    const lc = start();
    expect(refused(lc, { at: '2026-01-07', type: 'treatment.approved' })).toEqual({ path: 'type', message: 'no treatment request is waiting to be decided' });
    lc.apply({ at: '2026-01-07', type: 'treatment.requested', treatment: 'physiotherapy', provider: 'Penrith Physio', cost: '400.00', ref: 'physio' });
    expect(refused(lc, { at: '2026-01-08', type: 'treatment.approved', ref: 'psych' })).toEqual({ path: 'ref', message: 'no open treatment request with ref "psych"' });
    expect(lc.apply({ at: '2026-01-08', type: 'treatment.declined', ref: 'physio', reasons: 'not reasonably necessary' })).toEqual({ ok: true, outcome: { ref: 'physio' } });
    expect(refused(lc, { at: '2026-01-09', type: 'treatment.approved', ref: 'physio' })).toEqual({
      path: 'ref',
      message: 'treatment request "physio" was already declined on 2026-01-08; it cannot be decided again',
    });
    expect(refused(lc, { at: '2026-01-09', type: 'treatment.declined', reasons: 'x' }).message).toBe('no treatment request is waiting to be decided');
    expect(refused(lc, { at: '2026-01-09', type: 'treatment.requested', treatment: 'again', provider: 'P', cost: '1.00', ref: 'physio' }).path).toBe('ref');
  });

  it('termination under s48A only after a suspension ran its 28 days without compliance', () => {
    const lc = start();
    paid(lc);
    expect(refused(lc, { at: '2026-03-02', type: 's48a.terminated', reasons: 'no warning' }).message).toMatch(/only after a suspension has run its 28 days/);
    lc.apply({ at: '2026-03-02', type: 's48a.warning-issued', suspendFrom: '2026-03-16' });
    // The suspension runs 16 Mar to 12 Apr: not yet over on 12 Apr.
    expect(refused(lc, { at: '2026-04-12', type: 's48a.terminated', reasons: 'still not complying' }).message).toMatch(/28 days/);
    const r = lc.apply({ at: '2026-04-13', type: 's48a.terminated', reasons: 'still not complying' });
    expect(r).toMatchObject({ ok: true, outcome: { discontinuance: { by: 's48a.terminated', noticeOn: '2026-04-13', period: 'none', firstDayNotPayable: '2026-04-14' } } });
    expect(refused(lc, { at: '2026-04-20', type: 'weekly.discontinued', basis: 'other', reasons: 'x' }).message).toMatch(/already discontinued/);
  });
});

describe('rules.md §8 in the lifecycle', () => {
  it("a discontinuance's notice states when it takes effect, and nothing is payable from then", () => {
    const lc = start();
    paid(lc);
    const r = lc.apply({ at: '2026-05-04', type: 'weekly.discontinued', basis: 'other', reasons: 'back at work' });
    // C = 5 Jan … 4 May = 27 + 28 + 31 + 30 + 4 = 120 days: 2 weeks, F = 4 May + 15 = 19 May.
    expect(r).toMatchObject({ ok: true, outcome: { discontinuance: { continuousDays: 120, period: '2 weeks', firstDayNotPayable: '2026-05-19' } } });
    const notice = lc.state.notices.find((n) => n.type === 'decision-notice');
    expect(notice).toMatchObject({ on: '2026-05-04', to: ['worker'], facts: { takesEffectOn: '2026-05-19', lastPayableDay: '2026-05-18', noticePeriod: '2 weeks' } });
    lc.advanceTo({ date: '2026-06-30', minuteOfDay: END_OF_DAY_MINUTE });
    const { timeline } = timelineOf(lc, '2026-06-30');
    // Blocks start Mondays; the block of 18 May has one payable day: 800 / 7 = 114.29.
    expect(timeline.payments[timeline.payments.length - 1]).toEqual({ week: 20, from: '2026-05-18', to: '2026-05-24', amount: '114.29' });
    // The renewal of the open-ended certificate was cancelled at the start of F.
    expect(obligations(lc, 'certificate.renewal')[0]).toMatchObject({ cancelledOn: '2026-05-19', cancelledBy: expect.stringMatching(/no longer payable from 2026-05-19/) });
  });

  it('s59A: a claim never paid weekly gets its notice 8 weeks before it is due, 13 weeks before medical compensation ends', () => {
    const lc = start();
    lc.apply({ at: '2026-01-08', type: 'liability.accepted' });
    // Made 6 Jan 2026 → ends 6 Jan 2028; 13 weeks before = Thu 7 Oct 2027; opened 8 weeks earlier, Thu 12 Aug 2027.
    lc.advanceTo({ date: '2027-08-11', minuteOfDay: END_OF_DAY_MINUTE });
    expect(obligations(lc, 's59a.notice')).toEqual([]);
    lc.advanceTo({ date: '2027-08-12', minuteOfDay: 1 });
    expect(obligations(lc, 's59a.notice')).toEqual([expect.objectContaining({ openedOn: '2027-08-12', dueOn: '2027-10-07', completedOn: null })]);
    lc.apply({ at: '2027-09-01', type: 's59a.notice-issued' });
    expect(obligations(lc, 's59a.notice')[0].completedOn).toBe('2027-09-01');
    expect(lc.state.notices[lc.state.notices.length - 1]).toMatchObject({
      type: 's59a-notice',
      to: ['doctor', 'worker'],
      facts: { ceaseOn: '2028-01-06', period: '2 years', basis: 'claim first made' },
    });
    // Beyond docs/rules.md: not in the simulate-shaped timeline.
    expect(timelineOf(lc, '2027-09-01').timeline.notices.map((n) => n.type)).not.toContain('s59a-notice');
  });

  it('s59A after a discontinuance: a WPI of 15% moves the end to 5 years, one above 20% cancels the notice', () => {
    const lc = start();
    paid(lc);
    lc.apply({ at: '2026-05-04', type: 'weekly.discontinued', basis: 'other', reasons: 'back at work' });
    // F = 19 May 2026 → medical compensation ends 19 May 2028; 13 weeks (91 days) before = Fri 18 Feb
    // 2028 (30 + 31 + 29 days back to 19 Feb, one more); opened 8 weeks earlier, Fri 24 Dec 2027.
    lc.advanceTo({ date: '2027-12-23', minuteOfDay: END_OF_DAY_MINUTE });
    expect(obligations(lc, 's59a.notice')).toEqual([]);
    lc.advanceTo({ date: '2027-12-24', minuteOfDay: 1 });
    expect(obligations(lc, 's59a.notice')).toEqual([expect.objectContaining({ openedOn: '2027-12-24', dueOn: '2028-02-18' })]);
    lc.apply({ at: '2028-01-10', type: 'wpi.assessed', percent: 15 });
    // 5 years: 19 May 2031 - 91 days (30 + 31 + 28 back to 19 Feb, two more) = Mon 17 Feb 2031.
    expect(obligations(lc, 's59a.notice')[0]).toMatchObject({ dueOn: '2031-02-17', completedOn: null, cancelledOn: null });
    expect(lc.drainEffects().some((e) => e.kind === 'obligation-rescheduled')).toBe(true);
    lc.apply({ at: '2028-01-20', type: 'wpi.assessed', percent: 25 });
    expect(obligations(lc, 's59a.notice')[0]).toMatchObject({ cancelledOn: '2028-01-20', cancelledBy: expect.stringMatching(/WPI above 20%/) });
  });

  it('claims started before rules.md §8 keep their clocks: no week 235 or 260, no s59A check', () => {
    const lc = start({ rules8Clocks: false });
    expect(lc.state.weekTriggers.map((t) => t.week)).toEqual([74, 131]);
    expect(lc.state.s59aCheck).toBeUndefined();
    const later = ClaimLifecycle.restore(JSON.parse(JSON.stringify(lc.state)), { rules8Clocks: true });
    expect(later.state.weekTriggers.map((t) => t.week)).toEqual([74, 131, 235, 260]);
    expect(later.state.s59aCheck).toBe('2026-01-06');
  });
});
