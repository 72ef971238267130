import type { ReactNode } from 'react';
import type { FieldProblem, Refusal } from '../api/refusal';

const HEADINGS: Record<number, string> = {
  0: 'The service could not be reached',
  400: 'The request was refused',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  422: 'Refused',
};

/** The API's refusal in its own words: the reason, and each field's problem; `children` says more (where the rest are shown). */
export function RefusalMessage({ refusal, level = 2, children }: { refusal: Refusal; level?: 2 | 3; children?: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div role="alert" className="refusal">
      <Heading>{HEADINGS[refusal.status] ?? (refusal.status >= 500 ? 'The service failed' : `Refused (${refusal.status})`)}</Heading>
      <p className="refusal-reason">{refusal.message}</p>
      <ProblemList problems={refusal.problems} />
      {children}
    </div>
  );
}

/** Each field's problem, as the API (or its schema, in the browser) words it; nothing when there is none. */
export function ProblemList({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="refusal-problems">
      {problems.map((p) => (
        <li key={`${p.field}:${p.problem}`}>
          <code>{p.field}</code>: {p.problem}
        </li>
      ))}
    </ul>
  );
}
