// The API's codes in words for the page. The code stays what the API sent; only its display changes.

// The scheme's abbreviations, written as the scheme writes them.
const ABBREVIATIONS: Record<string, string> = { imp: 'IMP', rtw: 'RTW', piawe: 'PIAWE', ime: 'IME', wpi: 'WPI', payg: 'PAYG', aba: 'ABA', sms: 'SMS', pdf: 'PDF' };

const spell = (code: string) =>
  code
    .split(/[-_ ]/)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "case-manager" → "Case manager"; "rtw-goal" → "RTW goal". */
export const words = (code: string): string => capitalise(spell(code));

/** A key of a body in words: "takesEffectOn" → "Takes effect on" (the API's keys are camel case; its codes are not). */
export const keyWords = (key: string): string => words(key.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase());

/** An obligation type: "liability.initial" → "Liability: initial"; "imp.revision" → "IMP: revision". */
export function obligationName(type: string): string {
  const [head, ...rest] = type.split('.');
  return rest.length ? `${words(head)}: ${rest.map(spell).join(', ')}` : words(head);
}

/**
 * A staff action (a claim event type, POST /claims/:id/actions) as the console names it:
 * "contact.made" → "Contact made". A type the table does not know yet is spelled from its code.
 */
const ACTIONS: Record<string, string> = {
  'notification.completed': 'Notification completed',
  'contact.made': 'Contact made',
  'obligation.waived': 'Obligation waived',
  'triage.reclassified': 'Triage reclassified',
  'liability.provisional': 'Provisional liability',
  'liability.reasonable-excuse': 'Reasonable excuse',
  'information.received': 'Information received',
  'liability.accepted': 'Liability accepted',
  'liability.disputed': 'Liability disputed',
  'certificate.received': 'Certificate of capacity received',
  'earnings.reported': 'Earnings reported',
  'rtw.pre-injury-duties': 'Back on pre-injury duties',
  'rtw-goal.set': 'RTW goal set',
  'imp.issued': 'Injury management plan (IMP) issued',
  'imp.change-notified': 'Change to the IMP notified',
  'ime.booked': 'IME booked',
  'ime.cancelled': 'IME cancelled',
  'review.requested': 'Review requested',
  'review.completed': 'Review completed',
  'complaint.received': 'Complaint received',
  'complaint.acknowledged': 'Complaint acknowledged',
  'complaint.resolved': 'Complaint resolved',
  'complaint.extended': 'Complaint response extended',
  'case-conference.scheduled': 'Case conference scheduled',
  'case-conference.agenda-sent': 'Case conference agenda sent',
  'case-conference.held': 'Case conference held',
  'case-conference.summary-sent': 'Case conference summary sent',
  'case-conference.cancelled': 'Case conference cancelled',
  'employment.no-suitable-duties': 'No suitable duties',
  'wca.completed': 'Work capacity assessment completed',
  'wpi.assessed': 'WPI assessed',
  's38.approved': 's38 continuation approved',
  'treatment.requested': 'Treatment requested',
  'treatment.acknowledged': 'Treatment request acknowledged',
  'treatment.approved': 'Treatment approved',
  'treatment.declined': 'Treatment declined',
  's48a.warning-issued': 's48A warning issued',
  's48a.complied': 's48A complied with',
  's48a.terminated': 'Weekly payments terminated (s48A)',
  'weekly.discontinued': 'Weekly payments discontinued',
  's39.notice-issued': 's39 notice issued',
  's59a.notice-issued': 's59A notice issued',
  'claim.finalised': 'Claim finalised',
  'payment-clock.started': 'Payment clock started',
  'payment-clock.met': 'Payment clock met',
  'payment-clock.stopped': 'Payment clock stopped',
};

export const actionName = (type: string): string => ACTIONS[type] ?? words(type.replace('.', ' '));

/** Whether the console has its own name for an action type (the unit tests hold every type to it). */
export const hasActionName = (type: string): boolean => type in ACTIONS;
