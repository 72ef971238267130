/**
 * The bodies outside the insurer that a notice points people to, written once so every notice
 * names them and their contact details the same way. As with letterhead.ts, a change here changes
 * the text of every notice that uses it, so bump those templates' versions with it.
 *
 * The program (sections 8 and 9) names these bodies by their older names: WIRO is now the IRO, and
 * the Workers Compensation Commission's disputes now go to the Personal Injury Commission. Workers
 * take complaints about an insurer to the IRO; employers and others take them to SIRA.
 */
export const IRO = {
  name: 'Independent Review Office (IRO)',
  phone: '13 94 76',
  web: 'www.iro.nsw.gov.au',
} as const;

// SIRA's phone number is left out: it could not be confirmed from a source (the web address could).
export const SIRA = {
  name: 'State Insurance Regulatory Authority (SIRA)',
  web: 'www.sira.nsw.gov.au',
} as const;

/** A worker's free, independent help, in one sentence (notices to workers end with it). */
export const IRO_HELP = `You can get free, independent help from the ${IRO.name} on ${IRO.phone} or at ${IRO.web}. The IRO can answer questions about your claim, take up a complaint about how we have handled it, and arrange free legal advice from a lawyer it approves.`;
