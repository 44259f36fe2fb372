#!/usr/bin/env node
// The command. CommonJS on purpose: `--version` answers without starting Node's ES module loader
// (~9 ms of a ~35 ms run); everything else is the app in dist/ (ES modules), imported from here.
'use strict';

// Output piped into a reader that stops early (`| head`) is not an error: exit quietly, no trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

/** argv that can only mean the chat: nothing but --model, --lang, --profile, --debug, -c and --resume [ID] (see src/args.ts). */
function onlyChatOptions(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-m' || a === '--model' || a === '--lang' || a === '--profile') i++;
    else if (a === '--resume') {
      if (/^\d+$/.test(argv[i + 1] || '')) i++;
    } else if (!/^(--model=|--lang=|--profile=|--debug$|--debug=body$|-c$|--continue$|--resume=\d+$)/.test(a)) return false;
  }
  return true;
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  const chat = onlyChatOptions(argv);
  // The chat's terminal goes to raw mode first thing: until then the tty driver takes Ctrl+S as XOFF
  // (the app's output freezes, and a write can block for good) and Ctrl+Q, Ctrl+C, Ctrl+Z as its own
  // signals. Keys typed from here on wait in the tty for Ink. Node restores the mode when it exits.
  if (chat && require('node:tty').isatty(0) && require('node:tty').isatty(1)) process.stdin.setRawMode(true);
  // The chat starts from its own bundle, without loading the CLI (which takes anything it does not run).
  import(chat ? '../dist/tui.js' : '../dist/cli.js')
    .then(({ main }) => main(argv))
    .then(
      (code) => {
        process.exitCode = code;
        // A command's work is done; a request still connecting is not (undici keeps connecting to an
        // address that drops packets until its 10 s connect limit, after the abort): once what was
        // written is flushed, the process ends. The timer is unref'd: a process with nothing left ends at once.
        if (!chat) setTimeout(() => process.stdout.write('', () => process.stderr.write('', () => process.exit(code))), 200).unref();
      },
      (err) => {
        // Last resort: one line, no stack (details go to the log when the logger is up).
        process.stderr.write(`openwork-tui: unexpected error: ${err && err.message ? err.message : String(err)}\n`);
        process.exitCode = 1;
      },
    );
}
