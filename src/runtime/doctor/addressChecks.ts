// Checks 2 and 3: can the address be reached, and what answers there.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { ProviderMode } from '../types.js';
import { normalizeBaseUrl } from '../config.js';
import { litellmVersion, probeBaseUrl } from '../detect.js';
import { classifyError, HTTP_TO_TLS } from '../errors.js';
import type { Outcome, Run } from './types.js';
import { anthropicShaped, certName, codeError, getJson, hostOf, isTimeout, openaiShaped, speaksTls, tcpConnect, tlsHandshake, withTimeout, type ApiAnswer } from './net.js';

export const ANTHROPIC_API = 'https://api.anthropic.com';

/** 2. The address: URL, DNS, TCP, TLS (https://), and whether it answers HTTP at all (http:// to a TLS port). */
export async function checkAddress(run: Run): Promise<Outcome> {
  const { config, found, fetchImpl, now, wait, classify, timedOut, skip } = run;
  const raw = config.values.ANTHROPIC_BASE_URL;
  if (!config.baseUrl) {
    const check = raw ? normalizeBaseUrl(raw) : undefined;
    if (check && !check.ok) {
      found.why = 'ANTHROPIC_BASE_URL is not a usable address';
      return {
        status: 'fail',
        kind: 'config',
        title: `ANTHROPIC_BASE_URL: ${check.message}`,
        detail: [],
        fix: "Set ANTHROPIC_BASE_URL to the proxy's address, e.g. http://127.0.0.1:4000 (no path, no /v1 needed).",
      };
    }
    if (!config.credential) {
      found.noKey = true;
      found.why = "no ANTHROPIC_BASE_URL (Anthropic's API directly) and no key: nothing to connect with";
      return skip(found.why);
    }
  }
  const target = config.baseUrl ?? ANTHROPIC_API;
  found.target = target;
  const url = new URL(target);
  const https = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (https ? 443 : 80);
  const detail: string[] = [];
  if (raw && config.baseUrl && raw.trim() !== config.baseUrl) detail.push(`ANTHROPIC_BASE_URL ${raw.trim()} is used as ${config.baseUrl}`);
  if (!config.baseUrl) detail.push(`no ANTHROPIC_BASE_URL: checking Anthropic's API (${ANTHROPIC_API})`);

  // DNS
  if (isIP(host)) detail.push(`${host} is an IP address (no DNS lookup)`);
  else {
    const t = now();
    try {
      const addrs = await withTimeout(lookup(host, { all: true }), wait(), () => codeError('EAI_AGAIN', `DNS lookup of ${host} timed out`));
      detail.push(`DNS: ${host} → ${addrs.map((a) => a.address).join(', ')} (${Math.round(now() - t)} ms)`);
    } catch (err) {
      found.why = `the host name ${host} does not resolve`;
      return classify(err, detail);
    }
  }

  // TCP
  const t = now();
  const tcpWait = wait();
  try {
    const address = await tcpConnect(host, port, tcpWait);
    detail.push(`TCP: connected to ${address}:${port} (${Math.round(now() - t)} ms)`);
  } catch (err) {
    found.why = `nothing accepts connections at ${host}:${port}`;
    const code = (err as { code?: string }).code;
    if (code === 'ETIMEDOUT') detail.push(`no answer to the connection attempt within ${tcpWait} ms: a firewall may drop the packets, or the host is down`);
    return classify(err, detail);
  }

  // TLS, for https:// addresses
  if (https) {
    try {
      const tls = await tlsHandshake(host, port, wait(), true);
      detail.push(`TLS: ${tls.protocol ?? 'ok'}, certificate for ${certName(tls.cert.subject)}, issued by ${certName(tls.cert.issuer)}, valid until ${tls.cert.valid_to}`);
    } catch (err) {
      found.why = 'the TLS handshake failed';
      const code = (err as { code?: string }).code;
      if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
        const plain = `http://${url.host}${url.pathname.replace(/\/$/, '')}`;
        const p = await probeBaseUrl(plain, wait(), fetchImpl);
        if (p.kind !== 'unreachable') detail.push(`${plain} answers${p.kind === 'litellm' ? ' like LiteLLM' : ''}: the port speaks plain HTTP`);
      }
      return classify(err, detail);
    }
  }

  // Does it answer HTTP at all? (The same probe the runtime uses to detect LiteLLM.)
  const probeWait = wait();
  const probe = await probeBaseUrl(target, probeWait, fetchImpl);
  found.probe = probe;
  const odd = probe.kind === 'unreachable' ? !isTimeout(probe.error) : probe.kind === 'other' && probe.status === 400 && /html/i.test(probe.contentType ?? '');
  if (!https && odd && (await speaksTls(host, port, wait()))) {
    found.why = 'the address uses http:// but the port speaks HTTPS';
    return classify(codeError(HTTP_TO_TLS, 'plain HTTP to a TLS port'), [...detail, `a TLS handshake on port ${port} succeeded`]);
  }
  if (probe.kind === 'unreachable') {
    if (isTimeout(probe.error)) {
      found.why = `${url.host} accepts connections but does not answer`;
      return timedOut(probeWait, [...detail, `the connection was accepted, but no HTTP answer came within ${probeWait} ms (doctor waits at most a third of OPENWORK_TIMEOUT_MS=${config.timeoutMs}, and 5 s, per probe)`]);
    }
    found.why = `${url.host} does not answer HTTP`;
    return classify(probe.error, detail);
  }
  found.reachable = true;
  return { status: 'pass', title: `${target} is reachable and answers ${https ? 'HTTPS' : 'HTTP'}`, detail };
}

