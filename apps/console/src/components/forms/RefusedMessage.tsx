import type { FieldProblem, Refusal } from '../../api/refusal';
import { ProblemList, RefusalMessage } from '../RefusalMessage';

/**
 * What a schema-made form shows after a submit that changed nothing: the API's refusal, or the
 * problems its schema found before anything was sent. Problems at a field of the form are shown
 * there (`atFields` of them); the rest are listed here.
 */
export type Refused = { refusal: Refusal; elsewhere: FieldProblem[]; atFields: number } | { local: FieldProblem[]; atFields: number };

/** The refusal above the form's fields; `notSent` says which API would have refused what was not sent. */
export function RefusedMessage({ refused, notSent }: { refused: Refused; notSent: string }) {
  const atFields = refused.atFields > 0 && <p>{refused.atFields === 1 ? 'The field marked says what to change.' : 'The fields marked say what to change.'}</p>;
  if ('refusal' in refused)
    return (
      <RefusalMessage refusal={{ ...refused.refusal, problems: refused.elsewhere }} level={3}>
        {atFields}
      </RefusalMessage>
    );
  return (
    <div role="alert" className="refusal">
      <h3>Not sent</h3>
      <p>{notSent}</p>
      <ProblemList problems={refused.local} />
      {atFields}
    </div>
  );
}
