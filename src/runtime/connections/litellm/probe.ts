// Is the base URL a LiteLLM proxy? GET /health/liveliness answering "I'm alive!", or any response
// carrying an x-litellm-version header, says yes. No key is sent with the probe.

export type ProbeResult =
  | { kind: 'litellm'; version?: string; status: number }
  | { kind: 'other'; status: number; contentType?: string; server?: string }
  | { kind: 'unreachable'; error: unknown };

export const PROBE_TIMEOUT_MS = 3_000;

export async function probeBaseUrl(baseUrl: string, timeoutMs = PROBE_TIMEOUT_MS, fetchImpl: typeof fetch = fetch): Promise<ProbeResult> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchImpl(`${baseUrl}/health/liveliness`, { signal, headers: { accept: 'application/json' } });
    const version = res.headers.get('x-litellm-version') ?? undefined;
    const body = await res.text().catch(() => '');
    if (version || (res.ok && /I'm alive/i.test(body))) {
      return { kind: 'litellm', status: res.status, ...(version ? { version } : {}) };
    }
    return {
      kind: 'other',
      status: res.status,
      ...(res.headers.get('content-type') ? { contentType: res.headers.get('content-type')! } : {}),
      ...(res.headers.get('server') ? { server: res.headers.get('server')! } : {}),
    };
  } catch (error) {
    return { kind: 'unreachable', error };
  }
}

/** LiteLLM's version from /health/readiness (no key needed), if it says. */
export async function litellmVersion(baseUrl: string, timeoutMs = PROBE_TIMEOUT_MS, fetchImpl: typeof fetch = fetch): Promise<string | undefined> {
  try {
    const res = await fetchImpl(`${baseUrl}/health/readiness`, { signal: AbortSignal.timeout(timeoutMs) });
    const header = res.headers.get('x-litellm-version');
    if (header) return header;
    const body = (await res.json()) as { litellm_version?: unknown };
    return typeof body.litellm_version === 'string' ? body.litellm_version : undefined;
  } catch {
    return undefined;
  }
}
