// A doctor run's clock, budget and failure helpers. Every failure text goes through classifyError.
import { networkOf, secretsOf } from '../runtime/config.js';
import { networkFetch } from '../runtime/net/fetch.js';
import { classifyError, type ErrorContext } from '../runtime/errors.js';
import { loggingFetch } from '../runtime/httpLog.js';
import { boundedFetch } from '../runtime/boundedFetch.js';
import { connectLimitFetch } from '../runtime/net/connectLimit.js';
import type { DoctorInput, Found, Outcome, Run } from './types.js';
import { en } from '../i18n/en.js';
import { errorWords } from '../words/errors.js';

/** A single probe never waits longer than this, so that the whole run fits in the timeout. */
const PROBE_CAP_MS = 5_000;

export function createRun(input: DoctorInput): Run {
  const { config, model } = input;
  const m = input.messages ?? en;
  const now = input.now ?? (() => performance.now());
  const secrets = secretsOf(config);
  const net = boundedFetch(connectLimitFetch(networkFetch(networkOf(config), config.baseUrl, input.fetch ?? fetch), networkOf(config).connectTimeout?.ms));
  const fetchImpl = input.logger ? loggingFetch(input.logger, net) : net;
  const caVar = networkOf(config).caFiles[0]?.from;
  const deadline = now() + config.timeoutMs;
  const probeCap = Math.min(PROBE_CAP_MS, Math.max(250, Math.floor(config.timeoutMs / 3)));
  const found: Found = { reachable: false, answers: false };
  const left = () => deadline - now();

  const ctx = (extra: Partial<ErrorContext> = {}): ErrorContext => ({
    ...(found.target ? { url: found.target } : {}),
    ...(found.mode ? { mode: found.mode } : {}),
    ...(config.credential ? { credential: config.credential } : {}),
    ...(config.credentialVar ? { credentialVar: config.credentialVar } : {}),
    model,
    secrets,
    timeoutMs: config.timeoutMs,
    ...(input.headless ? { headless: true } : {}),
    ...(caVar ? { caVar } : {}),
    ...extra,
  });
  const fail: Run['fail'] = (e, detail = []) => {
    const err = e ?? classifyError(new Error('aborted'), ctx())!;
    // The server's message whole: its first line after "server said", each further line a detail line of its own.
    const [first = '', ...more] = err.detail?.split('\n') ?? [];
    const w = errorWords(err, m);
    const said = err.detail && !w.message.includes(err.detail) ? [m.doctor.serverSaid({ detail: first }), ...more.map((l) => `  ${l}`)] : [];
    const title = m.doctor.failed({ title: m.errorCard.title({ kind: err.kind, status: err.status }), message: w.message });
    return { status: 'fail', kind: err.kind, title, detail: [...detail, ...said], fix: w.hint };
  };
  const classify: Run['classify'] = (err, detail = [], extra = {}) => fail(classifyError(err, ctx(extra)), detail);
  const skip = (why: string): Outcome => ({ status: 'skip', title: m.doctor.skipped({ why }), detail: [] });

  return {
    config,
    model,
    found,
    m,
    fetchImpl,
    paramMemory: input.paramMemory,
    now,
    left,
    wait: (cap = probeCap) => Math.max(1, Math.min(cap, Math.floor(left()))),
    ctx,
    fail,
    classify,
    timedOut: (ms, detail = []) => classify({ name: 'TimeoutError' }, detail, { timeoutMs: ms }),
    skip,
    outOfTime: () => (left() < 50 ? skip(m.doctor.outOfTime({ ms: config.timeoutMs })) : undefined),
  };
}
