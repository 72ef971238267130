import { inflateSync } from 'node:zlib';

/**
 * The text shown by a PDF made with pdfkit's standard fonts, good enough for tests: each content
 * stream (inflated when compressed), each TJ/Tj operand decoded from hex/literal WinAnsi strings,
 * one line per text-showing operator. Not a general PDF parser.
 */
export function pdfText(pdf: Buffer): string {
  const lines: string[] = [];
  const raw = pdf.toString('latin1');
  const streamRe = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamRe.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let body = pdf.subarray(start, end);
    const dict = raw.slice(Math.max(0, raw.lastIndexOf('<<', m.index)), m.index);
    if (dict.includes('/FlateDecode')) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    const content = body.toString('latin1');
    for (const op of content.matchAll(/\[(.*?)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/gs)) {
      const operands = op[1] ?? op[2];
      let line = '';
      for (const s of operands.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)) {
        line += s[1] !== undefined ? Buffer.from(s[1], 'hex').toString('latin1') : s[2].replace(/\\(.)/g, '$1');
      }
      lines.push(line);
    }
    streamRe.lastIndex = end;
  }
  return lines.join('\n');
}
