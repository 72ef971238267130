import { z } from 'zod';
import { languageAssistanceSchema } from './language-assistance';
import { acknowledgementLetterData, acknowledgementLetterV2 } from './acknowledgement-letter';
import { informationRequestData, informationRequestV2 } from './information-request';
import { contactRequestData, contactRequestV2 } from './contact-request';
import { reasonableExcuseData, reasonableExcuseV2 } from './reasonable-excuse';
import { provisionalLiabilityData, provisionalLiabilityV2 } from './provisional-liability';
import { provisionalLiabilityEmployerData, provisionalLiabilityEmployerV2 } from './provisional-liability-employer';
import { liabilityAcceptedData, liabilityAcceptedV2 } from './liability-accepted';
import { decisionNoticeData, decisionNoticeV2 } from './decision-notice';
import { impData, impV2 } from './imp';
import { imeNoticeData, imeNoticeV2 } from './ime-notice';
import { reviewOutcomeData, reviewOutcomeV2 } from './review-outcome';
import { complaintAcknowledgementData, complaintAcknowledgementV2 } from './complaint-acknowledgement';
import { caseConferenceAgendaData, caseConferenceAgendaV2 } from './case-conference-agenda';
import { caseConferenceSummaryData, caseConferenceSummaryV2 } from './case-conference-summary';
import { piaweDecisionData, piaweDecisionV2 } from './piawe-decision';
import { treatmentDecisionData, treatmentDecisionV2 } from './treatment-decision';
import { s48aWarningData, s48aWarningV2 } from './s48a-warning';
import { s48aSuspensionData, s48aSuspensionV2 } from './s48a-suspension';
import { s39NoticeData, s39NoticeV2 } from './s39-notice';
import { s59aNoticeData, s59aNoticeV2 } from './s59a-notice';
import { remittanceAdviceData, remittanceAdviceV2 } from './remittance-advice';
import type { NoticeTemplate } from './template';

export * from './template';
export { LANGUAGE_ASSISTANCE_VERSION, languageAssistanceBlocks, languageAssistanceSchema, translationFor } from './language-assistance';
export { renderLetter } from './render';

/**
 * The template each kind is rendered with now: the acknowledgement letter, every notice of docs/rules.md
 * §5 (the provisional liability notice in a worker's and an employer's version; the treatment
 * decision, s48A warning and suspension and s39 notice of §8), the PIAWE decision, and the s59A
 * notice (docs/sources.md T23; its rules are still to be specified, docs/rules.md §9), and the remittance
 * advice sent to a treatment provider with a payment for medical invoice lines. To add a notice type:
 * write its template and add it here (and to `documentRequestSchema`). To change a notice's
 * wording: a new template version replaces the old one here; the old version stays in
 * TEMPLATE_HISTORY. Version 2 of every template (issue 16: embedded fonts, kept-together layout,
 * who to contact and who signs, the insurer's letterhead) replaced version 1 before any letter was
 * posted, so version 1's text is in the repository's history (commit 4e4e716), not here.
 */
export const CURRENT_TEMPLATES = {
  'acknowledgement-letter': acknowledgementLetterV2,
  'information-request': informationRequestV2,
  'contact-request': contactRequestV2,
  'reasonable-excuse': reasonableExcuseV2,
  'provisional-liability': provisionalLiabilityV2,
  'provisional-liability-employer': provisionalLiabilityEmployerV2,
  'liability-accepted': liabilityAcceptedV2,
  'decision-notice': decisionNoticeV2,
  imp: impV2,
  'ime-notice': imeNoticeV2,
  'review-outcome': reviewOutcomeV2,
  'complaint-acknowledgement': complaintAcknowledgementV2,
  'case-conference-agenda': caseConferenceAgendaV2,
  'case-conference-summary': caseConferenceSummaryV2,
  'piawe-decision': piaweDecisionV2,
  'treatment-decision': treatmentDecisionV2,
  's48a-warning': s48aWarningV2,
  's48a-suspension': s48aSuspensionV2,
  's39-notice': s39NoticeV2,
  's59a-notice': s59aNoticeV2,
  'remittance-advice': remittanceAdviceV2,
} as const;
export type DocumentKind = keyof typeof CURRENT_TEMPLATES;
export const DOCUMENT_KINDS = Object.keys(CURRENT_TEMPLATES) as DocumentKind[];

/** Every template version ever used (to re-render or explain a stored document). */
export const TEMPLATE_HISTORY: readonly NoticeTemplate[] = [
  acknowledgementLetterV2,
  informationRequestV2,
  contactRequestV2,
  reasonableExcuseV2,
  provisionalLiabilityV2,
  provisionalLiabilityEmployerV2,
  liabilityAcceptedV2,
  decisionNoticeV2,
  impV2,
  imeNoticeV2,
  reviewOutcomeV2,
  complaintAcknowledgementV2,
  caseConferenceAgendaV2,
  caseConferenceSummaryV2,
  piaweDecisionV2,
  treatmentDecisionV2,
  s48aWarningV2,
  s48aSuspensionV2,
  s39NoticeV2,
  s59aNoticeV2,
  remittanceAdviceV2,
] as NoticeTemplate[];

export function currentTemplate<K extends DocumentKind>(kind: K): (typeof CURRENT_TEMPLATES)[K] {
  return CURRENT_TEMPLATES[kind];
}

/** The body of POST /documents: which notice, for which claim, with that notice's data. */
/** Every request may ask for the interpreter-services paragraph (the worker's language; program 4.3). */
/**
 * A letter is dated the day it is written; a team leader may date one otherwise (a replacement for
 * a letter lost in the post, say) by giving the reason, which is stored with the document (issue 16).
 */
export const datedSchema = z.object({ reason: z.string().trim().min(10, 'must say why the letter is not dated today (at least 10 characters)').max(500, 'must be at most 500 characters') }).strict();

const request = <K extends string, D extends z.ZodTypeAny>(kind: K, data: D) =>
  z.object({ claimId: z.guid(), kind: z.literal(kind), data, languageAssistance: languageAssistanceSchema.optional(), dated: datedSchema.optional() }).strict();

export const documentRequestSchema = z.discriminatedUnion('kind', [
  request('acknowledgement-letter', acknowledgementLetterData),
  request('information-request', informationRequestData),
  request('contact-request', contactRequestData),
  request('reasonable-excuse', reasonableExcuseData),
  request('provisional-liability', provisionalLiabilityData),
  request('provisional-liability-employer', provisionalLiabilityEmployerData),
  request('liability-accepted', liabilityAcceptedData),
  request('decision-notice', decisionNoticeData),
  request('imp', impData),
  request('ime-notice', imeNoticeData),
  request('review-outcome', reviewOutcomeData),
  request('complaint-acknowledgement', complaintAcknowledgementData),
  request('case-conference-agenda', caseConferenceAgendaData),
  request('case-conference-summary', caseConferenceSummaryData),
  request('piawe-decision', piaweDecisionData),
  request('treatment-decision', treatmentDecisionData),
  request('s48a-warning', s48aWarningData),
  request('s48a-suspension', s48aSuspensionData),
  request('s39-notice', s39NoticeData),
  request('s59a-notice', s59aNoticeData),
  request('remittance-advice', remittanceAdviceData),
]);
export type DocumentRequest = z.infer<typeof documentRequestSchema>;
