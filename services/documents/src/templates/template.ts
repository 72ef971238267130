import type { z } from 'zod';
import type { Insurer } from './letterhead';

/**
 * How every notice is built: a template turns its checked data into a Letter (plain content, no
 * layout), and render.ts lays any Letter out the same way. A new notice type (docs/rules.md §5) is a new
 * template file listed in index.ts; a change of wording is a new version of its template, so a
 * stored document can always say exactly which text it was made from.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  /** Label/value rows, e.g. claim number, date of injury. */
  | { kind: 'facts'; rows: Array<[label: string, value: string]> };

export interface Letter {
  /** The PDF's title (what a viewer shows) and its subject line. */
  title: string;
  subject: string;
  /** The date printed on the letter, YYYY-MM-DD; also the PDF's creation date, so equal data give equal bytes. */
  issuedOn: string;
  /** Who it is addressed to (lines above the body). */
  recipient: string[];
  /** Printed at the foot of each page (e.g. the claim number). */
  reference: string;
  salutation: string;
  body: Block[];
  closing: string[];
}

export interface NoticeTemplate<K extends string = string, D = unknown> {
  /** The document kind the API accepts (`kind` in POST /documents). */
  kind: K;
  /** Stored with each document, with the version. */
  name: string;
  /** An integer; bump it for any change to the text or layout of this notice. */
  version: number;
  /** The data this notice needs: checked before rendering (400 naming each bad field). */
  data: z.ZodType<D, unknown>;
  /** The letter for this data, from this insurer (its name and reply address may be in the text). */
  compose(data: D, insurer: Insurer): Letter;
}

/** Identifies the template (and version) a document was made from. */
export const templateRef = (t: Pick<NoticeTemplate, 'name' | 'version'>) => `${t.name}@v${t.version}`;
