import { useEffect, useState } from 'react';
import { Button, Label, ProgressBar } from 'react-aria-components';
import { type Refusal, type Result, resultOf } from '../../api/refusal';
import type { PaymentRun } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { Day, Instant } from '../../components/Dates';
import { Money } from '../../components/Money';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { StatusMessage } from '../../components/StatusMessage';
import { saveBlob } from '../../components/download';
import { formatDate } from '../../format/format';
import '../operations.css';

const POLL_MS = 1000;

/**
 * A payment run (GET /payment-runs/:id), followed while its bank file is built, and its ABA file
 * (GET /payment-runs/:id/aba) to download once complete.
 */
export function PaymentRunPage({ runId }: { runId: string }) {
  const { api } = useSignedIn();
  const [run, setRun] = useState<Result<PaymentRun>>();
  useEffect(() => {
    const abort = new AbortController();
    (async () => {
      for (;;) {
        const r = await resultOf(api.payments.GET('/payment-runs/{id}', { params: { path: { id: runId } }, signal: abort.signal }));
        if (abort.signal.aborted) return;
        setRun(r);
        if (!r.ok || r.data.status === 'complete') return;
        await new Promise((done) => setTimeout(done, POLL_MS));
        if (abort.signal.aborted) return;
      }
    })().catch(() => undefined);
    return () => abort.abort();
  }, [api, runId]);

  if (!run)
    return (
      <Page title="Payment run">
        <Loading what="the payment run" />
      </Page>
    );
  if (!run.ok)
    return (
      <Page title="Payment run">
        <RefusalMessage refusal={run.refusal} />
      </Page>
    );
  const r = run.data;
  return (
    <Page title={`Payment run for ${formatDate(r.processingDate)}`}>
      <Section id="progress" title={r.status === 'complete' ? 'Bank file ready' : 'Building the bank file'}>
        <RunProgress run={r} />
        {r.status === 'complete' && <Download run={r} />}
      </Section>
      <Section id="run" title="The run">
        <dl className="facts">
          <div>
            <dt>Processing date</dt>
            <dd>
              <Day value={r.processingDate} />
            </dd>
          </div>
          <div>
            <dt>Payments</dt>
            <dd>{r.payments}</dd>
          </div>
          <div>
            <dt>Total (net)</dt>
            <dd>
              <Money amount={r.total} />
            </dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>
              <Instant value={r.createdAt} /> by {r.createdBy}
            </dd>
          </div>
          <div>
            <dt>Completed</dt>
            <dd>{r.completedAt ? <Instant value={r.completedAt} /> : <span className="muted">Not yet</span>}</dd>
          </div>
          <div>
            <dt>ABA file SHA-256</dt>
            <dd>{r.abaSha256 ? <code className="hash">{r.abaSha256}</code> : <span className="muted">Once built</span>}</dd>
          </div>
        </dl>
      </Section>
    </Page>
  );
}

function RunProgress({ run: r }: { run: PaymentRun }) {
  const valueLabel = `${r.done} of ${r.payments === 1 ? '1 payment' : `${r.payments} payments`}`;
  return (
    <ProgressBar value={r.done} minValue={0} maxValue={Math.max(r.payments, 1)} valueLabel={valueLabel} className="progress">
      {({ percentage }) => (
        <>
          <div className="progress-head">
            <Label>Payments written to the file</Label>
            <span className="progress-value">{valueLabel}</span>
          </div>
          <div className="progress-track">
            <div className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
          </div>
        </>
      )}
    </ProgressBar>
  );
}

function Download({ run: r }: { run: PaymentRun }) {
  const { api } = useSignedIn();
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  const [done, setDone] = useState<string>();
  const filename = `payment-run-${r.id}.aba`;
  return (
    <div className="download">
      <Button
        className="react-aria-Button primary"
        isDisabled={pending}
        onPress={async () => {
          setPending(true);
          setRefusal(undefined);
          const file = await resultOf(api.payments.GET('/payment-runs/{id}/aba', { params: { path: { id: r.id } }, parseAs: 'blob' }));
          setPending(false);
          if (!file.ok) return setRefusal(file.refusal);
          saveBlob(file.data, filename);
          setDone(`Downloaded ${filename}.`);
        }}
      >
        Download ABA file
      </Button>
      <StatusMessage message={pending ? 'Fetching the file…' : done} />
      {refusal && <RefusalMessage refusal={refusal} level={3} />}
    </div>
  );
}
