/**
 * One build of bulletin-archive, run as its own process by the benchmark:
 * `node --import tsx bench/child/build-site.ts RESULT.json ISSUES_DIR OUT_DIR CACHE_DIR [no-search]`.
 * Writes the step timings as JSON, so the parent can split the cold build into
 * parse/validate, site and search index.
 */
import { writeFile } from 'node:fs/promises';
import { buildSite } from '../../src/build-site.ts';
import { formatMessages } from '../../src/messages/report.ts';

const [resultFile, issuesDir, outDir, cacheDir, mode] = process.argv.slice(2);
if (!resultFile || !issuesDir || !outDir || !cacheDir) throw new Error('usage: build-site.ts RESULT.json ISSUES_DIR OUT_DIR CACHE_DIR');

const started = performance.now();
// As `npm run build` does: the old output is deleted by a detached process, after this one has exited.
const result = await buildSite({ issuesDir, outDir, cacheDir, removeOldOutput: 'background', searchIndex: mode !== 'no-search' });
const ms = performance.now() - started;
if (!result.ok) {
  console.error(formatMessages(result.files));
  throw new Error('The benchmark archive does not pass the check');
}
await writeFile(
  resultFile,
  JSON.stringify({
    ms,
    timings: result.timings,
    issues: result.bulletin.issues.length,
    items: result.bulletin.issues.reduce((sum, issue) => sum + issue.items.length, 0),
    // performance.now() counts from process start: this is Node, tsx and the imports.
    startupMs: started,
  }),
);
