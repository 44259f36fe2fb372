// Bytes the app writes for one resize: the pty is resized, the status bar is drawn again, and the
// output is given time to go quiet (a resize must redraw the live region only, never the transcript).
import { sleep } from './stats.mjs';

/** Resizes `count` times between 80 and 60 columns (rows unchanged); bytes written per resize. */
export async function bytesPerResize(term, { count = 10, rows = 24 } = {}) {
  const out = [];
  for (let i = 0; i < count; i++) {
    const cols = i % 2 === 0 ? 60 : 80;
    const from = term.length;
    term.resize(cols, rows);
    await term.waitFor(/ready/, { from, timeoutMs: 10_000, what: `the status bar after resizing to ${cols} columns` });
    // Quiet for 300 ms: everything the resize caused has been written.
    for (let seen = -1; seen !== term.length; ) {
      seen = term.length;
      await sleep(300);
    }
    out.push(Buffer.byteLength(term.text.slice(from)));
  }
  term.resize(80, rows);
  await sleep(300);
  return out;
}
