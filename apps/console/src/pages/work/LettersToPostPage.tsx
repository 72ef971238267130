import { useState } from 'react';
import { Checkbox, Link } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Instant } from '../../components/Dates';
import { OpenDocumentButton } from '../../components/OpenDocument';
import { Page, Section } from '../../components/Page';
import { Loaded } from '../../components/Loaded';
import { StatusMessage } from '../../components/StatusMessage';
import { words } from '../../components/labels';

/**
 * Letters to print and post on the claims the reader works on (GET /notifications/print-queue),
 * oldest first: each opened as its PDF, printed, posted, and marked so (POST
 * /notifications/print-queue/:deliveryId/printed), which makes its copy sent.
 */
export function LettersToPostPage() {
  const { api } = useSignedIn();
  const [all, setAll] = useState(false);
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  const queue = useResult((signal) => resultOf(api.notifications.GET('/notifications/print-queue', { params: { query: all ? { includePrinted: 'true' } : {} }, signal })), [api, all, changedCount]);
  return (
    <Page title="Letters to post">
      <p className="lede">Letters on your claims to print and post, oldest first. Mark each one once it is in the post: its copy is then sent.</p>
      <Checkbox isSelected={all} onChange={setAll}>
        Show letters already posted
      </Checkbox>
      <StatusMessage message={changedMessage} />
      <Section id="letters" title={queue?.ok ? `Letters (${queue.data.letters.length})` : 'Letters'}>
        <Loaded result={queue} what="the letters" isEmpty={(d) => d.letters.length === 0} empty={all ? 'No letters.' : 'Nothing to post.'}>
          {(data) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Letter</th>
                  <th scope="col">To</th>
                  <th scope="col">Queued</th>
                  <th scope="col">Posted</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.letters.map((l) => (
                  <tr key={l.deliveryId}>
                    <td>
                      <Link href={hrefs.claim(l.claimId)}>{l.claimNumber}</Link>
                    </td>
                    <td>{l.kind ? words(l.kind) : <span className="muted">Letter</span>}</td>
                    <th scope="row">
                      {l.addressee}
                      <div className="muted small">{l.address.join(', ')}</div>
                    </th>
                    <td>
                      <Instant value={l.queuedAt} />
                    </td>
                    <td>
                      {l.printedAt ? (
                        <>
                          <Instant value={l.printedAt} />
                          <div className="muted small">by {l.printedBy}</div>
                        </>
                      ) : (
                        <span className="muted">Not yet</span>
                      )}
                    </td>
                    <td>
                      <div className="row-actions">
                        <OpenDocumentButton documentId={l.documentId} name={`${l.kind ? words(l.kind).toLowerCase() : 'letter'} to ${l.addressee} on ${l.claimNumber}`} />
                        {!l.printedAt && (
                          <ConfirmDialog
                            label="Posted…"
                            name={`Posted… letter to ${l.addressee} on ${l.claimNumber}`}
                            title={`The letter to ${l.addressee} is in the post`}
                            confirmLabel="Mark it posted"
                            pendingLabel="Marking the letter posted…"
                            send={() => resultOf(api.notifications.POST('/notifications/print-queue/{deliveryId}/printed', { params: { path: { deliveryId: l.deliveryId } } }))}
                            done={() => onDone(`The letter to ${l.addressee} on ${l.claimNumber} is posted: its copy is sent.`)}
                          >
                            <p>Printed and posted today: the copy counts as sent from now.</p>
                          </ConfirmDialog>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
