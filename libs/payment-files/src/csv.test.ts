import fc from 'fast-check';
import { readCsv } from './csv';

describe('readCsv (RFC 4180)', () => {
  it('splits on commas and keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(readCsv('a,"b,c","say ""hi""","x\ny"\nlast,\n')).toEqual([
      { line: 1, fields: ['a', 'b,c', 'say "hi"', 'x\ny'] },
      { line: 3, fields: ['last', ''] },
    ]);
  });

  it('skips blank and whitespace-only lines but keeps counting them', () => {
    expect(readCsv('h\n\n \t\r\nv\n')).toEqual([
      { line: 1, fields: ['h'] },
      { line: 4, fields: ['v'] },
    ]);
  });

  it('treats a quoted empty field as content, not a blank line', () => {
    expect(readCsv('""\n')).toEqual([{ line: 1, fields: [''] }]);
  });

  it('needs no line break after the last record and ignores a byte-order mark', () => {
    expect(readCsv('\uFEFFa,b')).toEqual([{ line: 1, fields: ['a', 'b'] }]);
  });

  it('reports stray and unclosed quotes on the line the record starts', () => {
    expect(readCsv('ok\nab"c,d\n"e"f,g\n"open,\nmore')).toEqual([
      { line: 1, fields: ['ok'] },
      { line: 2, error: expect.stringMatching(/quote inside an unquoted field/) },
      { line: 3, error: expect.stringMatching(/text after a closing quote/) },
      { line: 4, error: expect.stringMatching(/never closed/) },
    ]);
  });

  it('reads back any fields written with RFC 4180 quoting', () => {
    const field = fc.string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', 'é') });
    const row = fc.array(field, { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(readCsv(text).map((r) => ('fields' in r ? r.fields : r.error))).toEqual(rows);
      }),
    );
  });
});
