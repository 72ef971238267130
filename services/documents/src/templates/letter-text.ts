import type { Block, Letter } from './template';

const words = (b: Block): string => (b.kind === 'bullets' ? b.items.join(' ') : b.kind === 'facts' ? b.rows.map(([k, v]) => `${k} ${v}`).join(' ') : b.text);

/**
 * A letter's words in reading order on one line (recipient, salutation, body, sign-off): what the
 * tests read, so what a notice says is checked apart from how render.ts lays it out.
 */
export function letterText(l: Letter): string {
  return [...l.recipient, l.salutation, ...l.body.map(words), ...l.closing].join(' ').replace(/\s+/g, ' ').trim();
}
