/**
 * An RFC 4180 reader that keeps line numbers, for files people export from payroll systems.
 * Lenient where it costs nothing (LF or CRLF, a leading byte-order mark, blank lines) and strict
 * where a guess could misplace a value (stray quotes are reported, not repaired).
 */

/** One record: `line` is the physical line it starts on (1-based); `error` when it cannot be split. */
export type CsvRecord = { line: number; fields: string[] } | { line: number; error: string };

interface Cursor {
  text: string;
  i: number;
  line: number;
}

const atFieldEnd = (c: Cursor) => c.i >= c.text.length || c.text[c.i] === ',' || c.text[c.i] === '\n';

/** A quoted field; `""` inside it is one quote and newlines are part of the value. */
function quoted(c: Cursor): { value: string; error?: string } {
  let value = '';
  c.i++; // opening quote
  while (c.i < c.text.length) {
    const ch = c.text[c.i];
    if (ch === '"' && c.text[c.i + 1] === '"') {
      value += '"';
      c.i += 2;
    } else if (ch === '"') {
      c.i++;
      if (atFieldEnd(c)) return { value };
      while (!atFieldEnd(c)) c.i++;
      return { value, error: 'text after a closing quote (quote the whole field)' };
    } else {
      if (ch === '\n') c.line++;
      value += ch;
      c.i++;
    }
  }
  return { value, error: 'quoted field is never closed' };
}

function unquoted(c: Cursor): { value: string; error?: string } {
  const start = c.i;
  while (!atFieldEnd(c)) c.i++;
  const value = c.text.slice(start, c.i);
  return value.includes('"') ? { value, error: 'quote inside an unquoted field (quote the whole field and double the quote)' } : { value };
}

/** Every non-blank record of `text`, in order. A blank line is one holding nothing or only spaces and tabs. */
export function readCsv(text: string): CsvRecord[] {
  const c: Cursor = { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), i: 0, line: 1 };
  const records: CsvRecord[] = [];
  while (c.i < c.text.length) {
    const line = c.line;
    const fields: string[] = [];
    let error: string | undefined;
    let anyQuoted = false;
    for (;;) {
      const isQuoted = c.text[c.i] === '"';
      anyQuoted ||= isQuoted;
      const field = isQuoted ? quoted(c) : unquoted(c);
      fields.push(field.value);
      error ??= field.error;
      if (c.text[c.i] !== ',') break;
      c.i++;
    }
    if (c.text[c.i] === '\n') {
      c.i++;
      c.line++;
    }
    const blank = !anyQuoted && fields.length === 1 && /^[ \t]*$/.test(fields[0]);
    if (error !== undefined) records.push({ line, error });
    else if (!blank) records.push({ line, fields });
  }
  return records;
}
