#!/usr/bin/env node
// Renders every current template with its sample data (src/testing/samples.ts) to PDF, and each
// page to PNG with poppler's pdftoppm, so the letters can be looked at page by page:
//   npm run build && node services/documents/scripts/render-samples.js /tmp/letters [kind …]
// A PIAWE decision with 26 fortnights of earnings and a worker named 李小龙 are rendered too.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { CURRENT_TEMPLATES, DOCUMENT_KINDS, renderLetter } = require('../dist/templates');
const { LOCAL_INSURER } = require('../dist/templates/letterhead');
const { SAMPLES } = require('../dist/testing/samples');

const [out = '/tmp/letters', ...only] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });

const fortnights = Array.from({ length: 26 }, (_, i) => ({ description: `Fortnight ${i + 1}: ordinary hours, overtime and shift allowance`, amount: `${2300 + i * 7}.${String(i).padStart(2, '0')}` }));
const extra = {
  'piawe-decision-26-fortnights': [
    'piawe-decision',
    { ...SAMPLES['piawe-decision'], employments: [{ kind: 'this-employer', period: { from: '2025-03-03', to: '2026-03-01' }, daysCounted: 364, earnings: fortnights }] },
  ],
  'acknowledgement-letter-li-xiaolong': [
    'acknowledgement-letter',
    { ...SAMPLES['acknowledgement-letter'], worker: { givenName: '小龙', familyName: '李', nameOrder: 'family-first', address: ['Unit 3, 12 Dixon Street', 'Haymarket NSW 2000'] } },
  ],
};
const jobs = [...DOCUMENT_KINDS.map((k) => [k, k, SAMPLES[k]]), ...Object.entries(extra).map(([name, [k, d]]) => [name, k, d])].filter(([name]) => only.length === 0 || only.includes(name));

(async () => {
  for (const [name, kind, data] of jobs) {
    const t = CURRENT_TEMPLATES[kind];
    const pdf = await renderLetter(t, t.compose(t.data.parse(data), LOCAL_INSURER));
    const file = path.join(out, `${name}.pdf`);
    fs.writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, path.join(out, name)]);
    const pages = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file]).toString())[1];
    console.log(`${name}: ${pages} page(s), ${pdf.length} bytes`);
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
