import { readFileSync } from 'node:fs';

/** Where a command writes; injected so commands can be run and checked in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** Exit statuses: docs/payment-files.md and docs/simulate.md give 2 for refused input, which also covers misuse. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;

/** Input the command cannot use (unreadable, not UTF-8, not JSON): one line on stderr, exit 2. */
export class InputError extends Error {}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** A file's text, refusing bytes that are not UTF-8 rather than turning them into replacement characters. */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : oneLine((e as Error).message);
    throw new InputError(`cannot read ${path}: ${why}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${path}: not UTF-8 text`);
  }
}

export function readJsonFile(path: string): unknown {
  const text = readTextFile(path);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not valid JSON: ${oneLine((e as Error).message)}`);
  }
}
