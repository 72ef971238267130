/**
 * A polite live region, always in the page, so that what is said in it (an action done, a queue
 * waiting for the claim to record it) is announced when it changes.
 */
export function StatusMessage({ message }: { message?: string }) {
  return (
    <p role="status" className={message ? 'status-message' : 'status-message empty-status'}>
      {message}
    </p>
  );
}
