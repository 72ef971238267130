import { decideClaimAccess, seesAllClaims, type ClaimStaffing } from './policy';
import type { StaffUser } from '../auth';

// Issue 14's rule, written out: who may see which claim's health information and payment data.
const claim: ClaimStaffing = { caseManager: 'cm.kim', teamLeader: 'tl.ada', reviewers: ['rv.sam'], coveringCaseManagers: ['cm.lee'] };
const as = (role: StaffUser['role'], user: string): StaffUser => ({ role, user });

describe('who may see a claim', () => {
  it.each([
    ['its case manager', as('case-manager', 'cm.kim'), true, true],
    ['a case manager covering for its case manager', as('case-manager', 'cm.lee'), true, true],
    ['another case manager', as('case-manager', 'cm.max'), false, false],
    ['its team leader', as('team-leader', 'tl.ada'), true, true],
    ["another team's leader", as('team-leader', 'tl.bo'), false, false],
    ['its reviewer', as('reviewer', 'rv.sam'), true, true],
    ['another reviewer', as('reviewer', 'rv.jo'), false, false],
    ['a payments officer', as('payments-officer', 'po.olivia'), false, true],
    ['a privacy officer', as('privacy-officer', 'pr.ann'), false, false],
    ['an administrator', as('admin', 'it.root'), false, false],
  ])('%s: health %s, payments %s', (_, who, health, payments) => {
    expect(decideClaimAccess(who, claim, 'health').allowed).toBe(health);
    expect(decideClaimAccess(who, claim, 'payments').allowed).toBe(payments);
  });

  it('a cover counts only while the claim has a case manager to cover for', () => {
    expect(decideClaimAccess(as('case-manager', 'cm.lee'), { ...claim, caseManager: null }, 'health').allowed).toBe(false);
  });

  it('a claim nobody leads yet is open to every team leader (its escalations go to all of them), to no case manager', () => {
    const unled = { ...claim, teamLeader: null, caseManager: null };
    expect(decideClaimAccess(as('team-leader', 'tl.bo'), unled, 'health')).toEqual({ allowed: true, basis: 'the claim has no team leader yet' });
    expect(decideClaimAccess(as('case-manager', 'cm.kim'), unled, 'health').allowed).toBe(false);
  });

  it('a refusal gives its reason', () => {
    expect(decideClaimAccess(as('payments-officer', 'po.olivia'), claim, 'health')).toEqual({ allowed: false, reason: 'a payments officer sees payment data, never health information' });
  });

  it('lists: whose rows need the per-claim filter', () => {
    expect(seesAllClaims(as('payments-officer', 'po'), 'payments')).toBe(true);
    expect(seesAllClaims(as('payments-officer', 'po'), 'health')).toBe('none');
    expect(seesAllClaims(as('admin', 'a'), 'payments')).toBe('none');
    expect(seesAllClaims(as('case-manager', 'cm'), 'health')).toBe(false);
  });
});
