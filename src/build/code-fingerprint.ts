/**
 * The fingerprint of the code that builds the site: one SHA-256 over every
 * file the build runs or reads as code (src/, templates/, public/, the
 * configuration, the exact dependency versions of package-lock.json) and
 * Node's version (V8's serializer writes the cache entries). It is part of
 * every key the build reuses anything by: parse cache entries, page
 * fingerprints, search bundles. Any change to the code misses them all, so
 * nothing made by older code is ever served.
 *
 * One rule for everything, on purpose: hashing the ~100 files takes 6–12 ms.
 * Finer rules (each cache naming the folders its code lives in, or esbuild
 * following the templates' imports, ~145 ms) spared work only after a change
 * to the code, which an editor never makes, and a list of folders goes stale
 * without a sound when code moves between them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths.ts';

/** What the build runs, relative to the project root: folders (every file in them) and files. */
const codePaths = ['src', 'templates', 'public', '.eleventy.ts', 'site.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

let fingerprint: string | undefined;

/**
 * The fingerprint of the code this process runs, computed on first use and
 * kept: a long-lived process (npm start's build process) runs the code it
 * loaded, whatever changes on disk later (npm start replaces it then).
 */
export function codeFingerprint(): string {
  return (fingerprint ??= hashFiles(projectRoot, codePaths));
}

/** SHA-256 of the files under `paths` (relative to `root`, folders recursively), by sorted path; a missing path counts as missing. */
function hashFiles(root: string, paths: readonly string[]): string {
  const files: string[] = [];
  for (const entry of paths) {
    try {
      for (const found of readdirSync(path.join(root, entry), { recursive: true, withFileTypes: true })) {
        if (found.isFile()) files.push(path.relative(root, path.join(found.parentPath, found.name)).split(path.sep).join('/'));
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A file, not a folder; or missing (hashed as missing).
      if (code === 'ENOTDIR') files.push(entry);
      else if (code !== 'ENOENT') throw error;
    }
  }
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  for (const file of files.sort()) {
    const bytes = readFileSync(path.join(root, file));
    hash.update(`${file} ${bytes.length}\n`).update(bytes);
  }
  return hash.digest('hex');
}
