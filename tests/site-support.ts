/**
 * Shared helpers of the site tests: the sample archive in a temporary folder,
 * walking the output, hashing it, and checking its internal links.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A fresh temporary folder (removed by the caller). */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
}

/**
 * The sample archive: the real issue 35 (issues/2023/035.md) plus the site
 * fixture (tests/fixtures/site: issues of 2022 and 2023, its departments.yml),
 * copied into `dir`.
 */
export async function writeSampleArchive(dir: string): Promise<string> {
  const fixture = path.join(repoRoot, 'tests/fixtures/site');
  await cp(fixture, dir, { recursive: true, filter: (source) => path.basename(source) !== 'README.md' });
  await mkdir(path.join(dir, '2023'), { recursive: true });
  await cp(path.join(repoRoot, 'issues/2023/035.md'), path.join(dir, '2023/035.md'));
  return dir;
}

/** Every file under `dir`, as sorted `/`-separated relative paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** sha256 of every file under `dir`, by relative path. */
export async function hashTree(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    hashes.set(file, createHash('sha256').update(await readFile(path.join(dir, file))).digest('hex'));
  }
  return hashes;
}

/** Reads an output file as text. */
export function readOut(dir: string, file: string): Promise<string> {
  return readFile(path.join(dir, file), 'utf8');
}

/** A link that points to nothing in the output. */
export interface BrokenLink {
  page: string;
  url: string;
}

const linkAttribute = /<(?:a|link|script|img|form|source)\b[^>]*?\s(?:href|src|action)="([^"]*)"/g;
const idAttribute = /\sid="([^"]*)"/g;

/**
 * Finds every internal link (href, src, form action) of every HTML page under
 * `dir` that does not resolve to an output file, or to an element id for a
 * fragment. Links must carry the site's path prefix (`prefix`), as deployed.
 */
export async function findBrokenLinks(dir: string, prefix = '/'): Promise<BrokenLink[]> {
  const files = await listFiles(dir);
  const existing = new Set(files);
  const ids = new Map<string, Set<string>>();
  const pages = files.filter((file) => file.endsWith('.html'));
  const texts = new Map<string, string>();
  for (const page of pages) {
    const text = await readOut(dir, page);
    texts.set(page, text);
    ids.set(page, new Set([...text.matchAll(idAttribute)].map((match) => match[1]!)));
  }

  const broken: BrokenLink[] = [];
  for (const page of pages) {
    const pageUrl = new URL(`${prefix}${page.replace(/(^|\/)index\.html$/, '$1')}`, 'http://site.test');
    for (const match of texts.get(page)!.matchAll(linkAttribute)) {
      const raw = decodeEntities(match[1]!);
      const url = new URL(raw, pageUrl);
      if (url.origin !== pageUrl.origin) continue;
      const target = resolveTarget(url.pathname, prefix);
      if (target === undefined || !existing.has(target)) {
        broken.push({ page, url: raw });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !ids.get(target)?.has(fragment)) broken.push({ page, url: raw });
    }
  }
  return broken;
}

function resolveTarget(pathname: string, prefix: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  if (!decoded.startsWith(prefix)) return undefined;
  const local = decoded.slice(prefix.length);
  return local === '' || local.endsWith('/') ? `${local}index.html` : local;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'");
}

/** Removes a temporary folder. */
export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}

/** The page text of some HTML: tags dropped, entities decoded, whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x3C;/gi, '<')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

