import { Suspense, lazy } from 'react';
import { resultOf } from '../../api/refusal';
import type { ClaimParties as Parties, ClaimParty, Consent } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { useDone } from '../../app/use-done';
import { Day } from '../../components/Dates';
import { Loading, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { StatusMessage } from '../../components/StatusMessage';
import { words } from '../../components/labels';
import { useKeptResult } from './use-kept-result';

// The dialogs that record parties and consents bring zod and the contracts' schemas: loaded with the
// claim page (ClaimPage asks for the action forms, which share them), not with the console.
const dialogs = () => import('./PartyDialogs');
const AddPartyDialog = lazy(() => dialogs().then((m) => ({ default: m.AddPartyDialog })));
const ChangePartyDialog = lazy(() => dialogs().then((m) => ({ default: m.ChangePartyDialog })));
const ConsentDialog = lazy(() => dialogs().then((m) => ({ default: m.ConsentDialog })));
const RemovePartyDialog = lazy(() => dialogs().then((m) => ({ default: m.RemovePartyDialog })));

/**
 * The claim's parties (GET /claims/:id/parties): its address book for notices, how each is written
 * to, and the worker's consents to share health information with each; the parties taken off the
 * claim, with why. Notices go to these parties only, and health information only with a consent in
 * force (services/notifications), so this is what a case manager checks when a notice was held, and
 * where they add a party, change one, record a consent or take a party off. Who may is the API's
 * to say: a refusal is shown in the dialog.
 */
export function ClaimParties({ claimId, refresh = 0 }: { claimId: string; refresh?: number }) {
  const { api } = useSignedIn();
  const { version: changedCount, message: changedMessage, done: onDone } = useDone();
  const { result } = useKeptResult((signal) => resultOf(api.claims.GET('/claims/{id}/parties', { params: { path: { id: claimId } }, signal })), [api, claimId, refresh, changedCount]);
  return (
    <Section id="parties" title="Parties and consents">
      <StatusMessage message={changedMessage} />
      {!result ? <Loading what="the parties" /> : !result.ok ? <RefusalMessage refusal={result.refusal} level={3} /> : <PartiesTable claimId={claimId} parties={result.data} onDone={onDone} />}
      <Suspense fallback={null}>
        <div className="section-actions">
          <AddPartyDialog claimId={claimId} onDone={onDone} />
        </div>
      </Suspense>
    </Section>
  );
}

function PartiesTable({ claimId, parties: v, onDone }: { claimId: string; parties: Parties; onDone(message: string): void }) {
  const consentsOf = (partyId: string) => v.consents.filter((c) => c.partyId === partyId);
  return (
    <>
      {v.parties.length === 0 ? (
        <p className="empty">No parties recorded yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">Written to by</th>
              <th scope="col">Consent to share health information</th>
              <th scope="col">
                <span className="visually-hidden">Changes</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {v.parties.map((p) => (
              <tr key={p.partyId}>
                <th scope="row">
                  <PartyName party={p} />
                </th>
                <td>
                  <Channels party={p} />
                </td>
                <td>{p.role === 'worker' ? <span className="muted">The worker&apos;s own</span> : <Consents consents={consentsOf(p.partyId)} />}</td>
                <td>
                  <Suspense fallback={null}>
                    <div className="row-actions">
                      <ChangePartyDialog claimId={claimId} party={p} onDone={onDone} />
                      {p.role !== 'worker' && (
                        <>
                          <ConsentDialog claimId={claimId} party={p} consent={consentsOf(p.partyId)[0]} onDone={onDone} />
                          <RemovePartyDialog claimId={claimId} party={p} onDone={onDone} />
                        </>
                      )}
                    </div>
                  </Suspense>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v.removed.length > 0 && (
        <>
          <h3>Taken off the claim</h3>
          <ul className="plain">
            {v.removed.map((r) => (
              <li key={r.party.partyId}>
                <PartyName party={r.party} /> on <Day value={r.removedOn} /> by {r.removedBy}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function PartyName({ party: p }: { party: ClaimParty }) {
  const about = [words(p.role), p.relationship, ...p.capacities.map(words)].filter(Boolean).join(', ');
  return (
    <>
      {p.name}
      <div className="muted small">{about}</div>
    </>
  );
}

function Channels({ party: p }: { party: ClaimParty }) {
  const how: string[] = p.channels.map((c) => {
    if (c === 'email') return `Email ${p.email ?? '(no address)'}`;
    if (c === 'sms') return `SMS ${p.mobile ?? '(no number)'}`;
    return `Post ${p.postalAddress?.join(', ') ?? '(no address)'}`;
  });
  return (
    <>
      {how.length === 0 ? <span className="muted">No channel</span> : how.map((h) => <div key={h}>{h}</div>)}
      {p.interpreter && <div className="muted small">Interpreter: {p.interpreter.language}</div>}
    </>
  );
}

function Consents({ consents }: { consents: Consent[] }) {
  if (consents.length === 0) return <span className="badge">None</span>;
  return (
    <>
      {consents.map((c) => (
        <div key={`${c.givenOn}|${c.evidence}`}>
          {c.withdrawnOn ? (
            <>
              <span className="badge">Withdrawn</span> on <Day value={c.withdrawnOn} /> (given <Day value={c.givenOn} />)
            </>
          ) : (
            <>
              <span className="badge">Given</span> on <Day value={c.givenOn} />
            </>
          )}
          <div className="muted small">
            {c.evidence}; recorded by {c.recordedBy}
          </div>
        </div>
      ))}
    </>
  );
}
