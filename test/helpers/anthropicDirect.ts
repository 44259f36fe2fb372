// Anthropic direct (no ANTHROPIC_BASE_URL) against a local server: the runtime's fetch sends what the
// SDK addresses to https://api.anthropic.com to `localUrl` instead, and refuses any other address, so a
// test never sends traffic off loopback. The request itself is real (the SDK's, over HTTP, to a real server).
const ANTHROPIC = 'https://api.anthropic.com';

export function anthropicAt(localUrl: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(`${ANTHROPIC}/`)) return Promise.reject(new Error(`a test request went to ${url}, not to ${ANTHROPIC}`));
    return fetch(localUrl + url.slice(ANTHROPIC.length), init);
  };
}
