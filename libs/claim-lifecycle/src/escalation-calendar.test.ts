import type { Notification } from '@wc/contracts';
import { ClaimLifecycle } from './lifecycle';
import { END_OF_DAY_MINUTE } from './scenario-driver';
import type { Effect } from './state';

/**
 * docs/rules.md §4 escalation on weekends and public holidays. The sweep runs at 09:00 every day, so an
 * obligation due on a Sunday or a holiday is escalated at 09:00 that day; the case manager's
 * reminder is at 09:00 one *business* day before dueOn (docs/rules.md §1: Monday to Friday, not a
 * holiday). Every date below is worked out by hand from the 2026 calendar:
 *   Easter 2026: Good Friday 3 Apr, Saturday 4, Sunday 5, Easter Monday 6 Apr.
 *   Anzac Day Sat 25 Apr 2026; declared additional holiday Mon 27 Apr 2026.
 *   King's Birthday Mon 8 Jun 2026 (1 June 2026 is a Monday).
 */
const claim: Notification = {
  worker: { givenName: 'Lena', familyName: 'Petrov', dateOfBirth: '1984-04-04' },
  employer: { name: 'Penrith Plastics Pty Ltd', policyNumber: 'WI-500001' },
  // Non-significant: no initial-contact obligations, so only the obligations made below matter.
  injury: { dateOfInjury: '2026-03-02', employerAwareOn: '2026-03-02', nature: 'sprain-strain', bodyLocation: 'knee', likelySurgery: false, expectedIncapacityDays: 7, redFlags: [], yellowFlags: [] },
  notifiedAt: '2026-03-03T09:00:00+11:00',
  notificationComplete: true,
  piawe: '1000.00',
};

type Kind = 'reminder' | 'escalated' | 'overdue';
const at = (date: string, minuteOfDay: number) => ({ date, minuteOfDay });
const NINE = 9 * 60;

/** Collects the reminder / escalated / overdue effects of one obligation type as they come out. */
class Watch {
  readonly seen: Record<Kind, string[]> = { reminder: [], escalated: [], overdue: [] };
  constructor(
    private readonly lc: ClaimLifecycle,
    private readonly type: string,
  ) {}
  /** Advances to `moment` and returns the days of the effects of `type` it produced. */
  advance(moment: { date: string; minuteOfDay: number }): Record<Kind, string[]> {
    this.lc.advanceTo(moment);
    return this.take(this.lc.drainEffects());
  }
  take(effects: Effect[]): Record<Kind, string[]> {
    const now: Record<Kind, string[]> = { reminder: [], escalated: [], overdue: [] };
    for (const e of effects) {
      if ((e.kind === 'reminder' || e.kind === 'escalated' || e.kind === 'overdue') && e.obligation.type === this.type) {
        now[e.kind].push(e.on);
        this.seen[e.kind].push(e.on);
      }
    }
    return now;
  }
}

const nothing = { reminder: [], escalated: [], overdue: [] };

