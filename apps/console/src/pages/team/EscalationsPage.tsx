import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-aria-components';
import { type Result, resultOf } from '../../api/refusal';
import type { Escalation, EscalationQueue } from '../../api/types';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { Day, dueIn } from '../../components/Dates';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { StatusMessage } from '../../components/StatusMessage';
import { obligationName } from '../../components/labels';
import { formatDate, sydneyToday } from '../../format/format';
import { ReassignDialog, WaiveDialog } from './EscalationDialogs';
import '../operations.css';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A team leader's escalation queue (GET /escalations): the obligations escalated to them at 09:00 on
 * their due day, and those reported again as overdue. Each can be cleared here: initial contact
 * waived with a reason (the `obligation.waived` action), or the claim given to another case manager
 * or team leader (PUT /claims/:id/assignment). An escalation leaves the queue once the claim's
 * workflow has recorded what was done.
 */
export function EscalationsPage() {
  const { api } = useSignedIn();
  const [queue, setQueue] = useState<Result<EscalationQueue>>();
  const [status, setStatus] = useState<string>();
  const alive = useRef(true);
  const today = sydneyToday();

  const load = useCallback((signal?: AbortSignal) => resultOf(api.claims.GET('/escalations', { signal })), [api]);
  useEffect(() => {
    alive.current = true;
    const abort = new AbortController();
    load(abort.signal).then(
      (r) => abort.signal.aborted || setQueue(r),
      () => undefined,
    );
    return () => {
      alive.current = false;
      abort.abort();
    };
  }, [load]);

  /** Loads the queue again until the tasks named have left it (the claim's workflow records a waiver shortly after it answers). */
  async function reload(done: string, leaving: string[] = []) {
    setStatus(leaving.length ? `${done} Waiting for the claim to record it…` : done);
    for (let attempt = 0; attempt < 30 && alive.current; attempt++) {
      const r = await load();
      if (!alive.current) return;
      setQueue(r);
      if (!r.ok || !r.data.items.some((i) => leaving.includes(i.taskId))) break;
      await sleep(1000);
    }
    if (alive.current) setStatus(done);
  }

  return (
    <Page title="Escalations">
      <StatusMessage message={status} />
      {!queue ? (
        <Loading what="your escalations" />
      ) : !queue.ok ? (
        <RefusalMessage refusal={queue.refusal} />
      ) : (
        <>
          <p className="lede">
            Obligations of {queue.data.teamLeader}&apos;s claims escalated at 09:00 on their due day, and those reported again as overdue, oldest escalation first. Claims with no team leader yet are
            shown to every team leader. Today in Sydney is {formatDate(today)}.
          </p>
          <Section id="escalated" title={`Escalated (${queue.data.items.length})`}>
            {queue.data.items.length === 0 ? <p className="empty">Nothing is escalated to you.</p> : <EscalationTable items={queue.data.items} today={today} onDone={reload} />}
          </Section>
        </>
      )}
    </Page>
  );
}

function EscalationTable({ items, today, onDone }: { items: Escalation[]; today: string; onDone(message: string, leaving?: string[]): void }) {
  return (
    <table className="table escalations">
      <thead>
        <tr>
          <th scope="col" className="col-claim">
            Claim
          </th>
          <th scope="col">Obligation</th>
          <th scope="col" className="col-due">
            Due
          </th>
          <th scope="col" className="col-escalated">
            Escalated
          </th>
          <th scope="col" className="col-actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.taskId}>
            <td>
              <Link href={hrefs.claim(i.claimId)}>{i.claimNumber}</Link>
              <div className="muted small">{i.caseManager ? `handled by ${i.caseManager}` : 'no case manager'}</div>
              {!i.assigned && <span className="badge badge-warn">No team leader</span>}
            </td>
            <th scope="row">
              <span className="row-name">{obligationName(i.type)}</span>
              {i.ref && <span className="muted"> ({i.ref})</span>}
              <div className="muted small">{i.source}</div>
            </th>
            <td>
              <Day value={i.dueOn} />
              <div className={i.dueOn < today ? 'due overdue' : 'due'}>{dueIn(i.dueOn, today)}</div>
            </td>
            <td>
              <Day value={i.escalatedOn} />
              {i.overdueOn && (
                <div className="due overdue">
                  reported overdue <Day value={i.overdueOn} />
                </div>
              )}
            </td>
            <td>
              <div className="row-actions">
                <WaiveDialog
                  item={i}
                  onWaived={(message) =>
                    onDone(
                      message,
                      // A waiver cancels every open obligation of its type on the claim.
                      items.filter((o) => o.claimId === i.claimId && o.type === i.type).map((o) => o.taskId),
                    )
                  }
                />
                <ReassignDialog item={i} onReassigned={(message) => onDone(message)} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
