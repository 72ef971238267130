import PDFDocument from 'pdfkit';
import { longDate } from './format';
import { type Weight, featuresFor, runsOf, useFont } from './fonts';
import { type Insurer, LOCAL_INSURER, formatAbn } from './letterhead';
import { keepContactsWhole } from './line-breaks';
import { type Block, type Letter, type NoticeTemplate, templateRef } from './template';

// An email address, a phone number or a postcode is never split over two lines (line-breaks.ts).
keepContactsWhole();

export interface RenderOptions {
  /** Deflate the page streams (default true). */
  compress?: boolean;
  /** Who sends the letter (the documents service passes its configured insurer; LOCAL_INSURER otherwise). */
  insurer?: Insurer;
}

const MARGIN = { top: 56, bottom: 72, left: 64, right: 64 };
const INK = '#1a1a1a';
const MUTED = '#555555';
const BODY = 10.5;
const LINE_GAP = 2;
/** A paragraph this many lines or shorter is never split across pages; a longer one keeps 2 lines together at the foot. */
const WHOLE_PARAGRAPH_LINES = 4;
/** The sign-off moves to the next page with the block before it when both together take at most this much of a page. */
const SIGN_OFF_WITH_BLOCK = 0.45;

/**
 * Lays out any Letter as an A4 PDF from the insurer that sends it.
 *
 * - **Every name printed right**: text is drawn in the embedded Noto faces (fonts.ts), switching face
 *   within a line for a name in another script, so the PDF's text is the text asked for.
 * - **Blocks keep together**: a label/value row, a bullet and a short paragraph are never split
 *   across pages; a heading is never the last line of a page (it moves with the start of what it
 *   heads); the sign-off moves with the block before it when both fit in 45% of a page. Each block is measured before it is
 *   drawn (on a scratch document with the same fonts), and a page is started when it would not fit.
 * - **Tagged for screen readers** (PDF/UA): headings, paragraphs, lists and label/value tables are
 *   structure elements in reading order, the page footers are artifacts, the language is en-AU.
 * - **Deterministic**: the PDF's dates are the letter's issue date, its file id is derived from the
 *   metadata and the font subsets' tags from their order, so equal input gives equal bytes.
 */
export function renderLetter(template: Pick<NoticeTemplate, 'name' | 'version'>, letter: Letter, options: RenderOptions = {}): Promise<Buffer> {
  const insurer = options.insurer ?? LOCAL_INSURER;
  const issued = new Date(`${letter.issuedOn}T00:00:00.000Z`);
  if (Number.isNaN(issued.getTime())) return Promise.reject(new RangeError(`issuedOn is not a date: ${letter.issuedOn}`));
  let doc: PDFKit.PDFDocument;
  try {
    doc = new PDFDocument({
      size: 'A4',
      // No default font: every glyph is drawn in an embedded face (PDF/UA), none in Helvetica.
      font: null,
      margins: MARGIN,
      compress: options.compress ?? true,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      tagged: true,
      subset: 'PDF/UA',
      lang: 'en-AU',
      displayTitle: true,
      info: {
        Title: letter.title,
        Subject: letter.subject,
        Author: insurer.legalName,
        Keywords: templateRef(template),
        Creator: 'wc-claims documents service',
        Producer: 'wc-claims documents service (PDFKit)',
        CreationDate: issued,
        ModDate: issued,
      },
    } as unknown as PDFKit.PDFDocumentOptions);
  } catch (e) {
    return Promise.reject(e);
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    new Layout(doc, insurer).letter(letter);
    footers(doc, letter, template);
    doc.end();
  } catch (e) {
    doc.destroy();
    return Promise.reject(e);
  }
  return done;
}

interface Style {
  size: number;
  weight?: Weight;
  color?: string;
  align?: 'left' | 'right' | 'center';
  lineGap?: number;
  paragraphGap?: number;
}

/**
 * Draws text in runs of one face each (fonts.ts), continued on one line, wrapped by pdfkit at
 * `width`. Returns nothing: doc.y is below the text afterwards, as pdfkit leaves it.
 */
function draw(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, s: Style): void {
  // Each line on its own: pdfkit drops a line break that ends a run continued in another face.
  const lines = text.split('\n');
  if (lines.length > 1) {
    lines.forEach((line, i) => draw(doc, line, x, i === 0 ? y : doc.y, width, i === lines.length - 1 ? s : { ...s, paragraphGap: 0 }));
    return;
  }
  const runs = runsOf(text);
  if (runs.length === 0) return;
  doc.fillColor(s.color ?? INK).fontSize(s.size);
  runs.forEach((r, i) => {
    useFont(doc, r.face, s.weight ?? 'regular');
    const o = {
      width,
      align: s.align ?? 'left',
      lineGap: s.lineGap ?? LINE_GAP,
      paragraphGap: s.paragraphGap ?? 0,
      continued: i < runs.length - 1,
      features: featuresFor(r.face),
    } as PDFKit.Mixins.TextOptions;
    if (i === 0) doc.text(r.text, x, y, o);
    else doc.text(r.text, o);
  });
}

