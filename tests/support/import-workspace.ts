/**
 * The import command run in-process, as the import tests use it: a temporary
 * folder with issues/departments.yml to import into, and a run that gathers
 * what the command prints.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importCommand } from '../../src/import/import-command.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const made: string[] = [];

/** A new temporary folder holding issues/departments.yml (the repository's, or `departments`). */
export async function importWorkspace(departments = path.join(repoRoot, 'issues/departments.yml')): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'import-'));
  made.push(dir);
  await mkdir(path.join(dir, 'issues'));
  await copyFile(departments, path.join(dir, 'issues/departments.yml'));
  return dir;
}

/** Deletes every folder importWorkspace made (for a test file's `after`). */
export async function removeImportWorkspaces(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Runs `npm run import -- ARGS` in `cwd`, in-process: its exit code and what it printed. */
export async function runImport(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await importCommand(args, { cwd, stdout: (line) => stdout.push(line), stderr: (line) => stderr.push(line), now: () => new Date(0) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
