import { Suspense, lazy, useState } from 'react';
import { Checkbox, Link } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import type { PendingChange } from '../../api/types';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { useResult } from '../../app/use-result';
import { Instant } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loaded } from '../../components/Loaded';
import { Page, Section } from '../../components/Page';
import { StatusMessage } from '../../components/StatusMessage';
import { words } from '../../components/labels';
import '../operations.css';

// The dialogs bring zod and the contracts' schema: loaded with this page, not with the console.
const dialogs = () => import('./ApprovalDialogs');
const DecideChangeDialog = lazy(() => dialogs().then((m) => ({ default: m.DecideChangeDialog })));

const KIND: Record<PendingChange['kind'], string> = { payee: 'Payee’s account', 'authority-limit': 'Authority limit', 'rate-tables': 'Corrected rate tables' };
const STATUS: Record<PendingChange['status'], string> = { pending: 'Waiting', approved: 'Approved', rejected: 'Rejected', superseded: 'Superseded by a later proposal' };

/**
 * Changes waiting for a second person (GET /changes): a payee's new bank account, corrected rate
 * tables, an authority limit. Nobody approves their own: the API says so, in its words, at the
 * dialog. Approved, the change is recorded at once (a corrected rate table starts its remediation).
 */
export function ApprovalsPage() {
  const { api } = useSignedIn();
  const [all, setAll] = useState(false);
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  const list = useResult((signal) => resultOf(api.payments.GET('/changes', { params: { query: all ? { all: 'true' } : {} }, signal })), [api, all, changedCount]);
  return (
    <Page title="Approvals">
      <p className="lede">Changes someone proposed that take effect only once a second person approves them, oldest first.</p>
      <Checkbox isSelected={all} onChange={setAll}>
        Show decided changes too
      </Checkbox>
      <StatusMessage message={changedMessage} />
      <Section id="changes" title={list?.ok ? `${all ? 'Changes' : 'Waiting for approval'} (${list.data.changes.length})` : 'Waiting for approval'}>
        <Loaded result={list} what="the changes" isEmpty={(d) => d.changes.length === 0} empty={all ? 'No changes proposed.' : 'Nothing is waiting for approval.'}>
          {(data) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Change</th>
                  <th scope="col">What it records</th>
                  <th scope="col">Proposed</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Decide</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.changes.map((c) => (
                  <tr key={c.changeId}>
                    <th scope="row">
                      {KIND[c.kind]}
                      <div className="small">
                        <Subject change={c} />
                      </div>
                    </th>
                    <td>
                      <What change={c} />
                      <div className="muted small">Why: {c.reason}</div>
                    </td>
                    <td>
                      {c.proposedBy}
                      <div className="muted small">
                        <Instant value={c.proposedAt} />
                      </div>
                    </td>
                    <td>
                      {STATUS[c.status]}
                      {c.decidedBy && (
                        <div className="muted small">
                          by {c.decidedBy}
                          {c.decidedAt && (
                            <>
                              , <Instant value={c.decidedAt} />
                            </>
                          )}
                          {c.note && `: ${c.note}`}
                        </div>
                      )}
                    </td>
                    <td>
                      {c.status === 'pending' && (
                        <Suspense fallback={null}>
                          <div className="row-actions">
                            <DecideChangeDialog change={c} decision="approve" what={`${KIND[c.kind].toLowerCase()} proposed by ${c.proposedBy}`} onDone={onDone} />
                            <DecideChangeDialog change={c} decision="reject" what={`${KIND[c.kind].toLowerCase()} proposed by ${c.proposedBy}`} onDone={onDone} />
                          </div>
                        </Suspense>
                      )}
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

function Subject({ change: c }: { change: PendingChange }) {
  // The payments side of the claim: what a payments officer may see of it.
  if (c.claimId) return <Link href={hrefs.paymentClaim(c.claimId)}>The claim&apos;s payments</Link>;
  if (c.kind === 'authority-limit') return <>{words(c.subject.replace(/^(role|user):/, ''))}</>;
  return <>{c.subject}</>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** What the change records, in words: an account, a limit, or the rate tables' parameters as given. */
function What({ change: c }: { change: PendingChange }) {
  const ch = c.change;
  if (c.kind === 'authority-limit' && typeof ch.maxAmount === 'string')
    return (
      <>
        Up to <Money amount={ch.maxAmount} /> a payment
      </>
    );
  if (c.kind === 'payee') {
    const account = isObject(ch.worker) ? ch.worker : isObject(ch.employer) ? ch.employer : undefined;
    return (
      <>
        Paid by {text(ch.paidBy)}
        {account && (
          <div>
            {text(account.accountTitle)}, BSB {text(account.bsb)}, account {text(account.account)}
          </div>
        )}
      </>
    );
  }
  return (
    <ul className="plain">
      {Object.entries(ch).map(([k, v]) => (
        <li key={k}>
          {words(k)}: {text(v)}
        </li>
      ))}
    </ul>
  );
}
