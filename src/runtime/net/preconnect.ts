// A connection opened before the request is ready. `-p` knows its address as soon as .env is read,
// and then spends tens of milliseconds loading the SDK and building the request: the TCP handshake
// (a round trip, 100–300 ms to a proxy across the internet) runs meanwhile, and the request goes out
// on that connection (an undici agent takes it: net/fetch.ts). Nothing is sent on it before the
// request: no extra request, no probe. TLS, when there is any, is undici's own, over this socket.
import type { Socket } from 'node:net';

type Connector = import('undici').buildConnector.connector;
type ConnectTimeout = typeof import('undici').errors.ConnectTimeoutError;

export interface EarlyConnection {
  /** `http:` or `https:` */
  protocol: string;
  hostname: string;
  port: number;
  socket: Socket;
  /** performance.now() when the connect began: the connect limit counts from there. */
  startedAt: number;
  /** Handed to undici (at most once). */
  taken: boolean;
}

/** A host on this machine: its handshake takes microseconds, nothing to hide (and loading what takes an early connection costs more). */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h) || /^::ffff:127\./.test(h);
}

/**
 * Whether `-p` opens its connection early: OPENWORK_PRECONNECT when set (on: e.g. a local port
 * forwarded to a proxy far away), else only to an address off this machine.
 */
export function preconnectWanted(url: string, setting: { on: boolean } | undefined): boolean {
  if (setting) return setting.on;
  try {
    return !isLoopbackHost(new URL(url).hostname);
  } catch {
    return false;
  }
}

const defaultPort = (protocol: string): number => (protocol === 'https:' ? 443 : 80);

/** Starts connecting to `url`'s host now; undefined for an address this cannot open (no http(s), a bad URL). */
export function openEarly(url: string, connect: (opts: { host: string; port: number; highWaterMark: number }) => Socket): EarlyConnection | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  const hostname = u.hostname.replace(/^\[|\]$/g, '');
  const port = Number(u.port) || defaultPort(u.protocol);
  // The same buffer sizes as undici's own connector (64 KB for plain TCP; TLS keeps its own).
  const socket = connect({ host: hostname, port, highWaterMark: 64 * 1024 });
  // An error before undici asks for it is undici's to meet again on a connection of its own.
  socket.on('error', () => {});
  // Unused (the command ended before sending): it must not keep the process alive.
  socket.unref();
  return { protocol: u.protocol, hostname, port, socket, startedAt: performance.now(), taken: false };
}

/** Closes an early connection undici never took. */
export function closeEarly(early: EarlyConnection | undefined): void {
  if (early && !early.taken) early.socket.destroy();
}

/**
 * undici's connector, with the early connection handed over for the first connect to its address.
 * It waits for that connect to complete within what is left of `timeoutMs`, and fails the way
 * undici's own would (ConnectTimeoutError); a connection that failed or closed before it was needed
 * is left, and undici connects again (and meets and words the same failure itself).
 */
export function earlyConnector(ConnectTimeoutError: ConnectTimeout, base: Connector, early: EarlyConnection, timeoutMs: number): Connector {
  return (opts, callback) => {
    const port = Number(opts.port) || defaultPort(opts.protocol);
    const usable = !early.taken && opts.protocol === early.protocol && opts.hostname.replace(/^\[|\]$/g, '') === early.hostname && port === early.port && !opts.httpSocket;
    const socket = early.socket;
    if (!usable || socket.destroyed || socket.readyState === 'closed' || socket.readableEnded) return base(opts, callback);
    early.taken = true;
    socket.ref();
    const hand = (): void => {
      socket.setKeepAlive(true, 60e3).setNoDelay(true);
      if (opts.protocol === 'https:') base({ ...opts, httpSocket: socket }, callback);
      else callback(null, socket);
    };
    if (socket.readyState === 'open') return hand();
    const left = Math.max(0, timeoutMs - (performance.now() - early.startedAt));
    let timer: NodeJS.Timeout | undefined;
    const done = (): void => {
      clearTimeout(timer);
      socket.off('connect', onConnect).off('error', onError);
    };
    const onConnect = (): void => {
      done();
      hand();
    };
    const onError = (): void => {
      done();
      base(opts, callback); // refused, unreachable…: undici's own attempt says it
    };
    timer = setTimeout(() => {
      done();
      const err = new ConnectTimeoutError(`Connect Timeout Error (attempted address: ${opts.hostname}:${port}, timeout: ${timeoutMs}ms)`);
      socket.destroy(err);
      callback(err, null);
    }, left);
    socket.once('connect', onConnect).once('error', onError);
  };
}
