/**
 * Watches every folder under a root, one non-recursive watcher per folder,
 * and calls back with the changed path (relative to the root).
 *
 * Node 20's recursive `fs.watch` on Linux watches each file's own inode: once
 * an editor saves a file by writing a new one and renaming it over the old
 * (sed -i, vim, many IDEs), later saves of that file go unseen (reproduced
 * here: after a rename-replace, an in-place write raised no event). A
 * folder's watcher sees every change to its entries, whatever their inode.
 * (chokidar handles this too, but as a direct dependency it overrides
 * nunjucks' optional peer range for it, and every `npm install` warns.)
 */
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** What watchFolders returns: stops every watcher. */
export interface FolderWatch {
  close(): void;
}

/**
 * Watches `root` and every folder below it (folders made later included),
 * skipping names that start with a dot; `onChange` gets the changed entry's
 * path relative to `root`.
 */
export async function watchFolders(root: string, onChange: (file: string) => void): Promise<FolderWatch> {
  const watchers = new Map<string, FSWatcher>();
  const add = async (dir: string): Promise<void> => {
    const isFolder = await stat(dir).then((entry) => entry.isDirectory(), () => false);
    // Asked again after the await: two events for one new folder may race here.
    if (!isFolder || watchers.has(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        if (!name || name.startsWith('.')) return;
        const entry = path.join(dir, name);
        onChange(path.relative(root, entry));
        // A new folder (a new year of issues) gets its own watcher; files need none.
        void add(entry).catch(() => undefined);
      });
    } catch {
      return; // gone already
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    await Promise.all(entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => add(path.join(dir, entry.name))));
  };
  await add(root);
  return {
    close() {
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
