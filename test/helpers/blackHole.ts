// An address on loopback where a TCP connect never completes, as behind a firewall that drops
// packets: a listener whose thread is blocked (it never accepts) with its accept queue full, so the
// kernel drops every further SYN (Linux: a full accept queue drops the SYN, the client keeps waiting).
import { Worker } from 'node:worker_threads';
import { connect, type Socket } from 'node:net';

export interface BlackHole {
  port: number;
  url: string;
  close(): Promise<void>;
}

const LISTENER = `
const { workerData, parentPort } = require('node:worker_threads');
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  // Blocked from here on: the event loop never runs, so nothing is ever accepted.
  Atomics.wait(new Int32Array(workerData), 0, 0);
});`;

export async function startBlackHole(): Promise<BlackHole> {
  const gate = new SharedArrayBuffer(4);
  const worker = new Worker(LISTENER, { eval: true, workerData: gate });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  // A backlog of 1 queues two connections; with those two, the queue is full.
  const fill: Socket[] = [];
  for (let i = 0; i < 2; i++) {
    const s = connect(port, '127.0.0.1');
    fill.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', resolve);
      s.once('error', reject);
    });
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      Atomics.store(new Int32Array(gate), 0, 1);
      Atomics.notify(new Int32Array(gate), 0);
      for (const s of fill) s.destroy();
      await worker.terminate();
    },
  };
}
