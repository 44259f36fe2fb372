// The part of undici an early connection needs (net/preconnect.ts): its Agent and connector, for
// Node's own fetch to send through. A lazy file of its own (scripts/buildOptions.mjs LAZY): a
// third of the whole package (undiciAgents.ts), which `-p` would otherwise load just for this.
import Agent from 'undici/lib/dispatcher/agent.js';
import buildConnector from 'undici/lib/core/connect.js';
import { ConnectTimeoutError } from 'undici/lib/core/errors.js';

export { Agent, buildConnector, ConnectTimeoutError };
