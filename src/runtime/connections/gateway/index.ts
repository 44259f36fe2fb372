// An Anthropic-compatible gateway at ANTHROPIC_BASE_URL: the Messages API through the Anthropic
// SDK with that base URL. What a proxy is when it does not answer as LiteLLM.
import type { ConnectionKind } from '../types.js';

export const gateway: ConnectionKind<'gateway'> = {
  id: 'gateway',
  proxy: true,
  format: 'anthropic',
  detects: (probe) => probe.kind === 'other',
  server: 'proxy',
  async client(s) {
    const { createAnthropicClient } = await import('../../providers/anthropicMessages.js');
    return createAnthropicClient({ ...s, mode: 'gateway' });
  },
  describe: (config, c) => [
    '[Runtime] Using Anthropic-compatible gateway:',
    { hasApiKey: config.hasApiKey, hasAuthToken: config.hasAuthToken, baseUrl: c.baseUrl, ...(c.via === 'override' ? { format: 'anthropic (OPENWORK_PROXY_FORMAT)' } : {}) },
  ],
  servesOnlyListed: false,
  keyInfo: false,
  modelInfo: false,
  listingOptional: true,
  doctor: { formatNote: true },
};
