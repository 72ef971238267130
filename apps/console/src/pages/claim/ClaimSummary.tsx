import type { ClaimView } from '../../api/types';
import { Day, Instant } from '../../components/Dates';
import { Section } from '../../components/Page';
import { words } from '../../components/labels';
import { workerName } from '../../format/format';

/** Who and what the claim is about, and who works on it. */
export function ClaimSummary({ claim: c }: { claim: ClaimView }) {
  return (
    <Section id="summary" title="Summary">
      <dl className="facts">
        <div>
          <dt>Worker</dt>
          <dd>{workerName(c.worker)}</dd>
        </div>
        <div>
          <dt>Employer</dt>
          <dd>
            {c.employer.name} <span className="muted">(policy {c.employer.policyNumber})</span>
          </dd>
        </div>
        <div>
          <dt>Injury</dt>
          <dd>
            {words(c.injury.nature)}, {c.injury.bodyLocation}, on <Day value={c.injury.dateOfInjury} />
          </dd>
        </div>
        <div>
          <dt>Notified</dt>
          <dd>
            <Instant value={c.notifiedAt} />
          </dd>
        </div>
        <div>
          <dt>Case manager</dt>
          <dd>{c.caseManager ?? <span className="muted">Not assigned</span>}</dd>
        </div>
        <div>
          <dt>Team leader</dt>
          <dd>{c.teamLeader ?? <span className="muted">Not assigned</span>}</dd>
        </div>
        <div>
          <dt>Workflow</dt>
          <dd>{words(String(c.workflow.status).toLowerCase())}</dd>
        </div>
      </dl>
    </Section>
  );
}

/** The claim's classification and segment, with the rules' reasons for each (docs/rules.md, triage). */
export function Triage({ claim: c }: { claim: ClaimView }) {
  return (
    <Section id="triage" title="Triage">
      {c.classification === null ? (
        <p className="empty">Not yet triaged: the claim&apos;s workflow classifies it shortly after it is lodged.</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>Classification</dt>
            <dd>
              <span className="badge">{words(c.classification)}</span>
              {c.triageReasons && <p className="reason">{c.triageReasons.classification}</p>}
            </dd>
          </div>
          <div>
            <dt>Segment</dt>
            <dd>
              <span className="badge">{c.segment ? words(c.segment) : 'None'}</span>
              {c.triageReasons && <p className="reason">{c.triageReasons.segment}</p>}
            </dd>
          </div>
        </dl>
      )}
    </Section>
  );
}
