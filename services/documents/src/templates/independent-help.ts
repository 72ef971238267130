import type { DocumentKind } from './index';

/**
 * The bodies outside the insurer that a notice points people to, written once so every notice
 * names them and their contact details the same way. As with letterhead.ts, a change here changes
 * the text of every notice that uses it, so bump those templates' versions with it.
 *
 * The program (sections 8 and 9) names these bodies by their older names: WIRO is now the IRO, and
 * the Workers Compensation Commission's disputes now go to the Personal Injury Commission. Workers
 * take complaints about an insurer to the IRO; employers and others take them to SIRA.
 */
export const IRO = {
  name: 'Independent Review Office (IRO)',
  phone: '13 94 76',
  web: 'www.iro.nsw.gov.au',
} as const;

// SIRA's phone number is left out: it could not be confirmed from a source (the web address could).
export const SIRA = {
  name: 'State Insurance Regulatory Authority (SIRA)',
  web: 'www.sira.nsw.gov.au',
} as const;

const WHAT_THE_IRO_DOES = 'The IRO can answer questions about your claim, take up a complaint about how we have handled it, and arrange free legal advice from a lawyer it approves.';

/** A worker's free, independent help, in one sentence (notices to workers end with it). */
export const IRO_HELP = `You can get free, independent help from the ${IRO.name} on ${IRO.phone} or at ${IRO.web}. ${WHAT_THE_IRO_DOES}`;

/** The same, in one letter to several people of whom the worker is one (a case conference's participants). */
export const IRO_HELP_IF_WORKER = `If you are the injured worker, you can get free, independent help from the ${IRO.name} on ${IRO.phone} or at ${IRO.web}. ${WHAT_THE_IRO_DOES}`;

/**
 * Which notices give the worker the IRO's contact, and why (issue 16). contact.ts's whoToContact
 * ends the "Who to contact" section of the worker's copy with IRO_HELP when the reason is given
 * here (IRO_HELP_IF_WORKER where the worker is one of several readers); null: not in that section.
 *
 * Program 4.4 tells the worker they may contact the IRO (then WIRO) "if there is any dissatisfaction
 * at any stage throughout the process", and program 9 promises that every decision on a claim is
 * put to the worker in writing with their independent options, the IRO's advice among them. So
 * every notice a worker reads carries it: a decision because of program 9 (and the law where it
 * says so), any other notice because of program 4.4 (and, where in doubt, a notice to the worker
 * carries it).
 */
export const IRO_ON_NOTICES: Record<DocumentKind, string | null> = {
  'acknowledgement-letter': 'program 2.1 (tell the worker their rights under the scheme) and 4.4 (the IRO at any stage): the first letter is where the worker learns of it',
  'information-request': 'program 4.4 (any stage), when the notifier is the worker',
  'contact-request': 'program 4.4 (any stage), in the worker’s copy',
  'reasonable-excuse': 'program 9 (a decision: not starting provisional payments, 1998 Act s268; program 4.4 "Reasonable Excuse")',
  'provisional-liability': 'program 9 (a decision: provisional payments and their amount; SoP 3.2 says what to do if the worker disagrees)',
  // To the employer only (SoP 3.3). Program 8: employers take complaints to SIRA, not the IRO.
  'provisional-liability-employer': null,
  'liability-accepted': 'program 4.4 (liability decisions in writing) and 9, in the worker’s copy',
  'decision-notice': 'Reg cl 38: the notice states that the worker can get advice or help, including from the IRO (nsw-facts §6.1); program 9',
  imp: 'program 4.4 (any stage), in the worker’s copy: the plan sets the worker’s obligations (1998 Act s47)',
  'ime-notice': 'program 4.4 (any stage), in the worker’s copy: missing the examination can suspend compensation (1998 Act s119(3))',
  'review-outcome': 'program 9 (after our review, independent advice from the IRO); 1998 Act s287A',
  // Program 8: the letter's own list of where to take an unresolved complaint names the IRO (for a
  // worker) and SIRA (for anyone else), with their contact details; the complainant may be either.
  'complaint-acknowledgement': null,
  'case-conference-agenda': 'program 4.4 (any stage): the worker is among the participants',
  'case-conference-summary': 'program 4.4 (any stage): the worker is among the participants',
  'piawe-decision': 'program 5.6 (a work capacity decision, 1987 Act s43(1)(d): the worker may go to the IRO) and 9, in the worker’s copy',
  'treatment-decision': 'program 4.9 (the worker is told how to have a declined request reviewed) and 9, in the worker’s copy',
  's48a-warning': 'program 5.6 (weekly payments at risk for non-participation) and 9',
  's48a-suspension': 'program 5.6 (weekly payments suspended) and 9',
  's39-notice': 'SoP S17: who to contact for further information, including the IRO (nsw-facts §6.3)',
  // The doctor's copy names the IRO in its body too (S19 asks it of the notice, whoever reads it).
  's59a-notice': 'SoP S19: who to contact, including the IRO (nsw-facts §6.3), in the worker’s copy',
  // To a treatment provider, about payments.
  'remittance-advice': null,
};
