import { z } from 'zod';
import { TIME_SUFFIX, UnsupportedSchemaError, bodyOf, fieldNames as namesInForm, fieldOfProblem, fieldsOf, placeProblems, problemsOfBody, valueOf, valuesOf, withoutItem } from './schema-form';

const fieldNames = (fields: { name: string }[]) => fields.map((f) => f.name);
import { sydneyTimestamp } from './sydney-time';

describe('a form from a zod object schema', () => {
  const day = z.string().meta({ format: 'date' });
  const money = z.string().regex(/^\d+(\.\d{1,2})?$/);
  const schema = z
    .object({
      name: z.string().trim().min(1),
      id: z.guid().optional(),
      kind: z.enum(['a', 'b']),
      fixed: z.literal('only'),
      on: day,
      amount: money,
      count: z.number().int().min(1).max(9),
      ratio: z.number(),
      urgent: z.boolean(),
      notes: z.array(z.string()),
      reasons: z.union([z.string(), z.array(z.string()).min(1)]),
      later: z.string().default('x'),
      described: z.string().describe('what it is'),
    })
    .strict();

  it('gives each key an input for what its schema accepts', () => {
    expect(fieldsOf(schema, [[money, 'money']], ['fixed'])).toEqual([
      { name: 'name', kind: 'text', required: true },
      { name: 'id', kind: 'id', required: false },
      { name: 'kind', kind: 'enum', options: ['a', 'b'], required: true },
      { name: 'on', kind: 'date', required: true },
      { name: 'amount', kind: 'money', required: true },
      { name: 'count', kind: 'number', min: 1, max: 9, integer: true, required: true },
      { name: 'ratio', kind: 'number', min: undefined, max: undefined, integer: false, required: true },
      { name: 'urgent', kind: 'boolean', required: true },
      { name: 'notes', kind: 'lines', required: true },
      { name: 'reasons', kind: 'lines', required: true },
      { name: 'later', kind: 'text', required: false },
      { name: 'described', kind: 'text', description: 'what it is', required: true },
    ]);
    expect(fieldsOf(z.object({ fixed: z.literal('only') }))).toEqual([{ name: 'fixed', kind: 'enum', options: ['only'], required: true }]);
  });

  it('refuses a schema it has no input for, naming the key', () => {
    expect(() => fieldsOf(z.object({ when: z.date() }))).toThrow(new UnsupportedSchemaError('when: a form has no input for a date schema'));
    expect(() => fieldsOf(z.object({ deeper: z.object({ a: z.object({ b: z.string() }) }) }))).toThrow(UnsupportedSchemaError);
  });

  it('takes a list of enum values as choices, and an object of one key as that key', () => {
    const party = z.object({ channels: z.array(z.enum(['email', 'sms', 'post'])).min(1), interpreter: z.object({ language: z.string().trim() }).strict().optional() }).strict();
    const fields = fieldsOf(party);
    expect(fields).toEqual([
      { name: 'channels', kind: 'choices', options: ['email', 'sms', 'post'], required: true },
      { name: 'interpreter', kind: 'text', within: 'language', required: false },
    ]);
    // Choices are sent in the order they were made; the one key's value inside its object.
    expect(bodyOf(fields, { channels: ['post', 'email'], interpreter: 'Greek' })).toEqual({ channels: ['post', 'email'], interpreter: { language: 'Greek' } });
    expect(bodyOf(fields, { channels: [], interpreter: '' })).toEqual({});
    // And a body recorded before is what a form to change it starts with.
    expect(valuesOf(fields, { channels: ['sms'], interpreter: { language: 'Greek' } })).toEqual({ channels: ['sms'], interpreter: 'Greek' });
    expect(valuesOf(fieldsOf(z.object({ lines: z.array(z.string()) })), { lines: ['1 Main St', 'Parramatta NSW 2150'], other: 'x' })).toEqual({ lines: '1 Main St\nParramatta NSW 2150' });
  });

  it('takes an object of several keys as a group of fields named by their paths, and builds the body along them', () => {
    const day = z.string().meta({ format: 'date' });
    const lodge = z
      .object({
        worker: z.object({ givenName: z.string().min(1), dateOfBirth: day }).strict(),
        notifiedAt: z.string(),
        assignment: z
          .object({ caseManager: z.string().min(1), teamLeader: z.string().min(1) })
          .strict()
          .optional(),
      })
      .strict();
    const fields = fieldsOf(lodge, [[lodge.shape.notifiedAt, 'when']]);
    expect(fields).toEqual([
      { name: 'worker.givenName', kind: 'text', required: true, group: 'worker' },
      { name: 'worker.dateOfBirth', kind: 'date', required: true, group: 'worker' },
      { name: 'notifiedAt', kind: 'when', required: true },
      { name: 'assignment.caseManager', kind: 'text', required: false, group: 'assignment', groupOptional: true },
      { name: 'assignment.teamLeader', kind: 'text', required: false, group: 'assignment', groupOptional: true },
    ]);
    // A date and a time on Sydney's clock; an optional group left empty is left out.
    expect(bodyOf(fields, { 'worker.givenName': 'Lena', 'worker.dateOfBirth': '1990-05-01', notifiedAt: '2026-12-07', [`notifiedAt${TIME_SUFFIX}`]: '09:30' })).toEqual({
      worker: { givenName: 'Lena', dateOfBirth: '1990-05-01' },
      notifiedAt: '2026-12-07T09:30:00+11:00',
    });
    expect(valuesOf(fields, { worker: { givenName: 'Lena' }, assignment: { caseManager: 'cm.sam' } })).toEqual({ 'worker.givenName': 'Lena', 'assignment.caseManager': 'cm.sam' });
    // A group the body must have is sent even empty, so the schema names each of its keys at its field.
    expect(bodyOf(fields, {})).toEqual({ worker: {} });
    expect(problemsOfBody(lodge, bodyOf(fields, {})).map((p) => p.field)).toEqual(['worker.givenName', 'worker.dateOfBirth', 'notifiedAt']);
    // A problem inside the group is its field's; a key of it left out is required.
    expect(placeProblems(fieldNames(fields), [{ field: 'worker.dateOfBirth', problem: 'must be before dateOfInjury' }]).atFields).toEqual({ 'worker.dateOfBirth': ['must be before dateOfInjury'] });
    expect(problemsOfBody(lodge, { worker: { givenName: 'Lena' }, notifiedAt: 'x', assignment: { caseManager: 'cm.sam' } })).toEqual([
      { field: 'worker.dateOfBirth', problem: 'is required' },
      { field: 'assignment.teamLeader', problem: 'is required' },
    ]);
  });

  it('words the schema’s problems as the API does, a key left out as required', () => {
    const schema = z.object({ name: z.string().min(1, 'must not be empty'), channels: z.array(z.enum(['email'])).min(1), at: z.string() }).strict();
    expect(problemsOfBody(schema, { name: '' }, { at: 'now' })).toEqual([
      { field: 'name', problem: 'must not be empty' },
      { field: 'channels', problem: 'is required' },
    ]);
    expect(problemsOfBody(schema, { name: 'a', channels: ['email'] }, { at: 'now' })).toEqual([]);
    // A rule that says why a key is needed is kept in its words.
    const other = z
      .object({ role: z.enum(['worker', 'other']), relationship: z.string().optional() })
      .superRefine((p, ctx) => void (p.role === 'other' && !p.relationship && ctx.addIssue({ code: 'custom', path: ['relationship'], message: 'is required for a party of role other' })));
    expect(problemsOfBody(other, { role: 'other' })).toEqual([{ field: 'relationship', problem: 'is required for a party of role other' }]);
  });

  it('leaves out what was not given, so the schema says whether it was required', () => {
    expect(valueOf({ name: 'n', kind: 'text', required: true }, '')).toBeUndefined();
    expect(valueOf({ name: 'n', kind: 'number', required: true }, Number.NaN)).toBeUndefined();
    expect(valueOf({ name: 'n', kind: 'number', required: true }, 0)).toBe(0);
    expect(valueOf({ name: 'n', kind: 'boolean', required: true }, undefined)).toBe(false);
    expect(valueOf({ name: 'n', kind: 'lines', required: true }, 'a\n\n b \n')).toEqual(['a', 'b']);
  });

  it('names a problem by the field it is in', () => {
    expect(fieldOfProblem('reasons[2]')).toBe('reasons');
    expect(fieldOfProblem('worker.givenName')).toBe('worker');
    expect(fieldOfProblem('worker.givenName', ['worker.givenName', 'worker'])).toBe('worker.givenName');
    expect(fieldOfProblem('interpreter.language', ['interpreter'])).toBe('interpreter');
    expect(fieldOfProblem('channels[0]', ['channels'])).toBe('channels');
    expect(fieldOfProblem('Backdating-Reason')).toBe('Backdating-Reason');
  });
});

