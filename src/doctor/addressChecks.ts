// Checks 2 and 3: can the address be reached, and what answers there.
import { isIP } from 'node:net';
import { normalizeBaseUrl } from '../config/values.js';
import { networkOf } from '../runtime/config.js';
import { proxyFor, shownProxy } from '../runtime/net/settings.js';
import { caList } from '../runtime/net/fetch.js';
import { probeBaseUrl } from '../runtime/connections/litellm/probe.js';
import { detectedKind, initialConnection, kindOf, UNIDENTIFIED_PROXY } from '../runtime/connections/index.js';
import { classifyError } from '../runtime/errors.js';
import { HTTP_TO_TLS } from '../runtime/errorFacts.js';
import type { Outcome, Run } from './types.js';
import { anthropicShaped, certName, codeError, getJson, hostOf, isTimeout, openaiShaped, speaksTls, tcpConnect, tlsHandshake, withTimeout, type ApiAnswer } from '../runtime/net/probes.js';

export const ANTHROPIC_API = 'https://api.anthropic.com';

/** 2. The address: URL, DNS, TCP, TLS (https://), and whether it answers HTTP at all (http:// to a TLS port). */
export async function checkAddress(run: Run): Promise<Outcome> {
  const { config, found, fetchImpl, now, wait, classify, timedOut, skip, m } = run;
  const d = m.doctor;
  const raw = config.values.ANTHROPIC_BASE_URL;
  if (!config.baseUrl) {
    // Set but unusable (a bad value, or a line dotenv skipped): no check may fall back to Anthropic
    // directly, which would get the proxy's key.
    const unusable = config.unusableBaseUrl;
    if (unusable) {
      found.why = d.badUrl;
      const check = raw ? normalizeBaseUrl(raw) : undefined;
      return {
        status: 'fail',
        kind: 'config',
        title: check && !check.ok ? m.problems.keyed({ key: 'ANTHROPIC_BASE_URL', message: check.say(m) }) : (unusable.say?.(m) ?? unusable.message),
        detail: unusable.line ? [m.doctor.onLine({ line: unusable.line })] : [],
        fix: d.badUrlFix,
      };
    }
    if (!config.credential) {
      found.noKey = true;
      found.why = d.nothingToConnect;
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
  if (raw && config.baseUrl && raw.trim() !== config.baseUrl) detail.push(d.usedAs({ raw: raw.trim(), url: config.baseUrl }));
  if (!config.baseUrl) detail.push(d.checkingAnthropic({ url: ANTHROPIC_API }));
  const net = networkOf(config);
  const route = proxyFor(net, target);
  if (route.kind === 'proxy') detail.push(d.viaProxy({ proxyUrl: shownProxy(route.proxy.value), proxyVar: route.proxy.from }));
  else if (route.kind === 'bypass') detail.push(d.bypassProxy({ proxyVar: route.noProxy.from }));
  for (const f of net.caFiles) detail.push(d.caFile({ caVar: f.from, path: f.value }));
  // Through a forward proxy only the proxy reaches the address: DNS, TCP and TLS from here say nothing.
  const direct = route.kind !== 'proxy';

  // DNS
  if (direct && isIP(host)) detail.push(d.ipAddress({ host }));
  else if (direct) {
    const { lookup } = await import('node:dns/promises'); // loaded when a doctor runs, not with the app
    const t = now();
    try {
      const addrs = await withTimeout(lookup(host, { all: true }), wait(), () => codeError('EAI_AGAIN', `DNS lookup of ${host} timed out`));
      detail.push(d.dns({ host, addresses: addrs.map((a) => a.address).join(', '), ms: Math.round(now() - t) }));
    } catch (err) {
      found.why = d.noDns({ host });
      return classify(err, detail);
    }
  }

  // TCP
  const t = now();
  const tcpWait = wait();
  if (direct) {
    try {
      const address = await tcpConnect(host, port, tcpWait);
      detail.push(d.tcp({ address, port, ms: Math.round(now() - t) }));
    } catch (err) {
      found.why = d.noTcp({ host, port });
      const code = (err as { code?: string }).code;
      if (code === 'ETIMEDOUT') detail.push(d.tcpSilent({ ms: tcpWait }));
      return classify(err, detail);
    }
  }

  // TLS, for https:// addresses
  if (https && direct) {
    try {
      const tls = await tlsHandshake(host, port, wait(), true, await caList(net));
      detail.push(d.tls({ protocol: tls.protocol ?? 'ok', subject: certName(tls.cert.subject), issuer: certName(tls.cert.issuer), validTo: tls.cert.valid_to }));
    } catch (err) {
      found.why = d.tlsFailed;
      const code = (err as { code?: string }).code;
      if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'EPROTO') {
        const plain = `http://${url.host}${url.pathname.replace(/\/$/, '')}`;
        const p = await probeBaseUrl(plain, wait(), fetchImpl);
        if (p.kind !== 'unreachable') detail.push(d.plainAnswers({ url: plain, litellm: !!detectedKind(p)?.doctor?.identified }));
      }
      return classify(err, detail);
    }
  }

  // Does it answer HTTP at all? (The same probe the runtime uses to detect LiteLLM.)
  const probeWait = wait();
  const probe = await probeBaseUrl(target, probeWait, fetchImpl);
  found.probe = probe;
  const odd = probe.kind === 'unreachable' ? !isTimeout(probe.error) : probe.kind === 'other' && probe.status === 400 && /html/i.test(probe.contentType ?? '');
  if (!https && direct && odd && (await speaksTls(host, port, wait()))) {
    found.why = d.httpToTls;
    return classify(codeError(HTTP_TO_TLS, 'plain HTTP to a TLS port'), [...detail, d.tlsOnPort({ port })]);
  }
  if (probe.kind === 'unreachable') {
    if (isTimeout(probe.error)) {
      found.why = d.silent({ host: url.host });
      return timedOut(probeWait, [...detail, d.silentDetail({ ms: probeWait, timeoutMs: config.timeoutMs })]);
    }
    found.why = d.noHttp({ host: url.host });
    return classify(probe.error, detail);
  }
  found.reachable = true;
  return { status: 'pass', title: d.reachable({ url: target, https }), detail };
}

/** 3. What answers: LiteLLM (and its version), an Anthropic-compatible gateway, or a web page. */
export async function checkServer(run: Run): Promise<Outcome> {
  const { config, found, fetchImpl, wait, ctx, fail, classify, timedOut, skip, m } = run;
  const d = m.doctor;
  if (!found.reachable || !found.target) return skip(found.why ?? d.notChecked);
  const target = found.target;
  const probe = found.probe!;
  const detail: string[] = [];
  // The kind the probe identified words what it found (LiteLLM: its version).
  const detected = detectedKind(probe);
  const identify = detected?.doctor?.identified;
  const identified = identify ? await identify(probe, target, wait(), fetchImpl) : undefined;
  const said = identified && detected ? m.doctor.identified[detected.id] : undefined;
  if (identified && said) {
    detail.push(said.detail(identified));
  } else if (probe.kind === 'other' && config.baseUrl) {
    detail.push(d.notAlive({ answer: `${probe.status}${probe.contentType ? ` ${probe.contentType.split(';')[0]}` : ''}${probe.server ? `, server: ${probe.server}` : ''}` }));
  }
  // Who answers the API paths? A key-less model listing: JSON (even a 401) is the API; a web page is
  // something in front of it.
  const apiWait = wait();
  let api: ApiAnswer;
  try {
    api = await getJson(`${target}/v1/models`, apiWait, fetchImpl);
  } catch (err) {
    found.why = d.noModelsAnswer({ host: hostOf(target) });
    return isTimeout(err) ? timedOut(apiWait, detail) : classify(err, detail);
  }
  detail.push(d.apiAnswer({ status: api.status, contentType: api.contentType, server: api.server, json: api.json !== undefined }));
  if (api.json === undefined) {
    found.why = d.somethingElse;
    if (identified) detail.push(d.healthButPage);
    return fail(classifyError({ status: api.status, headers: api.headers, message: `${api.status} ${api.text}` }, ctx()), detail);
  }

  // The same choice as the runtime's: direct, forced by OPENWORK_PROXY_FORMAT, or what the probe found.
  const initial = initialConnection(config);
  const override = initial.via === 'override';
  const kind = initial.via === 'fallback' ? (detectedKind(probe) ?? UNIDENTIFIED_PROXY) : kindOf(initial.mode);
  found.mode = kind.id;
  found.answers = true;
  if (override) detail.push(d.formatSet({ format: config.proxyFormat }));
  else if (kind.doctor?.formatNote && m.doctor.formatNote[kind.id]) detail.push(m.doctor.formatNote[kind.id]!);

  const host = hostOf(target);
  if (!config.baseUrl) return { status: 'pass', title: d.anthropicApi, detail };
  if (identified && said) return { status: 'pass', title: said.title({ ...identified, host }), detail };
  if (anthropicShaped(api)) return { status: 'pass', title: d.gatewayAt({ host }), detail };
  if (openaiShaped(api) && !(override && config.proxyFormat === 'openai')) {
    return {
      status: 'warn',
      title: d.openaiLike({ host }),
      detail,
      fix: override ? undefined : d.openaiLikeFix,
    } as Outcome;
  }
  if (override) return { status: 'pass', title: d.apiAt({ host }), detail };
  return { status: 'warn', title: d.oddJson({ host }), detail, fix: d.oddJsonFix };
}
