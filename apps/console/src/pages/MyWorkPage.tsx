import { Link } from 'react-aria-components';
import { resultOf } from '../api/refusal';
import type { WorkItem } from '../api/types';
import { hrefs } from '../app/router';
import { useSignedIn } from '../app/session';
import { useResult } from '../app/use-result';
import { Day, dueIn } from '../components/Dates';
import { Loading, Page, Section } from '../components/Page';
import { RefusalMessage } from '../components/RefusalMessage';
import { obligationName } from '../components/labels';
import { formatDate, sydneyToday } from '../format/format';
import { WorkTasks } from './work/WorkTasks';

/** A case manager's open obligations (GET /work-queue): overdue first, then due today, then the rest; then their tasks (WorkTasks). */
export function MyWorkPage() {
  const { api } = useSignedIn();
  const queue = useResult((signal) => resultOf(api.claims.GET('/work-queue', { signal })), [api]);
  const today = sydneyToday();
  return (
    <Page title="My work">
      {!queue ? (
        <Loading what="your work" />
      ) : !queue.ok ? (
        <RefusalMessage refusal={queue.refusal} />
      ) : (
        <>
          <p className="lede">
            The open obligations of the claims {queue.data.caseManager} handles, by due date. Today in Sydney is {formatDate(today)}.
          </p>
          <WorkGroup id="overdue" title="Overdue" items={queue.data.items.filter((i) => i.dueOn < today)} today={today} empty="Nothing overdue." />
          <WorkGroup id="due-today" title="Due today" items={queue.data.items.filter((i) => i.dueOn === today)} today={today} empty="Nothing due today." />
          <WorkGroup id="coming-up" title="Coming up" items={queue.data.items.filter((i) => i.dueOn > today)} today={today} empty="Nothing else open." />
          <WorkTasks />
        </>
      )}
    </Page>
  );
}

export function WorkGroup({ id, title, items, today, empty }: { id: string; title: string; items: WorkItem[]; today: string; empty: string }) {
  return (
    <Section id={id} title={`${title} (${items.length})`}>
      {items.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <table className="table work">
          <thead>
            <tr>
              <th scope="col" className="col-claim">
                Claim
              </th>
              <th scope="col">Obligation</th>
              <th scope="col" className="col-due">
                Due
              </th>
              <th scope="col" className="col-escalation">
                Escalation
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={`${i.claimId}:${i.obligationId}`}>
                <td>
                  <Link href={hrefs.claim(i.claimId)}>{i.claimNumber}</Link>
                </td>
                <td>
                  {obligationName(i.type)}
                  {i.ref && <span className="muted"> ({i.ref})</span>}
                  <div className="muted small">{i.source}</div>
                </td>
                <td>
                  <Day value={i.dueOn} />
                  <div className={i.dueOn < today ? 'due overdue' : 'due'}>{dueIn(i.dueOn, today)}</div>
                </td>
                <td>
                  {i.escalatedOn ? (
                    <>
                      Escalated <Day value={i.escalatedOn} />
                    </>
                  ) : i.remindedOn ? (
                    <>
                      Reminded <Day value={i.remindedOn} />
                    </>
                  ) : (
                    <span className="muted">None</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
