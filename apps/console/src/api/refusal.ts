// What the console shows when the API says no: its own words (a 403's reason, a 400's problems by
// field), never a console-made guess at why.

export interface FieldProblem {
  field: string;
  problem: string;
}

export interface Refusal {
  /** The HTTP status; 0 when no answer came. */
  status: number;
  message: string;
  problems: FieldProblem[];
}

const GENERIC: Record<number, string> = {
  401: 'Your session has ended: sign in again.',
  404: 'Not found.',
  500: 'The service failed; try again, and tell the platform team if it keeps failing.',
  502: 'The service did not answer.',
  503: 'The service is not ready; try again shortly.',
};

/** A refusal from an answer's status and body (the services' error bodies: `message`, and for a 400 `problems`). */
export function refusalOf(status: number, body: unknown): Refusal {
  const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const problems = Array.isArray(b.problems) ? b.problems.filter((p): p is FieldProblem => typeof p === 'object' && p !== null && typeof p.field === 'string' && typeof p.problem === 'string') : [];
  // Nest words a refusal as `message`, a string or (from its own validation) a list of strings.
  const message =
    typeof b.message === 'string' ? b.message : Array.isArray(b.message) ? b.message.join('; ') : typeof body === 'string' && body ? body : (GENERIC[status] ?? `The service answered ${status}.`);
  return { status, message, problems };
}

export const unreachable = (e: unknown): Refusal => ({ status: 0, message: `The console could not reach the service (${e instanceof Error ? e.message : String(e)}).`, problems: [] });

export type Result<T> = { ok: true; data: T } | { ok: false; refusal: Refusal };

/** An openapi-fetch call's answer as a Result: its typed data, or the refusal in the API's words. */
export async function resultOf<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Result<T>> {
  try {
    const { data, error, response } = await call;
    if (response.ok && data !== undefined) return { ok: true, data };
    return { ok: false, refusal: refusalOf(response.status, error) };
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    return { ok: false, refusal: unreachable(e) };
  }
}
