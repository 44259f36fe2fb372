#!/usr/bin/env node
// Starts the baseline Ink app the way bin/openwork-tui.cjs starts the app: a CommonJS launcher that
// imports the bundle.
'use strict';

import('../../.tmp/bench/baseline/tui.js')
  .then(({ main }) => main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`baseline: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