class Layout {
  private readonly left = MARGIN.left;
  private readonly width: number;
  /** Where heights are measured: the same fonts and widths, on a page too tall to break. */
  private scratch?: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly insurer: Insurer,
  ) {
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
    // moveDown counts lines of the body text.
    useFont(doc, 'latin', 'regular');
    doc.fontSize(BODY);
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  private get bottom() {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** The height `paint` takes when drawn from the top of a page. */
  private measure(paint: (doc: PDFKit.PDFDocument, y: number) => void): number {
    if (!this.scratch) {
      this.scratch = new PDFDocument({ size: [this.doc.page.width, 100_000], margins: { ...MARGIN, top: 0, bottom: 0 }, compress: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
      useFont(this.scratch, 'latin', 'regular');
    }
    paint(this.scratch, 0);
    const h = this.scratch.y;
    return h;
  }

  /** Starts a new page unless `height` fits below the current position (or the page is still empty). */
  /** Starts a new page unless `height` fits below the current position (or the page is still empty); true when it did. */
  private keep(height: number): boolean {
    if (this.doc.y + height > this.bottom && this.doc.y > MARGIN.top + 1) {
      this.doc.addPage();
      return true;
    }
    return false;
  }

  /** The heading the current block is under, for a table that runs on to another page. */
  private heading = '';

  /** A structure element of the given type holding what `paint` draws. */
  private tag(type: string, paint: () => void, parent: PDFKit.PDFStructureElement = this.root): void {
    const el = this.doc.struct(type);
    parent.add(el);
    el.add(paint);
    el.end();
  }

  letter(l: Letter): void {
    this.letterhead();
    const { doc, left, width } = this;
    this.tag('P', () => draw(doc, longDate(l.issuedOn), left, doc.y, width, { size: BODY, align: 'right' }));
    doc.moveDown(0.5);
    this.tag('P', () => draw(doc, l.recipient.join('\n'), left, doc.y, width, { size: BODY }));
    doc.moveDown(1.2);
    this.tag('P', () => draw(doc, l.salutation, left, doc.y, width, { size: BODY }));
    doc.moveDown(0.8);

    const signOff = this.measure((d, y) => this.paintClosing(d, l.closing, y));
    /**
     * What must fit below the current position for block i to start here: its own least part; for
     * the last block, all of it with the sign-off (when both fit in SIGN_OFF_WITH_BLOCK of a page, so
     * the sign-off does not stand alone); for a heading, also what the block it heads needs, so a
     * heading never stays behind when its block moves on.
     */
    const need = (i: number): number => {
      const block = l.body[i];
      if (i === l.body.length - 1) {
        const whole = this.measure((d, y) => this.paint(d, block, y));
        if (whole + signOff <= (this.bottom - MARGIN.top) * SIGN_OFF_WITH_BLOCK) return whole + signOff;
      }
      const own = this.keepHeight(block);
      return block.kind === 'heading' && i + 1 < l.body.length ? own + need(i + 1) : own;
    };
    l.body.forEach((block, i) => this.block(block, need(i)));
    this.keep(signOff);
    this.tag('P', () => this.paintClosing(doc, l.closing, doc.y));
  }

  private letterhead(): void {
    const { doc, left, width, insurer } = this;
    this.tag('P', () => draw(doc, insurer.name, left, MARGIN.top, width, { size: 16, weight: 'bold' }));
    doc.y += 2;
    this.tag('P', () => draw(doc, `${insurer.legalName}  ·  ABN ${formatAbn(insurer.abn)}`, left, doc.y, width, { size: 8.5, color: MUTED }));
    this.tag('P', () => draw(doc, `${insurer.address}  ·  ${insurer.phone}  ·  ${insurer.email}  ·  ${insurer.web}`, left, doc.y, width, { size: 8.5, color: MUTED }));
    doc.moveDown(0.4);
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .strokeColor('#999999')
      .lineWidth(0.75)
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .stroke();
    doc.endMarkedContent();
    doc.moveDown(1.2);
  }

  private paintClosing(d: PDFKit.PDFDocument, closing: string[], y: number): void {
    d.y = y;
    d.moveDown(0.6);
    draw(d, [...closing, this.insurer.legalName].join('\n'), this.left, d.y, this.width, { size: BODY });
  }

  /** The least of a block that must be on the page where it starts. */
  private keepHeight(b: Block): number {
    switch (b.kind) {
      case 'heading':
        return this.measure((d, y) => this.paint(d, b, y));
      case 'paragraph': {
        const whole = this.measure((d, y) => this.paint(d, b, y));
        const line = this.measure((d, y) => draw(d, 'X', this.left, y, this.width, { size: BODY }));
        return whole <= line * WHOLE_PARAGRAPH_LINES + 8 ? whole : line * 2;
      }
      case 'bullets':
        return b.items.length ? this.measure((d, y) => this.bullet(d, b.items[0], y)) : 0;
      case 'facts':
        return b.rows.length ? this.measure((d, y) => this.row(d, b.rows[0], y, this.labelWidth(b.rows))) : 0;
    }
  }

  /** Draws one block on the letter: a page break first when `need` does not fit, then each item whole. */
  private block(b: Block, need: number): void {
    const { doc } = this;
    this.keep(need);
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        if (b.kind === 'heading') this.heading = b.text;
        this.tag(b.kind === 'heading' ? 'H2' : 'P', () => this.paint(doc, b, doc.y));
        break;
      case 'bullets': {
        const list = doc.struct('L');
        this.root.add(list);
        for (const item of b.items) {
          this.keep(this.measure((d, y) => this.bullet(d, item, y)));
          const li = doc.struct('LI');
          list.add(li);
          const y = doc.y;
          // The bullet is a drawn dot, not text: the list structure tells a screen reader it is an item.
          doc.markContent('Artifact', { type: 'Layout' });
          doc.circle(this.left + 6, y + BODY * 0.72, 1.8).fill(INK);
          doc.endMarkedContent();
          this.tag('LBody', () => this.bullet(doc, item, y), li);
          li.end();
        }
        list.end();
        doc.moveDown(0.6);
        break;
      }
      case 'facts': {
        const table = doc.struct('Table');
        this.root.add(table);
        const labelWidth = this.labelWidth(b.rows);
        b.rows.forEach((row, r) => {
          if (this.keep(this.measure((d, y) => this.row(d, row, y, labelWidth))) && r > 0 && this.heading) {
            // A table that runs on says so at the top of the next page (a layout mark, not content).
            doc.markContent('Artifact', { type: 'Pagination' });
            draw(doc, `${this.heading} (continued)`, this.left, doc.y, this.width, { size: 9, color: MUTED, paragraphGap: 4 });
            doc.endMarkedContent();
          }
          const tr = doc.struct('TR');
          table.add(tr);
          this.row(doc, row, doc.y, labelWidth, (type, paint) => this.tag(type, paint, tr));
          tr.end();
        });
        table.end();
        doc.x = this.left;
        doc.moveDown(0.8);
        break;
      }
    }
  }

  /** Headings and paragraphs, on the letter or the scratch page. */
  private paint(d: PDFKit.PDFDocument, b: Block, y: number): void {
    switch (b.kind) {
      case 'heading':
        draw(d, b.text, this.left, y + 5, this.width, { size: 12, weight: 'bold', paragraphGap: 5 });
        break;
      case 'paragraph':
        draw(d, b.text, this.left, y, this.width, { size: BODY, paragraphGap: 8 });
        break;
      case 'bullets':
        b.items.forEach((item, i) => this.bullet(d, item, i === 0 ? y : d.y));
        break;
      case 'facts':
        b.rows.forEach((row, i) => this.row(d, row, i === 0 ? y : d.y, this.labelWidth(b.rows)));
        break;
    }
  }

  /** A bullet item's text (the dot is drawn by the caller on the letter). */
  private bullet(d: PDFKit.PDFDocument, item: string, y: number): void {
    draw(d, item, this.left + 18, y, this.width - 18, { size: BODY, paragraphGap: 5 });
  }

  /**
   * The label column of a table: 140 pt, widened to its longest label (at most 70% of the line, and
   * never so far that a value would wrap), so long labels beside amounts take one line, not three.
   */
  private labelWidth(rows: Array<[string, string]>): number {
    const doc = this.doc;
    useFont(doc, 'latin', 'regular');
    doc.fontSize(10);
    const widestValue = Math.max(...rows.map(([, v]) => doc.widthOfString(v)));
    useFont(doc, 'latin', 'bold');
    const widestLabel = Math.max(...rows.map(([l]) => doc.widthOfString(l)));
    useFont(doc, 'latin', 'regular');
    return Math.round(Math.max(LABEL_WIDTH, Math.min(widestLabel + 16, this.width * 0.7, this.width - widestValue - 24)));
  }

  /**
   * A label/value row, measured on the scratch page or drawn on the letter, where `cell` tags the
   * label as a TH and the value as a TD (the same drawing either way, so the measure is exact).
   */
  private row(d: PDFKit.PDFDocument, [label, value]: [string, string], y: number, labelWidth: number, cell: (type: 'TH' | 'TD', paint: () => void) => void = (_, paint) => paint()): void {
    let afterLabel = y;
    cell('TH', () => {
      draw(d, label, this.left, y, labelWidth - 8, { size: 10, weight: 'bold' });
      afterLabel = d.y;
    });
    cell('TD', () => draw(d, value, this.left + labelWidth, y, this.width - labelWidth, { size: 10 }));
    d.y = Math.max(afterLabel, d.y) + 2;
  }
}

const LABEL_WIDTH = 140;

/** "Claim number WC… | page n of N | template" at the foot of every page: pagination artifacts, not content. */
function footers(doc: PDFKit.PDFDocument, letter: Letter, template: Pick<NoticeTemplate, 'name' | 'version'>) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc.markContent('Artifact', { type: 'Pagination' });
    draw(doc, `${letter.reference}  |  page ${i - start + 1} of ${count}  |  ${templateRef(template)}`, MARGIN.left, doc.page.height - 44, width, { size: 8, color: MUTED, align: 'center' });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
