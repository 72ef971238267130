import { useState } from 'react';
import { Button, Cell, Checkbox, Column, Link, Row, type Selection, Tab, TabList, TabPanel, Table, TableBody, TableHeader, Tabs } from 'react-aria-components';
import { type Refusal, resultOf } from '../../api/refusal';
import type { Payment, PaymentStatus } from '../../api/types';
import { hrefs } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { MorePages, usePages } from '../../app/use-pages';
import { useResult } from '../../app/use-result';
import { Instant } from '../../components/Dates';
import { Money } from '../../components/Money';
import { PaymentPaid, PaymentPeriod } from '../../components/Payment';
import { Loading, Page } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { StatusMessage } from '../../components/StatusMessage';
import { words } from '../../components/labels';
import { formatMoney } from '../../format/format';
import { FindPaymentClaim } from './FindPaymentClaim';
import { type AuthorityLimit, authorisationHint, limitFor, problemsByPayment, selectedPayments, selectionTotals } from './selection';
import '../operations.css';

const STATUSES: { id: PaymentStatus; label: string; empty: string }[] = [
  { id: 'generated', label: 'Waiting for authorisation', empty: 'No payments are waiting for authorisation.' },
  { id: 'authorised', label: 'Authorised', empty: 'No authorised payments are waiting for a run.' },
  { id: 'in-run', label: 'In a run', empty: 'No payments are in a run being built.' },
  { id: 'released', label: 'Released', empty: 'No payments have been released.' },
  { id: 'cancelled', label: 'Cancelled', empty: 'No payments have been cancelled.' },
];

const PAGE = 100;

/**
 * Payments by status (GET /payments?status=…, oldest first). Those waiting for authorisation can be
 * selected and authorised: one through POST /payments/:id/authorise, several through
 * POST /payments/authorise, all or none. The payments service decides (never by whoever generated
 * a payment, never over the person's limit) and its refusal is shown with each payment it names.
 */
export function PaymentsPage() {
  const [status, setStatus] = useState<PaymentStatus>('generated');
  return (
    <Page title="Payments">
      <FindPaymentClaim />
      <Tabs selectedKey={status} onSelectionChange={(k) => setStatus(k as PaymentStatus)}>
        <TabList aria-label="Payments by status" className="tab-list">
          {STATUSES.map((s) => (
            <Tab key={s.id} id={s.id} className="tab">
              {s.label}
            </Tab>
          ))}
        </TabList>
        {STATUSES.map((s) => (
          <TabPanel key={s.id} id={s.id} className="tab-panel">
            <PaymentList status={s.id} label={s.label} empty={s.empty} />
          </TabPanel>
        ))}
      </Tabs>
    </Page>
  );
}

