import type { Command } from './command';
import { paymentsAba } from './payments-aba';
import { wrsCheck } from './wrs-check';
import { simulate } from './simulate';
import { token } from './token';

/** Every command, in the order usage lists them. */
export const commands: Command[] = [simulate, paymentsAba, wrsCheck, token];
export type { Command } from './command';
