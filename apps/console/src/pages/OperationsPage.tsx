import type { OperationsRoute } from '../app/operations-routes';
import { hrefs } from '../app/router';
import { useSignedIn } from '../app/session';
import { homeOf } from '../components/navigation';
import { MyWorkPage } from './MyWorkPage';
import { ApprovalsPage } from './payments/ApprovalsPage';
import { PaymentClaimPage } from './payments/PaymentClaimPage';
import { HealthReadsPage } from './privacy/HealthReadsPage';
import { DiscrepanciesPage } from './payments/DiscrepanciesPage';
import { PaymentRunPage } from './payments/PaymentRunPage';
import { PaymentRunsPage } from './payments/PaymentRunsPage';
import { PaymentsPage } from './payments/PaymentsPage';
import { SchedulePage, SchedulesPage } from './payments/SchedulesPage';
import { BackdatedActionsPage } from './team/BackdatedActionsPage';
import { EscalationsPage } from './team/EscalationsPage';
import { TeamWorkPage } from './team/TeamWorkPage';

/** The team leader's, the payments officer's and the privacy officer's pages (app/operations-routes.ts). */
export function OperationsPage({ route }: { route: OperationsRoute }) {
  switch (route.page) {
    case 'escalations':
      return <EscalationsPage />;
    case 'team-work':
      // Keyed: another case manager's work is a new page.
      return <TeamWorkPage key={route.caseManager ?? ''} caseManager={route.caseManager} />;
    case 'backdated-actions':
      return <BackdatedActionsPage />;
    case 'payments':
      return <PaymentsPage />;
    case 'payment-runs':
      return <PaymentRunsPage />;
    case 'payment-run':
      return <PaymentRunPage key={route.runId} runId={route.runId} />;
    case 'schedules':
      return <SchedulesPage />;
    case 'schedule':
      return <SchedulePage key={route.scheduleId} scheduleId={route.scheduleId} />;
    case 'discrepancies':
      return <DiscrepanciesPage />;
    case 'approvals':
      return <ApprovalsPage />;
    case 'payment-claim':
      return <PaymentClaimPage key={route.claimId} claimId={route.claimId} />;
    case 'health-reads':
      return <HealthReadsPage />;
  }
}

/** "/": the signed-in role's first page (components/navigation.ts). */
export function HomePage() {
  const { session } = useSignedIn();
  switch (homeOf(session.role)) {
    case hrefs.escalations:
      return <EscalationsPage />;
    case hrefs.payments:
      return <PaymentsPage />;
    case hrefs.healthReads:
      return <HealthReadsPage />;
    default:
      return <MyWorkPage />;
  }
}
