import type { Schedule } from '../../api/types';
import { Day, Instant } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Section } from '../../components/Page';
import { words } from '../../components/labels';
import { type ScheduleProblem, columnName } from './schedule-problems';

/** A reconciliation's status in words; "matched" is what is expected, the rest need a person. */
export const RECONCILIATION_WORDS: Record<string, string> = {
  matched: 'Matched',
  discrepancy: 'Differs from the entitlement',
  'unknown-claim': 'Unknown claim',
  'no-piawe': 'No PIAWE in force',
  'other-policy': 'Another policy’s claim',
  'already-reimbursed': 'Already reimbursed',
};

/** A stored schedule: its totals, how each line was reconciled and reimbursed, and (partial) the lines left out. */
export function ScheduleView({ schedule: s }: { schedule: Schedule }) {
  return (
    <>
      <Section id="schedule" title="Schedule">
        <dl className="facts">
          <div>
            <dt>Employer&apos;s policy</dt>
            <dd>{s.employer.policyNumber}</dd>
          </div>
          <div>
            <dt>Received</dt>
            <dd>
              <Instant value={s.receivedAt} /> by {s.receivedBy} <span className="muted">({s.format.toUpperCase()})</span>
            </dd>
          </div>
          <div>
            <dt>Lines</dt>
            <dd>
              {s.totals.lines} for {s.totals.claims === 1 ? '1 claim' : `${s.totals.claims} claims`}
              {s.partial && <span className="muted"> (partial: {s.rejected.length} left out)</span>}
            </dd>
          </div>
          <div>
            <dt>Gross earnings</dt>
            <dd>
              <Money amount={s.totals.grossEarnings} />
            </dd>
          </div>
          <div>
            <dt>Compensation paid</dt>
            <dd>
              <Money amount={s.totals.compensationPaid} />
            </dd>
          </div>
          <div>
            <dt>PAYG withheld</dt>
            <dd>
              <Money amount={s.totals.paygWithheld} />
            </dd>
          </div>
        </dl>
      </Section>
      <Section id="reconciliation" title="Reconciliation">
        {s.reconciliation.length === 0 ? (
          <p className="empty">No line of a claim you may see.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Line</th>
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
              </tr>
            </thead>
            <tbody>
              {s.reconciliation.map((r) => (
                <tr key={r.line}>
                  <td>{r.line}</td>
                  <th scope="row">{r.claimNumber}</th>
                  <td>
                    <Day value={r.periodStart} /> – <Day value={r.periodEnd} />
                  </td>
                  <td className="number">
                    <Money amount={r.employerPaid} />
                  </td>
                  <td className="number">{r.entitlement ? <Money amount={r.entitlement} /> : <span className="muted">—</span>}</td>
                  <td className="number">{r.difference ? <Money amount={r.difference} /> : <span className="muted">—</span>}</td>
                  <td>
                    <span className={`status status-${r.status === 'matched' ? 'met' : 'open'}`}>{RECONCILIATION_WORDS[r.status] ?? words(r.status)}</span>
                    <div className="small">{r.note}</div>
                    {r.paymentId && <div className="muted small">Reimbursement generated</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      {s.rejected.length > 0 && (
        <Section id="rejected" title={`Lines left out (${s.rejected.length})`}>
          <ProblemTable problems={s.rejected} caption="The lines not stored, and why" />
        </Section>
      )}
    </>
  );
}

/** A schedule's problems by line and column. */
export function ProblemTable({ problems, caption }: { problems: ScheduleProblem[]; caption: string }) {
  return (
    <table className="table problems">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-line">
            Line
          </th>
          <th scope="col" className="col-column">
            Column
          </th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={`${p.line}:${p.column}:${i}`}>
            <th scope="row">{p.line}</th>
            <td>
              <code>{columnName(p.column)}</code>
            </td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
