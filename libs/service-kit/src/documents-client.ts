import { mintServiceToken } from './auth';
import { SERVICE_GRANTS, type ServiceName, type ServiceScope, servicePrivateKey } from './service-credentials';

export interface DocumentRequest {
  claimId: string;
  /** A kind the documents service has a template for (it answers 400 for any other). */
  kind: string;
  data: unknown;
  /** The worker's language, for the interpreter-services paragraph (program 4.3). */
  languageAssistance?: { language: string };
}

/** What the documents service answers (the fields this service uses). */
export interface StoredDocument {
  id: string;
  claimId: string;
  kind: string;
  contentHash: string;
}

/**
 * The documents service refused a letter's date (400 on `data.issuedOn`): it holds a letter to the
 * day it is written, so a letter composed before midnight and sent after is refused. Not a content
 * problem for a person: compose it again with today's date.
 */
export const refusedForDate = (e: unknown): boolean => e instanceof DocumentsServiceError && e.status === 400 && e.message.includes('"field":"data.issuedOn"');

/** The documents service answered with an error (or not at all): the caller's message is retried. */
export class DocumentsServiceError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** A 400's problems as it named them (`data.reasons`: is required), for a person to mend. */
    readonly problems: ReadonlyArray<{ field: string; problem: string }> = [],
  ) {
    super(message);
    this.name = 'DocumentsServiceError';
  }
}

/** The `problems` of an error body (the platform's 400s: `{ field, problem }` each), or none. */
function problemsIn(text: string): Array<{ field: string; problem: string }> {
  try {
    const body = JSON.parse(text) as { problems?: unknown };
    if (!Array.isArray(body.problems)) return [];
    return body.problems.filter((p): p is { field: string; problem: string } => typeof p?.field === 'string' && typeof p?.problem === 'string').map(({ field, problem }) => ({ field, problem }));
  } catch {
    return [];
  }
}

const TOKEN_TTL_SECONDS = 15 * 60;
const REFRESH_BEFORE_MS = 2 * 60 * 1000;
const TIMEOUT_MS = 10_000;

/**
 * Calls the documents service (the one place notices and letters are rendered and stored) with the
 * caller's own service credential (the documents scopes SERVICE_GRANTS gives it, signed with its own
 * private key), minted once and renewed before it expires. Each service that asks for documents
 * (notifications for notices, payments for remittance advices) wraps this with its own
 * configuration and name.
 */
export class DocumentsServiceClient {
  private readonly baseUrl: string;
  private token?: { value: Promise<string>; expiresAt: number };

  constructor(
    baseUrl: string,
    private readonly serviceName: ServiceName,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Renders and stores a document; the same key always gives the same document (safe to retry). */
  async createDocument(request: DocumentRequest, idempotencyKey: string): Promise<StoredDocument> {
    const token = await this.bearer();
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey, authorization: `Bearer ${token}` },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw new DocumentsServiceError(`documents service not reachable at ${this.baseUrl}: ${(e as Error).message}`);
    }
    const text = await res.text();
    if (!res.ok) {
      // A rejected token (e.g. the key was rotated) is not reused for the retry.
      if (res.status === 401) this.token = undefined;
      throw new DocumentsServiceError(`documents service answered ${res.status} to POST /documents: ${text.slice(0, 500)}`, res.status, problemsIn(text));
    }
    let body: StoredDocument | undefined;
    try {
      body = JSON.parse(text) as StoredDocument;
    } catch {
      body = undefined;
    }
    if (typeof body?.id !== 'string') throw new DocumentsServiceError(`documents service answered ${res.status} without a document id`, res.status);
    return body;
  }

  /** A stored document's PDF (the documents service records this read, as every read of health information). */
  async content(documentId: string): Promise<Buffer> {
    const token = await this.bearer();
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/documents/${documentId}/content`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      throw new DocumentsServiceError(`documents service not reachable at ${this.baseUrl}: ${(e as Error).message}`);
    }
    if (!res.ok) {
      if (res.status === 401) this.token = undefined;
      throw new DocumentsServiceError(`documents service answered ${res.status} to GET /documents/${documentId}/content: ${(await res.text()).slice(0, 500)}`, res.status);
    }
    return Buffer.from(await res.arrayBuffer());
  }

  /**
   * For the health check: the documents service answers its health endpoint. Its own state (200 or
   * 503) is its own check's business: a failing Kafka there must not make this service unhealthy.
   */
  async ping(): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/health`, { signal: AbortSignal.timeout(3000) });
    } catch (e) {
      throw new Error(`${this.baseUrl} not reachable: ${(e as Error).message}`);
    }
    await res.body?.cancel();
    if (res.status !== 200 && res.status !== 503) throw new Error(`${this.baseUrl}/health answered ${res.status}`);
  }

  protected async mint(): Promise<string> {
    const scopes = (SERVICE_GRANTS[this.serviceName] as readonly ServiceScope[]).filter((s) => s.startsWith('documents:'));
    return mintServiceToken(this.serviceName, scopes, servicePrivateKey(this.serviceName), TOKEN_TTL_SECONDS);
  }

  /** The clock the token cache uses (replaced in tests). */
  protected now(): number {
    return Date.now();
  }

  private bearer(): Promise<string> {
    const now = this.now();
    if (!this.token || this.token.expiresAt - REFRESH_BEFORE_MS <= now) {
      const value = this.mint();
      this.token = { value, expiresAt: now + TOKEN_TTL_SECONDS * 1000 };
      value.catch(() => (this.token = undefined));
    }
    return this.token.value;
  }
}
