// Anthropic's API directly (no ANTHROPIC_BASE_URL): the Anthropic SDK at its default address.
import type { ConnectionKind } from '../types.js';

export const anthropic: ConnectionKind<'anthropic'> = {
  id: 'anthropic',
  proxy: false,
  server: 'anthropic',
  async client(s) {
    const { createAnthropicClient } = await import('../../providers/anthropicMessages.js');
    return createAnthropicClient({ ...s, mode: 'anthropic', baseURL: undefined });
  },
  describe: (config) => ['[Runtime] Using Anthropic API directly:', { hasApiKey: config.hasApiKey, hasAuthToken: config.hasAuthToken }],
  servesOnlyListed: false,
  keyInfo: false,
  modelInfo: false,
  listingOptional: true,
};
