// Enterprise network settings, resolved from .env (first) and the environment: the forward proxy
// (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, either case), a private certificate authority
// (OPENWORK_CA_FILE, NODE_EXTRA_CA_CERTS), extra headers for the proxy (OPENWORK_HEADERS), a
// command that prints the key (OPENWORK_API_KEY_HELPER) and the connect timeout
// (OPENWORK_CONNECT_TIMEOUT_MS). Pure: no file access, no network.
import { DEFAULT_CONNECT_TIMEOUT_MS, MAX_TIMEOUT_MS } from '../../config/values.js';

export interface FromVar {
  value: string;
  /** The variable it came from, as written (e.g. `https_proxy`), for the doctor. */
  from: string;
  /** Where: the .env file or the process environment. */
  source: 'file' | 'env';
}

export interface NetworkConfig {
  readonly httpProxy?: FromVar;
  readonly httpsProxy?: FromVar;
  readonly noProxy?: FromVar;
  /** PEM files to trust besides the system's (OPENWORK_CA_FILE, NODE_EXTRA_CA_CERTS). */
  readonly caFiles: readonly FromVar[];
  /** Extra headers for every request to the proxy. Values are secrets: never log or show them. */
  readonly headers: readonly (readonly [string, string])[];
  readonly keyHelper?: FromVar;
  /** How long a TCP connect may take, when set (undici's 10 s otherwise): a slow link may need more. */
  readonly connectTimeout?: FromVar & { ms: number };
  /** OPENWORK_PRECONNECT: open the connection while `-p` loads (on), never (off); unset: only to an address off this machine. */
  readonly preconnect?: FromVar & { on: boolean };
  /** Entries that could not be used (English; never contains a header value). */
  readonly problems: readonly string[];
}

export const NETWORK_KEYS = ['OPENWORK_CA_FILE', 'OPENWORK_HEADERS', 'OPENWORK_API_KEY_HELPER', 'OPENWORK_CONNECT_TIMEOUT_MS', 'OPENWORK_PRECONNECT'] as const;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** `x-litellm-tags: team-a; x-team: b` (or one per line) → pairs; bad entries become problems. */
export function parseHeaders(raw: string | undefined): { headers: [string, string][]; problems: string[] } {
  const headers: [string, string][] = [];
  const problems: string[] = [];
  for (const part of (raw ?? '').split(/[;\r\n]+/)) {
    const entry = part.trim();
    if (!entry) continue;
    const colon = entry.indexOf(':');
    const name = colon > 0 ? entry.slice(0, colon).trim() : '';
    const value = colon > 0 ? entry.slice(colon + 1).trim() : '';
    // eslint-disable-next-line no-control-regex
    if (!name || !TOKEN.test(name) || /[\u0000-\u001f\u007f]/.test(value)) {
      problems.push(`OPENWORK_HEADERS: an entry is not "Name: value"${name && TOKEN.test(name) ? ` (${name})` : ''}; it is not sent`);
      continue;
    }
    headers.push([name.toLowerCase(), value]);
  }
  return { headers, problems };
}

function pick(file: Record<string, string>, env: NodeJS.ProcessEnv, names: readonly string[]): FromVar | undefined {
  for (const [values, source] of [
    [file, 'file'],
    [env, 'env'],
  ] as const) {
    for (const name of names) {
      const v = values[name]?.trim();
      if (v) return { value: v, from: name, source };
    }
  }
  return undefined;
}

function proxyUrl(v: FromVar | undefined, problems: string[]): FromVar | undefined {
  if (!v) return undefined;
  // curl and undici accept a bare host:port.
  const value = /^[a-z][a-z0-9+.-]*:\/\//i.test(v.value) ? v.value : `http://${v.value}`;
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
    return { ...v, value };
  } catch {
    problems.push(`${v.from}: not a proxy address (http://host:port); requests go directly`);
    return undefined;
  }
}

