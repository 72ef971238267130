import { resultOf } from '../../api/refusal';
import type { ClaimParties as Parties, ClaimParty, Consent } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { Day } from '../../components/Dates';
import { Loading, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { words } from '../../components/labels';
import { useKeptResult } from './use-kept-result';

/**
 * The claim's parties (GET /claims/:id/parties): its address book for notices, how each is written
 * to, and the worker's consents to share health information with each; the parties taken off the
 * claim, with why. Notices go to these parties only, and health information only with a consent in
 * force (services/notifications), so this is what a case manager checks when a notice was held.
 */
export function ClaimParties({ claimId, refresh = 0 }: { claimId: string; refresh?: number }) {
  const { api } = useSignedIn();
  const { result } = useKeptResult((signal) => resultOf(api.claims.GET('/claims/{id}/parties', { params: { path: { id: claimId } }, signal })), [api, claimId, refresh]);
  return (
    <Section id="parties" title="Parties and consents">
      {!result ? <Loading what="the parties" /> : !result.ok ? <RefusalMessage refusal={result.refusal} level={3} /> : <PartiesTable parties={result.data} />}
    </Section>
  );
}

function PartiesTable({ parties: v }: { parties: Parties }) {
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
