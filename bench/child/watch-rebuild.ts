/**
 * The rebuild of `npm start`, measured: starts src/cli/build-server.ts as
 * npm start does (same Node flags, IPC), asks it for a build of ISSUES_DIR,
 * copies NEXT_DIR/FILE into ISSUES_DIR/FILE (the next issue), asks again, and
 * writes both builds' times and steps as JSON.
 *
 * `node --import tsx bench/child/watch-rebuild.ts RESULT.json ISSUES_DIR OUT_DIR CACHE_DIR NEXT_DIR FILE`
 */
import { execFileSync, fork } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildReply, BuildRequest } from '../../src/cli/build-server.ts';
import { buildNodeFlags } from '../../src/cli/node-flags.ts';

const [resultFile, issuesDir, outDir, cacheDir, nextDir, file] = process.argv.slice(2);
if (!resultFile || !issuesDir || !outDir || !cacheDir || !nextDir || !file) {
  throw new Error('usage: watch-rebuild.ts RESULT.json ISSUES_DIR OUT_DIR CACHE_DIR NEXT_DIR FILE');
}

const server = fork(fileURLToPath(new URL('../../src/cli/build-server.ts', import.meta.url)), [], {
  execArgv: [...buildNodeFlags],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});

function build(): Promise<{ ms: number; reply: BuildReply }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    server.once('message', (reply: BuildReply) => (reply.ok ? resolve({ ms: performance.now() - started, reply }) : reject(new Error('the build failed'))));
    server.send({ issuesDir: issuesDir!, outDir: outDir!, cacheDir: cacheDir! } satisfies BuildRequest);
  });
}

const first = await build();
// As before every measured step of the benchmark: the first build's writes are flushed first.
execFileSync('sync');
await mkdir(path.dirname(path.join(issuesDir, file)), { recursive: true });
await copyFile(path.join(nextDir, file), path.join(issuesDir, file));
const second = await build();
const exited = new Promise((resolve) => server.once('exit', resolve));
server.disconnect();
await exited;
await writeFile(resultFile, JSON.stringify({ first: { ms: first.ms, timings: first.reply.timings }, rebuild: { ms: second.ms, timings: second.reply.timings } }));
