// Preloaded with `node --import` (through NODE_OPTIONS) into every measured process, the app and the
// baselines alike. On exit it writes the process's own CPU time (user + system, microseconds) and
// memory to $BENCH_PROBE_OUT; on SIGUSR2 it writes a memory breakdown (V8 heap, external, array
// buffers, RSS) to $BENCH_PROBE_OUT.mem. It changes nothing else in the process.
import { writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';

const out = process.env.BENCH_PROBE_OUT;
if (out) {
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const usage = process.resourceUsage();
    writeFileSync(
      out,
      JSON.stringify({
        userUs: cpu.user,
        systemUs: cpu.system,
        rss: process.memoryUsage().rss,
        maxRss: usage.maxRSS * 1024,
        uptimeMs: process.uptime() * 1000,
      }),
    );
  });
  process.on('SIGUSR2', () => {
    const before = process.memoryUsage();
    if (typeof globalThis.gc === 'function') globalThis.gc(); // only under --expose-gc (diagnosis)
    const heap = getHeapStatistics();
    writeFileSync(`${out}.mem`, JSON.stringify({ before, ...process.memoryUsage(), heapSize: heap.total_heap_size, heapLimit: heap.heap_size_limit }));
  });
}
