// Types for the undici modules imported by path (net/undiciAgent.ts): the package's own types, which
// describe these same classes as re-exported from its index.
declare module 'undici/lib/dispatcher/agent.js' {
  const Agent: typeof import('undici').Agent;
  export default Agent;
}
declare module 'undici/lib/core/connect.js' {
  const buildConnector: typeof import('undici').buildConnector;
  export default buildConnector;
}
declare module 'undici/lib/core/errors.js' {
  export const ConnectTimeoutError: typeof import('undici').errors.ConnectTimeoutError;
}
