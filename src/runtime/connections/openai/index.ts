// OpenAI directly, for gpt-*/o* models when OPENAI_API_KEY is set (beside the main connection):
// chat completions at OPENAI_BASE_URL or api.openai.com, with OPENAI_API_KEY.
import type { ConnectionKind } from '../types.js';

export const OPENAI_DEFAULT_BASE = 'https://api.openai.com/v1';

export const openai: ConnectionKind<'openai'> = {
  id: 'openai',
  proxy: false,
  server: 'openai',
  async client(s) {
    const { createOpenAIChatClient } = await import('../../providers/openaiChat.js');
    return createOpenAIChatClient({ ...s, mode: 'openai', baseURL: s.baseURL ? `${s.baseURL}/v1` : OPENAI_DEFAULT_BASE, credentialVar: undefined });
  },
  describe: (config) => ['[Runtime] Using OpenAI directly:', { hasOpenAIKey: !!config.openaiApiKey }],
  servesOnlyListed: false,
  keyInfo: false,
  modelInfo: false,
  listingOptional: true,
};
