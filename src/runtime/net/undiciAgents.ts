// undici's fetch and agents, as a module of its own: the build makes it a lazy file (scripts/buildOptions.mjs
// LAZY), loaded only when a forward proxy or a private CA is configured.
export { Agent, ProxyAgent, fetch } from 'undici';
