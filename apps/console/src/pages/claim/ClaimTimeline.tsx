import type { ReactNode } from 'react';
import { resultOf } from '../../api/refusal';
import type { Timeline, TimelineObligation } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { Day } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loading, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { obligationName, words } from '../../components/labels';
import { useKeptResult } from './use-kept-result';

/**
 * The claim's obligations, notices and weekly entitlement (GET /claims/:id/timeline), loaded again
 * when `refresh` changes; `afterNotices` (what became of each copy) is shown with the notices.
 */
export function ClaimTimeline({ claimId, refresh = 0, afterNotices }: { claimId: string; refresh?: number; afterNotices?: ReactNode }) {
  const { api } = useSignedIn();
  const { result: timeline } = useKeptResult((signal) => resultOf(api.claims.GET('/claims/{id}/timeline', { params: { path: { id: claimId } }, signal })), [api, claimId, refresh]);
  if (!timeline)
    return (
      <Section id="obligations" title="Obligations">
        <Loading what="the timeline" />
      </Section>
    );
  if (!timeline.ok)
    return (
      <Section id="obligations" title="Obligations">
        <RefusalMessage refusal={timeline.refusal} level={3} />
      </Section>
    );
  const t = timeline.data;
  return (
    <>
      <Obligations timeline={t} />
      <Notices notices={t.notices} />
      {afterNotices}
      {(t.payments.length > 0 || t.claim.employerExcess) && <Entitlement timeline={t} />}
    </>
  );
}

const STATUS_WORDS: Record<TimelineObligation['status'], string> = { met: 'Met', late: 'Met late', overdue: 'Overdue', open: 'Open', cancelled: 'Cancelled' };

function Obligations({ timeline: t }: { timeline: Timeline }) {
  // Why each is due when it is: the rule and its source, matched by the obligation it explains.
  const why = new Map(t.explanations.map((e) => [`${e.type}|${e.openedOn}|${e.dueOn}`, e]));
  const ordered = [...t.obligations].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.type.localeCompare(b.type));
  return (
    <Section id="obligations" title="Obligations">
      {t.warnings.length > 0 && (
        <ul className="warnings" aria-label="Warnings">
          {t.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {ordered.length === 0 ? (
        <p className="empty">No obligations yet.</p>
      ) : (
        <ol className="timeline">
          {ordered.map((o) => {
            const e = why.get(`${o.type}|${o.openedOn}|${o.dueOn}`);
            return (
              <li key={`${o.type}|${o.openedOn}`} className="timeline-item" data-status={o.status}>
                <div className="timeline-head">
                  <span className="timeline-name">{obligationName(o.type)}</span>
                  <span className={`status status-${o.status}`}>{STATUS_WORDS[o.status]}</span>
                </div>
                <div>
                  Due <Day value={o.dueOn} />{' '}
                  <span className="muted">
                    (opened <Day value={o.openedOn} />)
                  </span>
                  {o.completedOn && (
                    <>
                      {' '}
                      · completed <Day value={o.completedOn} />
                    </>
                  )}
                  {o.escalatedOn && (
                    <>
                      {' '}
                      · escalated <Day value={o.escalatedOn} />
                    </>
                  )}
                </div>
                {e && (
                  <div className="muted small">
                    {e.rule} ({e.source})
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}

function Notices({ notices }: { notices: Timeline['notices'] }) {
  return (
    <Section id="notices" title="Notices">
      {notices.length === 0 ? (
        <p className="empty">No notices yet.</p>
      ) : (
        <ul className="plain">
          {notices.map((n, i) => (
            <li key={`${n.type}|${n.on}|${i}`}>
              <Day value={n.on} />: {words(n.type)} to {n.to.join(', ')}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Entitlement({ timeline: t }: { timeline: Timeline }) {
  return (
    <Section id="entitlement" title="Weekly entitlement">
      {t.claim.employerExcess && (
        <p>
          Employer excess: <Money amount={t.claim.employerExcess} />
        </p>
      )}
      {t.payments.length === 0 ? (
        <p className="empty">No weekly payments are due on this claim yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Week</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="number">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {t.payments.map((p) => (
              <tr key={p.week}>
                <td>{p.week}</td>
                <td>
                  <Day value={p.from} />
                </td>
                <td>
                  <Day value={p.to} />
                </td>
                <td className="number">
                  <Money amount={p.amount} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
