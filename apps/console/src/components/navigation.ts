import { hrefs } from '../app/router';

// Each role's pages (issue 13): a case manager works their claims, a team leader the team's
// escalations and audit, a payments officer the payments, a privacy officer the audit of health
// information reads. The API still decides what each may do.

export interface NavigationItem {
  label: string;
  href: string;
}

const CASE_MANAGER: NavigationItem[] = [
  { label: 'My work', href: hrefs.myWork },
  { label: 'Claims', href: hrefs.claims },
  { label: 'Letters to post', href: hrefs.lettersToPost },
];

const BY_ROLE: Record<string, NavigationItem[]> = {
  'privacy-officer': [{ label: 'Health information reads', href: hrefs.healthReads }],
  'case-manager': CASE_MANAGER,
  'team-leader': [
    { label: 'Escalations', href: hrefs.escalations },
    { label: "Team's work", href: hrefs.teamWork() },
    { label: 'Claims', href: hrefs.claims },
    { label: 'Backdated actions', href: hrefs.backdatedActions },
    { label: 'Letters to post', href: hrefs.lettersToPost },
    { label: 'Approvals', href: hrefs.approvals },
  ],
  'payments-officer': [
    { label: 'Payments', href: hrefs.payments },
    { label: 'Payment runs', href: hrefs.paymentRuns },
    { label: 'Wage schedules', href: hrefs.schedules },
    { label: 'Discrepancies', href: hrefs.discrepancies },
    { label: 'Approvals', href: hrefs.approvals },
  ],
};

/** The pages a role's navigation offers, its home first. */
export function navigationFor(role: string): NavigationItem[] {
  return BY_ROLE[role] ?? CASE_MANAGER;
}

/** Where "/" takes a role: the first page of its navigation. */
export function homeOf(role: string): string {
  return navigationFor(role)[0].href;
}

/** Whether an item is the page shown (or a page under it), for aria-current. "/" is the role's home. */
export function isCurrent(item: NavigationItem, pathname: string, role: string): boolean {
  const path = pathname === '/' ? homeOf(role) : pathname;
  if (item.href === '/') return path === '/' || path === '/my-work';
  return path === item.href || path.startsWith(`${item.href}/`);
}
