import { useState } from 'react';
import { Button } from 'react-aria-components';
import { type Refusal, resultOf } from '../api/refusal';
import { useSignedIn } from '../app/session';
import { RefusalMessage } from './RefusalMessage';

/**
 * Opens a document the documents service stored (GET /documents/:id/content) in a new tab. A link
 * cannot carry the bearer token, so the PDF is fetched with it and opened from memory. The tab is
 * opened first, while the press still counts as the person's own act (browsers block a window opened
 * later), and shown the PDF once it has come.
 */
export function useOpenDocument(documentId: string): { open(): Promise<void>; opening: boolean; refusal: Refusal | undefined } {
  const { api } = useSignedIn();
  const [refusal, setRefusal] = useState<Refusal>();
  const [opening, setOpening] = useState(false);
  async function open() {
    setRefusal(undefined);
    setOpening(true);
    const tab = window.open('', '_blank');
    const r = await resultOf(api.documents.GET('/documents/{id}/content', { params: { path: { id: documentId } }, parseAs: 'blob' }));
    setOpening(false);
    if (!r.ok) {
      tab?.close();
      setRefusal(r.refusal);
      return;
    }
    const url = URL.createObjectURL(r.data);
    if (tab) tab.location.href = url;
    else window.location.href = url;
    // The tab has loaded it by then; the memory is given back.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { open, opening, refusal };
}

/** The "Open PDF" button, and the API's refusal under it if it says no. */
export function OpenDocumentButton({ documentId, name }: { documentId: string; name: string }) {
  const { open, opening, refusal } = useOpenDocument(documentId);
  return (
    <>
      {/* The name starts with the words shown (WCAG 2.5.3: speech users say what they see). */}
      <Button onPress={open} isPending={opening} aria-label={`Open PDF: ${name}`}>
        Open PDF
      </Button>
      {refusal && <RefusalMessage refusal={refusal} level={3} />}
    </>
  );
}
