import { CLAIM_EVENT_TYPES, type ClaimEventType, claimEventSchema, eventTime, localDate, moneyText } from '@wc/contracts';
import { type FieldProblem, type FieldSpec, type FormValue, type FormValues, type KnownSchemas, TIME_SUFFIX, fieldsOf, problemsOfBody, valueOf } from '../../components/forms/schema-form';
import { sydneyTimestamp } from '../../components/forms/sydney-time';
import { actionName, obligationName, words } from '../../components/labels';

// The staff actions of POST /claims/:id/actions as forms, each made from the schema the API
// validates the body with (@wc/contracts' claimEventSchema, one object per action type): a new
// action type, or a new field of one, is a new form with nothing written here.

/** The contract's named primitives, known by identity: its event time, its calendar date, its money. */
const KNOWN: KnownSchemas = [
  [eventTime, 'when'],
  [localDate, 'date'],
  [moneyText, 'money'],
];

export { TIME_SUFFIX };
/** The Backdating-Reason header, a field of every form (shown once the date is in the past). */
export const BACKDATING_REASON = 'Backdating-Reason';

export interface ActionForm {
  type: ClaimEventType;
  fields: FieldSpec[];
}

const schemaOf = (type: ClaimEventType) => claimEventSchema.options.find((o) => o.shape.type.value === type);

/**
 * The form for one action type: the type's own fields first, then when it happened (`at`, which
 * the API sets to now when it is left out) and which instance it is about (`ref`).
 */
export function actionForm(type: ClaimEventType): ActionForm {
  const schema = schemaOf(type);
  if (!schema) throw new RangeError(`not a claim action: ${type}`);
  const fields = fieldsOf(schema, KNOWN, ['type']).map((f) => (f.kind === 'when' ? { ...f, required: false } : f));
  const shared = ['at', 'ref'];
  const order = (f: FieldSpec) => (shared.includes(f.name) ? shared.indexOf(f.name) + 1 : 0);
  return { type, fields: [...fields].sort((a, b) => order(a) - order(b)) };
}

export const ACTION_TYPES: readonly ClaimEventType[] = CLAIM_EVENT_TYPES;

// Actions grouped as a case manager looks for them, by the subject their type starts with.
const GROUPS: [string, string[]][] = [
  ['Notification and contact', ['notification', 'contact', 'triage', 'obligation']],
  ['Liability', ['liability', 'information']],
  ['Injury management', ['imp', 'rtw', 'rtw-goal', 'ime', 'case-conference', 'employment']],
  ['Capacity and weekly payments', ['certificate', 'earnings', 'wca', 'wpi', 's38', 'weekly', 's39', 's48a']],
  ['Treatment', ['treatment', 's59a']],
  ['Reviews and complaints', ['review', 'complaint']],
  ['Closing the claim', ['claim']],
  ['Payment clocks (kept by the payments service)', ['payment-clock']],
];
export const OTHER_GROUP = 'Other actions';

export function groupOf(type: string): string {
  const subject = type.split('.')[0];
  return GROUPS.find(([, subjects]) => subjects.includes(subject))?.[0] ?? OTHER_GROUP;
}

/** Every action type, in the groups' order, each group in the contract's order. */
export function actionGroups(types: readonly ClaimEventType[] = ACTION_TYPES): { name: string; types: ClaimEventType[] }[] {
  const names = [...GROUPS.map(([name]) => name), OTHER_GROUP];
  return names.map((name) => ({ name, types: types.filter((t) => groupOf(t) === name) })).filter((g) => g.types.length > 0);
}

// The fields in words: by `type.key` where a key means something particular to its action, else by key.
const FIELD_LABELS: Record<string, string> = {
  at: 'When it happened',
  ref: 'Reference',
  party: 'Who was contacted',
  obligation: 'Obligation',
  'triage.reclassified.to': 'New classification',
  'liability.reasonable-excuse.reason': 'Reasonable excuse',
  'obligation.waived.reason': 'Why it is waived',
  'claim.finalised.reason': 'Why the claim is finalised',
  'payment-clock.stopped.reason': 'Why the clock stopped',
  reasons: 'Reasons',
  capacity: 'Capacity',
  'certificate.received.from': 'Certified from',
  'certificate.received.to': 'Certified to',
  weekStarting: 'Week starting',
  amount: 'Amount earned',
  hours: 'Hours worked',
  goal: 'Return to work goal',
  appointmentOn: 'Appointment date',
  decision: 'Decision under review',
  decisionId: 'Action id of the decision',
  newDate: 'New response date',
  'case-conference.scheduled.on': 'Conference date',
  percent: 'Whole person impairment (%)',
  treatment: 'Treatment',
  provider: 'Provider',
  cost: 'Estimated cost',
  suspendFrom: 'Suspend payments from',
  basis: 'Basis',
  clock: 'Clock',
  receivedOn: 'Received on',
};

