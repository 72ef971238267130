import { Suspense, lazy } from 'react';
import { resultOf } from '../../api/refusal';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { Day } from '../../components/Dates';
import { Section } from '../../components/Page';
import { StatusMessage } from '../../components/StatusMessage';
import { keyWords, words } from '../../components/labels';
import { neededKeys, waitingKind } from '../work/notice-needs';

// The notice form brings zod and the documents service's schemas: loaded when a notice is to be written.
const WriteNoticeDialog = lazy(() => import('../work/WriteNoticeDialog').then((m) => ({ default: m.WriteNoticeDialog })));

/** Who may write a notice's content (POST /notifications/notices/:id/content). */
const WRITERS = new Set(['case-manager', 'team-leader', 'reviewer']);

/**
 * The claim's notices a person must write before they can be sent (GET /notifications/notices, the
 * copies waiting for content): a decision's reasons, an IME's place. Shown only when there is one.
 */
export function ClaimNoticesToWrite({ claimId, refresh }: { claimId: string; refresh: number }) {
  const { session } = useSignedIn();
  return WRITERS.has(session.role) ? <NoticesToWrite claimId={claimId} refresh={refresh} /> : null;
}

function NoticesToWrite({ claimId, refresh }: { claimId: string; refresh: number }) {
  const { api } = useSignedIn();
  const { version: writtenCount, message: writtenMessage, done: onWritten } = useDone();
  const notices = useResult((signal) => resultOf(api.notifications.GET('/notifications/notices', { params: { query: { claimId } }, signal })), [api, claimId, refresh, writtenCount]);
  const waiting = notices?.ok ? notices.data.notices.filter((n) => waitingKind(n) !== undefined) : [];
  if (waiting.length === 0 && !writtenMessage) return null;
  return (
    <Section id="notices-to-write" title="Notices to write">
      <StatusMessage message={writtenMessage} />
      {waiting.length > 0 && (
        <ul className="plain">
          {waiting.map((n) => {
            const kind = waitingKind(n) ?? n.type;
            const fields = neededKeys(n);
            return (
              <li key={n.noticeId} className="row-actions">
                <span>
                  {words(kind)} of <Day value={n.on} />
                  <span className="muted small"> needs {fields.map((f) => keyWords(f).toLowerCase()).join(', ')}</span>
                </span>
                <Suspense fallback={null}>
                  <WriteNoticeDialog claimId={claimId} noticeId={n.noticeId} what={words(kind).toLowerCase()} onDone={onWritten} />
                </Suspense>
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