function PaymentList({ status, label, empty }: { status: PaymentStatus; label: string; empty: string }) {
  const { api, session } = useSignedIn();
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<Selection>(new Set());
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [problems, setProblems] = useState<Map<string, string[]>>(new Map());
  const [done, setDone] = useState<string>();
  // A page at a time, each after the last payment shown (?after=); authorising reads the list again from its first page.
  const list = usePages<Payment>(async (after) => {
    const r = await resultOf(api.payments.GET('/payments', { params: { query: { status, limit: PAGE, ...(after ? { after } : {}) } } }));
    return r.ok ? { ok: true, data: { items: r.data.payments, next: r.data.next } } : r;
  }, `${status}|${version}`);
  const limits = useResult((signal) => resultOf(api.payments.GET('/authority-limits', { signal })), [api]);
  const selectable = status === 'generated';
  const limit_ = limits?.ok ? limitFor(limits.data, session.user, session.role) : null;

  // What was just done stays said (and announced) while the list loads again.
  const said = (
    <>
      <StatusMessage message={done} />
      {done && (
        <p>
          <Link href={hrefs.paymentRuns}>Start a payment run</Link>
        </p>
      )}
    </>
  );
  if (list.refusal)
    return (
      <>
        {said}
        <RefusalMessage refusal={list.refusal} />
      </>
    );
  if (!list.items)
    return (
      <>
        {said}
        <Loading what="the payments" />
      </>
    );
  const rows = list.items;
  const totals = selectionTotals(rows, selected);

  async function authorise() {
    const ids = selectedPayments(rows, selected).map((p) => p.id);
    setPending(true);
    setRefusal(undefined);
    setProblems(new Map());
    setDone(undefined);
    const r =
      ids.length === 1
        ? await resultOf(api.payments.POST('/payments/{id}/authorise', { params: { path: { id: ids[0] } }, body: {} }))
        : await resultOf(api.payments.POST('/payments/authorise', { body: { ids } }));
    setPending(false);
    if (!r.ok) {
      // A bulk refusal names each payment by its place in the request: shown by its reference.
      const byPayment = problemsByPayment(ids, r.refusal.problems);
      const reference = new Map(rows.map((p) => [p.id, p.reference]));
      setProblems(byPayment);
      setRefusal({ ...r.refusal, problems: [...byPayment].flatMap(([id, ps]) => ps.map((problem) => ({ field: reference.get(id) ?? 'payments', problem }))) });
      return;
    }
    setDone(`${ids.length === 1 ? '1 payment' : `${ids.length} payments`} authorised, ${formatMoney(totals.net)} net: they go into the next payment run.`);
    setSelected(new Set());
    setVersion((v) => v + 1);
  }

  return (
    <>
      {said}
      {selectable && <AuthorityNote limit={limit_} role={session.role} />}
      <Table
        aria-label={`Payments: ${label.toLowerCase()}`}
        className="react-aria-Table table grid"
        selectionMode={selectable ? 'multiple' : 'none'}
        selectedKeys={selected}
        onSelectionChange={setSelected}
      >
        <TableHeader>
          {selectable && (
            <Column className="react-aria-Column col-select">
              <Checkbox slot="selection" />
            </Column>
          )}
          <Column isRowHeader>Reference</Column>
          <Column>Paid</Column>
          <Column>Period</Column>
          <Column className="react-aria-Column number">Gross</Column>
          <Column className="react-aria-Column number">PAYG</Column>
          <Column className="react-aria-Column number">Net</Column>
          <Column>Generated</Column>
          <Column>{selectable ? 'Note' : 'Authorised'}</Column>
        </TableHeader>
        {/* The rows are drawn again when what they show beside the payment changes (React Aria keeps them otherwise). */}
        <TableBody items={rows} dependencies={[limit_, problems, session.user]} renderEmptyState={() => <p className="empty">{empty}</p>}>
          {(p) => (
            <Row id={p.id} textValue={p.reference} className={problems.has(p.id) ? 'react-aria-Row refused' : 'react-aria-Row'}>
              {selectable && (
                <Cell>
                  <Checkbox slot="selection" />
                </Cell>
              )}
              <Cell>
                <span className="row-name">{p.reference}</span>
                <div className="small">
                  <Link href={hrefs.paymentClaim(p.claimId)} aria-label={`The claim of ${p.reference}`}>
                    The claim
                  </Link>
                </div>
              </Cell>
              <Cell>
                <PaymentPaid payment={p} />
              </Cell>
              <Cell>
                <PaymentPeriod payment={p} />
              </Cell>
              <Cell className="react-aria-Cell number">
                <Money amount={p.gross} />
              </Cell>
              <Cell className="react-aria-Cell number">
                <Money amount={p.payg} />
              </Cell>
              <Cell className="react-aria-Cell number">
                <Money amount={p.net} />
              </Cell>
              <Cell>
                {p.generatedBy}
                <div className="muted small">
                  <Instant value={p.generatedAt} />
                </div>
              </Cell>
              <Cell>{selectable ? <Note payment={p} user={session.user} limit={limit_} problems={problems.get(p.id)} /> : <Progress payment={p} />}</Cell>
            </Row>
          )}
        </TableBody>
      </Table>
      <MorePages next={list.next} pending={list.pending} more={list.more} label={`Show the next ${PAGE} payments`} working="Loading more payments…" />
      {selectable && rows.length > 0 && (
        <div className="selection-bar">
          <p className="selection-summary" aria-live="polite">
            {totals.count === 0 ? (
              'No payments selected.'
            ) : (
              <>
                <strong>{totals.count === 1 ? '1 payment' : `${totals.count} payments`} selected</strong>: gross <Money amount={totals.gross} />, PAYG <Money amount={totals.payg} />, net{' '}
                <Money amount={totals.net} />
              </>
            )}
          </p>
          <Button className="react-aria-Button primary" isDisabled={totals.count === 0 || pending} onPress={authorise}>
            {totals.count > 1 ? `Authorise ${totals.count} payments` : 'Authorise payment'}
          </Button>
          {pending && (
            <p role="status" className="muted">
              Authorising…
            </p>
          )}
        </div>
      )}
      {refusal && <RefusalMessage refusal={refusal} />}
    </>
  );
}

function AuthorityNote({ limit, role }: { limit: AuthorityLimit | null; role: string }) {
  return (
    <p className="muted">
      {limit ? (
        <>
          You may authorise payments of up to <Money amount={limit.maxAmount} /> gross each ({limit.subject.startsWith('user:') ? 'your own limit' : `the ${words(role).toLowerCase()} limit`}), never
          one you generated. A selection is authorised all together or not at all.
        </>
      ) : (
        'You have no authority limit: payments wait for someone who has one.'
      )}
    </p>
  );
}

const HINTS = { maker: 'You generated it: another person authorises it.', 'over-limit': 'Over your limit.', 'no-limit': 'Needs someone with a limit.' };

function Note({ payment, user, limit, problems }: { payment: Payment; user: string; limit: AuthorityLimit | null; problems?: string[] }) {
  const hint = authorisationHint(payment, user, limit);
  return (
    <>
      {hint && <span className="muted small">{HINTS[hint]}</span>}
      {problems?.map((p) => (
        <div key={p} className="row-problem">
          {p}
        </div>
      ))}
    </>
  );
}

function Progress({ payment: p }: { payment: Payment }) {
  if (p.status === 'cancelled') return <span className="muted">Cancelled</span>;
  return (
    <>
      {p.authorisedBy ?? <span className="muted">Not yet</span>}
      {p.authorisedAt && (
        <div className="muted small">
          <Instant value={p.authorisedAt} />
        </div>
      )}
      {p.runId && (
        <div className="small">
          <Link href={hrefs.paymentRun(p.runId)} aria-label={`Payment run of ${p.reference}`}>
            Payment run
          </Link>
        </div>
      )}
    </>
  );
}
