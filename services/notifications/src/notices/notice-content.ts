import { type Consent, type RecordedParty, consentCovers } from '@wc/contracts';

/**
 * What notifications knows when it writes a notice, and how that becomes the data of the document
 * the documents service renders. Pure: the service gathers the facts, this decides the content.
 *
 * Prefilled is only what the platform recorded (names, dates, the case manager, the decision's
 * date) and what it decided (notice.requested's facts, docs/rules.md §8: a treatment request and its
 * outcome, a suspension's dates, when a discontinuance takes effect, when s39 and s59A payments
 * stop). What a person must write (a decision's reasons, the reports considered, an IME's place, an
 * s48A obligation) is the notice's content, given by the case manager; until it is complete the
 * documents service names each missing field and the notice waits for it. What the platform decided
 * a person cannot write over.
 */
export interface ClaimRecord {
  claimId: string;
  claimNumber: string;
  /** As claim.notified gave it, with the order the worker writes their name in when they said. */
  worker: { givenName: string; familyName: string; nameOrder?: 'given-first' | 'family-first' };
  employer: { name: string; policyNumber: string };
  dateOfInjury: string;
  notificationDate: string;
  caseManager: string | null;
  teamLeader: string | null;
  /** The latest staff action of each type (claim.action-recorded), by type, with `by`: the staff user who recorded it. */
  facts: Record<string, { at: string; by?: string; [k: string]: unknown }>;
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

/** What the platform decided that a notice states (notice.requested's `facts`: docs/rules.md §8). */
export type DecidedFacts = Record<string, string | number | null>;

export interface NoticeRequest {
  noticeId: string;
  type: string;
  on: string;
  cause: string;
  ref: string | null;
  content: Record<string, unknown>;
  /** The decided facts the notice was requested with, or null (notices before docs/rules.md §8 carry none). */
  decided: DecidedFacts | null;
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
  // docs/rules.md §8.1: the treatment asked for and the decision on it go to the provider (SoP S4).
  'treatment-decision',
  // SoP S19: the end of the worker's medical treatment goes to the nominated treating doctor.
  's59a-notice',
]);

/** The document kind for a notice to this party: the employer's provisional liability notice is its own (SoP 3.3). */
export function documentKind(noticeType: string, party: RecordedParty): string {
  if (noticeType === 'provisional-liability' && party.role === 'employer') return 'provisional-liability-employer';
  return noticeType;
}

/** Notices whose template addresses its reader as the worker, the employer or the doctor. */
const ADDRESSED_BY_ROLE: ReadonlySet<string> = new Set(['contact-request', 'liability-accepted', 'imp', 'ime-notice']);

/** Notices written to the worker alone ("Dear <worker>", what the worker must do): s48A (docs/rules.md §8.2) and s39 (§8.4). */
const WORKER_ONLY: ReadonlySet<string> = new Set(['s48a-warning', 's48a-suspension', 's39-notice']);

/** A party this kind of notice cannot be addressed to (a solicitor is not "the worker"), or null. */
export function addressRefusal(kind: string, party: RecordedParty): string | null {
  const who = `${party.name} (${party.role === 'other' ? (party.relationship ?? 'other') : party.role})`;
  // docs/rules.md §8.1: a treatment decision is written to the worker or to the provider who asked,
  // whatever the provider's role (a physiotherapist recorded as `other`, or a doctor).
  if (kind === 'treatment-decision')
    return party.role === 'worker' || party.capacities.includes('provider') ? null : `the treatment-decision notice is written to the worker or to the treatment provider; ${who} is neither`;
  // SoP S19: the s59A notice is written to the worker and to the nominated treating doctor.
  if (kind === 's59a-notice')
    return party.role === 'worker' || party.role === 'doctor' ? null : `the s59a-notice is written to the worker or the nominated treating doctor; ${who} needs a covering letter written by a person`;
  if (WORKER_ONLY.has(kind)) return party.role === 'worker' ? null : `the ${kind} notice is written to the worker; ${who} needs a covering letter written by a person`;
  if (party.role !== 'other' || !ADDRESSED_BY_ROLE.has(kind)) return null;
  return `the ${kind} notice is written to the worker, the employer or the treating doctor; ${who} needs a covering letter written by a person`;
}

