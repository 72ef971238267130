import { Suspense, lazy } from 'react';
import { Link } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Day } from '../../components/Dates';
import { Section } from '../../components/Page';
import { Loaded } from '../../components/Loaded';
import { StatusMessage } from '../../components/StatusMessage';

// The cover form brings zod and the contracts' schema: loaded with this section, not with the console.
const RecordCoverDialog = lazy(() => import('./StaffingDialogs').then((m) => ({ default: m.RecordCoverDialog })));

/**
 * Covers today or later (GET /covers): who works an absent case manager's claims, and until when. A
 * team leader records one (POST /covers) and ends one early when the colleague is back (POST
 * /covers/:id/cancel).
 */
export function TeamCovers() {
  const { api } = useSignedIn();
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  const covers = useResult((signal) => resultOf(api.claims.GET('/covers', { signal })), [api, changedCount]);
  return (
    <Section id="covers" title="Covers">
      <StatusMessage message={changedMessage} />
      <Suspense fallback={null}>
        <div className="row-actions">
          <RecordCoverDialog onDone={onDone} />
        </div>
      </Suspense>
      <Loaded result={covers} what="the covers" isEmpty={(d) => d.covers.length === 0} empty="Nobody is covering for anyone today or later.">
        {(data) => (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Case manager away</th>
                <th scope="col">Covered by</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">End</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.covers.map((c) => (
                <tr key={c.coverId}>
                  <th scope="row">
                    <Link href={hrefs.teamWork(c.caseManager)}>{c.caseManager}</Link>
                  </th>
                  <td>
                    <Link href={hrefs.teamWork(c.coveredBy)}>{c.coveredBy}</Link>
                  </td>
                  <td>
                    <Day value={c.from} />
                  </td>
                  <td>
                    <Day value={c.to} />
                  </td>
                  <td>
                    {c.reason}
                    <div className="muted small">recorded by {c.recordedBy}</div>
                  </td>
                  <td>
                    <ConfirmDialog
                      label="End now…"
                      name={`End now… ${c.coveredBy} covering for ${c.caseManager}`}
                      title={`End ${c.coveredBy}'s cover for ${c.caseManager}`}
                      confirmLabel="End the cover"
                      pendingLabel="Ending the cover…"
                      send={() => resultOf(api.claims.POST('/covers/{coverId}/cancel', { params: { path: { coverId: c.coverId } } }))}
                      done={() => onDone(`${c.coveredBy} no longer covers for ${c.caseManager}.`)}
                    >
                      <p>{c.caseManager} is back: from now on, only they work their claims.</p>
                    </ConfirmDialog>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </Section>
  );
}
