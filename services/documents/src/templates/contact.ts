import type { Block } from './template';

/**
 * The closing section of the notices sent to the worker under rules.md §8 (s39, s48A): who the case
 * manager is and every way to reach them, with the claim number to quote. The same words on each,
 * so one place to change them (issue 16 brings the other letters to the staff directory's contact).
 */
export function whoToContact(c: { caseManager: string; phone: string; email: string; postalAddress: string }, claimNumber: string): Block[] {
  return [
    { kind: 'heading', text: 'Who to contact' },
    {
      kind: 'paragraph',
      text: `Your case manager is ${c.caseManager}. If you have a question about this notice, call ${c.phone} or email ${c.email}, or write to ${c.postalAddress}, and quote your claim number, ${claimNumber}. If you would like help in another language, let us know.`,
    },
  ];
}
