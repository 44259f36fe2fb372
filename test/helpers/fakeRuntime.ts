// A scripted Runtime for component tests: each chat() call plays the next script, step by step.
// Steps are ChatEvents, pauses, or holds that wait for the test to call release(). It records every
// request and its AbortSignal, and lets a test change the runtime state and notify subscribers.
import type {
  AppError,
  ChatEvent,
  ChatRequest,
  ConfigSnapshot,
  Connection,
  ModelListing,
  Runtime,
  RuntimeNotice,
  RuntimeState,
} from '../../src/runtime/types.js';

export type Step =
  | ChatEvent
  | { type: 'pause'; ms: number }
  /** Wait until the test calls release(). */
  | { type: 'hold' };

export type Script = Step[] | ((request: ChatRequest) => Step[]);

export interface FakeCall {
  request: ChatRequest;
  signal: AbortSignal;
  /** true once the stream has finished (played out, aborted or errored). */
  ended: boolean;
}

export interface FakeRuntimeOptions {
  connection?: Partial<Connection>;
  config?: Partial<ConfigSnapshot>;
  /** Keep yielding after the signal aborts (to test that a cancelled turn's events are dropped). */
  ignoreAbort?: boolean;
  models?: ModelListing;
}

export interface FakeRuntime extends Runtime {
  readonly calls: FakeCall[];
  readonly requests: ChatRequest[];
  /** How many times the models were listed. */
  listCalls: number;
  /** Scripts for the next chat() calls, in order. When none is left, `fallback` plays. */
  script(...scripts: Script[]): void;
  fallback: Script;
  /** Let every held stream go on past its current `hold` step. */
  release(): void;
  /** Replace part of the state and notify subscribers. */
  setState(patch: Partial<RuntimeState>): void;
  setConnection(patch: Partial<Connection>): void;
  notice(fact: RuntimeNotice['fact'], level?: RuntimeNotice['level']): void;
  ignoreAbort: boolean;
  listeners(): number;
}

export function makeConfig(patch: Partial<ConfigSnapshot> = {}): ConfigSnapshot {
  return {
    envPath: '/tmp/openwork-test/.env',
    fileExists: true,
    baseUrl: 'http://127.0.0.1:3000',
    credential: 'sk-test-1234',
    credentialVar: 'ANTHROPIC_API_KEY',
    hasApiKey: true,
    hasAuthToken: false,
    openaiApiKey: undefined,
    openaiBaseUrl: undefined,
    proxyFormat: 'auto',
    timeoutMs: 60000,
    values: {},
    sources: {},
    problems: [],
    ...patch,
  };
}

export function makeConnection(patch: Partial<Connection> = {}): Connection {
  return {
    mode: 'litellm',
    baseUrl: 'http://127.0.0.1:3000',
    host: '127.0.0.1:3000',
    unreachable: false,
    via: 'probe',
    ...patch,
  };
}

/** start, the text in `chunks` pieces, usage, done. */
export function reply(text: string, opts: { model?: string; chunk?: number; cost?: number } = {}): Script {
  return (req) => {
    const size = opts.chunk ?? 3;
    const steps: Step[] = [{ type: 'start', model: opts.model ?? req.model, mode: 'litellm' }];
    for (const piece of Array.from(text).reduce<string[]>((acc, ch, i) => {
      if (i % size === 0) acc.push('');
      acc[acc.length - 1] += ch;
      return acc;
    }, [])) {
      steps.push({ type: 'text', text: piece });
    }
    steps.push({ type: 'usage', inputTokens: 10, outputTokens: Math.ceil(text.length / 4), cost: opts.cost });
    steps.push({ type: 'done', stopReason: 'end' });
    return steps;
  };
}

export function failure(error: Partial<AppError> = {}, partial = false): Step {
  return {
    type: 'error',
    partial,
    error: { kind: 'auth', fact: { id: 'auth', server: 'proxy', status: 401, key: 'sk-…1234', keyVar: 'ANTHROPIC_API_KEY' }, status: 401, ...error },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function fakeRuntime(opts: FakeRuntimeOptions = {}): FakeRuntime {
  let state: RuntimeState = {
    config: makeConfig(opts.config),
    connection: makeConnection(opts.connection),
    detecting: false,
    notice: undefined,
    generation: 1,
    keyAccepted: true, // as after the start's model listing (a test may set it otherwise)
  };
  const subs = new Set<() => void>();
  const queue: Script[] = [];
  let releases: (() => void)[] = [];
  let noticeId = 0;
  const notify = (): void => subs.forEach((l) => l());
  /** Wait for release(), or for the abort (unless aborts are ignored). */
  const held = (signal: AbortSignal): Promise<void> =>
    new Promise<void>((resolve) => {
      releases.push(resolve);
      if (!fake.ignoreAbort) signal.addEventListener('abort', () => resolve(), { once: true });
    });

  const fake: FakeRuntime = {
    calls: [],
    get requests() {
      return fake.calls.map((c) => c.request);
    },
    fallback: reply('ok'),
    ignoreAbort: opts.ignoreAbort ?? false,
    subscribe(listener) {
      subs.add(listener);
      return () => subs.delete(listener);
    },
    getState: () => state,
    chat(request, signal) {
      const call: FakeCall = { request: structuredClone(request), signal: signal ?? new AbortController().signal, ended: false };
      fake.calls.push(call);
      const script = queue.shift() ?? fake.fallback;
      const steps = typeof script === 'function' ? script(request) : script;
      return (async function* play(): AsyncGenerator<ChatEvent> {
        try {
          for (const step of steps) {
            if (call.signal.aborted && !fake.ignoreAbort) {
              yield { type: 'done', stopReason: 'aborted' };
              return;
            }
            if (step.type === 'pause') await sleep(step.ms);
            else if (step.type === 'hold') await held(call.signal);
            else yield step;
          }
        } finally {
          call.ended = true;
        }
      })();
    },
    listModels: async () => {
      fake.listCalls++;
      return opts.models ?? { models: [], status: 'none' };
    },
    listCalls: 0,
    script(...scripts) {
      queue.push(...scripts);
    },
    release() {
      const r = releases;
      releases = [];
      r.forEach((f) => f());
    },
    setState(patch) {
      state = { ...state, ...patch };
      notify();
    },
    setConnection(patch) {
      fake.setState({ connection: { ...state.connection, ...patch } });
    },
    notice(fact, level = 'info') {
      fake.setState({ notice: { id: ++noticeId, level, fact } });
    },
    listeners: () => subs.size,
  };
  return fake;
}