/** Why this copy must not go, or null: consent is checked for the day the notice is written. */
export function consentRefusal(kind: string, party: RecordedParty, consents: readonly Consent[], on: string): string | null {
  if (party.role === 'worker' || !HEALTH_INFORMATION.has(kind)) return null;
  if (consentCovers(consents, party.partyId, on)) return null;
  return `${kind} carries the worker's health information and no consent of the worker to share it with ${party.name} (${party.role}) is recorded for ${on} (program s11; 1998 Act s243)`;
}

/** A decided fact that is text, or undefined (null, a number or blank is not a fact to print). */
const textFact = (decided: DecidedFacts | null | undefined, key: string): string | undefined => {
  const v = decided?.[key];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
};

/** Names compared as people write them: case, surrounding and repeated spaces do not matter. */
const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The lifecycle's recipients (worker, employer, doctor, notifier, complainant, participants,
 * provider) as recorded parties. `decided` is the notice's decided facts: a treatment decision goes
 * to the provider named in the request (docs/rules.md §8.1), so to the parties recorded with capacity
 * `provider` under that name; a request that names no provider goes to every provider party.
 */
export function partiesFor(recipient: string, parties: readonly RecordedParty[], decided: DecidedFacts | null = null): RecordedParty[] {
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
    case 'provider': {
      const providers = parties.filter((p) => p.capacities.includes('provider'));
      const named = textFact(decided, 'provider');
      return named ? providers.filter((p) => sameName(p.name, named)) : providers;
    }
    default:
      return [];
  }
}

/**
 * Why a copy waits for a party (the delivery's detail) and what the case manager must record (the
 * party-details task). A provider is recorded with capacity `provider` under the name the request
 * gave, so the task names it (docs/rules.md §8.1).
 */
