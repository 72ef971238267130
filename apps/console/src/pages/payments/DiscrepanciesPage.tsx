import { Link } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { MorePages, usePages } from '../../app/use-pages';
import { Day } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { words } from '../../components/labels';
import { RECONCILIATION_WORDS } from './ScheduleView';
import '../operations.css';

const PAGE = 200;

/**
 * Wage reimbursement schedule lines that differ from the platform's entitlement or could not be
 * checked (GET /wage-reimbursement-schedules/discrepancies), oldest period first, each with its schedule.
 */
export function DiscrepanciesPage() {
  const { api } = useSignedIn();
  // A page at a time, each after the last line shown (?after=).
  const list = usePages(async (after) => {
    const r = await resultOf(api.payments.GET('/wage-reimbursement-schedules/discrepancies', { params: { query: { limit: PAGE, ...(after ? { after } : {}) } } }));
    return r.ok ? { ok: true, data: { items: r.data.lines, next: r.data.next } } : r;
  }, 'discrepancies');
  const lines = list.items;
  return (
    <Page title="Discrepancies">
      <p className="lede">Lines of employers&apos; wage reimbursement schedules that differ from the worker&apos;s entitlement or could not be checked, oldest period first.</p>
      <Section id="discrepancies" title={lines ? `Lines to look at (${lines.length}${list.next ? ' so far' : ''})` : 'Lines to look at'}>
        {list.refusal ? (
          <RefusalMessage refusal={list.refusal} level={3} />
        ) : !lines ? (
          <Loading what="the discrepancies" />
        ) : lines.length === 0 ? (
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
                {lines.map((d) => (
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
            <MorePages next={list.next} pending={list.pending} more={list.more} label={`Show the next ${PAGE} lines`} working="Loading more lines…" />
          </>
        )}
      </Section>
    </Page>
  );
}
