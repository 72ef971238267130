import { Button, Form, Input, Label, Link, Text, TextField } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import { hrefs, navigate } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useResult } from '../../app/use-result';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { formatDate, sydneyToday } from '../../format/format';
import { WorkGroup } from '../MyWorkPage';
import { TeamCovers } from './TeamCovers';
import '../operations.css';

/**
 * A team leader looking at a case manager's queue (GET /work-queue?for=…), as the case manager sees
 * it in My work: picked from their team (GET /team, the case managers of the claims they lead), or
 * named (someone covering, whose claims are led by another); and who covers for whom (TeamCovers).
 */
export function TeamWorkPage({ caseManager }: { caseManager?: string }) {
  return (
    <Page title={caseManager ? `Work of ${caseManager}` : "Team's work"}>
      {caseManager ? (
        <>
          <ChooseCaseManager current={caseManager} />
          <CaseManagerQueue key={caseManager} caseManager={caseManager} />
        </>
      ) : (
        <>
          <TeamMembers />
          <ChooseCaseManager />
          <TeamCovers />
        </>
      )}
    </Page>
  );
}

function ChooseCaseManager({ current }: { current?: string }) {
  return (
    <Form
      className="inline-form"
      aria-label="Whose work"
      onSubmit={(e) => {
        e.preventDefault();
        const user = String(new FormData(e.currentTarget).get('caseManager') ?? '').trim();
        if (user) navigate(hrefs.teamWork(user));
      }}
    >
      <TextField name="caseManager" isRequired defaultValue={current ?? ''} className="field">
        <Label>Case manager</Label>
        <Input />
        <Text slot="description" className="hint">
          Their user name, e.g. cm.sam.
        </Text>
      </TextField>
      <Button type="submit" className="react-aria-Button primary">
        Show their work
      </Button>
    </Form>
  );
}

/**
 * The team (GET /team): the case managers of the claims the team leader leads, each with what their
 * queue holds overdue and due today and the escalations of their claims, and a way into the queue.
 */
function TeamMembers() {
  const { api } = useSignedIn();
  const team = useResult((signal) => resultOf(api.claims.GET('/team', { signal })), [api]);
  return (
    <Section id="team" title="Your team">
      {!team ? (
        <Loading what="your team" />
      ) : !team.ok ? (
        <RefusalMessage refusal={team.refusal} level={3} />
      ) : team.data.members.length === 0 ? (
        <p className="empty">No claim you lead has a case manager yet.</p>
      ) : (
        <>
          <p className="muted">The case managers of the claims you lead. Today in Sydney is {formatDate(team.data.today)}.</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Case manager</th>
                <th scope="col" className="number">
                  Open claims
                </th>
                <th scope="col" className="number">
                  Overdue
                </th>
                <th scope="col" className="number">
                  Due today
                </th>
                <th scope="col" className="number">
                  Escalated to you
                </th>
              </tr>
            </thead>
            <tbody>
              {team.data.members.map((m) => (
                <tr key={m.caseManager}>
                  <th scope="row">
                    <Link href={hrefs.teamWork(m.caseManager)} aria-label={`Work of ${m.caseManager}`}>
                      {m.caseManager}
                    </Link>
                  </th>
                  <td className="number">{m.openClaims}</td>
                  <td className="number">{m.overdue > 0 ? <strong>{m.overdue}</strong> : 0}</td>
                  <td className="number">{m.dueToday}</td>
                  <td className="number">{m.escalations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

function CaseManagerQueue({ caseManager }: { caseManager: string }) {
  const { api } = useSignedIn();
  const queue = useResult((signal) => resultOf(api.claims.GET('/work-queue', { params: { query: { for: caseManager } }, signal })), [api, caseManager]);
  const today = sydneyToday();
  if (!queue) return <Loading what={`${caseManager}'s work`} />;
  if (!queue.ok) return <RefusalMessage refusal={queue.refusal} />;
  const items = queue.data.items;
  return (
    <>
      <p className="lede">
        The open obligations of the claims {queue.data.caseManager} handles, by due date. Today in Sydney is {formatDate(today)}.
      </p>
      <WorkGroup id="overdue" title="Overdue" items={items.filter((i) => i.dueOn < today)} today={today} empty="Nothing overdue." />
      <WorkGroup id="due-today" title="Due today" items={items.filter((i) => i.dueOn === today)} today={today} empty="Nothing due today." />
      <WorkGroup id="coming-up" title="Coming up" items={items.filter((i) => i.dueOn > today)} today={today} empty="Nothing else open." />
    </>
  );
}
