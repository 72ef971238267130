import PDFDocument from 'pdfkit';
import { drawableText, longDate } from './format';
import { SENDER } from './letterhead';
import { type Block, type Letter, type NoticeTemplate, templateRef } from './template';

export interface RenderOptions {
  /** Deflate the page streams (default true). Tests may turn it off to read the text directly. */
  compress?: boolean;
}

const MARGIN = { top: 60, bottom: 72, left: 64, right: 64 };
const INK = '#1a1a1a';
const MUTED = '#555555';

/**
 * Lays out any Letter as an A4 PDF. Deterministic: the PDF's dates are the letter's issue date and
 * its file id is derived from the metadata (pdfkit hashes the info dictionary), the fonts are the
 * standard PDF fonts (nothing embedded, no random subset tags), so equal input gives equal bytes.
 *
 * The standard fonts cover Western European text (WinAnsi); a name in another script needs an
 * embedded Unicode font (not done yet).
 */
export function renderLetter(template: Pick<NoticeTemplate, 'name' | 'version'>, letter: Letter, options: RenderOptions = {}): Promise<Buffer> {
  const issued = new Date(`${letter.issuedOn}T00:00:00.000Z`);
  if (Number.isNaN(issued.getTime())) return Promise.reject(new RangeError(`issuedOn is not a date: ${letter.issuedOn}`));
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    lang: 'en-AU',
    displayTitle: true,
    info: {
      Title: letter.title,
      Subject: letter.subject,
      Author: SENDER.name,
      Keywords: templateRef(template),
      Creator: 'wc-claims documents service',
      Producer: 'wc-claims documents service (PDFKit)',
      CreationDate: issued,
      ModDate: issued,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    const drawn = drawableLetter(letter);
    layout(doc, drawn);
    footers(doc, drawn, template);
    doc.end();
  } catch (e) {
    doc.destroy();
    return Promise.reject(e);
  }
  return done;
}

/** Every string that is drawn, in a form the standard fonts can show (the PDF's metadata keeps Unicode). */
function drawableLetter(l: Letter): Letter {
  const t = drawableText;
  return {
    ...l,
    recipient: l.recipient.map(t),
    reference: t(l.reference),
    salutation: t(l.salutation),
    closing: l.closing.map(t),
    body: l.body.map((b): Block => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return { ...b, text: t(b.text) };
        case 'bullets':
          return { ...b, items: b.items.map(t) };
        case 'facts':
          return { ...b, rows: b.rows.map(([k, v]) => [t(k), t(v)] as [string, string]) };
      }
    }),
  };
}

function layout(doc: PDFKit.PDFDocument, letter: Letter) {
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;

  // Letterhead.
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(16).text(SENDER.name, left, MARGIN.top, { width });
  doc.fillColor(MUTED).font('Helvetica').fontSize(9).text(SENDER.strapline, { width });
  doc.moveDown(0.4);
  doc.strokeColor('#999999').lineWidth(0.75).moveTo(left, doc.y).lineTo(left + width, doc.y).stroke();
  doc.moveDown(1.2);

  // Date and recipient.
  doc.fillColor(INK).font('Helvetica').fontSize(10.5);
  doc.text(longDate(letter.issuedOn), left, doc.y, { width, align: 'right' });
  doc.moveDown(0.5);
  for (const line of letter.recipient) doc.text(line, left, doc.y, { width });
  doc.moveDown(1.2);
  doc.text(letter.salutation, left, doc.y, { width });
  doc.moveDown(0.8);

  for (const block of letter.body) {
    switch (block.kind) {
      case 'heading':
        doc.moveDown(0.4).font('Helvetica-Bold').fontSize(12).text(block.text, left, doc.y, { width });
        doc.moveDown(0.4).font('Helvetica').fontSize(10.5);
        break;
      case 'paragraph':
        doc.font('Helvetica').fontSize(10.5).text(block.text, left, doc.y, { width, lineGap: 2, paragraphGap: 8 });
        break;
      case 'bullets':
        doc.font('Helvetica').fontSize(10.5).list(block.items, left, doc.y, { width, lineGap: 2, paragraphGap: 5, bulletRadius: 2, bulletIndent: 4, textIndent: 14 });
        doc.moveDown(0.6);
        break;
      case 'facts': {
        const labelWidth = 130;
        for (const [label, value] of block.rows) {
          const y = doc.y;
          doc.font('Helvetica-Bold').fontSize(10).text(label, left, y, { width: labelWidth - 8 });
          const afterLabel = doc.y;
          doc.font('Helvetica').fontSize(10).text(value, left + labelWidth, y, { width: width - labelWidth });
          doc.y = Math.max(afterLabel, doc.y) + 2;
        }
        doc.x = left;
        doc.moveDown(0.8);
        break;
      }
    }
  }

  doc.moveDown(0.6).font('Helvetica').fontSize(10.5);
  for (const line of letter.closing) doc.text(line, left, doc.y, { width });
}

/** "Claim number WC… · page n of N" at the foot of every page. */
function footers(doc: PDFKit.PDFDocument, letter: Letter, template: Pick<NoticeTemplate, 'name' | 'version'>) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc
      .fillColor(MUTED)
      .font('Helvetica')
      .fontSize(8)
      .text(`${letter.reference}  |  page ${i - start + 1} of ${count}  |  ${templateRef(template)}`, MARGIN.left, doc.page.height - 44, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
