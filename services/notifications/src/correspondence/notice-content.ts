import { type Consent, type RecordedParty, consentCovers } from '@wc/contracts';

/**
 * What notifications knows when it writes a notice, and how that becomes the data of the document
 * the documents service renders. Pure: the service gathers the facts, this decides the content.
 *
 * Prefilled is only what the platform recorded (names, dates, the case manager, the decision's
 * date). What a person must write (a decision's reasons, the reports considered, an IME's place) is
 * the notice's content, given by the case manager; until it is complete the documents service
 * names each missing field and the notice waits for it.
 */
export interface ClaimRecord {
  claimId: string;
  claimNumber: string;
  worker: { givenName: string; familyName: string };
  employer: { name: string; policyNumber: string };
  dateOfInjury: string;
  notificationDate: string;
  caseManager: string | null;
  teamLeader: string | null;
  /** The latest staff action of each type (claim.action-recorded), by type. */
  facts: Record<string, { at: string; [k: string]: unknown }>;
  parties: RecordedParty[];
  consents: Consent[];
}

export interface StaffContact {
  user: string;
  name: string;
  role: string;
  phone: string;
  email: string;
}

export interface NoticeRequest {
  noticeId: string;
  type: string;
  on: string;
  cause: string;
  ref: string | null;
  content: Record<string, unknown>;
}

/**
 * Notices that carry the worker's health information (diagnosis, medical reports, capacity,
 * treatment). Program s11 (Privacy and confidentiality) and 1998 Act s243: such information goes
 * to a party other than the worker only after the worker's written consent for that party.
 */
export const HEALTH_INFORMATION: ReadonlySet<string> = new Set([
  'decision-notice',
  'imp',
  'ime-notice',
  'liability-accepted',
  'provisional-liability',
  'reasonable-excuse',
  'review-outcome',
  'case-conference-agenda',
  'case-conference-summary',
]);

/** The document kind for a notice to this party: the employer's provisional liability notice is its own (SoP 3.3). */
export function documentKind(noticeType: string, party: RecordedParty): string {
  if (noticeType === 'provisional-liability' && party.role === 'employer') return 'provisional-liability-employer';
  return noticeType;
}

/** Notices whose template addresses its reader as the worker, the employer or the doctor. */
const ADDRESSED_BY_ROLE: ReadonlySet<string> = new Set(['contact-request', 'liability-accepted', 'imp', 'ime-notice']);

/** A party this kind of notice cannot be addressed to (a solicitor is not "the worker"), or null. */
export function addressRefusal(kind: string, party: RecordedParty): string | null {
  if (party.role !== 'other' || !ADDRESSED_BY_ROLE.has(kind)) return null;
  return `the ${kind} notice is written to the worker, the employer or the treating doctor; ${party.name} (${party.relationship ?? 'other'}) needs a covering letter written by a person`;
}

/** Why this copy must not go, or null: consent is checked for the day the notice is written. */
export function consentRefusal(kind: string, party: RecordedParty, consents: readonly Consent[], on: string): string | null {
  if (party.role === 'worker' || !HEALTH_INFORMATION.has(kind)) return null;
  if (consentCovers(consents, party.partyId, on)) return null;
  return `${kind} carries the worker's health information and no consent of the worker to share it with ${party.name} (${party.role}) is recorded for ${on} (program s11; 1998 Act s243)`;
}

/** The lifecycle's recipients (worker, employer, doctor, notifier, complainant, participants) as recorded parties. */
export function partiesFor(recipient: string, parties: readonly RecordedParty[]): RecordedParty[] {
  switch (recipient) {
    case 'worker':
    case 'employer':
    case 'doctor':
      return parties.filter((p) => p.role === recipient);
    case 'notifier':
    case 'complainant':
      return parties.filter((p) => p.capacities.includes(recipient));
    case 'participants':
      return parties.filter((p) => p.role === 'worker' || p.role === 'employer' || p.role === 'doctor' || p.capacities.includes('participant'));
    default:
      return [];
  }
}

const ROLE_LABEL: Record<string, string> = { worker: 'Worker', employer: 'Employer', doctor: 'Nominated treating doctor' };

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Content over prefill; objects merged key by key (content may give just `contact.phone`), arrays replaced. */
export function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = isPlain(v) && isPlain(out[k]) ? merge(out[k] as Record<string, unknown>, v) : v;
  return out;
}

const dateOf = (at: unknown) => (typeof at === 'string' ? at.slice(0, 10) : undefined);
const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/**
 * The document's data for one recipient: what the platform knows, then the case manager's content.
 * `replyAddress` is where the insurer takes post (letters' contact block).
 */
