/**
 * What the notifications service runs on Temporal (issue 15): the team leaders' daily digest, started
 * by a Temporal Schedule, so one digest goes to each team leader a day however many replicas run.
 * Shared by the workflow code (bundled, deterministic) and the service: names and types only.
 */
export interface DigestActivities {
  /** The day (Sydney) the digest is for, and the team leaders with escalations not yet in a digest. */
  digestsDue(): Promise<{ day: string; teamLeaders: string[] }>;
  /** The team leader's digest of the day, unless it was sent already (a retry, a second trigger). */
  sendDailyDigest(teamLeader: string, day: string): Promise<{ sent: boolean; alerts: number; reason?: string }>;
}

export const DIGEST_WORKFLOW_TYPE = 'teamLeaderDigestWorkflow';
