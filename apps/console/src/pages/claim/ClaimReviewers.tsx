import { Suspense, lazy } from 'react';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Section } from '../../components/Page';
import { Loaded } from '../../components/Loaded';
import { StatusMessage } from '../../components/StatusMessage';

// The reviewer form brings zod and the contracts' schema: loaded with this section.
const AssignReviewerDialog = lazy(() => import('../team/StaffingDialogs').then((m) => ({ default: m.AssignReviewerDialog })));

/** Who reads GET /claims/:id/staffing (the claims service's roles for it); a payments officer is not among them. */
const READERS = new Set(['case-manager', 'team-leader', 'reviewer']);

/**
 * The claim's reviewers (GET /claims/:id/staffing): those assigned a review of it, who may see it
 * meanwhile (program 9). Its team leader assigns one (POST /claims/:id/reviewers) and takes one off
 * (DELETE /claims/:id/reviewers/:reviewer).
 */
export function ClaimReviewers({ claimId, claimNumber }: { claimId: string; claimNumber: string }) {
  const { session } = useSignedIn();
  return READERS.has(session.role) ? <Reviewers claimId={claimId} claimNumber={claimNumber} leader={session.role === 'team-leader'} /> : null;
}

function Reviewers({ claimId, claimNumber, leader }: { claimId: string; claimNumber: string; leader: boolean }) {
  const { api } = useSignedIn();
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  const staffing = useResult((signal) => resultOf(api.claims.GET('/claims/{id}/staffing', { params: { path: { id: claimId } }, signal })), [api, claimId, changedCount]);
  return (
    <Section id="reviewers" title="Reviewers">
      <StatusMessage message={changedMessage} />
      {leader && (
        <Suspense fallback={null}>
          <div className="row-actions">
            <AssignReviewerDialog claimId={claimId} claimNumber={claimNumber} onDone={onDone} />
          </div>
        </Suspense>
      )}
      <Loaded result={staffing} what="the reviewers" isEmpty={(d) => d.reviewers.length === 0} empty="No reviewer is assigned to this claim.">
        {(data) => (
          <ul className="plain">
            {data.reviewers.map((r) => (
              <li key={r}>
                {r}{' '}
                {leader && (
                  <ConfirmDialog
                    label="Take off…"
                    name={`Take off… ${r}`}
                    title={`Take ${r} off claim ${claimNumber}`}
                    confirmLabel="Take them off"
                    pendingLabel="Taking the reviewer off…"
                    send={() => resultOf(api.claims.DELETE('/claims/{id}/reviewers/{reviewer}', { params: { path: { id: claimId, reviewer: r } } }))}
                    done={() => onDone(`${r} no longer reviews this claim.`)}
                  >
                    <p>They no longer review the claim, and no longer see it.</p>
                  </ConfirmDialog>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Section>
  );
}
