/**
 * What a rebuild may reuse: the fingerprint of the site's code covers the
 * templates and everything they import, and nothing else of src/; a page's
 * fingerprint changes with what it shows, and only then.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashCode, templateSources } from '../src/incremental-output.ts';
import { loadArchive } from '../src/load-archive.ts';
import { pageFingerprints } from '../src/site/page-plan.ts';
import { toSiteModel } from '../src/site/site-model.ts';
import { departmentFeedUrl } from '../src/site/urls.ts';
import { siteConfig } from '../site.config.ts';
import { removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

let work: string;
before(async () => {
  work = await tempDir('site-incremental');
});
after(() => removeDir(work));

describe("the site's code fingerprint", () => {
  // Type-only imports are left out: they cannot change a page.
  it('covers every template, its components and the modules they import, not the search indexer', async () => {
    const sources = await templateSources(repoRoot);
    assert.ok(sources, 'esbuild found the imports');
    for (const file of ['templates/item.11ty.tsx', 'templates/_components/layout.tsx', 'src/site/format.ts', 'src/site/page-plan.ts', 'src/search/search-paths.ts']) {
      assert.ok(sources.includes(file), file);
    }
    assert.ok(!sources.includes('src/search/build-index.ts'));
    assert.ok(!sources.some((file) => file.includes('node_modules')));
  });

  it('changes when a file changes, is added or goes, and only then', async () => {
    await mkdir(path.join(work, 'public'), { recursive: true });
    await writeFile(path.join(work, 'public/site.css'), 'body { color: black }');
    await writeFile(path.join(work, 'site.config.ts'), 'export {}');
    const hash = () => hashCode(work, ['public'], ['site.config.ts', 'package-lock.json']);
    const first = await hash();
    assert.equal(await hash(), first);
    await writeFile(path.join(work, 'public/site.css'), 'body { color: red }');
    const edited = await hash();
    assert.notEqual(edited, first);
    await writeFile(path.join(work, 'public/new.svg'), '<svg/>');
    assert.notEqual(await hash(), edited);
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