export function resolveNetwork(file: Record<string, string>, env: NodeJS.ProcessEnv): NetworkConfig {
  const problems: string[] = [];
  // Lower case first, as curl and undici read them.
  const httpProxy = proxyUrl(pick(file, env, ['http_proxy', 'HTTP_PROXY']), problems);
  const httpsProxy = proxyUrl(pick(file, env, ['https_proxy', 'HTTPS_PROXY']), problems);
  const noProxy = pick(file, env, ['no_proxy', 'NO_PROXY']);
  const caFiles = [pick(file, env, ['OPENWORK_CA_FILE']), pick(file, env, ['NODE_EXTRA_CA_CERTS'])].filter((v): v is FromVar => !!v);
  const rawHeaders = pick(file, env, ['OPENWORK_HEADERS']);
  const parsed = parseHeaders(rawHeaders?.value);
  problems.push(...parsed.problems);
  const keyHelper = pick(file, env, ['OPENWORK_API_KEY_HELPER']);
  const rawConnect = pick(file, env, ['OPENWORK_CONNECT_TIMEOUT_MS']);
  const connectMs = rawConnect && /^\d+$/.test(rawConnect.value) ? Number(rawConnect.value) : NaN;
  const connectTimeout = connectMs > 0 && connectMs <= MAX_TIMEOUT_MS ? { ...rawConnect!, ms: connectMs } : undefined;
  if (rawConnect && !connectTimeout) {
    problems.push(`OPENWORK_CONNECT_TIMEOUT_MS: not a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS} ("${rawConnect.value}"); using ${DEFAULT_CONNECT_TIMEOUT_MS}`);
  }
  const rawPre = pick(file, env, ['OPENWORK_PRECONNECT']);
  const preOn = rawPre && /^(on|1|true|yes)$/i.test(rawPre.value) ? true : rawPre && /^(off|0|false|no)$/i.test(rawPre.value) ? false : undefined;
  const preconnect = rawPre && preOn !== undefined ? { ...rawPre, on: preOn } : undefined;
  if (rawPre && !preconnect) problems.push(`OPENWORK_PRECONNECT: on or off ("${rawPre.value}"); left to the address (only off this machine)`);
  return Object.freeze({
    ...(httpProxy ? { httpProxy } : {}),
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(noProxy ? { noProxy } : {}),
    caFiles,
    headers: parsed.headers,
    ...(keyHelper ? { keyHelper } : {}),
    ...(connectTimeout ? { connectTimeout } : {}),
    ...(preconnect ? { preconnect } : {}),
    problems,
  });
}

/** The same network settings (a change makes the runtime build new clients). */
export function sameNetwork(a: NetworkConfig, b: NetworkConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Header values are secrets: the logger scrubs them. */
export function networkSecrets(net: NetworkConfig): string[] {
  return net.headers.map(([, v]) => v).filter((v) => v.length >= 4);
}

export type ProxyRoute = { kind: 'proxy'; proxy: FromVar } | { kind: 'bypass'; noProxy: FromVar } | { kind: 'direct' };

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/**
 * Whether a request to `target` goes through the forward proxy. NO_PROXY as curl and undici read it:
 * entries split by commas or spaces, `*` for every host, `host`, `.host` or `*.host` for the host and
 * its subdomains, an optional `:port`. https falls back to the http proxy, as undici's does.
 */
export function proxyFor(net: NetworkConfig, target: string): ProxyRoute {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { kind: 'direct' };
  }
  const proxy = url.protocol === 'https:' ? (net.httpsProxy ?? net.httpProxy) : url.protocol === 'http:' ? net.httpProxy : undefined;
  if (!proxy) return { kind: 'direct' };
  if (net.noProxy && bypassed(net.noProxy.value, url)) return { kind: 'bypass', noProxy: net.noProxy };
  return { kind: 'proxy', proxy };
}

function bypassed(noProxy: string, url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || defaultPort(url.protocol);
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:\d+$|$)/g, ''));
    const name = (m?.[1] ?? entry).replace(/^\*?\./, '');
    if (m?.[2] && m[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** Whether requests need undici's own agent: a proxy, a CA Node did not load itself at start, or another connect timeout. */
export function needsAgent(net: NetworkConfig): boolean {
  return !!(net.httpProxy || net.httpsProxy || net.connectTimeout) || net.caFiles.some((f) => f.from === 'OPENWORK_CA_FILE' || f.source === 'file');
}

/** `http://user:secret@proxy:3128` → `http://proxy:3128` (proxy credentials are never shown). */
export function shownProxy(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    return u.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}
