import { useState } from 'react';
import { Button, Checkbox, FieldError, FileTrigger, Form, Input, Label, Text, TextField } from 'react-aria-components';
import { type Refusal, refusalOf, resultOf, unreachable } from '../../api/refusal';
import { hrefs, navigate } from '../../app/router';
import { useSignedIn } from '../../app/session';
import { useResult } from '../../app/use-result';
import { Loading, Page, Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { ProblemTable, ScheduleView } from './ScheduleView';
import { type ScheduleProblem, scheduleProblemsOf } from './schedule-problems';
import '../operations.css';

const COLUMNS = 'claim_number,period_start,period_end,hours_worked,gross_earnings,compensation_paid,payg_withheld';

interface Refused {
  message: string;
  problems: ScheduleProblem[];
}

/**
 * Receiving an employer's wage reimbursement schedule (POST /wage-reimbursement-schedules, the CSV of
 * docs/payment-files.md with the employer's policy number). A schedule with bad lines is refused
 * whole (422) with each line's problem, shown by line and column; with "partial" only its good
 * lines are stored. A stored schedule opens on its own page, reconciled line by line.
 */
export function SchedulesPage() {
  const { api } = useSignedIn();
  const [file, setFile] = useState<File>();
  // One key per file chosen: sending the same file again after a lost answer stores it once.
  const [key, setKey] = useState(() => `console-wrs-${crypto.randomUUID()}`);
  const [pending, setPending] = useState(false);
  const [refused, setRefused] = useState<Refused>();
  const [refusal, setRefusal] = useState<Refusal>();
  const [fileError, setFileError] = useState<string>();
  const fieldErrors = Object.fromEntries((refusal?.problems ?? []).filter((p) => /policyNumber/.test(p.field)).map((p) => ['policyNumber', p.problem]));

  async function upload(policyNumber: string, partial: boolean) {
    if (!file) return setFileError('Choose the schedule’s CSV file.');
    setPending(true);
    setRefused(undefined);
    setRefusal(undefined);
    try {
      const text = await file.text();
      const { data, error, response } = await api.payments.POST('/wage-reimbursement-schedules', {
        params: { query: { policyNumber, partial: partial ? 'true' : undefined }, header: { 'Idempotency-Key': key } },
        body: text,
        bodySerializer: (b) => b as string,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      });
      if (response.ok && data) return navigate(hrefs.schedule(data.id));
      const problems = response.status === 422 ? scheduleProblemsOf(error) : [];
      if (problems.length > 0) setRefused({ message: refusalOf(response.status, error).message, problems });
      else setRefusal(refusalOf(response.status, error));
    } catch (e) {
      setRefusal(unreachable(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Page title="Wage reimbursement schedules">
      <p className="lede">
        An employer that pays the worker through its payroll sends a schedule of what it paid; each line is checked, reconciled with the worker&apos;s entitlement and reimbursed up to it.
      </p>
      <Section id="upload" title="Receive a schedule">
        <Form
          className="stacked-form"
          validationErrors={fieldErrors}
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            void upload(String(form.get('policyNumber') ?? '').trim(), form.get('partial') === 'on');
          }}
        >
          <TextField name="policyNumber" isRequired className="field">
            <Label>Employer&apos;s policy number</Label>
            <Input />
            <Text slot="description" className="hint">
              As on the employer&apos;s policy, e.g. WI-100234.
            </Text>
            <FieldError className="field-error" />
          </TextField>
          <div className="field" role="group" aria-labelledby="schedule-file-label">
            <span className="field-label" id="schedule-file-label">
              Schedule (CSV)
            </span>
            <div className="file-choice">
              <FileTrigger
                acceptedFileTypes={['text/csv', '.csv']}
                onSelect={(files) => {
                  const f = files?.[0];
                  setFile(f ?? undefined);
                  setFileError(undefined);
                  setRefused(undefined);
                  setKey(`console-wrs-${crypto.randomUUID()}`);
                }}
              >
                <Button aria-describedby="schedule-file-chosen schedule-file-hint">Choose file…</Button>
              </FileTrigger>
              <span id="schedule-file-chosen" aria-live="polite">
                {file ? file.name : 'No file chosen'}
              </span>
            </div>
            <span id="schedule-file-hint" className="hint">
              UTF-8, with the header <code>{COLUMNS}</code>; up to 5 MB.
            </span>
            {fileError && (
              <span className="field-error" role="alert">
                {fileError}
              </span>
            )}
          </div>
          <Checkbox name="partial" value="on">
            Store the good lines and list the others (partial)
          </Checkbox>
          <Button type="submit" isDisabled={pending} className="react-aria-Button primary">
            Send schedule
          </Button>
          {pending && (
            <p role="status" className="muted">
              Checking the schedule…
            </p>
          )}
        </Form>
        {refusal && Object.keys(fieldErrors).length === 0 && <RefusalMessage refusal={refusal} level={3} />}
      </Section>
      {refused && (
        <Section id="refused" title={`Schedule refused: ${refused.problems.length === 1 ? '1 problem' : `${refused.problems.length} problems`}`}>
          <div role="alert" className="refusal">
            <p className="refusal-reason">{refused.message}</p>
          </div>
          <ProblemTable problems={refused.problems} caption="Each problem of the schedule, by line and column" />
        </Section>
      )}
    </Page>
  );
}

/** A stored schedule (GET /wage-reimbursement-schedules/:id). */
export function SchedulePage({ scheduleId }: { scheduleId: string }) {
  const { api } = useSignedIn();
  const schedule = useResult((signal) => resultOf(api.payments.GET('/wage-reimbursement-schedules/{id}', { params: { path: { id: scheduleId } }, signal })), [api, scheduleId]);
  return (
    <Page title="Wage reimbursement schedule">
      {!schedule ? <Loading what="the schedule" /> : !schedule.ok ? <RefusalMessage refusal={schedule.refusal} /> : <ScheduleView schedule={schedule.data} />}
    </Page>
  );
}
