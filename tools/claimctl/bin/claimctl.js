#!/usr/bin/env node
'use strict';
// Thin launcher so `npx claimctl` runs the compiled CLI (built by `npm run build`).
require('../dist/cli.js').main(process.argv);
