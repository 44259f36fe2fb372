// undici's fetch and agents, as a module of its own: the build makes it a lazy file (scripts/buildOptions.mjs
// LAZY), loaded only when a forward proxy, a private CA or a connection opened early (net/preconnect.ts) needs it.
export { Agent, ProxyAgent, buildConnector, errors, fetch } from 'undici';
