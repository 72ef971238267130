import { useState } from 'react';
import { Link } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useResult } from '../../app/use-result';
import { Day } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { ShowMore } from '../../components/ShowMore';
import { words } from '../../components/labels';
import { RECONCILIATION_WORDS } from './ScheduleView';
import '../operations.css';

const PAGE = 200;
const MOST = 1000;

/**
 * Wage reimbursement schedule lines that differ from the platform's entitlement or could not be
 * checked (GET /wage-reimbursement-schedules/discrepancies), oldest period first, each with its schedule.
 */
export function DiscrepanciesPage() {
  const { api } = useSignedIn();
  const [limit, setLimit] = useState(PAGE);
  const list = useResult((signal) => resultOf(api.payments.GET('/wage-reimbursement-schedules/discrepancies', { params: { query: { limit } }, signal })), [api, limit]);
  return (
    <Page title="Discrepancies">
      <p className="lede">Lines of employers&apos; wage reimbursement schedules that differ from the worker&apos;s entitlement or could not be checked, oldest period first.</p>
      <Section id="discrepancies" title={list?.ok ? `Lines to look at (${list.data.length})` : 'Lines to look at'}>
        {!list ? (
          <Loading what="the discrepancies" />
        ) : !list.ok ? (
          <RefusalMessage refusal={list.refusal} level={3} />
        ) : list.data.length === 0 ? (
          <p className="empty">Every schedule line matched its entitlement.</p>
        ) : (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Claim</th>
                  <th scope="col">Period</th>
                  <th scope="col" className="number">
                    Employer paid
                  </th>
                  <th scope="col" className="number">
                    Entitlement
                  </th>
                  <th scope="col" className="number">
                    Difference
                  </th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Schedule</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((d) => (
                  <tr key={`${d.scheduleId}:${d.line}`}>
                    <th scope="row">{d.claimNumber}</th>
                    <td>
                      <Day value={d.periodStart} /> – <Day value={d.periodEnd} />
                    </td>
                    <td className="number">
                      <Money amount={d.employerPaid} />
                    </td>
                    <td className="number">{d.entitlement ? <Money amount={d.entitlement} /> : <span className="muted">—</span>}</td>
                    <td className="number">{d.difference ? <Money amount={d.difference} /> : <span className="muted">—</span>}</td>
                    <td>
                      <span className="status status-open">{RECONCILIATION_WORDS[d.status] ?? words(d.status)}</span>
                      <div className="small">{d.note}</div>
                    </td>
                    <td>
                      <Link href={hrefs.schedule(d.scheduleId)} aria-label={`Line ${d.line} of its schedule, for ${d.claimNumber}`}>
                        Line {d.line}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ShowMore shown={list.data.length} limit={limit} step={PAGE} max={MOST} what="lines" onMore={setLimit} />
          </>
        )}
      </Section>
    </Page>
  );
}
