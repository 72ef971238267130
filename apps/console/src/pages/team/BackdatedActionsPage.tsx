import { useState } from 'react';
import { Button, Checkbox, Form, Input, Label, Link, TextField } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import type { BackdatedAction } from '../../api/types';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useResult } from '../../app/use-result';
import { Day, Instant } from '../../components/Dates';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { ShowMore } from '../../components/ShowMore';
import { obligationName, words } from '../../components/labels';
import '../operations.css';

interface Filter {
  from?: string;
  to?: string;
  beyondWindow: boolean;
}

const PAGE = 100;
const MOST = 1000;

/**
 * The team leader's audit of backdated actions (GET /audit/backdated-actions): every action on
 * their team's claims dated before the day it was recorded, how many days back, by whom, and the
 * reason given beyond the window; newest first.
 */
export function BackdatedActionsPage() {
  const { api } = useSignedIn();
  const [filter, setFilter] = useState<Filter>({ beyondWindow: false });
  const [limit, setLimit] = useState(PAGE);
  const list = useResult(
    (signal) =>
      resultOf(
        api.claims.GET('/audit/backdated-actions', {
          params: { query: { from: filter.from, to: filter.to, beyondWindow: filter.beyondWindow ? 'true' : undefined, limit } },
          signal,
        }),
      ),
    [api, filter, limit],
  );
  const fieldErrors = list && !list.ok ? Object.fromEntries(list.refusal.problems.map((p) => [p.field, p.problem])) : {};
  return (
    <Page title="Backdated actions">
      <p className="lede">
        Actions on your team&apos;s claims dated before the day they were recorded, newest first.
        {list?.ok && ` A case manager may date an action up to ${list.data.windowDays} days back; further back, only a team leader may, and must say why.`}
      </p>
      <Form
        className="inline-form"
        aria-label="Which backdated actions"
        validationErrors={fieldErrors}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const day = (name: string) => String(form.get(name) ?? '') || undefined;
          setLimit(PAGE);
          setFilter({ from: day('from'), to: day('to'), beyondWindow: form.get('beyondWindow') === 'on' });
        }}
      >
        <TextField name="from" type="date" className="field field-date">
          <Label>Recorded from</Label>
          <Input />
        </TextField>
        <TextField name="to" type="date" className="field field-date">
          <Label>Recorded to</Label>
          <Input />
        </TextField>
        <Checkbox name="beyondWindow" value="on">
          Only those beyond the window
        </Checkbox>
        <Button type="submit">Show</Button>
      </Form>
      <Section id="backdated" title={list?.ok ? `Backdated actions (${list.data.actions.length})` : 'Backdated actions'}>
        {!list ? (
          <Loading what="the backdated actions" />
        ) : !list.ok ? (
          <RefusalMessage refusal={list.refusal} level={3} />
        ) : list.data.actions.length === 0 ? (
          <p className="empty">No backdated actions{filter.from || filter.to || filter.beyondWindow ? ' match' : ''}.</p>
        ) : (
          <>
            <BackdatedTable actions={list.data.actions} windowDays={list.data.windowDays} />
            <ShowMore shown={list.data.actions.length} limit={limit} step={PAGE} max={MOST} what="actions" onMore={setLimit} />
          </>
        )}
      </Section>
    </Page>
  );
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function BackdatedTable({ actions, windowDays }: { actions: BackdatedAction[]; windowDays: number }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Recorded</th>
          <th scope="col">Claim</th>
          <th scope="col">Action</th>
          <th scope="col">Dated</th>
          <th scope="col" className="number nowrap">
            Days back
          </th>
          <th scope="col">By</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.actionId}>
            <td>
              <Instant value={a.recordedAt} />
            </td>
            <td>
              <Link href={hrefs.claim(a.claimId)}>{a.claimNumber}</Link>
            </td>
            <th scope="row">{obligationName(a.type)}</th>
            <td>{DAY.test(a.at) ? <Day value={a.at} /> : <Instant value={a.at} />}</td>
            <td className="number">
              <span className={a.daysBack > windowDays ? 'days-back beyond' : 'days-back'}>{a.daysBack}</span>
              {a.daysBack > windowDays && <div className="muted small">beyond {windowDays}</div>}
            </td>
            <td className="nowrap">
              {a.by.user}
              <div className="muted small">{words(a.by.role)}</div>
            </td>
            <td>{a.reason ?? <span className="muted">None given</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
