import { type ReactNode, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Refusal, Result } from '../api/refusal';
import { ActionDialog } from './ActionDialog';
import { RefusalMessage } from './RefusalMessage';

/**
 * An action with nothing to fill in (end a cover, take a reviewer off, mark a letter posted): the
 * dialog says what it does, sends it once, and shows the API's refusal in its words.
 */
export function ConfirmDialog({
  label,
  name,
  title,
  children,
  confirmLabel,
  pendingLabel,
  send,
  done,
}: {
  label: string;
  name: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  send(): Promise<Result<unknown>>;
  done(answer: unknown): void;
}) {
  return (
    <ActionDialog label={label} name={name} title={title}>
      {(close) => <Confirm confirmLabel={confirmLabel} pendingLabel={pendingLabel} send={send} done={done} close={close} body={children} />}
    </ActionDialog>
  );
}

function Confirm({
  body,
  confirmLabel,
  pendingLabel,
  send,
  done,
  close,
}: {
  body: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  send(): Promise<Result<unknown>>;
  done(answer: unknown): void;
  close(): void;
}) {
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  return (
    <div className="dialog-form">
      {body}
      {refusal && <RefusalMessage refusal={refusal} level={3} />}
      <div className="dialog-buttons">
        <Button
          className="react-aria-Button primary"
          isDisabled={pending}
          onPress={async () => {
            setPending(true);
            setRefusal(undefined);
            const r = await send();
            setPending(false);
            if (!r.ok) return setRefusal(r.refusal);
            close();
            done(r.data);
          }}
        >
          {confirmLabel}
        </Button>
        <Button onPress={close}>Cancel</Button>
      </div>
      {pending && (
        <p role="status" className="muted">
          {pendingLabel}
        </p>
      )}
    </div>
  );
}
