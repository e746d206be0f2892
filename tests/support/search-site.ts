/**
 * Builds the archive the search tests run on: the real issues/ folder plus
 * the extra issues of tests/fixtures/search/extra-issues (two more years),
 * into temporary folders, through the real build (site and search index).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite } from '../../src/build-site.ts';
import { formatMessages } from '../../src/messages/report.ts';
import type { Bulletin } from '../../src/model/schema.ts';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The extra issues the search tests add to issues/. */
export const extraIssuesDir = path.join(repoRoot, 'tests/fixtures/search/extra-issues');

/** A built search test site. */
export interface SearchSite {
  /** The issues folder it was built from. */
  issuesDir: string;
  /** The built site. */
  outDir: string;
  bulletin: Bulletin;
  remove(): Promise<void>;
}

/** Copies issues/ and the extra issues into a temporary issues folder. */
export async function makeSearchArchive(): Promise<string> {
  const issuesDir = await mkdtemp(path.join(os.tmpdir(), 'search-issues-'));
  await cp(path.join(repoRoot, 'issues'), issuesDir, { recursive: true });
  await cp(extraIssuesDir, issuesDir, { recursive: true, filter: (source) => !source.endsWith('README.md') });
  return issuesDir;
}

/** Builds the search test archive into a temporary folder; throws with the check's messages if it fails. */
export async function buildSearchSite(): Promise<SearchSite> {
  const issuesDir = await makeSearchArchive();
  const outDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'search-site-')), 'site');
  const result = await buildSite({ issuesDir, outDir, settings: { pathPrefix: '/' } });
  if (!result.ok) throw new Error(`The search test archive did not build:\n${formatMessages(result.files)}`);
  return {
    issuesDir,
    outDir,
    bulletin: result.bulletin,
    remove: async () => {
      await rm(issuesDir, { recursive: true, force: true });
      await rm(path.dirname(outDir), { recursive: true, force: true });
    },
  };
}
