import { Suspense, lazy } from 'react';
import { Link } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import type { Task } from '../../api/types';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Instant } from '../../components/Dates';
import { Section } from '../../components/Page';
import { Loaded } from '../../components/Loaded';
import { StatusMessage } from '../../components/StatusMessage';

// The notice form brings zod and the documents service's schemas: loaded when a notice is to be written.
const WriteNoticeDialog = lazy(() => import('./WriteNoticeDialog').then((m) => ({ default: m.WriteNoticeDialog })));

const KIND: Record<Task['kind'], string> = {
  'notice-content': 'Write a notice',
  'party-details': 'Record a party',
  consent: "Record the worker's consent",
  'delivery-failed': 'A copy was not delivered',
  'interpreter-booking': 'Book an interpreter',
  'invoice-held': 'A medical invoice is held',
};
// A copy refused (no consent) or not delivered is sent again once what stopped it is fixed; a copy
// waiting for a party is written by itself once the party is recorded.
const RESENDABLE: ReadonlySet<Task['kind']> = new Set(['delivery-failed', 'consent']);

/**
 * The tasks notices and invoices made for a person (GET /notifications/tasks, oldest first): a notice
 * to write, a party or consent to record, a copy not delivered, an interpreter to book, a medical
 * invoice held. A notice is written here (WriteNoticeDialog), and its task is then done; any task is
 * marked done here (POST /notifications/tasks/:id/done); a copy not sent is sent again (POST
 * /notifications/deliveries/:id/resend) once what stopped it is fixed.
 */
export function WorkTasks({ assignee }: { assignee?: string }) {
  const { api } = useSignedIn();
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  const tasks = useResult((signal) => resultOf(api.notifications.GET('/notifications/tasks', { params: { query: assignee ? { assignee } : {} }, signal })), [api, assignee, changedCount]);
  return (
    <Section id="tasks" title={tasks?.ok ? `Tasks (${tasks.data.tasks.length})` : 'Tasks'}>
      <StatusMessage message={changedMessage} />
      <Loaded result={tasks} what="the tasks" isEmpty={(d) => d.tasks.length === 0} empty="No tasks open.">
        {(data) => (
          <table className="table work">
            <thead>
              <tr>
                <th scope="col" className="col-claim">
                  Claim
                </th>
                <th scope="col">Task</th>
                <th scope="col" className="col-due">
                  Since
                </th>
                <th scope="col" className="col-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.tasks.map((t) => (
                <tr key={t.id}>
                  <td>
                    <Link href={hrefs.claim(t.claimId)}>{t.claimNumber}</Link>
                  </td>
                  <th scope="row">
                    {KIND[t.kind]}
                    <div className="muted small task-detail">{t.detail}</div>
                  </th>
                  <td>
                    <Instant value={t.createdAt} />
                  </td>
                  <td>
                    <div className="row-actions">
                      {t.kind === 'notice-content' && t.noticeId && (
                        <Suspense fallback={null}>
                          <WriteNoticeDialog claimId={t.claimId} noticeId={t.noticeId} what={`notice on ${t.claimNumber}`} onDone={onDone} />
                        </Suspense>
                      )}
                      {t.deliveryId && RESENDABLE.has(t.kind) && (
                        <ConfirmDialog
                          label="Send again…"
                          name={`Send again… ${KIND[t.kind]} on ${t.claimNumber}`}
                          title={`Send the copy again on claim ${t.claimNumber}`}
                          confirmLabel="Send it again"
                          pendingLabel="Sending the copy again…"
                          send={() => resultOf(api.notifications.POST('/notifications/deliveries/{deliveryId}/resend', { params: { path: { deliveryId: t.deliveryId as string } } }))}
                          done={() => onDone(`The copy on ${t.claimNumber} is being written again; its tasks are done.`)}
                        >
                          <p>It is written afresh from the party&apos;s details as they are now: fix what stopped it first (a consent recorded, an address corrected).</p>
                        </ConfirmDialog>
                      )}
                      <ConfirmDialog
                        label="Done…"
                        name={`Done… ${KIND[t.kind]} on ${t.claimNumber}`}
                        title={`${KIND[t.kind]} on claim ${t.claimNumber}: done`}
                        confirmLabel="Mark it done"
                        pendingLabel="Marking the task done…"
                        send={() => resultOf(api.notifications.POST('/notifications/tasks/{id}/done', { params: { path: { id: t.id } } }))}
                        done={() => onDone(`${KIND[t.kind]} on ${t.claimNumber}: done.`)}
                      >
                        <p>The task leaves your list. Nothing else changes: what it asked for is done elsewhere.</p>
                      </ConfirmDialog>
                    </div>
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
