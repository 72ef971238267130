import { notificationSchema } from '@wc/contracts';
import { ClaimLifecycle } from './lifecycle';
import { timelineOf } from './timeline';
import type { Effect } from './state';

// Program 4.6: paid within five business days of a certificate or earnings being received; an
// employer on a wage reimbursement schedule reimbursed within 10 business days. The payments
// service starts and meets the clocks; the workflow escalates them like any obligation.
const claim = notificationSchema.parse({
  worker: { givenName: 'A', familyName: 'B', dateOfBirth: '1980-01-01' },
  employer: { name: 'E', policyNumber: 'P' },
  injury: { dateOfInjury: '2026-03-02', employerAwareOn: '2026-03-02', nature: 'sprain-strain', bodyLocation: 'back', likelySurgery: false, expectedIncapacityDays: 5, redFlags: [], yellowFlags: [] },
  notifiedAt: '2026-03-03T10:15:00+11:00',
  notificationComplete: true,
  piawe: '1000.00',
});
const kinds = (effects: Effect[], type: string) => effects.filter((e) => 'obligation' in e && e.obligation.type === type).map((e) => `${e.kind}${'on' in e ? `@${e.on}` : ''}`);

describe('payment clocks (program 4.6)', () => {
  it('counts five business days from receipt, reminds, escalates at 09:00 on the due day, and is met by the payment', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.drainEffects();
    // Certificate received Thu 5 Mar; payments starts the clock that day: due Thu 12 Mar.
    expect(lc.apply({ type: 'payment-clock.started', clock: 'weekly-payment', ref: 'weekly:c1', receivedOn: '2026-03-05', at: '2026-03-05T11:00:00+11:00' })).toMatchObject({ ok: true });
    const o = lc.state.obligations.find((x) => x.ref === 'weekly:c1')!;
    expect(o).toMatchObject({ type: 'payment.weekly', openedOn: '2026-03-05', dueOn: '2026-03-12' });
    expect(o.due.source).toContain('program 4.6');
    lc.advanceTo({ date: '2026-03-12', minuteOfDay: 9 * 60 });
    expect(kinds(lc.drainEffects(), 'payment.weekly')).toEqual(['obligation-opened', 'reminder@2026-03-11', 'escalated@2026-03-12']);
    expect(lc.apply({ type: 'payment-clock.met', ref: 'weekly:c1', at: '2026-03-12T15:00:00+11:00' })).toMatchObject({ ok: true });
    expect(lc.state.obligations.find((x) => x.ref === 'weekly:c1')).toMatchObject({ completedOn: '2026-03-12', escalatedOn: '2026-03-12' });
    // Met twice, or a clock never started: refused with the ref named.
    expect(lc.apply({ type: 'payment-clock.met', ref: 'weekly:c1', at: '2026-03-13' })).toEqual({ ok: false, problems: [{ path: 'ref', message: 'no running payment clock "weekly:c1"' }] });
  });

  it('gives a reimbursement 10 business days, can be stopped with a reason, and stays out of the rules.md §4 timeline', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ type: 'payment-clock.started', clock: 'reimbursement', ref: 'wrs:s1:2', receivedOn: '2026-03-06', at: '2026-03-06' });
    lc.apply({ type: 'payment-clock.started', clock: 'weekly-payment', ref: 'weekly:c2', receivedOn: '2026-03-06', at: '2026-03-06' });
    expect(lc.apply({ type: 'payment-clock.started', clock: 'weekly-payment', ref: 'weekly:c2', receivedOn: '2026-03-06', at: '2026-03-06' }).ok).toBe(false);
    // Fri 6 Mar + 10 business days = Fri 20 Mar.
    expect(lc.state.obligations.find((x) => x.ref === 'wrs:s1:2')).toMatchObject({ type: 'payment.reimbursement', dueOn: '2026-03-20' });
    lc.apply({ type: 'payment-clock.stopped', ref: 'weekly:c2', reason: 'the employer pays through payroll', at: '2026-03-09' });
    expect(lc.state.obligations.find((x) => x.ref === 'weekly:c2')).toMatchObject({ cancelledOn: '2026-03-09', cancelledBy: 'payment-clock.stopped: the employer pays through payroll' });
    lc.advanceTo({ date: '2026-03-21', minuteOfDay: 0 });
    const { timeline } = timelineOf(lc, '2026-03-20');
    expect(timeline.obligations.map((x) => x.type)).not.toContain('payment.reimbursement');
    lc.apply({ type: 'claim.finalised', reason: 'closed', at: '2026-03-23' });
    expect(lc.state.obligations.find((x) => x.ref === 'wrs:s1:2')).toMatchObject({ cancelledOn: '2026-03-23' });
  });
});