describe('escalation and reminders on weekends and public holidays (rules.md §1, §4)', () => {
  it('an obligation due on a Sunday is escalated at 09:00 that Sunday; reminded 09:00 Friday before; overdue from Monday', () => {
    const lc = ClaimLifecycle.start({ claim });
    // s48a.compliance is due the day before suspendFrom, not rolled (docs/rules.md §8.2): suspendFrom
    // Mon 20 Apr 2026 → due Sun 19 Apr 2026. The warning on Mon 16 Mar is 35 days before suspendFrom.
    expect(lc.apply({ at: '2026-03-16', type: 's48a.warning-issued', suspendFrom: '2026-04-20' }).ok).toBe(true);
    const w = new Watch(lc, 's48a.compliance');
    w.take(lc.drainEffects());
    expect(lc.state.obligations.find((o) => o.type === 's48a.compliance')?.dueOn).toBe('2026-04-19');

    expect(w.advance(at('2026-04-17', NINE - 1))).toEqual(nothing);
    expect(w.advance(at('2026-04-17', NINE))).toEqual({ ...nothing, reminder: ['2026-04-17'] }); // Fri 17 Apr
    expect(w.advance(at('2026-04-19', NINE - 1))).toEqual(nothing); // nothing on Saturday, nor before 09:00 Sunday
    expect(w.advance(at('2026-04-19', NINE))).toEqual({ ...nothing, escalated: ['2026-04-19'] }); // Sun 19 Apr 09:00
    expect(w.advance(at('2026-04-19', END_OF_DAY_MINUTE))).toEqual(nothing);
    expect(w.advance(at('2026-04-20', 0))).toEqual({ ...nothing, overdue: ['2026-04-20'] });
    expect(w.advance(at('2026-05-31', END_OF_DAY_MINUTE))).toEqual(nothing);
    expect(w.seen).toEqual({ reminder: ['2026-04-17'], escalated: ['2026-04-19'], overdue: ['2026-04-20'] });
  });

  it('a complaint resolution extended to a Sunday: escalated 09:00 Sunday, not rolled to Monday', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ at: '2026-05-04', type: 'complaint.received' });
    lc.apply({ at: '2026-05-04', type: 'complaint.extended', newDate: '2026-05-17' }); // Sun 17 May 2026
    const w = new Watch(lc, 'complaint.resolution');
    w.take(lc.drainEffects());
    w.advance(at('2026-05-17', NINE - 1));
    expect(w.seen).toEqual({ reminder: ['2026-05-15'], escalated: [], overdue: [] }); // Fri 15 May
    expect(w.advance(at('2026-05-17', NINE)).escalated).toEqual(['2026-05-17']);
    w.advance(at('2026-05-18', NINE));
    expect(w.seen).toEqual({ reminder: ['2026-05-15'], escalated: ['2026-05-17'], overdue: ['2026-05-18'] });
  });

  it('due on the declared holiday Mon 27 Apr 2026: reminded 09:00 Fri 24 Apr (not Sat 25, Sun 26), escalated 09:00 Mon 27 Apr', () => {
    const lc = ClaimLifecycle.start({ claim });
    lc.apply({ at: '2026-04-15', type: 'complaint.received' });
    lc.apply({ at: '2026-04-15', type: 'complaint.extended', newDate: '2026-04-27' });
    const w = new Watch(lc, 'complaint.resolution');
    w.take(lc.drainEffects());
    expect(w.advance(at('2026-04-24', NINE - 1))).toEqual(nothing);
    expect(w.advance(at('2026-04-24', NINE))).toEqual({ ...nothing, reminder: ['2026-04-24'] });
    expect(w.advance(at('2026-04-27', NINE - 1))).toEqual(nothing);
    expect(w.advance(at('2026-04-27', NINE))).toEqual({ ...nothing, escalated: ['2026-04-27'] });
    expect(w.advance(at('2026-04-28', 0))).toEqual({ ...nothing, overdue: ['2026-04-28'] });
    w.advance(at('2026-05-31', END_OF_DAY_MINUTE));
    expect(w.seen).toEqual({ reminder: ['2026-04-24'], escalated: ['2026-04-27'], overdue: ['2026-04-28'] });
  });

  it("due on King's Birthday Mon 8 Jun 2026: reminded 09:00 Fri 5 Jun, escalated 09:00 Mon 8 Jun", () => {
    const lc = ClaimLifecycle.start({ claim });
    // suspendFrom Tue 9 Jun → s48a.compliance due Mon 8 Jun; the warning on Mon 11 May is 29 days before.
    expect(lc.apply({ at: '2026-05-11', type: 's48a.warning-issued', suspendFrom: '2026-06-09' }).ok).toBe(true);
    const w = new Watch(lc, 's48a.compliance');
    w.take(lc.drainEffects());
    expect(w.advance(at('2026-06-05', NINE - 1))).toEqual(nothing);
    expect(w.advance(at('2026-06-05', NINE))).toEqual({ ...nothing, reminder: ['2026-06-05'] });
    expect(w.advance(at('2026-06-08', NINE - 1))).toEqual(nothing);
    expect(w.advance(at('2026-06-08', NINE))).toEqual({ ...nothing, escalated: ['2026-06-08'] });
    w.advance(at('2026-06-30', END_OF_DAY_MINUTE));
    expect(w.seen).toEqual({ reminder: ['2026-06-05'], escalated: ['2026-06-08'], overdue: ['2026-06-09'] });
  });

  it('due Tue 7 Apr 2026, the day after Easter Monday: reminded 09:00 Thu 2 Apr (before Good Friday), escalated 09:00 Tue 7 Apr', () => {
    const lc = ClaimLifecycle.start({ claim });
    // suspendFrom Wed 8 Apr → due Tue 7 Apr; the warning on Wed 11 Mar is 28 days before.
    expect(lc.apply({ at: '2026-03-11', type: 's48a.warning-issued', suspendFrom: '2026-04-08' }).ok).toBe(true);
    const w = new Watch(lc, 's48a.compliance');
    w.take(lc.drainEffects());
    expect(w.advance(at('2026-04-02', NINE - 1))).toEqual(nothing);
    expect(w.advance(at('2026-04-02', NINE))).toEqual({ ...nothing, reminder: ['2026-04-02'] });
    expect(w.advance(at('2026-04-07', NINE - 1))).toEqual(nothing); // nothing over Easter
    expect(w.advance(at('2026-04-07', NINE))).toEqual({ ...nothing, escalated: ['2026-04-07'] });
    w.advance(at('2026-04-30', END_OF_DAY_MINUTE));
    expect(w.seen).toEqual({ reminder: ['2026-04-02'], escalated: ['2026-04-07'], overdue: ['2026-04-08'] });
  });

  it('done on the Sunday it is due, after 09:00: still escalated that morning; done before 09:00: not escalated, and never overdue', () => {
    for (const [time, escalated] of [
      ['2026-04-19T09:30:00+10:00', ['2026-04-19']],
      ['2026-04-19T08:30:00+10:00', []],
    ] as const) {
      const lc = ClaimLifecycle.start({ claim });
      lc.apply({ at: '2026-03-16', type: 's48a.warning-issued', suspendFrom: '2026-04-20' });
      const w = new Watch(lc, 's48a.compliance');
      w.take(lc.drainEffects());
      expect(lc.apply({ at: time, type: 's48a.complied' }).ok).toBe(true);
      w.take(lc.drainEffects());
      w.advance(at('2026-04-30', END_OF_DAY_MINUTE));
      expect(w.seen).toEqual({ reminder: ['2026-04-17'], escalated: [...escalated], overdue: [] });
      expect(lc.state.obligations.find((o) => o.type === 's48a.compliance')).toMatchObject({ completedOn: '2026-04-19', escalatedOn: escalated[0] ?? null });
    }
  });
});
