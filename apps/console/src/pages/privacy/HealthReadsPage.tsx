import { useState } from 'react';
import { Button, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { resultOf } from '../../api/refusal';
import type { HealthRead } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { MorePages, usePages } from '../../app/use-pages';
import { Instant } from '../../components/Dates';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { words } from '../../components/labels';
import '../operations.css';

interface Filter {
  claimId?: string;
  user?: string;
  from?: string;
  to?: string;
}

const PAGE = 100;
const FILTERS = [
  { name: 'claimId', label: 'Claim id', hint: 'One claim’s reads, e.g. for a worker’s access request' },
  { name: 'user', label: 'User', hint: 'One person’s reads' },
] as const;

/**
 * The privacy officer's audit of reads of health information (GET /audit/health-reads, issue 14;
 * program 11): who was shown which claim's health information, when, through which service, and on
 * what footing (their own claim, a cover, a review), newest first. The privacy officer sees the
 * reads, never the health information itself: a claim is named by its id.
 */
export function HealthReadsPage() {
  const { api } = useSignedIn();
  const [filter, setFilter] = useState<Filter>({});
  const list = usePages<HealthRead>(async (after) => {
    const r = await resultOf(api.claims.GET('/audit/health-reads', { params: { query: { ...filter, limit: PAGE, ...(after ? { after } : {}) } } }));
    return r.ok ? { ok: true, data: { items: r.data.reads, next: r.data.next } } : r;
  }, JSON.stringify(filter));
  // A 400 names a query parameter: shown at its field.
  const fieldErrors = list.refusal ? Object.fromEntries(list.refusal.problems.map((p) => [p.field, p.problem])) : {};
  const filtered = Object.values(filter).some(Boolean);
  return (
    <Page title="Health information reads">
      <p className="lede">Every time someone was shown a claim&apos;s health information, newest first: who, when, where and on what footing.</p>
      <Form
        className="inline-form"
        aria-label="Which reads"
        validationErrors={fieldErrors}
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const value = (name: string) => String(form.get(name) ?? '').trim() || undefined;
          setFilter({ claimId: value('claimId'), user: value('user'), from: value('from'), to: value('to') });
        }}
      >
        {FILTERS.map((f) => (
          <TextField key={f.name} name={f.name} className="field">
            <Label>{f.label}</Label>
            <Input />
            <Text slot="description" className="hint">
              {f.hint}
            </Text>
          </TextField>
        ))}
        <TextField name="from" type="date" className="field field-date">
          <Label>From</Label>
          <Input />
        </TextField>
        <TextField name="to" type="date" className="field field-date">
          <Label>To</Label>
          <Input />
        </TextField>
        <Button type="submit">Show</Button>
      </Form>
      <Section id="reads" title={list.items ? `Reads (${list.items.length}${list.next ? ' so far' : ''})` : 'Reads'}>
        {list.refusal ? (
          <RefusalMessage refusal={list.refusal} level={3} />
        ) : !list.items ? (
          <Loading what="the reads" />
        ) : list.items.length === 0 ? (
          <p className="empty">No reads{filtered ? ' match' : ''}.</p>
        ) : (
          <>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Claim</th>
                  <th scope="col">What</th>
                  <th scope="col">Footing</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">
                      <Instant value={r.at} />
                    </td>
                    <th scope="row" className="nowrap">
                      {r.user}
                      <div className="muted small">{words(r.role)}</div>
                    </th>
                    <td>
                      <code className="small">{r.claimId}</code>
                    </td>
                    <td>
                      {r.what}
                      <div className="muted small">{words(r.service)} service</div>
                    </td>
                    <td>{words(r.basis)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <MorePages next={list.next} pending={list.pending} more={list.more} label={`Show the next ${PAGE} reads`} working="Loading more reads…" />
          </>
        )}
      </Section>
    </Page>
  );
}