describe('a time typed on Sydney’s clock', () => {
  it('carries the offset Sydney had that day', () => {
    expect(sydneyTimestamp('2026-07-01', '09:30')).toBe('2026-07-01T09:30:00+10:00');
    expect(sydneyTimestamp('2026-12-24', '17:05')).toBe('2026-12-24T17:05:00+11:00');
    // Summer time ends on 5 April 2026 at 3:00 (back to 2:00): 2:30 happens twice, the first is meant.
    expect(sydneyTimestamp('2026-04-05', '02:30')).toBe('2026-04-05T02:30:00+11:00');
    // It starts on 4 October 2026 at 2:00 (on to 3:00): 2:30 never happens, and is read as standard time.
    expect(sydneyTimestamp('2026-10-04', '02:30')).toBe('2026-10-04T02:30:00+10:00');
  });

  it('refuses what is not a date and a time', () => {
    expect(() => sydneyTimestamp('1/7/2026', '09:30')).toThrow(RangeError);
  });
});

describe('a list of objects (a decision notice’s reports)', () => {
  const report = z.object({ title: z.string().min(1), date: z.string().meta({ format: 'date' }), supports: z.boolean() }).strict();
  const schema = z.object({ reports: z.array(report).min(1), decision: z.string().min(1) }).strict();
  const fields = fieldsOf(schema);
  const reports = fields[0];

  it('is an items field whose item has fields of its own, starting with as many items as it must have', () => {
    expect(reports).toEqual({
      name: 'reports',
      kind: 'items',
      required: true,
      minItems: 1,
      item: [
        { name: 'title', kind: 'text', required: true },
        { name: 'date', kind: 'date', required: true },
        { name: 'supports', kind: 'boolean', required: true },
      ],
    });
    expect(namesInForm(fields, {})).toEqual(['reports', 'reports[0].title', 'reports[0].date', 'reports[0].supports', 'decision']);
  });

  it('sends every item shown, an empty one too, so the schema names what each lacks at its field', () => {
    const values = { reports: 2, 'reports[0].title': 'IME report', 'reports[0].date': '2026-11-02', 'reports[0].supports': true, decision: 'We dispute it.' };
    const body = bodyOf(fields, values);
    expect(body).toEqual({ reports: [{ title: 'IME report', date: '2026-11-02', supports: true }, { supports: false }], decision: 'We dispute it.' });
    const problems = problemsOfBody(schema, body);
    expect(problems).toEqual([
      { field: 'reports[1].title', problem: 'is required' },
      { field: 'reports[1].date', problem: 'is required' },
    ]);
    expect(placeProblems(namesInForm(fields, values), problems).atFields).toEqual({ 'reports[1].title': ['is required'], 'reports[1].date': ['is required'] });
    // Too few items: the problem is the list's.
    expect(placeProblems(namesInForm(fields, { reports: 0 }), problemsOfBody(schema, bodyOf(fields, { reports: 0, decision: 'x' }))).atFields).toEqual({ reports: ['is required'] });
  });

  it('takes an item out, moving the ones after it up, and reads a body back into items', () => {
    const values = { reports: 3, 'reports[0].title': 'a', 'reports[1].title': 'b', 'reports[2].title': 'c', 'reports[2].supports': true };
    expect(withoutItem(reports, 1, values)).toEqual({ reports: 2, 'reports[0].title': 'a', 'reports[1].title': 'c', 'reports[1].supports': true });
    expect(valuesOf(fields, { reports: [{ title: 'a', supports: true }, { title: 'b' }] })).toEqual({ reports: 2, 'reports[0].title': 'a', 'reports[0].supports': true, 'reports[1].title': 'b' });
  });
});
