import type { ClaimView } from '../../api/types';
import { Day } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Section } from '../../components/Page';

type Requests = ClaimView['treatmentRequests'];

/**
 * The claim's treatment requests (GET /claims/:id `treatmentRequests`, asked of the claim's
 * workflow: docs/rules.md §8.1): each with when it must be acknowledged and decided, and what was
 * decided. The workflow may not answer (not running, or busy): the API says so, and so does this.
 */
export function ClaimTreatmentRequests({ requests }: { requests: Requests }) {
  return (
    <Section id="treatment" title="Treatment requests">
      {requests === null ? (
        <p className="muted">Not known: the claim&apos;s workflow is not running.</p>
      ) : typeof requests === 'string' ? (
        <p className="muted">Not known just now ({requests.replace(/^UNKNOWN \((.*)\)$/, '$1')}): open the claim again shortly.</p>
      ) : requests.length === 0 ? (
        <p className="empty">No treatment requests.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Provider</th>
              <th scope="col" className="number">
                Cost
              </th>
              <th scope="col">Requested</th>
              <th scope="col">Acknowledged</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.ref}>
                <th scope="row">
                  {r.treatment ?? <span className="muted">Treatment not named</span>}
                  <div className="muted small">{r.ref}</div>
                </th>
                <td>{r.provider ?? <span className="muted">Not named</span>}</td>
                <td className="number">{r.cost ? <Money amount={r.cost} /> : <span className="muted">—</span>}</td>
                <td>
                  <Day value={r.requestedOn} />
                </td>
                <td>
                  {r.acknowledgedOn ? (
                    <Day value={r.acknowledgedOn} />
                  ) : r.acknowledgementDueOn ? (
                    <>
                      <span className="muted">Due by</span> <Day value={r.acknowledgementDueOn} />
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>
                  {r.decision ? (
                    <>
                      <span className={r.decision.outcome === 'approved' ? 'status status-met' : 'status status-overdue'}>{r.decision.outcome === 'approved' ? 'Approved' : 'Declined'}</span> on{' '}
                      <Day value={r.decision.on} />
                    </>
                  ) : r.decisionDueOn ? (
                    <>
                      <span className="muted">Due by</span> <Day value={r.decisionDueOn} />
                    </>
                  ) : (
                    <span className="muted">{r.open ? 'Open' : 'Closed'}</span>
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
