// A TCP relay on 127.0.0.1 that makes a loopback link look like a long one: every byte waits
// `oneWayMs` in each direction, and a new connection waits one round trip before its first byte
// goes through (the TCP handshake a real link would cost: the client's first byte leaves when the
// SYN-ACK is back, a round trip after its connect, and arrives `oneWayMs` later). The loopback
// connect itself completes at once. Order is kept; nothing is dropped.
import net from 'node:net';

export async function startRelay(target, { oneWayMs = 50 } = {}) {
  const sockets = new Set();
  let connections = 0;
  const server = net.createServer((client) => {
    connections += 1;
    const upstream = net.connect(target.port, target.host ?? '127.0.0.1');
    const openAt = performance.now() + 2 * oneWayMs;
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.setNoDelay(true);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    const forward = (from, to, extraUntil) => {
      let last = 0;
      from.on('data', (d) => {
        // Each chunk leaves oneWayMs after it came (and never before the one ahead of it).
        const due = Math.max(performance.now() + oneWayMs, extraUntil ? extraUntil() : 0, last);
        last = due;
        setTimeout(() => to.destroyed || to.write(d), Math.max(0, due - performance.now()));
      });
      from.on('end', () => {
        const due = Math.max(performance.now() + oneWayMs, last);
        setTimeout(() => to.destroyed || to.end(), Math.max(0, due - performance.now()));
      });
      from.on('close', () => setTimeout(() => to.destroy(), Math.max(0, last - performance.now()) + oneWayMs));
    };
    forward(client, upstream, () => openAt + oneWayMs);
    forward(upstream, client);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const port = server.address().port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
