/**
 * Parses every issue file of an archive, with or without src/build/parse-cache.ts, as
 * its own process: `node --import tsx bench/child/parse-issues.ts RESULT.json
 * ISSUES_DIR [CACHE_DIR]`. Measures what the cache would save inside
 * loadArchive: decoding and parsing, as loadArchive does them (reading and the
 * archive-wide check are the same either way).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { toRegistry } from '../../src/departments/department-registry.ts';
import { parseDepartments } from '../../src/departments/parse-departments.ts';
import { readText } from '../../src/load-archive.ts';
import { openParseCache } from '../../src/build/parse-cache.ts';
import { parseIssueBytes } from '../../src/parse/parse-issue.ts';

const [resultFile, issuesDir, cacheDir] = process.argv.slice(2);
if (!resultFile || !issuesDir) throw new Error('usage: parse-issues.ts RESULT.json ISSUES_DIR [CACHE_DIR]');

const departmentsFile = new VFile({ path: path.join(issuesDir, 'departments.yml') });
const registry = toRegistry(parseDepartments(await readFile(departmentsFile.path, 'utf8'), departmentsFile));
const paths = (await readdir(issuesDir, { recursive: true }))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => path.join(issuesDir, name));
const contents = await Promise.all(paths.map((file) => readFile(file)));

const cache = cacheDir ? openParseCache(cacheDir) : undefined;
const parse = cache ? cache.parseIssueBytes : parseIssueBytes;
const started = performance.now();
let valid = 0;
paths.forEach((filePath, index) => {
  const file = new VFile({ path: filePath });
  const options = { sourceFile: path.relative(issuesDir, filePath).split(path.sep).join('/'), departments: registry };
  if (parse(contents[index]!, file, options, readText)?.issue) valid++;
});
const ms = performance.now() - started;
await writeFile(resultFile, JSON.stringify({ ms, files: paths.length, valid, ...(cache ? cache.stats : {}) }));
