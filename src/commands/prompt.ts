// openwork-tui -p "text": one reply streamed to stdout; errors to stderr; exit code by failure kind.
// Piped input with a prompt is attached to it as a document; `@path` in the prompt attaches files.
import type { OutputFormat } from '../args.js';
import type { Runtime } from '../runtime/types.js';
import { EXIT, exitCodeFor } from '../runtime/errors.js';
import { formatError, type IO } from './io.js';
import { streamSanitizer } from '../render/sanitize.js';
import { PromptOutput } from './promptOutput.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export interface PromptExtras {
  format?: OutputFormat;
  system?: string;
  /** Where `@path` mentions are looked up. */
  cwd?: string;
}

export async function runPrompt(runtime: Runtime, io: IO, text: string | undefined, model: string, signal: AbortSignal, extras: PromptExtras = {}): Promise<number> {
  const m = io.messages;
  let content: string;
  let images: import('../runtime/types.js').ImageInput[] = [];
  if (text === undefined || text === '-') {
    if (io.stdin.isTTY) {
      io.stderr.write(m.cli.needsText);
      return EXIT.usage;
    }
    content = await readAll(io.stdin); // stdin alone is the prompt, as written
  } else {
    // Never drop input: text piped beside a prompt goes with it, as a document.
    const piped = io.stdin.isTTY ? '' : await readAll(io.stdin);
    const [{ composeMessage, expandMentions, refusalText }, { stdinDocument }] = await Promise.all([import('../material/attach.js'), import('../material/document.js')]);
    const found = await expandMentions(text, extras.cwd ?? process.cwd());
    if (found.refusals.length) {
      for (const r of found.refusals) io.stderr.write(`openwork-tui: ${refusalText(r, m)}\n`);
      io.stderr.write(`${m.material.nothingSent}\n`);
      return EXIT.usage;
    }
    const composed = composeMessage(text, found.attachments, piped.trim() ? [stdinDocument(piped)] : []);
    content = composed.content;
    images = composed.images;
  }
  if (!content.trim() && !images.length) {
    io.stderr.write(m.cli.nothingToSend);
    return EXIT.usage;
  }
  // A reply's pieces go out in one write per turn of the event loop (all that one network read
  // brought), not one system call per token: a pipe is written synchronously.
  let pending = '';
  let scheduled = false;
  const send = (): void => {
    scheduled = false;
    if (!pending) return;
    const s = pending;
    pending = '';
    io.stdout.write(s);
  };
  const write = (s: string): void => {
    pending += s;
    if (!scheduled) {
      scheduled = true;
      setImmediate(send);
    }
  };
  const out = new PromptOutput(extras.format ?? 'text', write, model, m);
  let endedWithNewline = true;
  let code: number = EXIT.ok;
  // To a pipe or a file the reply is written byte for byte (scripts need the real text); to a
  // terminal, cleaned, so a reply cannot set the title, write the clipboard or clear the screen.
  // (json and stream-json escape what JSON would leave raw: promptOutput.ts.)
  const clean = io.stdout.isTTY && out.streamsText ? streamSanitizer() : undefined;
  const flush = (): void => {
    const rest = clean?.end();
    if (rest) write(rest);
    send();
  };
  const request = { model, messages: [{ role: 'user' as const, content, ...(images.length ? { images } : {}) }], ...(extras.system ? { system: extras.system } : {}) };
  for await (const ev of runtime.chat(request, signal)) {
    out.event(ev);
    if (ev.type === 'text') {
      if (!out.streamsText) continue;
      const text = clean ? clean.write(ev.text) : ev.text;
      if (!text) continue;
      write(text);
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
  out.finish();
  send();
  return code;
}
