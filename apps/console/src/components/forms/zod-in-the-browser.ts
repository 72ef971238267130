import { config } from 'zod';

// The console validates with the API's own zod schemas (@wc/contracts). zod compiles a fast parser
// with `new Function` when it may, and finds out whether it may by trying: under the console's
// Content-Security-Policy (no 'unsafe-eval') that try is reported as a violation even though zod
// catches it. Jitless, zod parses without compiling and never tries. The setting is zod's global
// (globalThis), read as a schema is built, so main.tsx imports this before anything that builds one.
config({ jitless: true });
