import { CLAIM_EVENT_TYPES, type ClaimEventType, claimEventSchema } from '@wc/contracts';
import type { FieldSpec, FormValues } from '../../components/forms/schema-form';
import { placeProblems } from '../../components/forms/schema-form';
import { hasActionName } from '../../components/labels';
import { BACKDATING_REASON, OTHER_GROUP, actionForm, actionGroups, fieldHint, fieldLabel, fieldNames, groupOf, problemsOfRequest, requestOf, whenOf } from './action-forms';

const schemaOf = (type: ClaimEventType) => claimEventSchema.options.find((o) => o.shape.type.value === type)!;
/** The keys an action's schema requires (`type` is the form's choice of action, not a field). */
const requiredKeys = (type: ClaimEventType) =>
  Object.entries(schemaOf(type).shape)
    .filter(([key, s]) => key !== 'type' && !(s as { safeParse(v: unknown): { success: boolean } }).safeParse(undefined).success)
    .map(([key]) => key);

/** A value a person could type into a field of this kind. */
function sample(f: FieldSpec): FormValues[string] {
  switch (f.kind) {
    case 'enum':
      return f.options![0];
    case 'number':
      return f.min ?? 1;
    case 'boolean':
      return true;
    case 'date':
      return '2026-07-01';
    case 'money':
      return '120.50';
    case 'id':
      return '0b9e5a3c-2f4d-4e1a-9c7b-5d6e7f8a9b0c';
    case 'lines':
      return 'first reason\nsecond reason';
    case 'when':
      return '2026-07-01';
    case 'text':
      return 'some text';
  }
}

