import { z } from 'zod';
import { obligationEscalatedData, obligationReminderData } from '@wc/contracts';
import { noticeView } from '../notices/correspondence.responses';

/** A claim's notices, each with its copies (CorrespondenceViews.noticesFor). */
export const claimNotices = z.object({ claimId: z.guid(), notices: z.array(noticeView) }).strict();

/** A case manager's reminders as obligation.reminder carried them, soonest first. */
export const reminderList = z
  .object({ caseManager: z.string(), reminders: z.array(obligationReminderData.pick({ claimId: true, claimNumber: true, obligationId: true, type: true, dueOn: true, on: true }).strict()) })
  .strict();

/** A team leader's escalation alerts as obligation.escalated carried them (the claim's case manager may be nobody yet). */
export const alertList = z
  .object({
    teamLeader: z.string(),
    alerts: z.array(obligationEscalatedData.pick({ claimId: true, claimNumber: true, obligationId: true, type: true, kind: true, dueOn: true, on: true, caseManager: true }).strict()),
  })
  .strict();
