import { useState } from 'react';
import { Button, Checkbox, Form, Input, Label, Link, TextField } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import type { BackdatedAction } from '../../api/types';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { MorePages, usePages } from '../../app/use-pages';
import { Day, Instant } from '../../components/Dates';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { obligationName, words } from '../../components/labels';
import '../operations.css';

interface Filter {
  from?: string;
  to?: string;
  beyondWindow: boolean;
}

const PAGE = 100;

/**
 * The team leader's audit of backdated actions (GET /audit/backdated-actions): every action on
 * their team's claims dated before the day it was recorded, how many days back, by whom, and the
 * reason given beyond the window; newest first.
 */
export function BackdatedActionsPage() {
  const { api } = useSignedIn();
  const [filter, setFilter] = useState<Filter>({ beyondWindow: false });
  // A page at a time, newest first, each before the last action shown (?before=); a new filter starts again.
  const list = usePages(async (before) => {
    const query = { from: filter.from, to: filter.to, beyondWindow: filter.beyondWindow ? ('true' as const) : undefined, limit: PAGE, ...(before ? { before } : {}) };
    const r = await resultOf(api.claims.GET('/audit/backdated-actions', { params: { query } }));
    return r.ok ? { ok: true, data: { items: r.data.actions, next: r.data.next, about: { windowDays: r.data.windowDays } } } : r;
  }, JSON.stringify(filter));
  const actions = list.items;
  const windowDays = list.about?.windowDays;
  const fieldErrors = list.refusal ? Object.fromEntries(list.refusal.problems.map((p) => [p.field, p.problem])) : {};
  return (
    <Page title="Backdated actions">
      <p className="lede">
        Actions on your team&apos;s claims dated before the day they were recorded, newest first.
        {windowDays !== undefined && ` A case manager may date an action up to ${windowDays} days back; further back, only a team leader may, and must say why.`}
      </p>
      <Form
        className="inline-form"
        aria-label="Which backdated actions"
        validationErrors={fieldErrors}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const day = (name: string) => String(form.get(name) ?? '') || undefined;
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
      <Section id="backdated" title={actions ? `Backdated actions (${actions.length}${list.next ? ' so far' : ''})` : 'Backdated actions'}>
        {list.refusal ? (
          <RefusalMessage refusal={list.refusal} level={3} />
        ) : !actions || windowDays === undefined ? (
          <Loading what="the backdated actions" />
        ) : actions.length === 0 ? (
          <p className="empty">No backdated actions{filter.from || filter.to || filter.beyondWindow ? ' match' : ''}.</p>
        ) : (
          <>
            <BackdatedTable actions={actions} windowDays={windowDays} />
            <MorePages next={list.next} pending={list.pending} more={list.more} label={`Show the next ${PAGE} actions`} working="Loading more actions…" />
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
