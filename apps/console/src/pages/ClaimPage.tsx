import { Suspense, lazy, useEffect, useState } from 'react';
import { resultOf } from '../api/refusal';
import { useSignedIn } from '../app/session';
import { Loading, Page } from '../components/Page';
import { RefusalMessage } from '../components/RefusalMessage';
import { ClaimSummary, Triage } from './claim/ClaimSummary';
import { ClaimCorrespondence } from './claim/ClaimCorrespondence';
import { ClaimDocuments } from './claim/ClaimDocuments';
import { ClaimNoticesToWrite } from './claim/ClaimNoticesToWrite';
import { ClaimParties } from './claim/ClaimParties';
import { ClaimReviewers } from './claim/ClaimReviewers';
import { ClaimMedicalFor } from './claim/ClaimMedicalFor';
import { ClaimPayments } from './claim/ClaimPayments';
import { ClaimTimeline } from './claim/ClaimTimeline';
import { ClaimTreatmentRequests } from './claim/ClaimTreatmentRequests';
import { useKeptResult } from './claim/use-kept-result';

// The action forms bring zod and the contracts they are made from: loaded with the first claim page
// opened, not before, and asked for as the page starts loading the claim, so they are there with it
// (a form arriving after the page would move what is below it under the pointer).
const loadRecordAction = () => import('./claim/RecordAction');
const UNTRIAGED_EVERY_MS = 3000;
const UNTRIAGED_READS = 20;

const RecordAction = lazy(() => loadRecordAction().then((m) => ({ default: m.RecordAction })));

/**
 * One claim (GET /claims/:id, and GET /claims/:id/timeline for its obligations): who and what it
 * is about, its triage, the notices a person must write before they go, its obligations and notices and what became of each copy, its treatment
 * requests, its payments and PIAWE (the payments service's), its parties and consents, its reviewers, its letters. Someone who may not see it gets
 * the API's reason, and nothing else of it. An action recorded on it (RecordAction) loads it again,
 * its timeline too, so what the action did shows at once.
 */
export function ClaimPage({ claimId }: { claimId: string }) {
  const { api } = useSignedIn();
  // Counts the actions recorded here: each one loads the claim and its timeline again.
  const [recorded, setRecorded] = useState(0);
  useEffect(() => void loadRecordAction(), []);
  // A claim just lodged is triaged by its workflow moments later: read again every few seconds until
  // it is (a minute at most), so its triage and obligations appear without a reload.
  const [reads, setReads] = useState(0);
  const refresh = recorded + reads;
  const { result: claim } = useKeptResult((signal) => resultOf(api.claims.GET('/claims/{id}', { params: { path: { id: claimId } }, signal })), [api, claimId, refresh]);
  const untriaged = claim?.ok === true && claim.data.classification === null;
  useEffect(() => {
    if (!untriaged || reads >= UNTRIAGED_READS) return;
    const next = setTimeout(() => setReads((n) => n + 1), UNTRIAGED_EVERY_MS);
    return () => clearTimeout(next);
  }, [untriaged, reads]);
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
      <Suspense fallback={<Loading what="the actions" />}>
        <RecordAction claimId={c.id} backdatingWindowDays={c.backdatingWindowDays} onRecorded={() => setRecorded((n) => n + 1)} />
      </Suspense>
      <ClaimNoticesToWrite claimId={c.id} refresh={refresh} />
      <ClaimTimeline claimId={c.id} refresh={refresh} afterNotices={<ClaimCorrespondence correspondence={c.correspondence} />} />
      <ClaimTreatmentRequests requests={c.treatmentRequests} />
      <ClaimPayments claimId={c.id} />
      <ClaimMedicalFor claimId={c.id} />
      <ClaimParties claimId={c.id} refresh={recorded} />
      <ClaimReviewers claimId={c.id} claimNumber={c.claimNumber} />
      <ClaimDocuments documents={c.documents} />
    </Page>
  );
}