export function documentData(kind: string, notice: NoticeRequest, claim: ClaimRecord, party: RecordedParty, staff: StaffContact | null, issuedOn: string, replyAddress: string): Record<string, unknown> {
  const worker = claim.worker;
  const employerName = { name: claim.employer.name };
  const recipient = party.role === 'other' ? undefined : { party: party.role, name: party.name };
  const claimContact = staff ? { caseManager: staff.name, phone: staff.phone, email: staff.email, postalAddress: replyAddress } : undefined;
  const person = staff ? { name: staff.name, phone: staff.phone, email: staff.email } : undefined;
  const withRole = staff ? { name: staff.name, role: staff.role, phone: staff.phone, email: staff.email } : undefined;
  const f = claim.facts;
  const common = { claimNumber: claim.claimNumber, issuedOn };
  let prefill: Record<string, unknown>;
  switch (kind) {
    case 'acknowledgement-letter':
      prefill = { claimNumber: claim.claimNumber, worker, employer: claim.employer, dateOfInjury: claim.dateOfInjury, notificationDate: claim.notificationDate };
      break;
    case 'information-request':
      prefill = { ...common, notifier: { party: party.role, name: party.name }, worker, dateOfInjury: claim.dateOfInjury, notifiedOn: claim.notificationDate, contact: person };
      break;
    case 'contact-request':
      prefill = { ...common, recipient, worker, dateOfInjury: claim.dateOfInjury, caseManager: person };
      break;
    case 'reasonable-excuse':
      prefill = { ...common, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, notificationDate: claim.notificationDate, reason: f['liability.reasonable-excuse']?.reason, contact: claimContact };
      break;
    case 'provisional-liability':
      prefill = { ...common, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, contact: claimContact };
      break;
    case 'provisional-liability-employer':
      prefill = { ...common, employer: { ...claim.employer, ...(party.role === 'employer' ? { attention: party.name === claim.employer.name ? undefined : party.name } : {}) }, worker, dateOfInjury: claim.dateOfInjury, contact: claimContact };
      break;
    case 'liability-accepted':
      prefill = { ...common, recipient, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, decidedOn: dateOf(f['liability.accepted']?.at), contact: person };
      break;
    case 'decision-notice':
      prefill = { ...common, worker, employer: employerName, decidedOn: dateOf(f['liability.disputed']?.at), contact: claimContact };
      break;
    case 'imp':
      prefill = { ...common, recipient, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, rtwGoal: f['rtw-goal.set']?.goal };
      break;
    case 'ime-notice':
      prefill = {
        ...common,
        recipient,
        worker,
        appointment: f['ime.booked']?.appointmentOn ? { date: f['ime.booked'].appointmentOn } : undefined,
        contact: person,
        interpreterLanguage: claim.parties.find((p) => p.role === 'worker')?.interpreter?.language,
      };
      break;
    case 'review-outcome':
      prefill = { ...common, worker, requestedOn: dateOf(f['review.requested']?.at), decision: f['review.requested']?.decision, reviewedOn: dateOf(f['review.completed']?.at) };
      break;
    case 'complaint-acknowledgement':
      prefill = { ...common, receivedOn: dateOf(f['complaint.received']?.at), handler: withRole };
      break;
    case 'case-conference-agenda':
      prefill = {
        ...common,
        worker,
        conference: f['case-conference.scheduled']?.on ? { on: f['case-conference.scheduled'].on } : undefined,
        participants: partiesFor('participants', claim.parties).map((p) => ({ name: p.name, role: ROLE_LABEL[p.role] ?? p.relationship ?? p.role })),
        contact: withRole,
      };
      break;
    case 'case-conference-summary':
      prefill = { ...common, worker, heldOn: dateOf(f['case-conference.held']?.at), contact: withRole };
      break;
    case 'piawe-decision':
      prefill = { ...common, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, contact: withRole };
      break;
    default:
      prefill = { ...common };
  }
  return merge(drop(prefill), notice.content);
}

/**
 * The text of an SMS: that a notice was issued, and where the letter itself is (an SMS cannot
 * carry it); never health information.
 */
export function smsText(title: string, claimNumber: string, sender: string, otherChannels: readonly string[]): string {
  const by = otherChannels.filter((c) => c === 'email' || c === 'post');
  const copy = by.length > 0 ? `It is on its way by ${by.join(' and ')}.` : 'Call us for a copy.';
  return `${sender}: we have written to you about workers compensation claim ${claimNumber} (${title}). ${copy} Questions? Call your case manager.`;
}
