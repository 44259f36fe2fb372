// A tiny forward proxy on 127.0.0.1, as a company network puts between a laptop and the world:
// plain-HTTP requests in absolute form (GET http://host/path) are forwarded, CONNECT host:port opens
// a tunnel (for https). Records what passed through. Loopback only: it refuses any other target.
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export interface Passed {
  /** 'GET' etc. for a forwarded request, 'CONNECT' for a tunnel. */
  method: string;
  /** The absolute URL (forwarded) or host:port (tunnel). */
  target: string;
  headers: http.IncomingHttpHeaders;
}

export interface ForwardProxy {
  url: string;
  passed: Passed[];
  /** Request lines seen inside plain-http tunnels ("GET /v1/models"): what went through a CONNECT. */
  tunnelled: string[];
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export async function startForwardProxy(): Promise<ForwardProxy> {
  const passed: Passed[] = [];
  const tunnelled: string[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    passed.push({ method: req.method ?? '', target: target.href, headers: req.headers });
    if (!LOOPBACK.has(target.hostname)) {
      res.writeHead(403).end('loopback only');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    const up = http.request(target, { method: req.method, headers }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    passed.push({ method: 'CONNECT', target, headers: req.headers });
    const i = target.lastIndexOf(':');
    const host = target.slice(0, i);
    if (!LOOPBACK.has(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(target.slice(i + 1)), host.replace(/^\[|\]$/g, ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
      // Plain http in the tunnel: note each request line (a TLS tunnel shows none).
      client.on('data', (c: Buffer) => {
        for (const m of c.toString('latin1').matchAll(/^(GET|POST|PUT|DELETE|HEAD|OPTIONS|PATCH) (\S+) HTTP\/1\.1\r$/gm)) tunnelled.push(`${m[1]} ${m[2]}`);
      });
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    passed,
    tunnelled,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
