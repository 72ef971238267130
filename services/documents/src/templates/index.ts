import { z } from 'zod';
import { languageAssistanceSchema } from './language-assistance';
import { acknowledgementLetterData, acknowledgementLetterV1 } from './acknowledgement-letter';
import { informationRequestData, informationRequestV1 } from './information-request';
import { contactRequestData, contactRequestV1 } from './contact-request';
import { reasonableExcuseData, reasonableExcuseV1 } from './reasonable-excuse';
import { provisionalLiabilityData, provisionalLiabilityV1 } from './provisional-liability';
import { provisionalLiabilityEmployerData, provisionalLiabilityEmployerV1 } from './provisional-liability-employer';
import { liabilityAcceptedData, liabilityAcceptedV1 } from './liability-accepted';
import { decisionNoticeData, decisionNoticeV1 } from './decision-notice';
import { impData, impV1 } from './imp';
import { imeNoticeData, imeNoticeV1 } from './ime-notice';
import { reviewOutcomeData, reviewOutcomeV1 } from './review-outcome';
import { complaintAcknowledgementData, complaintAcknowledgementV1 } from './complaint-acknowledgement';
import { caseConferenceAgendaData, caseConferenceAgendaV1 } from './case-conference-agenda';
import { caseConferenceSummaryData, caseConferenceSummaryV1 } from './case-conference-summary';
import { piaweDecisionData, piaweDecisionV1 } from './piawe-decision';
import { treatmentDecisionData, treatmentDecisionV1 } from './treatment-decision';
import { s48aWarningData, s48aWarningV1 } from './s48a-warning';
import { s48aSuspensionData, s48aSuspensionV1 } from './s48a-suspension';
import { s39NoticeData, s39NoticeV1 } from './s39-notice';
import { s59aNoticeData, s59aNoticeV1 } from './s59a-notice';
import { remittanceAdviceData, remittanceAdviceV1 } from './remittance-advice';
import type { NoticeTemplate } from './template';

export * from './template';
export { LANGUAGE_ASSISTANCE_VERSION, languageAssistanceBlocks, languageAssistanceSchema, translationFor } from './language-assistance';
export { renderLetter } from './render';

/**
 * The template each kind is rendered with now: the acknowledgement letter, every notice of rules.md
 * §5 (the provisional liability notice in a worker's and an employer's version; the treatment
 * decision, s48A warning and suspension and s39 notice of §8), the PIAWE decision, and the s59A
 * notice (nsw-facts T23; its rules are still to be specified, rules.md §9), and the remittance
 * advice sent to a treatment provider with a payment for medical invoice lines. To add a notice type:
 * write its template and add it here (and to `documentRequestSchema`). To change a notice's
 * wording: a new template version replaces the old one here; the old version stays in
 * TEMPLATE_HISTORY.
 */
export const CURRENT_TEMPLATES = {
  'acknowledgement-letter': acknowledgementLetterV1,
  'information-request': informationRequestV1,
  'contact-request': contactRequestV1,
  'reasonable-excuse': reasonableExcuseV1,
  'provisional-liability': provisionalLiabilityV1,
  'provisional-liability-employer': provisionalLiabilityEmployerV1,
  'liability-accepted': liabilityAcceptedV1,
  'decision-notice': decisionNoticeV1,
  'imp': impV1,
  'ime-notice': imeNoticeV1,
  'review-outcome': reviewOutcomeV1,
  'complaint-acknowledgement': complaintAcknowledgementV1,
  'case-conference-agenda': caseConferenceAgendaV1,
  'case-conference-summary': caseConferenceSummaryV1,
  'piawe-decision': piaweDecisionV1,
  'treatment-decision': treatmentDecisionV1,
  's48a-warning': s48aWarningV1,
  's48a-suspension': s48aSuspensionV1,
  's39-notice': s39NoticeV1,
  's59a-notice': s59aNoticeV1,
  'remittance-advice': remittanceAdviceV1,
} as const;
export type DocumentKind = keyof typeof CURRENT_TEMPLATES;
export const DOCUMENT_KINDS = Object.keys(CURRENT_TEMPLATES) as DocumentKind[];

/** Every template version ever used (to re-render or explain a stored document). */
export const TEMPLATE_HISTORY: readonly NoticeTemplate[] = [acknowledgementLetterV1, informationRequestV1, contactRequestV1, reasonableExcuseV1, provisionalLiabilityV1, provisionalLiabilityEmployerV1, liabilityAcceptedV1, decisionNoticeV1, impV1, imeNoticeV1, reviewOutcomeV1, complaintAcknowledgementV1, caseConferenceAgendaV1, caseConferenceSummaryV1, piaweDecisionV1, treatmentDecisionV1, s48aWarningV1, s48aSuspensionV1, s39NoticeV1, s59aNoticeV1, remittanceAdviceV1] as NoticeTemplate[];

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
  z.object({ claimId: z.string().uuid(), kind: z.literal(kind), data, languageAssistance: languageAssistanceSchema.optional(), dated: datedSchema.optional() }).strict();

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