/** "weekStarting" → "Week starting". */
const spellKey = (key: string) => words(key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase());

export function fieldLabel(type: string, name: string): string {
  return FIELD_LABELS[`${type}.${name}`] ?? FIELD_LABELS[name] ?? spellKey(name);
}

const FIELD_HINTS: Record<string, string> = {
  ref: 'Which complaint, treatment request, review, IME or case conference this is about; empty for the oldest open one.',
  'payment-clock.started.ref': "The payment's reference, which the clock is known by.",
  decisionId: 'The action id the decision was recorded with (shown when it was recorded).',
  decision: 'The decision’s action type, e.g. liability.disputed.',
};

const KIND_HINTS: Partial<Record<FieldSpec['kind'], string>> = {
  lines: 'One a line.',
  money: 'Dollars, e.g. 1200.00.',
  date: 'A Sydney date.',
};

/** A field's hint; the date of the action says how far back a case manager may date it (the claim's `backdatingWindowDays`). */
export function fieldHint(type: string, field: FieldSpec, backdatingWindowDays: number): string | undefined {
  if (field.name === 'at') return `Empty for now. An action dated more than ${days(backdatingWindowDays)} back is a team leader’s to record, with a reason.`;
  return FIELD_HINTS[`${type}.${field.name}`] ?? FIELD_HINTS[field.name] ?? KIND_HINTS[field.kind];
}

export const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

const OPTION_LABELS: Record<string, Record<string, string>> = {
  capacity: { none: 'No capacity for work', some: 'Some capacity for work', fit: 'Fit for pre-injury duties' },
};

export function optionLabel(name: string, value: string): string {
  if (name === 'obligation') return obligationName(value);
  return OPTION_LABELS[name]?.[value] ?? words(value);
}

export { actionName };

/** What is sent: the body, and the Backdating-Reason header when one was given. */
export interface ActionRequest {
  type: ClaimEventType;
  body: { type: ClaimEventType } & Record<string, unknown>;
  backdatingReason?: string;
}

const text = (v: FormValue) => (typeof v === 'string' ? v.trim() : '');

/**
 * When it happened, from a Sydney date and time: neither (or today's date alone) is now, and the
 * API sets it; a date alone is that day (the API reads it as 12:00 Sydney); a time is Sydney's
 * clock that day, or today.
 */
export function whenOf(date: FormValue, time: FormValue, today: string): string | undefined {
  const d = text(date);
  const t = text(time);
  if (!d && !t) return undefined;
  if (!t) return d === today ? undefined : d;
  return sydneyTimestamp(d || today, t);
}

/** The date a form's `at` names, if any: a reason for backdating is asked for when it is before today. */
export function datedOn(values: FormValues): string | undefined {
  return text(values.at) || undefined;
}

// A header carries Latin-1 text only: typographic quotes and dashes become plain ones.
const PLAIN: [RegExp, string][] = [
  [/[\u2018\u2019]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/[\u2013\u2014]/g, '-'],
  [/\u2026/g, '...'],
  [/\s+/g, ' '],
];

export function requestOf(form: ActionForm, values: FormValues, today: string): ActionRequest {
  const body: ActionRequest['body'] = { type: form.type };
  for (const f of form.fields) {
    const v = f.kind === 'when' ? whenOf(values[f.name], values[f.name + TIME_SUFFIX], today) : valueOf(f, values[f.name]);
    if (v !== undefined) body[f.name] = v;
  }
  const reason = PLAIN.reduce((s, [from, to]) => s.replace(from, to), text(values[BACKDATING_REASON]));
  return { type: form.type, body, ...(reason ? { backdatingReason: reason } : {}) };
}

/**
 * The problems the API's own schema finds in a request, worded as the API words them (its 400s'
 * `problems`); none means it may be sent. `at` left out is now, as the API takes it.
 */
export function problemsOfRequest(r: ActionRequest, now: Date = new Date()): FieldProblem[] {
  const problems = problemsOfBody(claimEventSchema, r.body, { at: now.toISOString() });
  if (r.backdatingReason && /[^\u0020-\u00ff]/.test(r.backdatingReason)) problems.push({ field: BACKDATING_REASON, problem: 'must be written in Latin characters: it is sent as an HTTP header' });
  return problems;
}

/** The names problems may be placed at in a form: its fields, and the Backdating-Reason header. */
export const fieldNames = (form: ActionForm): string[] => [...form.fields.map((f) => f.name), BACKDATING_REASON];
