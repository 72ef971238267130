import { notificationSchema } from '@wc/contracts';
import { ClaimLifecycle } from './lifecycle';
import type { Effect } from './state';

// docs/rules.md §4 escalation: a reminder to the case manager at 09:00 one business day before the due
// date, the team leader at 09:00 on the due day, and told again once it is overdue.
const claim = notificationSchema.parse({
  worker: { givenName: 'A', familyName: 'B', dateOfBirth: '1980-01-01' },
  employer: { name: 'E', policyNumber: 'P' },
  injury: { dateOfInjury: '2026-03-02', employerAwareOn: '2026-03-02', nature: 'fracture', bodyLocation: 'arm', likelySurgery: false, expectedIncapacityDays: 30, redFlags: [], yellowFlags: [] },
  notifiedAt: '2026-03-03T10:15:00+11:00', // Tue; initial contacts due Fri 6 Mar
  notificationComplete: true,
  piawe: '1000.00',
});

const of = (effects: Effect[], kind: Effect['kind'], type: string) => effects.filter((e) => e.kind === kind && 'obligation' in e && e.obligation.type === type).map((e) => ('on' in e ? e.on : null));

describe('reminders and escalation (rules.md §4)', () => {
  it('reminds at 09:00 one business day before, escalates at 09:00 on the due day, tells again when overdue', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.drainEffects();
    lc.advanceTo({ date: '2026-03-05', minuteOfDay: 8 * 60 + 59 });
    expect(of(lc.drainEffects(), 'reminder', 'initial-contact.doctor')).toEqual([]);
    lc.advanceTo({ date: '2026-03-05', minuteOfDay: 9 * 60 });
    expect(of(lc.drainEffects(), 'reminder', 'initial-contact.doctor')).toEqual(['2026-03-05']);
    lc.advanceTo({ date: '2026-03-06', minuteOfDay: 9 * 60 });
    const due = lc.drainEffects();
    expect(of(due, 'escalated', 'initial-contact.doctor')).toEqual(['2026-03-06']);
    expect(due.flatMap((e) => (e.kind === 'notice' ? e.notice.to : [])).sort()).toEqual(['doctor', 'employer', 'worker']);
    lc.advanceTo({ date: '2026-03-07', minuteOfDay: 0 });
    expect(of(lc.drainEffects(), 'overdue', 'initial-contact.doctor')).toEqual(['2026-03-07']);
  });

  it('is not escalated when done before 09:00 on the due day, and is when done after', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ type: 'contact.made', party: 'worker', at: '2026-03-06T08:59:00+11:00' });
    lc.apply({ type: 'contact.made', party: 'employer', at: '2026-03-06T09:01:00+11:00' });
    const byType = Object.fromEntries(lc.state.obligations.map((o) => [o.type, o]));
    expect(byType['initial-contact.worker']).toMatchObject({ completedOn: '2026-03-06', escalatedOn: null });
    expect(byType['initial-contact.employer']).toMatchObject({ completedOn: '2026-03-06', escalatedOn: '2026-03-06' });
  });

  it('nextWakeUp points at the next moment time matters, and nothing after finalisation', () => {
    const lc = ClaimLifecycle.start({ claim });
    expect(lc.nextWakeUp()).toEqual({ date: '2026-03-05', minuteOfDay: 540 }); // the first reminder
    lc.apply({ type: 'claim.finalised', reason: 'withdrawn', at: '2026-03-04' });
    expect(lc.nextWakeUp()).toBeNull();
  });
});

describe('case conferences', () => {
  it('a conference held without a recorded scheduling still meets case-conference.required and needs a summary', () => {
    const lc = ClaimLifecycle.start({ claim });
    expect(lc.apply({ type: 'employment.no-suitable-duties', at: '2026-03-10' })).toMatchObject({ ok: true });
    expect(lc.apply({ type: 'case-conference.held', at: '2026-03-16' })).toMatchObject({ ok: true });
    const byType = Object.fromEntries(lc.state.obligations.map((o) => [o.type, o]));
    expect(byType['case-conference.required']).toMatchObject({ openedOn: '2026-03-10', dueOn: '2026-03-24', completedOn: '2026-03-16' });
    expect(byType['case-conference.summary']).toMatchObject({ openedOn: '2026-03-16', dueOn: '2026-03-18', completedOn: null });
    expect(lc.apply({ type: 'case-conference.held', at: '2026-03-17', ref: 'no-such' })).toEqual({ ok: false, problems: [{ path: 'ref', message: 'no open case-conference with ref "no-such"' }] });
  });
});

describe('complaints', () => {
  it('an extension after escalation is an effect (the escalation no longer stands), and a second acknowledgement is refused', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ type: 'complaint.received', at: '2026-03-04' });
    lc.advanceTo({ date: '2026-03-06', minuteOfDay: 10 * 60 }); // resolution due Fri 6 Mar: escalated at 09:00
    lc.drainEffects();
    expect(lc.apply({ type: 'complaint.extended', newDate: '2026-03-13', at: '2026-03-06' })).toMatchObject({ ok: true });
    expect(
      lc
        .drainEffects()
        .filter((e) => e.kind === 'obligation-rescheduled')
        .map((e) => 'obligation' in e && [e.obligation.dueOn, e.obligation.escalatedOn]),
    ).toEqual([['2026-03-13', null]]);
    expect(lc.apply({ type: 'complaint.acknowledged', at: '2026-03-09' })).toMatchObject({ ok: true });
    expect(lc.apply({ type: 'complaint.acknowledged', at: '2026-03-09' })).toEqual({ ok: false, problems: [{ path: 'type', message: 'no complaint is waiting for an acknowledgement' }] });
    expect(lc.apply({ type: 'complaint.resolved', at: '2026-03-10' })).toMatchObject({ ok: true });
    expect(lc.state.instances.every((i) => i.closed)).toBe(true);
  });

  it('an action dated before the obligation opened completes it on its opening day, not before', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ type: 'complaint.received', at: '2026-03-10' });
    expect(lc.apply({ type: 'complaint.acknowledged', at: '2026-03-09' })).toMatchObject({ ok: true }); // recorded a day too early
    expect(lc.state.obligations.find((o) => o.type === 'complaint.acknowledgement')).toMatchObject({ openedOn: '2026-03-10', completedOn: '2026-03-10' });
  });
});
