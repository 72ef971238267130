import type { Command } from './command';
import { paymentsAba } from './payments-aba';
import { wrsCheck } from './wrs-check';
import { simulate } from './simulate';

/** Every command, in the order usage lists them. */
export const commands: Command[] = [simulate, paymentsAba, wrsCheck];
export type { Command } from './command';
