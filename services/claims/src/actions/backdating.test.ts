import fc from 'fast-check';
import { addDays } from '@wc/rules';
import { backdatingRefusal, daysBack } from './backdating';

const today = '2026-12-07';
const rule = (days: number, role: 'case-manager' | 'team-leader' | 'admin' | 'reviewer', reason?: string) => backdatingRefusal({ at: addDays(today, -days), today, role, reason, windowDays: 14 });

describe('how far back an action may be dated (issue 14)', () => {
  it('within the window anyone who may record it may, with or without a reason', () => {
    expect(rule(0, 'case-manager')).toBeNull();
    expect(rule(14, 'case-manager')).toBeNull();
    expect(rule(14, 'reviewer', 'found in the mail')).toBeNull();
  });

  it('beyond it, not a case manager: 403 naming the day count and who may', () => {
    expect(rule(15, 'case-manager', 'found in the mail')).toEqual({
      status: 403,
      field: 'at',
      in: 'body',
      problem: 'is 15 days ago, more than the 14 days an action may be backdated: a team leader records it, giving a Backdating-Reason',
    });
  });

  it('beyond it, a team leader gives a reason: 400 naming the header without one', () => {
    expect(rule(40, 'team-leader')).toEqual({ status: 400, field: 'Backdating-Reason', in: 'header', problem: 'is required for an action dated 40 days ago (more than 14)' });
    expect(rule(40, 'team-leader', 'certificate received by post on the day, scanned late')).toBeNull();
    expect(rule(400, 'admin', 'data migration from the old system')).toBeNull();
  });

  it('a reason must say something: 5 to 500 characters', () => {
    expect(rule(40, 'team-leader', 'ok')).toMatchObject({ status: 400, field: 'Backdating-Reason', problem: 'must be 5 to 500 characters' });
    expect(rule(1, 'case-manager', 'x'.repeat(501))).toMatchObject({ status: 400, field: 'Backdating-Reason' });
  });

  it('a case manager is refused exactly when the action is dated more than the window back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 365 }), (days, windowDays) => {
        const r = backdatingRefusal({ at: addDays(today, -days), today, role: 'case-manager', reason: undefined, windowDays });
        expect(r === null).toBe(days <= windowDays);
        expect(daysBack(addDays(today, -days), today)).toBe(days);
      }),
    );
  });
});
