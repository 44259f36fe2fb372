// Whether a TCP connect is still under way (undici's diagnostics channels, which Node's fetch and the
// undici package both publish to): a listing cut at its own short cap while nothing has accepted the
// connection yet is left to the connect limit, which names what is wrong (headless -p, issue 13.7).
import dc from 'node:diagnostics_channel';

export interface ConnectWatch {
  /** A connect began since the watch did and none has completed: nothing accepted it yet. */
  readonly connecting: boolean;
  /** When (performance.now()) the connect under way began. */
  readonly since: number;
  /** Called once when a connect completes (a failed one is left to the request it fails). */
  onConnected(fn: () => void): void;
  stop(): void;
}

const BEFORE = 'undici:client:beforeConnect';
const SETTLED = ['undici:client:connected', 'undici:client:connectError'] as const;

export function watchConnects(): ConnectWatch {
  let began = false;
  let completed = false;
  let since = 0;
  const waiting: (() => void)[] = [];
  const onBefore = () => {
    if (!began) since = performance.now();
    began = true;
  };
  const onSettled = (_m: unknown, name: string | symbol) => {
    if (name !== 'undici:client:connected') return void (began = false); // failed: no longer under way
    completed = true;
    for (const fn of waiting.splice(0)) fn();
  };
  dc.subscribe(BEFORE, onBefore);
  for (const n of SETTLED) dc.subscribe(n, onSettled);
  return {
    get connecting() {
      return began && !completed;
    },
    get since() {
      return since;
    },
    onConnected: (fn) => void waiting.push(fn),
    stop: () => {
      dc.unsubscribe(BEFORE, onBefore);
      for (const n of SETTLED) dc.unsubscribe(n, onSettled);
      waiting.length = 0;
    },
  };
}
