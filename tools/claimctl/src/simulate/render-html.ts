import { daysBetween } from '@wc/rules';
import type { SimulationResult } from '@wc/workflows';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const COLOURS: Record<string, string> = { met: '#2e7d32', late: '#ef6c00', overdue: '#c62828', open: '#1565c0', cancelled: '#9e9e9e' };

/**
 * A self-contained page drawing each claim's timeline (docs/simulate.md `--html`): obligations as bars
 * from opened to due, marks for completion and escalation, notices and paid weeks underneath.
 */
export function renderHtml(results: SimulationResult[]): string {
  const body = results.map(section).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Claim timelines</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#212121}
h2{margin:32px 0 4px}.facts{color:#555;margin:0 0 12px}
svg text{font:11px system-ui,sans-serif}.legend span{display:inline-block;margin-right:14px}
.legend i{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
</style></head><body>
<h1>Claim timelines</h1>
<p class="legend">${Object.entries(COLOURS)
    .map(([k, c]) => `<span><i style="background:${c}"></i>${k}</span>`)
    .join('')}<span>● done</span><span>▲ escalated to team leader</span><span>| notice</span></p>
${body}
</body></html>
`;
}

function section(r: SimulationResult): string {
  const t = r.timeline;
  const start =
    t.claim.notificationDate < (r.details.obligations[0]?.openedOn ?? t.claim.notificationDate) ? t.claim.notificationDate : (r.details.obligations[0]?.openedOn ?? t.claim.notificationDate);
  const firstPay = t.payments[0]?.from;
  const from = firstPay && firstPay < start ? firstPay : start;
  const lastDue = r.details.obligations.reduce((a, o) => (o.dueOn > a ? o.dueOn : a), from);
  const lastPay = t.payments[t.payments.length - 1]?.to ?? from;
  const to = [lastDue, lastPay].reduce((a, b) => (b > a ? b : a));
  const span = Math.max(1, daysBetween(from, to) + 1);
  const left = 230;
  const width = 900;
  const x = (d: string) => left + (daysBetween(from, d) / span) * width;
  const rowH = 18;
  const rows: string[] = [];
  r.details.obligations.forEach((o, i) => {
    const y = 30 + i * rowH;
    const c = COLOURS[o.status];
    rows.push(`<text x="4" y="${y + 12}">${esc(o.type)}${o.ref ? ` (${esc(o.ref)})` : ''}</text>`);
    rows.push(
      `<rect x="${x(o.openedOn)}" y="${y + 3}" width="${Math.max(2, x(o.dueOn) - x(o.openedOn))}" height="11" fill="${c}" opacity="0.75"><title>${esc(`${o.type}: opened ${o.openedOn}, due ${o.dueOn}, ${o.status}; ${o.rule} (${o.source})`)}</title></rect>`,
    );
    if (o.completedOn) rows.push(`<circle cx="${x(o.completedOn)}" cy="${y + 8}" r="4" fill="#000"><title>done ${o.completedOn}</title></circle>`);
    if (o.escalatedOn) rows.push(`<path d="M${x(o.escalatedOn)} ${y + 1} l5 9 h-10 z" fill="#c62828"><title>escalated ${o.escalatedOn}</title></path>`);
  });
  const ny = 40 + r.details.obligations.length * rowH;
  rows.push(`<text x="4" y="${ny + 12}">notices</text>`);
  for (const n of t.notices)
    rows.push(`<line x1="${x(n.on)}" x2="${x(n.on)}" y1="${ny}" y2="${ny + 16}" stroke="#6a1b9a" stroke-width="2"><title>${esc(`${n.on} ${n.type} to ${n.to.join(', ')}`)}</title></line>`);
  const py = ny + 24;
  rows.push(`<text x="4" y="${py + 12}">weekly compensation</text>`);
  for (const p of t.payments)
    rows.push(
      `<rect x="${x(p.from)}" y="${py + 2}" width="${Math.max(2, x(p.to) - x(p.from) + width / span - 1)}" height="12" fill="#00838f"><title>${esc(`week ${p.week}: ${p.from} – ${p.to} $${p.amount}`)}</title></rect>`,
    );
  const ay = py + 30;
  rows.push(`<line x1="${left}" x2="${left + width}" y1="${ay}" y2="${ay}" stroke="#999"/>`);
  rows.push(`<text x="${left}" y="${ay + 14}">${from}</text><text x="${left + width}" y="${ay + 14}" text-anchor="end">${to}</text>`);
  return `<h2>${esc(t.name ?? r.file)}</h2>
<p class="facts">Notified ${t.claim.notificationDate}; ${esc(t.claim.classification)} (${esc(t.claim.segment)}); employer excess ${t.claim.employerExcess ?? 'not computed'}; ${t.payments.length} paid weeks.</p>
<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 20}" height="${ay + 24}" role="img" aria-label="timeline of ${esc(t.name ?? r.file)}">${rows.join('')}</svg>`;
}
