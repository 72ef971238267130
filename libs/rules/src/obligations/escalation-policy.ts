/**
 * When the platform escalates and reminds (docs/rules.md §4 "Escalation"). Configurable per insurer;
 * these defaults are what `simulate` uses.
 */
export interface EscalationPolicy {
  /** Minutes after Sydney midnight of the daily sweep that escalates due obligations to the team leader. */
  sweepMinute: number;
  /** The case manager is reminded this many business days before `dueOn`. */
  reminderBusinessDaysBefore: number;
  /** Minutes after Sydney midnight of the reminder. */
  reminderMinute: number;
}

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  sweepMinute: 9 * 60,
  reminderBusinessDaysBefore: 1,
  reminderMinute: 9 * 60,
};

export function validatePolicy(p: EscalationPolicy): EscalationPolicy {
  for (const k of ['sweepMinute', 'reminderMinute'] as const) {
    if (!Number.isInteger(p[k]) || p[k] < 0 || p[k] >= 1440) throw new RangeError(`${k} must be a whole number of minutes from 0 to 1439`);
  }
  if (!Number.isInteger(p.reminderBusinessDaysBefore) || p.reminderBusinessDaysBefore < 1) throw new RangeError('reminderBusinessDaysBefore must be a whole number ≥ 1');
  return p;
}
