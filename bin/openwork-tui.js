#!/usr/bin/env node
import { main } from '../dist/cli.js';

// Output piped into a reader that stops early (`| head`) is not an error: exit quietly, no trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    // Last resort: one line, no stack (details go to the log when the logger is up).
    process.stderr.write(`openwork-tui: unexpected error: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
