import { loadMessages } from '../src/i18n/index.js';

// Ink stops redrawing under CI=true and prints only the final frame; component tests need frames.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
// Never let a test reach the real ~/.openwork or a real key from the developer's shell.
for (const k of [
  'ANTHROPIC_BASE_URL',
  'ANTHROPIC_API_KEY',
  'ANTHROPIC_AUTH_TOKEN',
  'OPENAI_API_KEY',
  'OPENAI_BASE_URL',
  'OPENWORK_PROXY_FORMAT',
  'OPENWORK_TIMEOUT_MS',
]) {
  delete process.env[k];
}

// The Chinese catalog is loaded on demand in the app (loadMessages); tests read it directly.
await loadMessages('zh-CN');
