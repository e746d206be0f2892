/**
 * The baseline of the benchmark: the same items as plain Markdown pages for a
 * stock Eleventy 3 — one .md per item with only a title in its front matter,
 * Eleventy's default markdown-it (and Liquid pre-processing), one minimal
 * Liquid layout, no config file. The "with search" baseline adds Pagefind's
 * CLI over that output and its default UI on one /search/ page.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bulletin } from '../../src/model/schema.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Writes the baseline's input folder for `bulletin` into `dir`; returns the number of pages. */
export async function writeBaselineInput(bulletin: Bulletin, dir: string): Promise<number> {
  await mkdir(path.join(dir, '_includes'), { recursive: true });
  await copyFile(path.join(here, 'item.liquid'), path.join(dir, '_includes', 'item.liquid'));
  await copyFile(path.join(here, 'search.html'), path.join(dir, 'search.html'));
  await mkdir(path.join(dir, 'items'), { recursive: true });
  // A directory data file gives every item the layout, so each page's front matter holds only its title.
  await writeFile(path.join(dir, 'items', 'items.json'), `${JSON.stringify({ layout: 'item.liquid' })}\n`);
  let pages = 0;
  for (const issue of bulletin.issues) {
    const folder = path.join(dir, 'items', String(issue.year), String(issue.number).padStart(3, '0'));
    await mkdir(folder, { recursive: true });
    for (const item of issue.items) {
      await writeFile(path.join(folder, `${String(item.position).padStart(2, '0')}.md`), toBaselinePage(item.headline, item.text));
      pages++;
    }
  }
  return pages + 1;
}

/** One baseline page: the headline as a quoted YAML title, the item's text as Markdown paragraphs. */
export function toBaselinePage(title: string, text: string): string {
  return `---\ntitle: ${JSON.stringify(title)}\n---\n\n${text}\n`;
}

/** `node <this> --input=… --output=…`: Eleventy's own CLI, with no config file in its working folder. */
export const eleventyCli = fileURLToPath(new URL('../../node_modules/@11ty/eleventy/cmd.cjs', import.meta.url));

/** Pagefind's own CLI (a Node wrapper that runs its native binary). */
export const pagefindCli = fileURLToPath(new URL('../../node_modules/pagefind/lib/runner/bin.cjs', import.meta.url));
