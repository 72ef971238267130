import { BusinessCalendar, LocalDate, addDays } from '../calendar';
import { DueBase, DueRule, OBLIGATIONS, ObligationType } from './catalogue';

/** The dates a due rule may count from; only those its rule names need to be given. */
export type DueContext = { trigger: LocalDate } & Partial<Record<Exclude<DueBase, 'trigger'>, LocalDate>> & {
    /** complaint.extended: the new date replaces the default. */
    extendedTo?: LocalDate;
  };

/** "When is X due and why": the rule, the date it counted from, the calendar, the result. */
export interface DueExplanation {
  type: ObligationType;
  dueOn: LocalDate;
  rule: string;
  /** The date the rule counted from (the later one for a later-of rule). */
  from: LocalDate;
  base: DueBase;
  calendar: string;
  source: string;
}

export function describeRule(rule: DueRule): string {
  switch (rule.kind) {
    case 'business-days-after':
      return `${rule.n} business days after the ${rule.base}`;
    case 'business-days-before':
      return `${rule.n} business days before the ${rule.base}`;
    case 'days-before':
      return `${rule.n} ${rule.n === 1 ? 'day' : 'days'} before the ${rule.base}, not rolled`;
    case 'weeks-before':
      return `${rule.n} weeks before the ${rule.base}, moved back to a business day`;
    case 'days-after':
      return `${rule.n} days after the ${rule.base}, rolled forward to a business day`;
    case 'weeks-after':
      return `${rule.n} weeks after the ${rule.base}, rolled forward to a business day`;
    case 'years-after':
      return `${rule.n} years after the ${rule.base}, rolled forward to a business day`;
    case 'on':
      return `on the ${rule.base}`;
    case 'later-of':
      return `the later of ${rule.rules.map(describeRule).join(' and ')}`;
    case 'extendable':
      return `${describeRule(rule.rule)}, or the date it is extended to`;
  }
}

/** Evaluates a due rule (docs/rules.md §1 counting) for an obligation. */
export function dueDate(type: ObligationType, ctx: DueContext, calendar: BusinessCalendar): DueExplanation {
  const def = OBLIGATIONS[type];
  const { dueOn, from, base } = evaluate(def.due, ctx, calendar, type);
  return { type, dueOn, from, base, rule: describeRule(def.due), calendar: def.calendar, source: def.source };
}

function baseDate(base: DueBase, ctx: DueContext, type: ObligationType): LocalDate {
  const d = base === 'trigger' ? ctx.trigger : ctx[base];
  if (!d) throw new RangeError(`${type}: the due rule counts from the ${base}, which was not given`);
  return d;
}

function evaluate(rule: DueRule, ctx: DueContext, cal: BusinessCalendar, type: ObligationType): { dueOn: LocalDate; from: LocalDate; base: DueBase } {
  switch (rule.kind) {
    case 'later-of': {
      const results = rule.rules.map((r) => evaluate(r, ctx, cal, type));
      return results.reduce((a, b) => (b.dueOn > a.dueOn ? b : a));
    }
    case 'extendable': {
      const inner = evaluate(rule.rule, ctx, cal, type);
      return ctx.extendedTo ? { dueOn: ctx.extendedTo, from: inner.from, base: inner.base } : inner;
    }
  }
  const from = baseDate(rule.base, ctx, type);
  const result = (dueOn: LocalDate) => ({ dueOn, from, base: rule.base });
  switch (rule.kind) {
    case 'business-days-after':
      return result(cal.businessDaysAfter(from, rule.n));
    case 'business-days-before':
      return result(cal.businessDaysBefore(from, rule.n));
    case 'days-before':
      return result(addDays(from, -rule.n));
    case 'weeks-before':
      // The last business day on or before: the notice is then still at least N weeks ahead.
      return result(cal.businessDaysBefore(addDays(from, -7 * rule.n + 1), 1));
    case 'days-after':
      return result(cal.daysAfter(from, rule.n));
    case 'weeks-after':
      return result(cal.weeksAfter(from, rule.n));
    case 'years-after':
      return result(cal.yearsAfter(from, rule.n));
    case 'on':
      return result(from);
  }
}
