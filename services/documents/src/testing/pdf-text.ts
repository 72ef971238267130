import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF as a reader extracts it: poppler's `pdftotext` (Debian's poppler-utils, which
 * `tools/scripts/system-packages.js` installs when it is missing), so tests read the letters with an
 * independent PDF reader rather than with the code that wrote them. Pages are joined with a line
 * break; the embedded fonts' ToUnicode maps are what make a name in any script come back as typed.
 */
export function pdfText(pdf: Buffer, options: { page?: number } = {}): string {
  const page = options.page ? ['-f', String(options.page), '-l', String(options.page)] : [];
  // -raw: in the order the text was drawn (a label before its value, each line of a wrapped label together).
  return execFileSync('pdftotext', ['-raw', ...page, '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 })
    .toString('utf8')
    .replace(/\f/g, '\n')
    .replace(/\n+$/, '');
}

/** The number of pages of a PDF, as poppler's `pdfinfo` reads it. */
export function pdfPages(pdf: Buffer): number {
  const info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8');
  const m = /^Pages:\s+(\d+)/m.exec(info);
  if (!m) throw new Error(`pdfinfo gave no page count:\n${info}`);
  return Number(m[1]);
}
