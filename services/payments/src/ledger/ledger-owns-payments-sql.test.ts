import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Issue 15: the ledger (src/ledger/) is the one module with SQL on the payment records and their
// audit trail; everything else calls it. Checked on every string and template literal of every
// source file of the service (comments are not code; tests and migrations are not checked), so a
// query put back in a controller or a service fails here rather than waiting for a review.
const src = path.resolve(__dirname, '..');
const LEDGER = path.join(src, 'ledger') + path.sep;

function sources(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'migrations' && e.name !== 'node_modules') walk(p);
      } else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(src);
  return out;
}

/** The text of every string and template literal in the file; a template's substitutions as `${expression}`. */
function literals(file: string): { line: number; text: string }[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { line: number; text: string }[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push({ line: at(n), text: n.text });
    else if (ts.isTemplateExpression(n)) {
      out.push({ line: at(n), text: n.head.text + n.templateSpans.map((s) => '${' + s.expression.getText(sf) + '}' + s.literal.text).join('') });
      // Substitutions can hold literals of their own (a nested template).
      n.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

// The tables, schema-qualified as the service writes them (payments.x, "payments".x, ${SCHEMA}.x), or
// unqualified after an SQL keyword; a literal counts as SQL when it has an SQL keyword (upper case, as
// the service's SQL is written, so prose saying "from payments" is not SQL).
const TABLE = String.raw`(?:payments|payment_audit)\b(?!\.)`;
const QUALIFIED = new RegExp(String.raw`(?:\bpayments|"payments"|\$\{\s*SCHEMA\s*\})\s*\.\s*"?` + TABLE);
const UNQUALIFIED = new RegExp(String.raw`\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|COPY)\s+(?:ONLY\s+)?"?` + TABLE);
const SQL = /\b(?:SELECT|INSERT|UPDATE|DELETE|FROM|JOIN|TRUNCATE|COPY|LOCK|WITH)\b/;

function paymentsSql(text: string): boolean {
  return SQL.test(text) && (QUALIFIED.test(text) || UNQUALIFIED.test(text));
}

describe('the ledger owns the SQL on payments and payment_audit (issue 15)', () => {
  it('finds the code it checks, and the SQL in the ledger', () => {
    const files = sources();
    expect(files.length).toBeGreaterThan(50);
    expect(files.some((f) => f.startsWith(LEDGER) && literals(f).some((l) => paymentsSql(l.text)))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}migrations${path.sep}`))).toBe(false);
  });

  it('tells SQL on the tables from prose and other tables', () => {
    expect(paymentsSql('SELECT 1 FROM payments.payments WHERE id = $1')).toBe(true);
    expect(paymentsSql('SELECT 1 FROM ${SCHEMA}.payments WHERE id = $1')).toBe(true);
    expect(paymentsSql('SELECT 1 FROM "payments"."payments" WHERE id = $1')).toBe(true);
    expect(paymentsSql('INSERT INTO payments.payment_audit (payment_id) VALUES ($1)')).toBe(true);
    expect(paymentsSql('SELECT claim_id FROM payments.claims c WHERE EXISTS (SELECT 1 FROM payments.payments p WHERE p.claim_id = c.claim_id)')).toBe(true);
    expect(paymentsSql('UPDATE payments SET status = $1')).toBe(true);
    expect(paymentsSql('SELECT id FROM payments.payment_runs WHERE id = $1')).toBe(false);
    expect(paymentsSql('SELECT 1 FROM payments.claims WHERE claim_id = $1')).toBe(false);
    expect(paymentsSql("A payment's state (payments.payments.status).")).toBe(false);
    expect(paymentsSql('payments')).toBe(false);
  });

  it('no source file outside src/ledger/ has SQL touching payments or payment_audit', () => {
    const found = sources()
      .filter((f) => !f.startsWith(LEDGER))
      .flatMap((f) =>
        literals(f)
          .filter((l) => paymentsSql(l.text))
          .map((l) => `${path.relative(src, f)}:${l.line}: ${l.text.replace(/\s+/g, ' ').slice(0, 120)} (call a function of ledger/ledger.ts instead)`),
      );
    expect(found).toEqual([]);
  });
});
