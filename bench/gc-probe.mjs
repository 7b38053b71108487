// Preloaded (`node --import ./bench/gc-probe.mjs dist/cli.js …`) by bench/run.mjs into each CLI process it
// times: sums the durations of the process's garbage collections (perf_hooks 'gc' entries) and, when the
// process exits, writes { gcMs, totalMs } to the file named by PLAN_BENCH_GC_OUT (totalMs: from the
// process's time origin to its exit). The observer's own cost is a callback per collection.
import { writeFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';

const out = process.env.PLAN_BENCH_GC_OUT;
if (out) {
  let gcMs = 0;
  let collections = 0;
  const add = (entries) => {
    for (const entry of entries) {
      gcMs += entry.duration;
      collections++;
    }
  };
  const observer = new PerformanceObserver((list) => add(list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  process.on('exit', () => {
    // Entries not yet handed to the callback (it runs asynchronously) are still in the observer's buffer.
    add(observer.takeRecords());
    observer.disconnect();
    writeFileSync(out, JSON.stringify({ gcMs, collections, totalMs: performance.now() }));
  });
}
