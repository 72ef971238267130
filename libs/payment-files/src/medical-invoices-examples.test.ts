import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkMedicalInvoices } from './medical-invoices';

// The worked examples of docs/medical-invoices.md, run through the checker and compared exactly: the
// valid file's summary and the invalid file's every problem, message included. The expected files were
// worked out by hand (the working is in the comments below and in the document), not copied from output.
const docExamples = path.resolve(__dirname, '..', '..', '..', 'docs', 'examples');
const read = (name: string) => fs.readFileSync(path.join(docExamples, name), 'utf8');
const expected = (name: string) => JSON.parse(read(name));

describe('docs/examples medical invoices', () => {
  it('medical-invoices-valid.csv gives medical-invoices-valid.expected.json', () => {
    // lines: 2, 3, 4, 6, 7, 8 (line 1 the header, line 5 blank) = 6.
    // invoices (claim + invoice + ABN): WC0000123 NP-1042 518…, WC0000123 NP-1057 518…,
    //   WC0000123 R/2026/031 106…, WC0000456 NP-1042 809… (same number, another claim and provider),
    //   WC0000456 INV_88.2 530… = 5. claims: WC0000123, WC0000456 = 2. providers: 4 ABNs.
    // charged: 110.00 + 95.00 + 184.00 + 79.95 + 0.00 + 1450.00 = 1918.95.
    const result = checkMedicalInvoices(read('medical-invoices-valid.csv'));
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
    expect(result.summary).toEqual(expected('medical-invoices-valid.expected.json'));
  });

  it('medical-invoices-invalid.csv gives medical-invoices-invalid.expected.json', () => {
    // Working, by line: 1 charged_inc_gst is not the last column's name. 3 repeats line 2's claim, invoice,
    // ABN, date and item (its units differ, which does not matter); 190 has no decimal places. 4 empty claim;
    // a space in the invoice number; a minus. 5 empty invoice number; 51824753557: (5−1)×10 + 1 + 8×3 + 2×5
    // + 4×7 + 7×9 + 5×11 + 3×13 + 5×15 + 5×17 + 7×19 = 553 = 6×89 + 19; "Provider" is capitalised;
    // 30 February; a $ sign. 6 the invoice number is 35 characters; the ABN has spaces; charged is empty.
    // 7 100 units; 100000.00 > 99999.99. 8 lower-case item; a word for an amount. 9 seven fields.
    // 10–12 the three ways quoting can break (the last runs to the end of the file).
    const result = checkMedicalInvoices(read('medical-invoices-invalid.csv'));
    if (result.ok) throw new Error('accepted');
    expect(result.problems).toEqual(expected('medical-invoices-invalid.expected.json'));
  });

  it('the invalid example shows every message that can appear alongside others', () => {
    // Only the header's "missing; expected …" (an empty file) cannot share a file with other problems.
    const problems = expected('medical-invoices-invalid.expected.json') as { column: string; message: string }[];
    const kinds = problems.map((p) => `${p.column}: ${p.message.replace(/\d+$/, 'N')}`);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toHaveLength(22);
  });
});
