import { Button, Form, Input, Label, Link, Text, TextField } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import { hrefs, navigate } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useResult } from '../../app/use-result';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { formatDate, sydneyToday } from '../../format/format';
import { WorkGroup } from '../MyWorkPage';
import '../operations.css';

/**
 * A team leader looking at a case manager's queue (GET /work-queue?for=…), as the case manager sees
 * it in My work. The platform keeps no list of a team's members, so the team leader names the case
 * manager, or picks one who handles a claim escalated to them.
 */
export function TeamWorkPage({ caseManager }: { caseManager?: string }) {
  return (
    <Page title={caseManager ? `Work of ${caseManager}` : "Team's work"}>
      <ChooseCaseManager current={caseManager} />
      {caseManager ? <CaseManagerQueue key={caseManager} caseManager={caseManager} /> : <EscalatedCaseManagers />}
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

/** The case managers of the claims escalated to the team leader: a start, as no list of the team is kept. */
function EscalatedCaseManagers() {
  const { api } = useSignedIn();
  const queue = useResult((signal) => resultOf(api.claims.GET('/escalations', { signal })), [api]);
  const counts = new Map<string, number>();
  if (queue?.ok) for (const i of queue.data.items) if (i.caseManager) counts.set(i.caseManager, (counts.get(i.caseManager) ?? 0) + 1);
  return (
    <Section id="escalated-case-managers" title="Case managers with escalations">
      {!queue ? (
        <Loading what="your escalations" />
      ) : !queue.ok ? (
        <RefusalMessage refusal={queue.refusal} level={3} />
      ) : counts.size === 0 ? (
        <p className="empty">No case manager has an obligation escalated to you.</p>
      ) : (
        <ul className="plain">
          {[...counts].map(([user, n]) => (
            <li key={user}>
              <Link href={hrefs.teamWork(user)}>{user}</Link> <span className="muted">({n === 1 ? '1 escalation' : `${n} escalations`})</span>
            </li>
          ))}
        </ul>
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
