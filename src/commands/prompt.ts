// openwork-tui -p "text": one reply streamed to stdout; errors to stderr; exit code by failure kind.
import type { Runtime } from '../runtime/types.js';
import { EXIT, exitCodeFor } from '../runtime/errors.js';
import { formatError, type IO } from './io.js';
import { streamSanitizer } from '../render/sanitize.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export async function runPrompt(runtime: Runtime, io: IO, text: string | undefined, model: string, signal: AbortSignal): Promise<number> {
  let content = text;
  if (content === undefined || content === '-') {
    if (io.stdin.isTTY) {
      io.stderr.write(io.messages.cli.needsText);
      return EXIT.usage;
    }
    content = await readAll(io.stdin);
  }
  if (!content.trim()) {
    io.stderr.write(io.messages.cli.nothingToSend);
    return EXIT.usage;
  }
  let endedWithNewline = true;
  let code: number = EXIT.ok;
  // To a pipe or a file the reply is written byte for byte (scripts need the real text); to a
  // terminal, cleaned, so a reply cannot set the title, write the clipboard or clear the screen.
  const clean = io.stdout.isTTY ? streamSanitizer() : undefined;
  const flush = (): void => {
    const rest = clean?.end();
    if (rest) io.stdout.write(rest);
  };
  for await (const ev of runtime.chat({ model, messages: [{ role: 'user', content }] }, signal)) {
    if (ev.type === 'text') {
      const text = clean ? clean.write(ev.text) : ev.text;
      if (!text) continue;
      io.stdout.write(text);
      endedWithNewline = text.endsWith('\n');
    } else if (ev.type === 'error') {
      flush();
      if (!endedWithNewline) io.stdout.write('\n');
      endedWithNewline = true;
      io.stderr.write(formatError(io, ev.error));
      code = exitCodeFor(ev.error.kind);
    } else if (ev.type === 'done' && ev.stopReason === 'aborted') {
      code = EXIT.interrupted;
    }
  }
  flush();
  if (!endedWithNewline) io.stdout.write('\n');
  return code;
}
