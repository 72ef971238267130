import type { SimulationResult } from '@wc/workflows';

/** The readable timeline: what a case manager or auditor reads in a terminal. */
export function renderText(r: SimulationResult): string {
  const t = r.timeline;
  const lines: string[] = [];
  lines.push(`${t.name ?? r.file}`, '');
  lines.push(
    `  notified ${t.claim.notificationDate}; ${t.claim.classification} (${t.claim.segment})${t.claim.significanceDate ? `, significant from ${t.claim.significanceDate}` : ''}; employer excess ${t.claim.employerExcess ?? 'not computed'}`,
  );
  lines.push('', '  obligations');
  for (const o of r.details.obligations) {
    const done = o.completedOn ? ` done ${o.completedOn}` : o.cancelledOn ? ` cancelled ${o.cancelledOn}` : '';
    const esc = o.escalatedOn ? ` escalated ${o.escalatedOn}` : '';
    lines.push(`    ${o.openedOn} → ${o.dueOn}  ${o.status.padEnd(9)} ${o.type}${done}${esc}`);
    lines.push(`      ${o.rule} (${o.source})`);
  }
  lines.push('', '  notices');
  for (const n of t.notices) lines.push(`    ${n.on}  ${n.type} to ${n.to.join(', ')}`);
  lines.push('', '  weekly compensation');
  for (const p of t.payments) lines.push(`    week ${String(p.week).padStart(3)}  ${p.from} – ${p.to}  ${p.amount.padStart(10)}`);
  if (!t.payments.length) lines.push('    none');
  for (const w of r.details.warnings) lines.push(`  warning: ${w}`);
  for (const x of r.refused) lines.push(`  refused: ${x}`);
  return `${lines.join('\n')}\n`;
}
