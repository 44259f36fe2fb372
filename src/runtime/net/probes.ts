// Network helpers for the doctor (src/doctor/): raw TCP and TLS handshakes (for what fetch cannot tell apart), a key-less
// JSON GET, and the shapes that say who answered. Loopback in tests; no state.
import { connect as netConnect, isIP } from 'node:net';
import type { PeerCertificate } from 'node:tls';
export function codeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export function isTimeout(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; kind?: unknown; cause?: unknown };
  return e.name === 'TimeoutError' || e.kind === 'timeout' || (e.cause !== undefined && isTimeout(e.cause));
}

export function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  p.catch(() => {}); // a late failure after the timeout is not unhandled
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export function tcpConnect(host: string, port: number, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(codeError('ETIMEDOUT', `connect ETIMEDOUT ${host}:${port}`));
    }, ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      const address = socket.remoteAddress ?? host;
      socket.destroy();
      resolve(address);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    });
  });
}

export interface TlsInfo {
  protocol: string | null;
  cert: PeerCertificate;
}

/**
 * A TLS handshake; with `verify` the certificate must be trusted (NODE_EXTRA_CA_CERTS counts).
 * node:tls loads here, not with the app: the chat bundles the doctor, and tls costs ~5 ms to load.
 */
export async function tlsHandshake(host: string, port: number, ms: number, verify: boolean, ca?: string[]): Promise<TlsInfo> {
  const { connect: tlsConnect } = await import('node:tls');
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port, rejectUnauthorized: verify, ALPNProtocols: ['http/1.1'], ...(ca ? { ca } : {}), ...(isIP(host) ? {} : { servername: host }) });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(codeError('ETIMEDOUT', `TLS handshake with ${host}:${port} timed out`));
    }, ms);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const info = { protocol: socket.getProtocol(), cert: socket.getPeerCertificate() };
      socket.destroy();
      resolve(info);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    });
  });
}

export async function speaksTls(host: string, port: number, ms: number): Promise<boolean> {
  try {
    await tlsHandshake(host, port, ms, false);
    return true;
  } catch {
    return false;
  }
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  contentType: string;
  server: string | undefined;
  text: string;
  json: unknown;
}

export async function getJson(url: string, ms: number, fetchImpl: typeof fetch): Promise<ApiAnswer> {
  const res = await fetchImpl(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(ms) });
  const text = (await res.text()).slice(0, 4000);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, contentType: res.headers.get('content-type') ?? '', server: res.headers.get('server') ?? undefined, text, json };
}

const rec = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined);

export function anthropicShaped(a: ApiAnswer): boolean {
  const j = rec(a.json);
  const first = rec(Array.isArray(j?.data) ? j.data[0] : undefined);
  return j?.type === 'error' || first?.type === 'model' || a.headers.has('request-id') || a.headers.has('anthropic-organization-id');
}

export function openaiShaped(a: ApiAnswer): boolean {
  const j = rec(a.json);
  return j?.object === 'list' || typeof rec(j?.error)?.message === 'string';
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function certName(n: PeerCertificate['subject'] | undefined): string {
  if (!n) return '?';
  return String(n.CN ?? n.O ?? '?');
}

export function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(name) || re.test(`anthropic/${name}`);
}

export function quote(s: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
  return `"${clean.length > 80 ? clean.slice(0, 79) + '…' : clean}"`;
}
