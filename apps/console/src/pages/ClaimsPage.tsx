import { useState } from 'react';
import { Button, FieldError, Form, Input, Label, Link, SearchField, Text } from 'react-aria-components';
import { resultOf } from '../api/refusal';
import type { ClaimListItem } from '../api/types';
import { hrefs } from '../app/router';
import { useSignedIn } from '../app/session';
import { MorePages, usePages } from '../app/use-pages';
import { Day } from '../components/Dates';
import { Loading, Page, Section } from '../components/Page';
import { RefusalMessage } from '../components/RefusalMessage';
import { words } from '../components/labels';
import { workerName } from '../format/format';

const PAGE = 25;

/**
 * Claim search and list (GET /claims): the claims the person may see, newest first, a page at a
 * time; the search finds part of a claim number (from its start), of the worker's name or of the
 * employer's. What the API refuses (a search of one letter) shows at the field.
 */
export function ClaimsPage() {
  const { api } = useSignedIn();
  const [q, setQ] = useState('');
  // The search shown: set on Search, so typing does not search on each key.
  const [search, setSearch] = useState('');
  const [shownFor, setShownFor] = useState('');
  const {
    items: claims,
    next,
    pending,
    refusal,
    more,
  } = usePages<ClaimListItem>(async (before) => {
    const r = await resultOf(api.claims.GET('/claims', { params: { query: { limit: PAGE, ...(search ? { q: search } : {}), ...(before ? { before } : {}) } } }));
    return r.ok ? { ok: true, data: { items: r.data.claims, next: r.data.next } } : r;
  }, search);
  // What the API said of a search is about that search: typing something else clears it from the field.
  const refusalShown = refusal && shownFor === q ? refusal : undefined;
  const fieldErrors = Object.fromEntries((refusalShown?.problems ?? []).filter((p) => p.field === 'q').map((p) => [p.field, p.problem]));
  return (
    <Page title="Claims">
      <p>
        <Link href={hrefs.lodgeClaim} className="react-aria-Button primary">
          Lodge a claim
        </Link>
      </p>
      <Section id="search" title="Find a claim">
        <Form
          role="search"
          className="stacked-form"
          validationBehavior="aria"
          validationErrors={fieldErrors}
          onSubmit={(e) => {
            e.preventDefault();
            setShownFor(q);
            setSearch(q.trim());
          }}
        >
          <SearchField
            name="q"
            value={q}
            onChange={setQ}
            onClear={() => {
              setShownFor('');
              setSearch('');
            }}
            className="field"
          >
            <Label>Claim number, worker or employer</Label>
            <Input />
            <Text slot="description" className="hint">
              Part of a claim number (from its start), of the worker&apos;s name or of the employer&apos;s name; empty for the newest claims.
            </Text>
            <FieldError className="field-error" />
          </SearchField>
          <Button type="submit" isDisabled={pending} className="react-aria-Button primary">
            Search
          </Button>
        </Form>
      </Section>
      <Section id="claims" title="Claims you may see">
        {refusalShown && Object.keys(fieldErrors).length === 0 ? (
          <RefusalMessage refusal={refusalShown} level={3} />
        ) : !claims ? (
          <Loading what="the claims" />
        ) : claims.length === 0 ? (
          <p className="empty">No claim found.</p>
        ) : (
          <ClaimTable claims={claims} />
        )}
        <MorePages next={next} pending={pending} more={more} label="Older claims" working="Searching…" />
      </Section>
    </Page>
  );
}

function ClaimTable({ claims }: { claims: ClaimListItem[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Claim</th>
          <th scope="col">Worker</th>
          <th scope="col">Employer</th>
          <th scope="col">Injured</th>
          <th scope="col">Status</th>
          <th scope="col">Case manager</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <Link href={hrefs.claim(c.id)}>{c.claimNumber}</Link>
            </th>
            <td>{workerName(c.worker)}</td>
            <td>{c.employer}</td>
            <td className="nowrap">
              <Day value={c.dateOfInjury} />
            </td>
            <td>
              {c.status === 'finalised' ? 'Finalised' : 'Open'}
              <div className="muted small">{[c.classification && words(c.classification), c.liability && `liability ${c.liability}`].filter(Boolean).join(', ') || 'not yet triaged'}</div>
            </td>
            <td>{c.caseManager ?? <span className="muted">Not assigned</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
