/** Injury natures a notification may carry (docs/simulate.md). */
export const INJURY_NATURES = ['head', 'psychological', 'fracture', 'hernia', 'amputation', 'disease', 'sprain-strain', 'laceration', 'burn', 'other'] as const;
export type InjuryNature = (typeof INJURY_NATURES)[number];

export const CLASSIFICATIONS = ['significant', 'possibly-significant', 'non-significant'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export type Segment = 'specialised' | 'support' | 'guide' | 'empower';

export interface TriageInput {
  nature: InjuryNature;
  likelySurgery: boolean;
  /** null when not known. */
  expectedIncapacityDays: number | null;
  redFlags: string[];
  yellowFlags: string[];
}

export interface TriageResult {
  classification: Classification;
  segment: Segment;
  /** Why, in words staff can read; the first is the deciding one. */
  reasons: { classification: string; segment: string };
}

const SIGNIFICANT_NATURES: readonly InjuryNature[] = ['head', 'psychological', 'fracture', 'hernia', 'amputation', 'disease'];
const SPECIALISED_NATURES: readonly InjuryNature[] = ['psychological', 'head', 'amputation'];
/** WIMWCA s42: a significant injury is one likely to incapacitate for more than 7 days. */
const SIGNIFICANT_AFTER_DAYS = 7;

/** Classification: program 3.3.3 and WIMWCA s42; first match wins (docs/rules.md §2). */
export function classify(input: TriageInput): { classification: Classification; reason: string } {
  if (SIGNIFICANT_NATURES.includes(input.nature)) return { classification: 'significant', reason: `nature "${input.nature}" is always treated as significant (program 3.3.3)` };
  if (input.likelySurgery) return { classification: 'significant', reason: 'surgery is likely (program 3.3.3)' };
  if (input.expectedIncapacityDays !== null && input.expectedIncapacityDays > SIGNIFICANT_AFTER_DAYS) {
    return { classification: 'significant', reason: `expected incapacity of ${input.expectedIncapacityDays} days is more than ${SIGNIFICANT_AFTER_DAYS} (WIMWCA s42)` };
  }
  if (input.expectedIncapacityDays !== null) {
    return { classification: 'non-significant', reason: `expected incapacity of ${input.expectedIncapacityDays} days is ${SIGNIFICANT_AFTER_DAYS} or fewer (WIMWCA s42)` };
  }
  return { classification: 'possibly-significant', reason: 'expected incapacity is not yet known (program 3.3.3)' };
}

/** Segment for the injury management model: program 3.3.3; first match wins (docs/rules.md §2). */
export function segmentFor(input: TriageInput, classification: Classification): { segment: Segment; reason: string } {
  if (SPECIALISED_NATURES.includes(input.nature)) return { segment: 'specialised', reason: `nature "${input.nature}" needs specialised management` };
  if (input.redFlags.length > 0) return { segment: 'specialised', reason: `red flags: ${input.redFlags.join(', ')}` };
  if (classification === 'significant') return { segment: 'support', reason: 'significant injury' };
  if (classification === 'possibly-significant') return { segment: 'guide', reason: 'possibly significant injury' };
  if (input.yellowFlags.length > 0) return { segment: 'guide', reason: `yellow flags: ${input.yellowFlags.join(', ')}` };
  return { segment: 'empower', reason: 'non-significant injury without flags' };
}

export function triage(input: TriageInput): TriageResult {
  const c = classify(input);
  const s = segmentFor(input, c.classification);
  return { classification: c.classification, segment: s.segment, reasons: { classification: c.reason, segment: s.reason } };
}

/** A reclassification by a case manager keeps the injury facts; only the segment follows the new class. */
export function reclassify(input: TriageInput, to: Classification): TriageResult {
  const s = segmentFor(input, to);
  return { classification: to, segment: s.segment, reasons: { classification: 'reclassified by a case manager (triage.reclassified)', segment: s.reason } };
}
