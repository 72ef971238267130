import type { Command } from './command';
import { paymentsAba } from './payments-aba';
import { paymentsRemediate } from './payments-remediate';
import { paymentsRun } from './payments-run';
import { wrsCheck } from './wrs-check';
import { medicalAssess } from './medical-assess';
import { medicalCheckInvoices } from './medical-check-invoices';
import { serviceKeys } from './service-keys';
import { simulate } from './simulate';
import { token } from './token';

/** Every command, in the order usage lists them. */
export const commands: Command[] = [simulate, paymentsAba, paymentsRun, paymentsRemediate, wrsCheck, medicalAssess, medicalCheckInvoices, token, serviceKeys];
export type { Command } from './command';
