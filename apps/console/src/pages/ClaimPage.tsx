import { resultOf } from '../api/refusal';
import { useSignedIn } from '../app/session';
import { useResult } from '../app/use-result';
import { Loading, Page } from '../components/Page';
import { RefusalMessage } from '../components/RefusalMessage';
import { ClaimSummary, Triage } from './claim/ClaimSummary';
import { ClaimDocuments } from './claim/ClaimDocuments';
import { ClaimTimeline } from './claim/ClaimTimeline';

/**
 * One claim (GET /claims/:id, and GET /claims/:id/timeline for its obligations): who and what it
 * is about, its triage, its obligations and notices, its letters. Someone who may not see it gets
 * the API's reason, and nothing else of it.
 */
export function ClaimPage({ claimId }: { claimId: string }) {
  const { api } = useSignedIn();
  const claim = useResult((signal) => resultOf(api.claims.GET('/claims/{id}', { params: { path: { id: claimId } }, signal })), [api, claimId]);
  if (!claim)
    return (
      <Page title="Claim">
        <Loading what="the claim" />
      </Page>
    );
  if (!claim.ok)
    return (
      <Page title="Claim">
        <RefusalMessage refusal={claim.refusal} />
      </Page>
    );
  const c = claim.data;
  return (
    <Page title={`Claim ${c.claimNumber}`}>
      <ClaimSummary claim={c} />
      <Triage claim={c} />
      <ClaimTimeline claimId={c.id} />
      <ClaimDocuments documents={c.documents} />
    </Page>
  );
}
