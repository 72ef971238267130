import type { StaffUser } from '../auth';

/**
 * Who may see and do what on one claim (issue 14). A route says which kind of the claim's data it
 * shows or changes; the claim's staffing says who works on it; this function decides. It is the
 * one place the rule lives: the claims service (the system of record for staffing) applies it for
 * every service, and the matrix test (tests/e2e/access-matrix.engines.test.ts) checks every route.
 *
 *  - `health`: health information, the Privacy Act's "sensitive information" (injury details,
 *    certificates, medical reports and invoices, notices about them, parties and consents, PIAWE
 *    evidence) and everything done on the claim. Program 11 (privacy): only staff managing the
 *    claim see it.
 *  - `payments`: what the claim is paid and to whom (payments, PIAWE, payee, schedules).
 */
export const CLAIM_DATA = ['health', 'payments'] as const;
export type ClaimData = (typeof CLAIM_DATA)[number];

/** Who works on a claim, as the claims service records it. */
export interface ClaimStaffing {
  caseManager: string | null;
  teamLeader: string | null;
  /** Reviewers with a review of this claim assigned to them (program 9: internal review). */
  reviewers: readonly string[];
  /** Case managers covering today for the claim's case manager (a recorded cover, with its dates). */
  coveringCaseManagers: readonly string[];
}

export type AccessDecision = { allowed: true; basis: string } | { allowed: false; reason: string };

const allow = (basis: string): AccessDecision => ({ allowed: true, basis });
const refuse = (reason: string): AccessDecision => ({ allowed: false, reason });

export function decideClaimAccess(who: StaffUser, claim: ClaimStaffing, data: ClaimData): AccessDecision {
  switch (who.role) {
    case 'service':
      // A process reaches a claim route only through a scope its credential carries (StaffAuthGuard).
      return allow(`service ${who.user}`);
    case 'case-manager':
      if (claim.caseManager === who.user) return allow('handles the claim');
      if (claim.caseManager !== null && claim.coveringCaseManagers.includes(who.user)) return allow(`covers for ${claim.caseManager}`);
      return refuse('a case manager works on the claims they handle or cover for, and this is not one of them');
    case 'team-leader':
      if (claim.teamLeader === who.user) return allow("leads the claim's team");
      // Escalations of a claim nobody leads yet go to every team leader (queues.controller.ts), who must be able to take it on.
      if (claim.teamLeader === null) return allow('the claim has no team leader yet');
      return refuse("a team leader works on their own team's claims, and this claim is another team's");
    case 'reviewer':
      if (claim.reviewers.includes(who.user)) return allow('reviews a decision on the claim');
      return refuse('a reviewer works on the claims with a review assigned to them, and this is not one of them');
    case 'payments-officer':
      if (data === 'payments') return allow('pays claims');
      return refuse('a payments officer sees payment data, never health information');
    case 'privacy-officer':
      return refuse('a privacy officer reads the audit of who read health information (GET /audit/health-reads), not the claims themselves');
    case 'admin':
      return refuse('an administrator administers the platform and reads no claim');
  }
}

/**
 * Which claims a person's lists may show, as a filter the services apply in SQL: every claim (a
 * payments officer's payment lists), none, or the claims they handle, cover, lead or review.
 */
export type VisibleClaims = { all: true } | { all: false; claimIds: string[] };

/** Whether a role's lists of this kind of data need the per-claim filter at all. */
export function seesAllClaims(who: StaffUser, data: ClaimData): boolean | 'none' {
  if (who.role === 'service') return true;
  if (who.role === 'payments-officer') return data === 'payments' ? true : 'none';
  if (who.role === 'admin' || who.role === 'privacy-officer') return 'none';
  return false;
}
