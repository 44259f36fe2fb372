// Test plumbing for the Ink components: polling waits, an App renderer on ink-testing-library,
// and a renderer on a virtual terminal (real non-debug Ink output, rows/columns, exit, caret).
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';
import { render as inkRender, type Instance } from 'ink';
import { render } from 'ink-testing-library';
import { App, type AppProps } from '../../src/app.js';
import { fakeRuntime, type FakeRuntime } from '../helpers/fakeRuntime.js';
import { VirtualTerminal } from './vterm.js';
import { messagesFor } from '../../src/i18n/index.js';

export const MODEL = 'claude-test-model';

/**
 * Poll `check` until it returns something truthy (or stops throwing). No fixed sleeps. The timeout
 * only bounds a failing test: a loaded 2-core machine (two suites at once) needs seconds at times.
 */
export async function waitFor<T>(
  check: () => T | undefined | null | false,
  what: string | (() => string) = 'condition',
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = check();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const label = typeof what === 'function' ? what() : what;
      throw new Error(`timed out waiting for ${label}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Let Ink run its effects (useInput subscribes in an effect) and flush a pending lone Esc. */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

export interface AppHarness {
  runtime: FakeRuntime;
  frame(): string;
  /** Wait until the frame contains `text` (or matches it); returns the frame. */
  see(text: string | RegExp): Promise<string>;
  press(...seq: string[]): Promise<void>;
  stdin: { write(data: string): void };
  unmount(): void;
}

function harness(frame: () => string, stdin: { write(data: string): void }, runtime: FakeRuntime, unmount: () => void): AppHarness {
  const see = (text: string | RegExp): Promise<string> =>
    waitFor(() => {
      const f = frame();
      return (typeof text === 'string' ? f.includes(text) : text.test(f)) && f;
    }, () => `${String(text)} in the frame:\n${frame()}`);
  const press = async (...seq: string[]): Promise<void> => {
    for (const s of seq) {
      stdin.write(s);
      await settle();
    }
  };
  return { runtime, frame, see, press, stdin, unmount };
}

function appElement(runtime: FakeRuntime, props: Partial<AppProps>): ReactElement {
  return <App runtime={runtime} model={MODEL} version="9.9.9-test" color={false} {...props} />;
}

/** The App on ink-testing-library (100 columns, debug frames: static + live). */
export async function renderApp(props: Partial<AppProps> = {}, runtime = fakeRuntime()): Promise<AppHarness> {
  const r = render(appElement(runtime, props));
  const h = harness(() => r.lastFrame() ?? '', r.stdin, runtime, r.unmount);
  // A first run opens on the settings screen instead of the prompt.
  await h.see(props.firstRun ? 'Test connection' : 'Send a message');
  await settle();
  return h;
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private queue: string[] = [];
  write = (data: string): void => {
    this.queue.push(data);
    this.emit('readable');
  };
  read = (): string | null => this.queue.shift() ?? null;
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export interface TerminalHarness extends AppHarness {
  term: VirtualTerminal;
  instance: Instance;
  /** The app has exited (Ink's waitUntilExit settled; it is awaited from the start, as cli does). */
  hasExited(): boolean;
}

/** Any element on a virtual terminal of the given size, rendered the way a real TTY is. */
export function renderInTerminal(el: ReactElement, columns = 80, rows = 24, runtime = fakeRuntime()): TerminalHarness {
  const term = new VirtualTerminal(columns, rows);
  const stdin = new FakeStdin();
  const instance = inkRender(el, {
    stdout: term as unknown as NodeJS.WriteStream,
    stderr: term as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    debug: false,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  let exited = false;
  // Like the CLI, wait from the start: Ink only settles a waitUntilExit() that began before the exit.
  void instance.waitUntilExit().then(() => {
    exited = true;
  });
  const h = harness(() => term.screen(), stdin, runtime, () => instance.unmount());
  return { ...h, term, instance, hasExited: () => exited };
}

/** The App on a virtual terminal. */
export async function renderAppInTerminal(
  props: Partial<AppProps> = {},
  size: { columns?: number; rows?: number } = {},
  runtime = fakeRuntime(),
): Promise<TerminalHarness> {
  const h = renderInTerminal(appElement(runtime, props), size.columns ?? 80, size.rows ?? 24, runtime);
  await h.see(messagesFor(props.lang ?? 'en').chat.placeholder); // "Send a message · …", in the app's language
  await settle();
  return h;
}
