import { z } from 'zod';
import type { Same } from '@wc/service-kit';
import { CHANNELS, noticeRequestedData, partySchema } from '@wc/contracts';
import type { StaffContact } from './notice-content';
import type { DeliveryStatus, TaskKind } from './correspondence.service';
import type { DigestService } from './digest.service';

const uuid = z.guid();
const timestamp = z.iso.datetime();
const count = z.number().int().nonnegative();

/** How far one copy of a notice got (deliveries' status check). */
export const DELIVERY_STATUSES = ['awaiting-party', 'composing', 'awaiting-content', 'queued', 'printing', 'sent', 'delivered', 'bounced', 'failed', 'refused', 'superseded'] as const;
/** One word for a notice from its copies (correspondence-views.ts noticeStatus). */
export const NOTICE_STATUSES = ['no-copies', 'needs-attention', 'in-progress', 'sent', 'partly-sent'] as const;
/** What a task asks of a person (the tasks table also allows `print`, which nothing creates). */
export const TASK_KINDS = ['notice-content', 'party-details', 'consent', 'delivery-failed', 'interpreter-booking', 'invoice-held'] as const;

/** One copy of a notice: to whom (the party, once recorded), by which channel, the document and how far it got. */
export const deliveryView = z
  .object({
    deliveryId: uuid,
    recipient: z.string(),
    partyId: uuid.nullable(),
    channel: z.enum(CHANNELS).nullable(),
    kind: z.string().nullable(),
    status: z.enum(DELIVERY_STATUSES),
    documentId: uuid.nullable(),
    attempts: count,
    detail: z.string().nullable(),
    providerRef: z.string().nullable(),
    contentNeeded: z
      .array(z.object({ field: z.string(), problem: z.string() }).strict())
      .nullable()
      .meta({ description: 'while the copy waits for content: each field of the notice a person must write (POST /notifications/notices/:id/content), as the documents service named it' }),
    updatedAt: timestamp,
  })
  .strict();

/** A notice the claim's workflow (or payments) requested, with what the platform decided it states and every copy. */
export const noticeView = z
  .object({
    noticeId: uuid,
    type: z.string(),
    on: noticeRequestedData.shape.on,
    to: noticeRequestedData.shape.to,
    cause: z.string(),
    ref: z.string().nullable(),
    decided: noticeRequestedData.shape.facts.unwrap().nullable(),
    contentVersion: count,
    status: z.enum(NOTICE_STATUSES),
    deliveries: z.array(deliveryView),
  })
  .strict();

/** A notice's content once a person wrote their part; `content` is free-form: the notice's own fields, merged over what the platform prefilled. */
export const contentGiven = z.object({ noticeId: uuid, contentVersion: z.number().int().min(1), content: z.record(z.string(), z.unknown()), copiesToWrite: count }).strict();

/** A task for a person, open or done. */
export const taskView = z
  .object({
    id: uuid,
    claimId: uuid,
    claimNumber: z.string(),
    assignee: z.string().nullable(),
    kind: z.enum(TASK_KINDS),
    noticeId: uuid.nullable(),
    deliveryId: uuid.nullable(),
    detail: z.string(),
    createdAt: timestamp,
    doneAt: timestamp.nullable(),
    doneBy: z.string().nullable(),
  })
  .strict();
/** Whose tasks these are (`unassigned`: claims nobody handles), oldest first. */
export const taskList = z.object({ assignee: z.string(), tasks: z.array(taskView) }).strict();
/** A task marked done. */
export const taskDone = z.object({ id: uuid, done: z.literal(true) }).strict();

/** A copy sent again: written afresh from the party's details as they are now. */
export const resent = z.object({ deliveryId: uuid, status: z.literal('composing'), was: z.enum(['refused', 'bounced', 'failed']) }).strict();

/** A letter to print and post: which notice or letter it is (`kind`), and `content`, the documents service's path to its PDF. */
export const printQueueEntry = z
  .object({
    deliveryId: uuid,
    claimId: uuid,
    claimNumber: z.string(),
    documentId: uuid,
    kind: z.string().nullable(),
    content: z.string(),
    addressee: z.string(),
    address: partySchema.shape.postalAddress.unwrap(),
    queuedAt: timestamp,
    printedAt: timestamp.nullable(),
    printedBy: z.string().nullable(),
  })
  .strict();
/** The print queue, oldest first. */
export const printQueue = z.object({ letters: z.array(printQueueEntry) }).strict();
/** A letter marked printed and posted: its copy is sent. */
export const printed = z.object({ deliveryId: uuid, status: z.literal('sent') }).strict();

/** The local SMS provider's messages for a claim; it records only messages it delivered. */
export const smsMessages = z
  .object({ claimId: uuid, messages: z.array(z.object({ id: uuid, deliveryId: uuid, to: z.string(), body: z.string(), status: z.literal('delivered'), sentAt: timestamp }).strict()) })
  .strict();

/** A staff directory entry as saved. */
export const staffEntry = z.object({ user: z.string(), name: z.string(), role: z.string(), phone: z.string(), email: z.string() }).strict();

/** Digests sent now, and team leaders with escalations who could not be sent one. */
export const digestsRun = z
  .object({
    sent: z.array(z.object({ teamLeader: z.string(), email: z.string(), alerts: z.number().int().min(1), digestId: uuid }).strict()),
    skipped: z.array(z.object({ teamLeader: z.string(), reason: z.string() }).strict()),
  })
  .strict();

const _mirrors: [
  Same<(typeof DELIVERY_STATUSES)[number], DeliveryStatus>,
  Same<(typeof TASK_KINDS)[number], TaskKind>,
  Same<z.output<typeof staffEntry>, StaffContact>,
  Same<z.output<typeof digestsRun>, Awaited<ReturnType<DigestService['run']>>>,
] = [true, true, true, true];
void _mirrors;
