/**
 * What a rebuild may reuse: the code fingerprint covers every file the build
 * runs, and a page's fingerprint changes with what it shows, and only then.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { loadArchive } from '../src/load-archive.ts';
import { pageFingerprints } from '../src/site/page-plan.ts';
import { toSiteModel } from '../src/site/site-model.ts';
import { departmentFeedUrl } from '../src/site/urls.ts';
import { siteConfig } from '../site.config.ts';
import { removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

const run = promisify(execFile);
let work: string;
before(async () => {
  work = await tempDir('site-incremental');
});
after(() => removeDir(work));

describe('the code fingerprint', () => {
  it('changes when a file of the code changes, is added or goes, and not otherwise', async () => {
    // A copy of the project's code, its fingerprint computed by a fresh process each time (a process keeps its first).
    const copy = path.join(work, 'project');
    for (const entry of ['src', 'templates', 'public', '.eleventy.ts', 'site.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json']) {
      await cp(path.join(repoRoot, entry), path.join(copy, entry), { recursive: true });
    }
    await symlink(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'));
    const module = path.join(copy, 'src/build/code-fingerprint.ts');
    const fingerprint = async () => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { codeFingerprint } from ${JSON.stringify(module)}; console.log(codeFingerprint());`], { cwd: repoRoot, timeout: 60_000 });
      return stdout.trim();
    };
    const first = await fingerprint();
    assert.match(first, /^[0-9a-f]{64}$/);
    assert.equal(await fingerprint(), first, 'the same code, the same fingerprint');
    // Files outside the code (issues, tests, docs) do not count.
    await mkdir(path.join(copy, 'docs'));
    await writeFile(path.join(copy, 'docs/notes.md'), '# notes');
    assert.equal(await fingerprint(), first);
    await writeFile(path.join(copy, 'public/extra.css'), 'body { color: red }');
    const added = await fingerprint();
    assert.notEqual(added, first);
    await writeFile(path.join(copy, 'public/extra.css'), 'body { color: blue }');
    const edited = await fingerprint();
    assert.notEqual(edited, added);
    await rm(path.join(copy, 'public/extra.css'));
    assert.equal(await fingerprint(), first, 'back to the first code');
    await writeFile(path.join(copy, 'src/parse/brief-title.ts'), '// changed\n', { flag: 'a' });
    assert.notEqual(await fingerprint(), first);
  });
});

describe('page fingerprints', () => {
  it("change a department feed's only with its items, or with the newest issue's date when it has none", async () => {
    const { bulletin } = await loadArchive(await writeSampleArchive(path.join(work, 'feeds')));
    const quiet = { name: '区档案馆', slug: 'qudanganguan', aliases: [] };
    const model = toSiteModel({ ...bulletin, departments: [...bulletin.departments, quiet] }, siteConfig);
    const before = pageFingerprints(model, siteConfig, 'code');
    // The same model with a later newest issue date: the feeds' `updated` when a department has no item.
    const after = pageFingerprints({ ...model, updated: '2099-01-01' }, siteConfig, 'code');
    const feed = (slug: string) => departmentFeedUrl({ slug }).slice(1);
    assert.notEqual(after.get(feed(quiet.slug)), before.get(feed(quiet.slug)));
    const reporting = model.departments.filter((entry) => entry.count > 0);
    assert.ok(reporting.length > 5);
    for (const entry of reporting) assert.equal(after.get(feed(entry.department.slug)), before.get(feed(entry.department.slug)), entry.department.name);
    // Without the issue of its newest item, a department's feed changes.
    const [first] = reporting;
    const moved = toSiteModel({ ...bulletin, departments: [...bulletin.departments, quiet], issues: bulletin.issues.filter((issue) => !issue.items.includes(first!.items[0]!.item)) }, siteConfig);
    assert.notEqual(pageFingerprints(moved, siteConfig, 'code').get(feed(first!.department.slug)), before.get(feed(first!.department.slug)));
  });
});
