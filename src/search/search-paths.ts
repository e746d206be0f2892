/**
 * Where the search step puts its files in the output folder, and how the
 * index is split into Pagefind bundles; shared by the build step and the
 * templates that link them (kept apart from src/build/search-index.ts so templates do
 * not load Pagefind or esbuild).
 */

/** The Pagefind bundles: `pagefind/<bundle>/`. */
export const indexFolder = 'pagefind';

/** The browser scripts of the site, relative to the output folder: the search page's, and the item pages' highlighting and citation copying. */
export const clientScripts = {
  searchPage: 'assets/search.js',
  itemHighlight: 'assets/search-highlight.js',
  copyCitation: 'assets/copy-citation.js',
} as const;

/** The source of each browser script, relative to src/ (bundled by esbuild in the search step). */
export const clientSources: Record<keyof typeof clientScripts, string> = {
  searchPage: 'search/client/search-page.ts',
  itemHighlight: 'search/client/item-highlight.ts',
  copyCitation: 'site/client/copy-citation.ts',
};

/** A Pagefind bundle: its folder name under `pagefind/` and the years it holds. */
export interface IndexBundle {
  name: string;
  years: number[];
}

/** Older years are grouped into bundles of this many calendar years (2020–2024, 2015–2019, …). */
const yearsPerBundle = 5;

/**
 * The bundles of an archive with these years: the newest year alone (e.g.
 * `2025`), and the older years in blocks of five calendar years, aligned on
 * multiples of five (`2020-2024`, `2015-2019`, …; named by the years they
 * hold). Newest first: the page loads the first and merges the others.
 *
 * Why this split, measured at 1,000 issues (~7,900 items, 23 years):
 *
 * - **Rebuilds.** New issues land in the newest year, so a rebuild re-indexes
 *   only that small bundle; an older block changes only when one of its items
 *   does, or once a year when the past year joins its block.
 * - **Memory.** Pagefind's indexer peaks at ~0.23 MB per record, so one
 *   bundle of all ~7,500 older items took 1.7 GB; a block of five years
 *   (~1,800 items) peaks at ~440 MB, and blocks are indexed one after another.
 * - **A first search.** Pagefind fetches, for each query word, one index
 *   chunk per bundle. With Pagefind's default chunks (~20 KB each) two
 *   bundles already cost ~120 KB for a two-word query; src/build/search-index.ts asks for
 *   smaller chunks, so that six bundles cost less than two did.
 */
export function toIndexBundles(years: readonly number[]): IndexBundle[] {
  const sorted = [...new Set(years)].sort((a, b) => b - a);
  const [newest, ...older] = sorted;
  if (newest === undefined) return [];
  const bundles: IndexBundle[] = [{ name: String(newest), years: [newest] }];
  const blocks = new Map<number, number[]>();
  for (const year of older) {
    const block = Math.floor(year / yearsPerBundle);
    blocks.set(block, [...(blocks.get(block) ?? []), year]);
  }
  for (const blockYears of blocks.values()) {
    const first = blockYears[blockYears.length - 1]!;
    const last = blockYears[0]!;
    bundles.push({ name: first === last ? String(first) : `${first}-${last}`, years: blockYears });
  }
  return bundles;
}
