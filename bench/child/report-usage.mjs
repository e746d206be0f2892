// Loaded into every Node process of a benchmark child (NODE_OPTIONS=--import):
// at exit, appends this process's own peak RSS (KiB) to $BENCH_USAGE_FILE.
// Plain JavaScript, so it adds no loader of its own to the process it measures.
import { appendFileSync } from 'node:fs';
import process from 'node:process';

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const { maxRSS } = process.resourceUsage();
    appendFileSync(target, `${JSON.stringify({ pid: process.pid, argv: process.argv.slice(1, 2), maxRSS })}\n`);
  });
}
