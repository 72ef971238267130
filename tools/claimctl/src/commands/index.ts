import type { Command } from './command';
import { paymentsAba } from './payments-aba';
import { wrsCheck } from './wrs-check';

/** Every command, in the order usage lists them. */
export const commands: Command[] = [paymentsAba, wrsCheck];
export type { Command } from './command';
