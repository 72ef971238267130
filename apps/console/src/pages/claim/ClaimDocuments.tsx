import { useState } from 'react';
import { Button } from 'react-aria-components';
import { type Refusal, resultOf } from '../../api/refusal';
import type { ClaimDocument } from '../../api/types';
import { useSignedIn } from '../../app/session';
import { Instant } from '../../components/Dates';
import { Section } from '../../components/Page';
import { RefusalMessage } from '../../components/RefusalMessage';
import { words } from '../../components/labels';

/** The claim's letters and notices, each opened as the PDF the documents service stored. */
export function ClaimDocuments({ documents }: { documents: ClaimDocument[] }) {
  return (
    <Section id="documents" title="Documents">
      {documents.length === 0 ? (
        <p className="empty">No documents yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Version</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span className="visually-hidden">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <DocumentRow key={d.id} document={d} />
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function DocumentRow({ document: d }: { document: ClaimDocument }) {
  const { api } = useSignedIn();
  const [refusal, setRefusal] = useState<Refusal>();
  const [opening, setOpening] = useState(false);
  const name = words(d.kind);

  // A link cannot carry the bearer token, so the PDF is fetched with it and opened from memory.
  // The tab is opened first, while the press still counts as the person's own act (browsers block
  // a window opened later), and shown the PDF once it has come.
  async function open() {
    setRefusal(undefined);
    setOpening(true);
    const tab = window.open('', '_blank');
    const r = await resultOf(api.documents.GET('/documents/{id}/content', { params: { path: { id: d.id } }, parseAs: 'blob' }));
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

  return (
    <tr>
      <th scope="row">
        {name}
        <div className="muted small">
          template {d.template} v{d.templateVersion}
        </div>
        {refusal && <RefusalMessage refusal={refusal} level={3} />}
      </th>
      <td>{d.version}</td>
      <td>
        <Instant value={d.createdAt} />
      </td>
      <td>
        {/* The name starts with the words shown (WCAG 2.5.3: speech users say what they see). */}
        <Button onPress={open} isPending={opening} aria-label={`Open PDF: ${name}`}>
          Open PDF
        </Button>
      </td>
    </tr>
  );
}
