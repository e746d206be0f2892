/**
 * One build per output at a time. A lock file holds the process id of the
 * build that holds it; it is made whole under a temporary name and then
 * linked into place, which fails when the lock is held, so there is never a
 * half-written lock. A second build waits until the lock is free. A lock
 * whose process is gone (a killed build) is stale: the next build removes it,
 * through a second lock (`<lock>.break`) so that two builds finding the same
 * stale lock cannot both remove it and then both take a new one.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** How often a waiting build looks at the lock again. */
const pollMs = 100;

/**
 * Takes the lock file `file`, waiting while another live process holds it
 * (`onWait` is told its process id once). Resolves to the function that
 * releases it.
 */
export async function acquireLock(file: string, onWait?: (holder: number) => void): Promise<() => Promise<void>> {
  const content = `${process.pid} ${randomBytes(6).toString('hex')}\n`;
  let told = false;
  for (;;) {
    if (await createWhole(file, content)) {
      return async () => {
        // Only our own lock: never one another build took after ours was (wrongly) judged stale.
        if (readOrNone(file) === content) await unlink(file).catch(() => {});
      };
    }
    const held = readOrNone(file);
    if (held === undefined) continue; // released meanwhile
    const holder = Number.parseInt(held, 10);
    if (isAlive(holder)) {
      if (!told) onWait?.(holder);
      told = true;
      await sleep(pollMs);
    } else {
      await removeStale(file, held);
    }
  }
}

/** Creates `file` with `content`, whole, unless it exists: true when it did. */
async function createWhole(file: string, content: string): Promise<boolean> {
  const partial = path.join(path.dirname(file), `tmp-lock-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeFile(partial, content);
  try {
    await link(partial, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // EEXIST: held. ENOENT: the temporary file went first (the holder cleans up `tmp-` files): try again.
    if (code === 'EEXIST' || code === 'ENOENT') return false;
    throw error;
  } finally {
    await unlink(partial).catch(() => {});
  }
}

/** Removes the lock `file` if it still holds `stale`, under the breaker lock; any other state is left for the next look. */
async function removeStale(file: string, stale: string): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await createWhole(breaker, `${process.pid}\n`))) {
    // Another build is removing it; a breaker whose process died in those few instructions is stale itself.
    const holder = readOrNone(breaker);
    if (holder !== undefined && !isAlive(Number.parseInt(holder, 10))) await unlink(breaker).catch(() => {});
    else await sleep(pollMs);
    return;
  }
  try {
    if (readOrNone(file) === stale) await unlink(file).catch(() => {});
  } finally {
    await unlink(breaker).catch(() => {});
  }
}

function readOrNone(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether process `pid` exists (one of another user counts too). Not a number: a damaged lock, held by nobody. */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
