// A LiteLLM proxy: OpenAI chat-completions format at <base>/v1 (the openai SDK), the key as a
// Bearer token, /model/info for what is behind an alias, and `drop_params` for parameters a model
// refuses. Detected by its health endpoint (./probe.ts); also the guess for an address that does
// not answer yet.
import type { ConnectionKind } from '../types.js';
import { litellmVersion } from './probe.js';

export const litellm: ConnectionKind<'litellm'> = {
  id: 'litellm',
  proxy: true,
  format: 'openai',
  detects: (probe) => probe.kind === 'litellm',
  server: 'proxy',
  async client(s) {
    const { createOpenAIChatClient } = await import('../../providers/openaiChat.js');
    return createOpenAIChatClient({ ...s, mode: 'litellm', baseURL: `${s.baseURL}/v1` });
  },
  describe: (config, c) => [
    '[Runtime] Using LiteLLM proxy for Anthropic:',
    {
      hasApiKey: config.hasApiKey,
      hasAuthToken: config.hasAuthToken,
      baseUrl: c.baseUrl,
      ...(c.unreachable ? { reachable: false } : {}),
      ...(c.via === 'override' ? { format: 'openai (OPENWORK_PROXY_FORMAT)' } : {}),
    },
  ],
  repliesNameVersion: true,
  servesOnlyListed: true,
  keyInfo: true,
  modelInfo: true,
  listingOptional: false,
  dropParamsFix: 'litellm_settings: drop_params: true',
  doctor: {
    formatNote: true,
    async identified(probe, target, waitMs, fetchImpl) {
      const fromHeader = probe.kind === 'litellm' && !!probe.version;
      const version = (probe.kind === 'litellm' ? probe.version : undefined) ?? (await litellmVersion(target, waitMs, fetchImpl));
      return { ...(version ? { version } : {}), fromHeader };
    },
  },
};
