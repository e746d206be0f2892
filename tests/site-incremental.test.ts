/**
 * What a rebuild may reuse: the fingerprint of the site's code covers the
 * templates and everything they import, and nothing else of src/.
 */
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { hashCode, templateSources } from '../src/incremental-output.ts';
import { removeDir, repoRoot, tempDir } from './site-support.ts';

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
