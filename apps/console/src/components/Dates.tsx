import { daysBetween, formatDate, formatDateTime } from '../format/format';

/** A calendar day from the API (a Sydney day), machine-readable too. */
export function Day({ value }: { value: string }) {
  return <time dateTime={value}>{formatDate(value)}</time>;
}

/** An instant, on Sydney's clock. */
export function Instant({ value }: { value: string }) {
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}

/** How far a due date is from today (Sydney's): "3 days overdue", "due today", "in 2 days". */
export function dueIn(dueOn: string, today: string): string {
  const days = daysBetween(today, dueOn);
  if (days === 0) return 'due today';
  if (days < 0) return `${-days} ${-days === 1 ? 'day' : 'days'} overdue`;
  return `in ${days} ${days === 1 ? 'day' : 'days'}`;
}
