import { useSignedIn } from '../../app/session';
import { ClaimMedical } from '../payments/ClaimMedical';

/**
 * The claim's medical costs on its page: its case manager records an invoice and approves treatment
 * for payment; its team leader approves treatment (the payments service's roles for each).
 */
export function ClaimMedicalFor({ claimId }: { claimId: string }) {
  const { session } = useSignedIn();
  return <ClaimMedical claimId={claimId} mayInvoice={session.role === 'case-manager'} mayApprove={session.role === 'case-manager' || session.role === 'team-leader'} />;
}
