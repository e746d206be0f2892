/**
 * Runs `npm start` (src/cli/start.ts) as an editor does, on 127.0.0.1, for
 * the tests of the preview: its output collected, its URL read from the line
 * it prints when it serves, stopped (and awaited) at the end.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A running `npm start`. */
export interface RunningPreview {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  log(): string;
  stop(): Promise<void>;
}

/** Starts `npm start` with `args` (add `--host 127.0.0.1`); `env` is added to the environment. */
export function startPreview(args: readonly string[], env: Record<string, string> = {}): RunningPreview {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk) => (log += chunk));
  child.stderr!.on('data', (chunk) => (log += chunk));
  return {
    child,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // One that does not stop within half a minute is killed.
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The URL `npm start` serves on, once it says so (the first build done). */
export function servedUrl(preview: RunningPreview, ms = 60_000): Promise<string> {
  return waitFor(async () => /(?:正在预览|Serving) .*?(http:\/\/127\.0\.0\.1:\d+\/)/.exec(preview.log())?.[1], ms, () => `no server started:\n${preview.log()}`);
}

/** Polls `probe` until it returns a value, or fails with `explain()` after `ms`. */
export async function waitFor<T>(probe: () => Promise<T | undefined | false>, ms: number, explain: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(explain());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Replaces `from` by `to` in `file` of the issues folder `issuesDir`, as an editor's save. */
export async function editIssueFile(issuesDir: string, file: string, from: string, to: string): Promise<void> {
  const full = path.join(issuesDir, file);
  const text = await readFile(full, 'utf8');
  assert.ok(text.includes(from), `${file} has no ${from}`);
  await writeFile(full, text.replace(from, to));
}
