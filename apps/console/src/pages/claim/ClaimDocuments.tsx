import type { ClaimDocument } from '../../api/types';
import { Instant } from '../../components/Dates';
import { OpenDocumentButton } from '../../components/OpenDocument';
import { Section } from '../../components/Page';
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
  const name = words(d.kind);
  return (
    <tr>
      <th scope="row">
        {name}
        <div className="muted small">
          template {d.template} v{d.templateVersion}
        </div>
      </th>
      <td>{d.version}</td>
      <td>
        <Instant value={d.createdAt} />
      </td>
      <td>
        <OpenDocumentButton documentId={d.id} name={name} />
      </td>
    </tr>
  );
}
