import type { ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

/** A modal dialog opened by a button; its content gets `close`. */
export function ActionDialog({ label, name, title, children }: { label: string; name: string; title: string; children(close: () => void): ReactNode }) {
  return (
    <DialogTrigger>
      {/* The name starts with the words shown (WCAG 2.5.3), then says which row it acts on. */}
      <Button aria-label={name}>{label}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children(close)}
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