describe('the action forms, made from the schema the API validates with', () => {
  it.each(CLAIM_EVENT_TYPES)('%s: a form whose fields cover every key its schema requires', (type) => {
    const form = actionForm(type);
    const names = form.fields.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const key of requiredKeys(type)) expect(names).toContain(key);
    // Every key of the schema is a field (the schemas are strict: a key without a field could never be sent).
    expect(names.sort()).toEqual(
      Object.keys(schemaOf(type).shape)
        .filter((k) => k !== 'type')
        .sort(),
    );
    // `at` may be left out: the API records the action as done now.
    expect(form.fields.find((f) => f.name === 'at')).toMatchObject({ kind: 'when', required: false });
  });

  it("says how far back a case manager may date an action: the claim's window, not a number of its own", () => {
    const at = actionForm('contact.made').fields.find((f) => f.name === 'at')!;
    expect(fieldHint('contact.made', at, 14)).toBe('Empty for now. An action dated more than 14 days back is a team leader’s to record, with a reason.');
    expect(fieldHint('contact.made', at, 1)).toContain('more than 1 day back');
  });

  it.each(CLAIM_EVENT_TYPES)('%s: its fields, filled in, make a body its schema accepts', (type) => {
    const form = actionForm(type);
    const values = Object.fromEntries(form.fields.filter((f) => f.required).map((f) => [f.name, sample(f)]));
    const request = requestOf(form, values, '2026-07-02');
    expect(problemsOfRequest(request, new Date('2026-07-02T03:00:00Z'))).toEqual([]);
    expect(claimEventSchema.parse({ at: '2026-07-02', ...request.body }).type).toBe(type);
  });

  it.each(CLAIM_EVENT_TYPES)('%s: a name and a group of its own', (type) => {
    expect(hasActionName(type)).toBe(true);
    expect(groupOf(type)).not.toBe(OTHER_GROUP);
  });

  it('puts every action type in exactly one group', () => {
    const grouped = actionGroups().flatMap((g) => g.types);
    expect([...grouped].sort()).toEqual([...CLAIM_EVENT_TYPES].sort());
  });

  it('chooses the input from what the schema accepts', () => {
    const fields = (type: ClaimEventType) => Object.fromEntries(actionForm(type).fields.map(({ name, ...f }) => [name, f]));
    expect(fields('contact.made')).toMatchObject({ party: { kind: 'enum', options: ['worker', 'employer', 'doctor'], required: true }, ref: { kind: 'text', required: false } });
    expect(fields('certificate.received')).toMatchObject({ capacity: { kind: 'enum' }, from: { kind: 'date', required: true }, to: { kind: 'date', required: true } });
    expect(fields('earnings.reported')).toMatchObject({ weekStarting: { kind: 'date' }, amount: { kind: 'money' }, hours: { kind: 'number', min: 0, max: 168, integer: false } });
    expect(fields('liability.disputed')).toMatchObject({ reasons: { kind: 'lines', required: true } });
    expect(fields('review.requested')).toMatchObject({ decision: { kind: 'text', required: true }, decisionId: { kind: 'id', required: false } });
    expect(fields('payment-clock.started')).toMatchObject({ ref: { kind: 'text', required: true }, receivedOn: { kind: 'date' } });
    // The type's own fields first, then when and which.
    expect(actionForm('treatment.requested').fields.map((f) => f.name)).toEqual(['treatment', 'provider', 'cost', 'at', 'ref']);
    expect(fieldLabel('earnings.reported', 'weekStarting')).toBe('Week starting');
    expect(fieldLabel('triage.reclassified', 'to')).toBe('New classification');
  });

  it('finds the problems the API would, worded as the API words them', () => {
    const form = actionForm('treatment.requested');
    const problems = problemsOfRequest(requestOf(form, { treatment: 'physiotherapy', cost: '12.345' }, '2026-07-02'));
    expect(problems).toEqual([
      { field: 'provider', problem: 'is required' },
      { field: 'cost', problem: 'must be an amount as a string with at most 2 decimal places, e.g. "1200.00"' },
    ]);
    const reasons = requestOf(actionForm('liability.disputed'), { reasons: ' not work related \n\n late notice ' }, '2026-07-02');
    expect(reasons.body).toEqual({ type: 'liability.disputed', reasons: ['not work related', 'late notice'] });
    expect(problemsOfRequest(requestOf(actionForm('liability.disputed'), { reasons: ' \n ' }, '2026-07-02'))).toEqual([{ field: 'reasons', problem: 'is required' }]);
  });

  it('sends the Backdating-Reason header only when one is given, in characters a header carries', () => {
    const form = actionForm('contact.made');
    expect(requestOf(form, { party: 'worker', at: '2026-06-01' }, '2026-07-02')).toEqual({ type: 'contact.made', body: { type: 'contact.made', party: 'worker', at: '2026-06-01' } });
    const r = requestOf(form, { party: 'worker', at: '2026-06-01', [BACKDATING_REASON]: ' the worker’s call — written up late ' }, '2026-07-02');
    expect(r.backdatingReason).toBe("the worker's call - written up late");
    expect(problemsOfRequest({ ...r, backdatingReason: '工人的电话' })).toEqual([{ field: BACKDATING_REASON, problem: expect.stringContaining('Latin characters') }]);
  });

  it('places each problem at its field, and the rest above the form', () => {
    const names = fieldNames(actionForm('liability.disputed'));
    expect(
      placeProblems(names, [
        { field: 'reasons[1]', problem: 'must not be empty' },
        { field: 'at', problem: 'must not be in the future' },
        { field: 'type', problem: 'liability is already disputed; a decision cannot be recorded twice' },
        { field: BACKDATING_REASON, problem: 'is required for an action dated 20 days ago (more than 14)' },
      ]),
    ).toEqual({
      atFields: { reasons: ['reasons[1]: must not be empty'], at: ['must not be in the future'], [BACKDATING_REASON]: ['is required for an action dated 20 days ago (more than 14)'] },
      elsewhere: [{ field: 'type', problem: 'liability is already disputed; a decision cannot be recorded twice' }],
    });
  });
});

describe('when an action happened, in Sydney', () => {
  it('is now when nothing is given, or only today’s date', () => {
    expect(whenOf('', '', '2026-07-02')).toBeUndefined();
    expect(whenOf(undefined, undefined, '2026-07-02')).toBeUndefined();
    expect(whenOf('2026-07-02', '', '2026-07-02')).toBeUndefined();
  });

  it('is a date alone (12:00 Sydney, as the API reads it), or Sydney’s clock on that day', () => {
    expect(whenOf('2026-06-20', '', '2026-07-02')).toBe('2026-06-20');
    expect(whenOf('2026-06-20', '09:30', '2026-07-02')).toBe('2026-06-20T09:30:00+10:00');
    expect(whenOf('2026-01-20', '09:30', '2026-07-02')).toBe('2026-01-20T09:30:00+11:00');
    // A time alone is today's.
    expect(whenOf('', '08:05', '2026-07-02')).toBe('2026-07-02T08:05:00+10:00');
  });
});
