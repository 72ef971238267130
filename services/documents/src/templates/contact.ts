import type { z } from 'zod';
import type { claimContact } from './fields';
import { IRO_HELP, IRO_HELP_IF_WORKER, IRO_ON_NOTICES } from './independent-help';
import type { DocumentKind } from './index';
import type { Insurer } from './letterhead';
import type { Block } from './template';

export type ClaimContact = z.infer<typeof claimContact>;

/** Who reads a letter: the worker; someone else (employer, doctor, provider, notifier); or a group the worker is one of. */
export type Reader = 'worker' | 'other' | 'participants';

/**
 * The section every notice ends with (issue 16): the case manager by name with their direct phone
 * and email (the staff directory), the insurer's phone and reply address (configuration), the claim
 * number to quote, and, where independent-help.ts says why, the IRO. The same words on every
 * notice, so one place to change them.
 */
export function whoToContact(
  kind: DocumentKind,
  reader: Reader,
  c: ClaimContact,
  claimNumber: string,
  insurer: Insurer,
  /** What to call the case manager about, when not this letter (a complaint's letter names its own handler). */
  about = 'If you have a question about this letter, or think something in it is wrong',
): Block[] {
  const toWorker = reader === 'worker';
  const who = toWorker ? `Your case manager is ${c.caseManager}.` : `The case manager for this claim is ${c.caseManager}.`;
  const blocks: Block[] = [
    { kind: 'heading', text: 'Who to contact' },
    {
      kind: 'paragraph',
      text:
        `${who} ${about}, call ${c.caseManager} on ${c.phone} or email ${c.email}. ` +
        `You can also call us on ${insurer.phone} or write to us at ${insurer.replyAddress}. Please quote ${toWorker ? 'your' : 'the'} claim number, ${claimNumber}, whenever you contact us.` +
        // Program 4.3 (use of interpreters): the worker is offered one whenever we deal with them.
        (reader === 'other' ? '' : ' If you would like help in another language, let us know.'),
    },
  ];
  if (IRO_ON_NOTICES[kind] !== null && reader !== 'other') blocks.push({ kind: 'paragraph', text: toWorker ? IRO_HELP : IRO_HELP_IF_WORKER });
  return blocks;
}

/** The sign-off: the valediction, then who signs and their role (render.ts prints the insurer's legal name under them). */
export const signOff = (s: { name: string; role: string }, valediction = 'Yours sincerely,'): string[] => [valediction, s.name, s.role];

/** A letter that is not a decision is signed by the claim's case manager. */
export const caseManagerSignOff = (c: ClaimContact, valediction?: string): string[] => signOff({ name: c.caseManager, role: 'Case manager' }, valediction);

/** The lines a letter is addressed to: the name, then the postal address's lines when the claim records one. */
export const addressed = (name: string, address?: readonly string[]): string[] => [name, ...(address ?? [])];
