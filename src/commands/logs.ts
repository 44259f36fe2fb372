// openwork-tui logs [-f]: prints the log (and follows it).
import { createReadStream, existsSync, statSync, watch } from 'node:fs';
import type { IO } from './io.js';
import { escapeControl } from '../render/sanitize.js';

export async function runLogs(file: string, io: IO, follow: boolean): Promise<number> {
  if (!existsSync(file)) {
    io.stderr.write(io.messages.cli.noLog({ path: file }));
    return follow ? waitAndFollow(file, io, 0) : 0;
  }
  let pos = await copy(file, io, 0);
  if (!follow) return 0;
  return waitAndFollow(file, io, pos);
}

async function copy(file: string, io: IO, from: number): Promise<number> {
  const size = statSync(file).size;
  if (size < from) from = 0; // truncated or rotated
  if (size === from) return from;
  await new Promise<void>((resolve, reject) => {
    // To a terminal, lines from before the log escaped control characters are escaped here.
    const tty = !!io.stdout.isTTY;
    const s = createReadStream(file, { start: from, end: size - 1, ...(tty ? { encoding: 'utf8' as const } : {}) });
    s.on('data', (c) => io.stdout.write(tty ? escapeControl(c as string) : c));
    s.on('end', resolve);
    s.on('error', reject);
  });
  return size;
}

function waitAndFollow(file: string, io: IO, start: number): Promise<number> {
  let pos = start;
  return new Promise((resolve) => {
    const tick = () => {
      if (existsSync(file)) void copy(file, io, pos).then((p) => (pos = p));
    };
    const timer = setInterval(tick, 250);
    let w: ReturnType<typeof watch> | undefined;
    try {
      w = watch(file, tick);
    } catch {
      // the interval still follows it
    }
    process.once('SIGINT', () => {
      clearInterval(timer);
      w?.close();
      resolve(0);
    });
  });
}
