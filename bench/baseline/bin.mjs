#!/usr/bin/env node
// Starts the baseline Ink app the way bin/openwork-tui.js starts the app.
import { main } from '../../.tmp/bench/baseline/tui.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`baseline: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
