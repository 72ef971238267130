/**
 * Building and reading the CloudEvents-style envelopes of @wc/contracts. Reading never throws: a
 * consumer gets either a checked envelope or one clear sentence saying what is wrong, which it parks
 * with the message at once (a bad message can never become valid by retrying it; parking.ts).
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { envelopeSchema, EVENT_DATA, type Envelope, type EventType } from '@wc/contracts';

export type EventData<K extends EventType> = z.infer<(typeof EVENT_DATA)[K]>;
export type EventEnvelope<K extends EventType> = Envelope<EventData<K>> & { type: K };

export interface NewEnvelopeInput<K extends string> {
  /** For a type listed in EVENT_DATA, `data` must match its schema (checked at compile and run time). */
  type: K;
  /** The producing service, e.g. `wc/claims-service`. */
  source: string;
  /** The claim id: also the Kafka key, so one claim's events stay on one partition, in order. */
  subject: string;
  data: K extends EventType ? EventData<K> : unknown;
  /** Default: a new random uuid. Give one only to re-emit the same event (consumers dedupe on it). */
  id?: string;
  /** Default: now. */
  time?: Date | string;
}

export type ParseFailure = {
  ok: false;
  reason: 'empty' | 'not-json' | 'invalid-envelope' | 'invalid-data';
  /** One line, safe to log: what is wrong and where. */
  error: string;
};
export type ParseResult =
  | {
      ok: true;
      envelope: Envelope<unknown>;
      /** The type is listed in EVENT_DATA, so `data` has been checked against its schema. */
      known: boolean;
    }
  | ParseFailure;

/** Thrown by newEnvelope and enqueue: the producer built an event the contract rejects. */
export class InvalidEnvelopeError extends Error {
  constructor(readonly failure: ParseFailure) {
    super(failure.error);
    this.name = 'InvalidEnvelopeError';
  }
}

export function isKnownEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_DATA, type);
}

/**
 * Narrows an envelope to a known event type. Sound for envelopes from parseEnvelope/newEnvelope
 * (their data has been checked); a hand-built object should go through checkEnvelope first.
 */
export function isEvent<K extends EventType>(envelope: Envelope<unknown>, type: K): envelope is EventEnvelope<K> {
  return envelope.type === type;
}

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .map((issue) => {
      const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
      return `${path || '(envelope)'}: ${issue.message}`;
    })
    .join('; ');
}

/** Checks an already-decoded value against the envelope schema and, for a known type, its data schema. */
export function checkEnvelope(value: unknown): ParseResult {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    return { ok: false, reason: 'invalid-envelope', error: `invalid envelope: ${describeIssues(envelope.error, '')}` };
  }
  const { type } = envelope.data;
  if (!isKnownEventType(type)) {
    // An event type this build does not know yet (a newer producer): pass it on unchecked and let
    // the handler decide; rejecting it would make every consumer upgrade before any producer.
    return { ok: true, envelope: envelope.data as Envelope<unknown>, known: false };
  }
  const data = EVENT_DATA[type].safeParse(envelope.data.data);
  if (!data.success) {
    return {
      ok: false,
      reason: 'invalid-data',
      error: `invalid data for ${type} (event ${envelope.data.id}, subject ${envelope.data.subject}): ${describeIssues(data.error, 'data')}`,
    };
  }
  return { ok: true, envelope: { ...envelope.data, data: data.data }, known: true };
}

/** Decodes a Kafka message value (UTF-8 JSON) into a checked envelope. Never throws. */
export function parseEnvelope(input: Buffer | string | null | undefined): ParseResult {
  if (input === null || input === undefined || input.length === 0) {
    return { ok: false, reason: 'empty', error: 'empty message (no value)' };
  }
  const text = typeof input === 'string' ? input : input.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const preview = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    return {
      ok: false,
      reason: 'not-json',
      error: `not JSON (${err instanceof Error ? err.message : String(err)}): ${JSON.stringify(preview)}`,
    };
  }
  return checkEnvelope(value);
}

/** A new envelope, checked against the contract (throws InvalidEnvelopeError: a producer bug). */
export function newEnvelope<K extends string>(input: NewEnvelopeInput<K>): K extends EventType ? EventEnvelope<K> : Envelope<unknown> {
  const time = input.time ?? new Date();
  const candidate = {
    specversion: '1.0',
    id: input.id ?? randomUUID(),
    type: input.type,
    source: input.source,
    subject: input.subject,
    // toISOString is UTC with a `Z` offset, which the contract's datetime({ offset: true }) accepts.
    time: typeof time === 'string' ? time : time.toISOString(),
    datacontenttype: 'application/json',
    data: input.data,
  };
  const checked = checkEnvelope(candidate);
  if (!checked.ok) throw new InvalidEnvelopeError(checked);
  return checked.envelope as K extends EventType ? EventEnvelope<K> : Envelope<unknown>;
}
