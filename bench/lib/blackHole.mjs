// An address on loopback where a TCP connect never completes (a firewall that drops packets): a
// listener whose thread is blocked, its accept queue full, so the kernel drops every further SYN.
// The same as test/helpers/blackHole.ts, for the bench.
import { Worker } from 'node:worker_threads';
import { connect } from 'node:net';

const LISTENER = `
const { workerData, parentPort } = require('node:worker_threads');
const server = require('node:net').createServer();
server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
  parentPort.postMessage(server.address().port);
  Atomics.wait(new Int32Array(workerData), 0, 0);
});`;

export async function startBlackHole() {
  const gate = new SharedArrayBuffer(4);
  const worker = new Worker(LISTENER, { eval: true, workerData: gate });
  const port = await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const fill = [];
  for (let i = 0; i < 2; i++) {
    const s = connect(port, '127.0.0.1');
    fill.push(s);
    await new Promise((resolve, reject) => {
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