/** 3. What answers: LiteLLM (and its version), an Anthropic-compatible gateway, or a web page. */
export async function checkServer(run: Run): Promise<Outcome> {
  const { config, found, fetchImpl, wait, ctx, fail, classify, timedOut, skip } = run;
  if (!found.reachable || !found.target) return skip(found.why ?? 'the address was not checked');
  const target = found.target;
  const probe = found.probe!;
  const detail: string[] = [];
  const litellm = probe.kind === 'litellm';
  let version: string | undefined;
  if (probe.kind === 'litellm') {
    version = probe.version ?? (await litellmVersion(target, wait(), fetchImpl));
    detail.push(`GET /health/liveliness: "I'm alive!"${version ? `, version ${version}${probe.version ? ' (x-litellm-version header)' : ' (/health/readiness)'}` : ''}`);
  } else if (probe.kind === 'other' && config.baseUrl) {
    detail.push(`GET /health/liveliness: ${probe.status}${probe.contentType ? ` ${probe.contentType.split(';')[0]}` : ''}${probe.server ? `, server: ${probe.server}` : ''} (not LiteLLM's answer)`);
  }
  // Who answers the API paths? A key-less model listing: JSON (even a 401) is the API; a web page is
  // something in front of it.
  const apiWait = wait();
  let api: ApiAnswer;
  try {
    api = await getJson(`${target}/v1/models`, apiWait, fetchImpl);
  } catch (err) {
    found.why = `${hostOf(target)} did not answer GET /v1/models`;
    return isTimeout(err) ? timedOut(apiWait, detail) : classify(err, detail);
  }
  const apiLine = `GET /v1/models without a key: ${api.status}${api.json === undefined ? ` ${api.contentType || 'no content type'}${api.server ? `, server: ${api.server}` : ''}` : api.status === 200 ? ' (open: no key needed)' : api.status === 401 || api.status === 403 ? ' (needs a key)' : ''}`;
  detail.push(apiLine);
  if (api.json === undefined) {
    found.why = 'something other than the proxy answers (see above)';
    if (litellm) detail.push(`LiteLLM's health endpoint answers, but the API path gets a web page: something in front of the proxy answers it`);
    return fail(classifyError({ status: api.status, headers: api.headers, message: `${api.status} ${api.text}` }, ctx()), detail);
  }

  const override = config.proxyFormat !== 'auto';
  const mode: ProviderMode = !config.baseUrl
    ? 'anthropic'
    : override
      ? config.proxyFormat === 'openai'
        ? 'litellm'
        : 'gateway'
      : litellm
        ? 'litellm'
        : 'gateway';
  found.mode = mode;
  found.answers = true;
  if (override) detail.push(`OPENWORK_PROXY_FORMAT=${config.proxyFormat}: requests use the ${config.proxyFormat === 'openai' ? 'OpenAI chat-completions' : 'Anthropic Messages'} format`);
  else if (mode === 'litellm') detail.push('requests use the OpenAI chat-completions format at /v1 (LiteLLM)');
  else if (mode === 'gateway') detail.push('requests use the Anthropic Messages format (not LiteLLM)');

  if (!config.baseUrl) return { status: 'pass', title: "Anthropic's API", detail };
  if (litellm) return { status: 'pass', title: `LiteLLM ${version ?? '(version not reported)'} at ${hostOf(target)}`, detail };
  if (anthropicShaped(api)) return { status: 'pass', title: `an Anthropic-compatible gateway at ${hostOf(target)} (not LiteLLM)`, detail };
  if (openaiShaped(api) && !(override && config.proxyFormat === 'openai')) {
    return {
      status: 'warn',
      title: `an OpenAI-compatible API at ${hostOf(target)} that does not identify as LiteLLM`,
      detail,
      fix: override ? undefined : 'Set OPENWORK_PROXY_FORMAT=openai: with "auto", anything that is not LiteLLM is spoken to in the Anthropic format.',
    } as Outcome;
  }
  if (override) return { status: 'pass', title: `an API at ${hostOf(target)} (format set by OPENWORK_PROXY_FORMAT)`, detail };
  return { status: 'warn', title: `${hostOf(target)} answers JSON, but neither as LiteLLM nor in Anthropic's format`, detail, fix: 'Check that ANTHROPIC_BASE_URL points at the LiteLLM proxy (or set OPENWORK_PROXY_FORMAT).' };
}
