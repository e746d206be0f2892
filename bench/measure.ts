/**
 * Runs one step of the benchmark in a child process and measures it: wall
 * time, the exact peak RSS of every Node process in it (each reports its own
 * `process.resourceUsage().maxRSS` at exit, through bench/child/report-usage.mjs),
 * and the peak RSS of the whole process tree sampled from /proc (which also
 * sees native children such as Pagefind's binary).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const reportUsage = fileURLToPath(new URL('./child/report-usage.mjs', import.meta.url));

/** What one measured child run gave. */
export interface Measured {
  /** Wall time from spawn to exit, ms. */
  ms: number;
  /** Largest maxRSS of any Node process of the run, bytes (exact). */
  nodeMaxRss: number;
  /** Largest sum of RSS over the process tree at one sampling instant, bytes (sampled). */
  treePeakRss: number;
  stdout: string;
  stderr: string;
}

/** How to run a child. */
export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** /proc sampling period, ms. */
  sampleMs?: number;
}

/**
 * Runs `node ...args` and measures it. Throws with the child's output when it
 * exits non-zero: a failed build must never be reported as a fast one.
 */
export async function runNode(args: readonly string[], options: RunOptions = {}): Promise<Measured> {
  const usageDir = await mkdtemp(path.join(os.tmpdir(), 'bench-usage-'));
  const usageFile = path.join(usageDir, 'usage.jsonl');
  try {
    const env = {
      ...process.env,
      ...options.env,
      // Every Node process of the tree (also ones the child spawns) appends its own maxRSS.
      NODE_OPTIONS: `${options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(reportUsage).href}`.trim(),
      BENCH_USAGE_FILE: usageFile,
    };
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let treePeakRss = 0;
    let sampling = false;
    const timer = setInterval(() => {
      if (sampling || child.pid === undefined) return;
      sampling = true;
      void treeRss(child.pid)
        .then((rss) => {
          treePeakRss = Math.max(treePeakRss, rss);
        })
        .finally(() => {
          sampling = false;
        });
    }, options.sampleMs ?? 50);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    const ms = performance.now() - started;
    clearInterval(timer);
    const out = Buffer.concat(stdout).toString('utf8');
    const err = Buffer.concat(stderr).toString('utf8');
    if (code !== 0) {
      throw new Error(`\`node ${args.join(' ')}\` exited with ${code}:\n${err.slice(-4000)}\n${out.slice(-2000)}`);
    }
    const usage = await readFile(usageFile, 'utf8').catch(() => '');
    const nodeMaxRss = usage
      .split('\n')
      .filter(Boolean)
      .reduce((max, line) => Math.max(max, (JSON.parse(line) as { maxRSS: number }).maxRSS * 1024), 0);
    return { ms, nodeMaxRss, treePeakRss, stdout: out, stderr: err };
  } finally {
    await rm(usageDir, { recursive: true, force: true });
  }
}

/** The sum of VmRSS of `pid` and all its descendants, bytes; 0 once it is gone. */
export async function treeRss(pid: number): Promise<number> {
  const parents = new Map<number, number>();
  const entries = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (entry) => {
        const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
        // The command name may hold spaces and parentheses: fields start after the last ')'.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (fields[1] !== undefined) parents.set(Number(entry), Number(fields[1]));
      }),
  );
  const tree = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [child, parent] of parents) {
      if (!tree.has(child) && tree.has(parent)) {
        tree.add(child);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const member of tree) {
    const status = await readFile(`/proc/${member}/status`, 'utf8').catch(() => '');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    if (match) total += Number(match[1]) * 1024;
  }
  return total;
}

/** Total size in bytes and number of files under `dir` (0, 0 when it does not exist). */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let bytes = 0;
  let files = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

/** The median of a non-empty list (mean of the middle two when even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
