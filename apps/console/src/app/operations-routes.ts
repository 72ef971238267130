// The team leader's, the payments officer's and the privacy officer's pages (issue 13): their addresses, beside the case
// manager's in router.ts.

export type OperationsRoute =
  | { page: 'escalations' }
  | { page: 'team-work'; caseManager?: string }
  | { page: 'backdated-actions' }
  | { page: 'payments' }
  | { page: 'payment-runs' }
  | { page: 'payment-run'; runId: string }
  | { page: 'schedules' }
  | { page: 'schedule'; scheduleId: string }
  | { page: 'discrepancies' }
  | { page: 'approvals' }
  | { page: 'payment-claim'; claimId: string }
  | { page: 'health-reads' };

export const operationsHrefs = {
  escalations: '/escalations',
  teamWork: (caseManager?: string) => (caseManager ? `/team/${encodeURIComponent(caseManager)}` : '/team'),
  backdatedActions: '/audit/backdated-actions',
  payments: '/payments',
  paymentRuns: '/payment-runs',
  paymentRun: (runId: string) => `/payment-runs/${encodeURIComponent(runId)}`,
  schedules: '/wage-reimbursement-schedules',
  schedule: (scheduleId: string) => `/wage-reimbursement-schedules/${encodeURIComponent(scheduleId)}`,
  discrepancies: '/discrepancies',
  approvals: '/approvals',
  paymentClaim: (claimId: string) => `/payments/claims/${encodeURIComponent(claimId)}`,
  healthReads: '/audit/health-reads',
};

const FIXED: Record<string, OperationsRoute> = {
  '/escalations': { page: 'escalations' },
  '/team': { page: 'team-work' },
  '/audit/backdated-actions': { page: 'backdated-actions' },
  '/payments': { page: 'payments' },
  '/payment-runs': { page: 'payment-runs' },
  '/wage-reimbursement-schedules': { page: 'schedules' },
  '/discrepancies': { page: 'discrepancies' },
  '/approvals': { page: 'approvals' },
  '/audit/health-reads': { page: 'health-reads' },
};

const OPERATIONS_PAGES = new Set<string>([...Object.values(FIXED).map((r) => r.page), 'payment-run', 'schedule', 'payment-claim']);

/** The page at a path, or undefined when it is none of these. */
export function operationsRouteOf(pathname: string): OperationsRoute | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  if (FIXED[path]) return FIXED[path];
  const one = (re: RegExp) => {
    const m = re.exec(path);
    return m ? decodeURIComponent(m[1]) : undefined;
  };
  const caseManager = one(/^\/team\/([^/]+)$/);
  if (caseManager) return { page: 'team-work', caseManager };
  const runId = one(/^\/payment-runs\/([^/]+)$/);
  if (runId) return { page: 'payment-run', runId };
  const paymentClaim = one(/^\/payments\/claims\/([^/]+)$/);
  if (paymentClaim) return { page: 'payment-claim', claimId: paymentClaim };
  const scheduleId = one(/^\/wage-reimbursement-schedules\/([^/]+)$/);
  if (scheduleId) return { page: 'schedule', scheduleId };
  return undefined;
}

export function isOperationsRoute(route: { page: string }): route is OperationsRoute {
  return OPERATIONS_PAGES.has(route.page);
}
