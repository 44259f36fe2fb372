// LiteLLM's GET /model/info: the provider model (and prices, context) behind each alias, when the
// key may read it. Optional: older proxies and restricted keys do not answer it.
import { parseModelInfo } from '../../models.js';

export async function litellmModelInfo(baseUrl: string, credential: string | undefined, fetchImpl: typeof fetch, signal: AbortSignal): Promise<ReturnType<typeof parseModelInfo> | undefined> {
  try {
    const res = await fetchImpl(`${baseUrl}/model/info`, { headers: credential ? { authorization: `Bearer ${credential}` } : {}, signal });
    if (!res.ok) return undefined;
    return parseModelInfo(await res.json());
  } catch {
    return undefined;
  }
}