export function missingParty(type: string, recipient: string, decided: DecidedFacts | null = null): { detail: string; task: string } {
  // Where staff do it: the claim page's parties (the console's "Add a party"; the API's POST /claims/:id/parties).
  const where = 'on the claim page, Parties and consents';
  if (recipient !== 'provider')
    return { detail: `no ${recipient} is recorded on the claim`, task: `The ${type} notice cannot go to the ${recipient}: record the ${recipient} and how they want to be written to (${where}).` };
  const named = textFact(decided, 'provider');
  const how = 'with capacity provider (role other with their relationship, e.g. physiotherapist, or role doctor) and how they want to be written to';
  return named
    ? {
        detail: `no provider named ${named} is recorded on the claim (a party with capacity provider)`,
        task: `The ${type} notice cannot go to the provider: record ${named}, the provider named in the treatment request, ${how} (${where}). A provider recorded under another name does not match (rules.md §8.1).`,
      }
    : {
        detail: 'no provider is recorded on the claim (a party with capacity provider)',
        task: `The ${type} notice cannot go to the provider: record the treatment provider ${how} (${where}) (rules.md §8.1).`,
      };
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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** `2026-10-19` → `19 October 2026`, as the letters print dates. */
export function longDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}` : date;
}

/** Where the rule that decided a notice's facts is written, for a person told they cannot change them. */
function ruleOf(notice: Pick<NoticeRequest, 'type' | 'cause'>): string {
  switch (notice.type) {
    case 'treatment-decision':
      return 'rules.md §8.1';
    case 's48a-warning':
    case 's48a-suspension':
      return 'rules.md §8.2, s48A';
    case 's39-notice':
      return 'rules.md §8.4, SoP S17';
    case 's59a-notice':
      return '1987 Act s59A, SoP S19';
    default:
      return notice.cause === 'treatment.declined' ? 'rules.md §8.1' : 'rules.md §8.3, s80';
  }
}

/**
 * The fields of the document that the platform decided (notice.requested's facts, docs/rules.md §8):
 * prefilled, printed over anything a person wrote, and refused in content. A fact the lifecycle did
 * not know (null) is left to a person.
 */
export function decidedFields(notice: Pick<NoticeRequest, 'type' | 'on' | 'decided'>): Record<string, unknown> {
  const d = notice.decided;
  if (!d) return {};
  const t = (k: string) => textFact(d, k);
  switch (notice.type) {
    case 'treatment-decision':
      // docs/rules.md §8.1, SoP S4.3: what was asked for, by whom, when, and the decision with its date.
      return drop({ treatment: t('treatment'), provider: t('provider'), requestedOn: t('requestedOn'), estimatedCost: t('cost'), decision: t('decision'), decidedOn: t('decidedOn') });
    case 'decision-notice':
      // s78 and cl 38(1)(h): the date of the decision and the date it takes effect. A discontinuance
      // takes effect when the s80 notice period ends (docs/rules.md §8.3: staff no longer type it); a
      // declined treatment when the notice is given (docs/rules.md §8.1).
      return drop({ decidedOn: notice.on, takesEffectOn: t('takesEffectOn') ?? (d.decision === 'declined' ? notice.on : undefined) });
    case 's48a-warning':
      // s48A(2)(b): the date payments are suspended from, 14 to 60 days after the warning.
      return drop({ suspendFrom: t('suspendFrom') });
    case 's48a-suspension':
      // s48A(3): suspended from the date the warning named.
      return drop({ warnedOn: t('warnedOn'), suspendedFrom: t('suspendedFrom') });
    case 's39-notice':
      // SoP S17: the date of the last payment and the date payments cease.
      return drop({ lastPaymentOn: t('lastPaymentOn'), ceaseOn: t('ceaseOn') });
    case 's59a-notice':
      // 1987 Act s59A(2), SoP S19: the period, when it started and on what basis, and the day treatment stops being paid.
      return drop({ ceaseOn: t('ceaseOn'), period: t('period'), from: t('from'), basis: t('basis') });
    default:
      return {};
  }
}

/**
 * The content fields a person may not give because the platform decided them (one problem each, as
 * a 400 names them): a person writes around the decision, never over it.
 */
export function decidedContentRefusals(notice: Pick<NoticeRequest, 'type' | 'on' | 'cause' | 'decided'>, content: Record<string, unknown>): Array<{ field: string; problem: string }> {
  const decided = decidedFields(notice);
  return Object.keys(content)
    .filter((k) => k in decided)
    .map((k) => ({ field: `content.${k}`, problem: `is decided by the platform (${String(decided[k])}; ${ruleOf(notice)}) and cannot be written on the notice` }));
}

/**
 * A plain sentence of what a discontinuance changes (s78: the effect of the decision), from the
 * days §8.3 computed: the last day paid and the s80 notice period. A person may write another.
 */
export function discontinuanceEffect(decided: DecidedFacts | null): string | undefined {
  const last = textFact(decided, 'lastPayableDay');
  const period = textFact(decided, 'noticePeriod');
  if (!last || !period) return undefined;
  const paidTo = `Your weekly payments will stop. We will pay them for every day up to and including ${longDate(last)}, and not for any day after that.`;
  // s80(1): no notice period unless weekly payments were made for a continuous period of at least 12 weeks.
  if (period === 'none')
    return `${paidTo} No notice period applies, because weekly payments were not paid to you for 12 weeks or more in a row (section 80 of the Workplace Injury Management and Workers Compensation Act 1998).`;
  return `${paidTo} This allows the notice period of ${period} that the law requires (section 80 of the Workplace Injury Management and Workers Compensation Act 1998).`;
}

/**
 * Who signs each kind of notice when it is a decision (issue 16): the person who made it, not "the
 * claims team". Every other notice is signed by the case manager, whose contact it carries anyway.
 * The liability decisions (program 4.4: provisional liability and a reasonable excuse among them),
 * the s78 decision notice (a dispute, a declined treatment, a discontinuance), the PIAWE and
 * treatment decisions, the review outcome and the notices of docs/rules.md §8.
 */
const SIGNED_BY_DECISION_MAKER: ReadonlySet<string> = new Set([
  'reasonable-excuse',
  'provisional-liability',
  'provisional-liability-employer',
  'liability-accepted',
  'decision-notice',
  'piawe-decision',
  'treatment-decision',
  'review-outcome',
  's48a-warning',
  's48a-suspension',
  's39-notice',
  's59a-notice',
]);

/** Notices written to the worker without a `recipient`: the worker's postal address goes with their name. */
const ADDRESSED_TO_WORKER: ReadonlySet<string> = new Set([
  'acknowledgement-letter',
  'reasonable-excuse',
  'provisional-liability',
  'decision-notice',
  'review-outcome',
  's48a-warning',
  's48a-suspension',
  's39-notice',
]);

/** The action a notice's decision was made with, when not its cause: a suspension follows from its s48A warning. */
const DECISION_OF_CAUSE: Readonly<Record<string, string>> = { suspension: 's48a.warning-issued' };

/**
 * Who made the decision a notice gives: the staff user who recorded the action that caused it
 * (claim.action-recorded's `by`, kept with each fact), or the person another service names in the
 * notice's facts (`decidedBy`: payments' PIAWE determination), or null when neither says (facts
 * recorded before `by` was).
 */
export function decisionMaker(notice: Pick<NoticeRequest, 'cause'> & Partial<Pick<NoticeRequest, 'decided'>>, claim: Pick<ClaimRecord, 'facts'>): string | null {
  // A service that decides outside the claim's actions (payments' PIAWE determination) names the person in the notice's facts.
  const named = notice.decided?.decidedBy;
  if (typeof named === 'string' && named.trim() !== '') return named;
  const by = claim.facts[DECISION_OF_CAUSE[notice.cause] ?? notice.cause]?.by;
  return typeof by === 'string' && by.trim() !== '' ? by : null;
}

/** What the staff directory says about the people a notice names. */
export interface NoticeStaff {
  /** The claim's case manager: every notice's contact. */
  caseManager: StaffContact | null;
  /** Who made the decision (decisionMaker), when the claim records them. */
  decisionMaker: { user: string; contact: StaffContact | null } | null;
}

/** The case manager's name and direct contact as the letters' contact section prints them (documents' claimContact). */
export const caseManagerContact = (s: StaffContact | null) => (s ? { caseManager: s.name, phone: s.phone, email: s.email } : undefined);

/** A name with its postal address when the claim records one (documents' recipient and workerAddressee). */
const withAddress = <T extends object>(o: T, address: string[] | undefined) => (address ? { ...o, address } : o);

/**
 * The acknowledgement letter's data (claim.notified): also written by LettersService when the claim
 * is notified, so both say the same. The worker's address when the claim has recorded it by then.
 */
export function acknowledgementData(
  claim: Pick<ClaimRecord, 'claimNumber' | 'worker' | 'employer' | 'dateOfInjury' | 'notificationDate' | 'parties'>,
  caseManager: StaffContact | null,
  issuedOn: string,
): Record<string, unknown> {
  const address = claim.parties.find((p) => p.role === 'worker')?.postalAddress;
  return drop({
    claimNumber: claim.claimNumber,
    issuedOn,
    worker: withAddress(claim.worker, address),
    employer: claim.employer,
    dateOfInjury: claim.dateOfInjury,
    notificationDate: claim.notificationDate,
    contact: caseManagerContact(caseManager),
  });
}

/**
 * The document's data for one recipient: what the platform knows, then the case manager's content.
 * The case manager's name and direct contact come from the staff directory, and so does a
 * decision's signatory: the person who made it, or the case manager when the claim does not record
 * who did. A decision whose maker has no directory entry gets no signatory, so the documents
 * service names the field and the notice waits for a person (it is never signed in someone else's
 * name). Each recipient's postal address is the claim's record of that party.
 */
export function documentData(kind: string, notice: NoticeRequest, claim: ClaimRecord, party: RecordedParty, staff: NoticeStaff, issuedOn: string): Record<string, unknown> {
  const workerParty = claim.parties.find((p) => p.role === 'worker');
  const worker = ADDRESSED_TO_WORKER.has(kind) ? withAddress(claim.worker, workerParty?.postalAddress) : claim.worker;
  const employerName = { name: claim.employer.name };
  const recipient = party.role === 'other' ? undefined : withAddress({ party: party.role, name: party.name }, party.postalAddress);
  const cm = staff.caseManager;
  const contact = caseManagerContact(cm);
  const signer = staff.decisionMaker ? staff.decisionMaker.contact : cm;
  const signatory = SIGNED_BY_DECISION_MAKER.has(kind) && signer ? { name: signer.name, role: signer.role } : undefined;
  const withRole = cm ? { name: cm.name, role: cm.role, phone: cm.phone, email: cm.email } : undefined;
  const f = claim.facts;
  const common = { claimNumber: claim.claimNumber, issuedOn };
  const decided = decidedFields(notice);
  let prefill: Record<string, unknown>;
  switch (kind) {
    case 'acknowledgement-letter':
      prefill = acknowledgementData(claim, cm, issuedOn);
      break;
    case 'information-request':
      prefill = {
        ...common,
        notifier: withAddress({ party: party.role, name: party.name }, party.postalAddress),
        worker,
        dateOfInjury: claim.dateOfInjury,
        notifiedOn: claim.notificationDate,
        contact,
      };
      break;
    case 'contact-request':
      prefill = { ...common, recipient, worker, dateOfInjury: claim.dateOfInjury, contact };
      break;
    case 'reasonable-excuse':
      prefill = {
        ...common,
        worker,
        employer: employerName,
        dateOfInjury: claim.dateOfInjury,
        notificationDate: claim.notificationDate,
        reason: f['liability.reasonable-excuse']?.reason,
        contact,
        signatory,
      };
      break;
    case 'provisional-liability':
      prefill = { ...common, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, contact, signatory };
      break;
    case 'provisional-liability-employer': {
      const attention = party.role === 'employer' && party.name !== claim.employer.name ? party.name : undefined;
      const employer = withAddress({ ...claim.employer, ...(attention ? { attention } : {}) }, party.role === 'employer' ? party.postalAddress : undefined);
      prefill = { ...common, employer, worker, dateOfInjury: claim.dateOfInjury, contact, signatory };
      break;
    }
    case 'liability-accepted':
      prefill = { ...common, recipient, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, decidedOn: dateOf(f['liability.accepted']?.at), contact, signatory };
      break;
    case 'decision-notice':
      prefill = { ...common, worker, employer: employerName, decidedOn: dateOf(f['liability.disputed']?.at), effect: discontinuanceEffect(notice.decided), contact, signatory };
      break;
    case 'treatment-decision':
      // docs/rules.md §8.1: one copy to the provider who asked (whatever their role), one to the worker.
      prefill = { ...common, worker, recipient: withAddress({ party: party.role === 'worker' ? 'worker' : 'provider', name: party.name }, party.postalAddress), contact, signatory };
      break;
    case 's48a-warning':
    case 's48a-suspension':
    case 's39-notice':
      // The reason and the s48 obligation (s48A(2)(a), (b)) are the case manager's content.
      prefill = { ...common, worker, contact, signatory };
      break;
    case 's59a-notice':
      prefill = { ...common, worker, recipient, contact, signatory };
      break;
    case 'imp':
      prefill = { ...common, recipient, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, rtwGoal: f['rtw-goal.set']?.goal, contact };
      break;
    case 'ime-notice':
      prefill = {
        ...common,
        recipient,
        worker,
        appointment: f['ime.booked']?.appointmentOn ? { date: f['ime.booked'].appointmentOn } : undefined,
        contact,
        interpreterLanguage: workerParty?.interpreter?.language,
      };
      break;
    case 'review-outcome':
      // The reviewer (who recorded review.completed) signs the outcome (program 5.6: not who decided).
      prefill = { ...common, worker, requestedOn: dateOf(f['review.requested']?.at), decision: f['review.requested']?.decision, reviewedOn: dateOf(f['review.completed']?.at), contact, signatory };
      break;
    case 'complaint-acknowledgement':
      prefill = { ...common, receivedOn: dateOf(f['complaint.received']?.at), handler: withRole, contact };
      break;
    case 'case-conference-agenda':
      prefill = {
        ...common,
        worker,
        conference: f['case-conference.scheduled']?.on ? { on: f['case-conference.scheduled'].on } : undefined,
        participants: partiesFor('participants', claim.parties).map((p) => ({ name: p.name, role: ROLE_LABEL[p.role] ?? p.relationship ?? p.role })),
        contact,
      };
      break;
    case 'case-conference-summary':
      prefill = { ...common, worker, heldOn: dateOf(f['case-conference.held']?.at), contact };
      break;
    case 'piawe-decision':
      // Which copy this is: the employer's shows only its own employment of the worker (s243).
      prefill = { ...common, recipient, worker, employer: employerName, dateOfInjury: claim.dateOfInjury, contact, signatory };
      break;
    default:
      prefill = { ...common };
  }
  // What the platform decided is printed as decided, whatever content says (docs/rules.md §8).
  return merge(merge(drop(prefill), notice.content), decided);
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
