/**
 * Where the search step puts its files in the output folder, and how the
 * index is split into Pagefind bundles; shared by the build step and the
 * templates that link them (kept apart from build-index.ts so templates do
 * not load Pagefind or esbuild).
 */

/** The Pagefind bundles: `pagefind/<bundle>/`. */
export const indexFolder = 'pagefind';

/** The search page's script and the item pages' highlighting script, relative to the output folder. */
export const clientScripts = {
  searchPage: 'assets/search.js',
  itemHighlight: 'assets/search-highlight.js',
} as const;

/** A Pagefind bundle: its folder name under `pagefind/` and the years it holds. */
export interface IndexBundle {
  name: string;
  years: number[];
}

/**
 * The bundles of an archive with these years: the newest year alone (e.g.
 * `2026`), and every older year together (e.g. `2004-2025`). New issues
 * almost always land in the newest year, so a rebuild re-indexes only that
 * small bundle; the reader's browser still loads just two bundles. (One
 * bundle per year would make rebuilds smaller still, but Pagefind's index
 * chunks are about 20 KB whatever the bundle's size, so a first search would
 * load one chunk per year per query word: measured, 0.6–1.4 MB at 1,000
 * issues.) Newest first: the first is the one the page loads, the other is
 * merged into it.
 */
export function toIndexBundles(years: readonly number[]): IndexBundle[] {
  const sorted = [...new Set(years)].sort((a, b) => b - a);
  const [newest, ...older] = sorted;
  if (newest === undefined) return [];
  const bundles: IndexBundle[] = [{ name: String(newest), years: [newest] }];
  if (older.length > 0) {
    const first = older[older.length - 1]!;
    const last = older[0]!;
    bundles.push({ name: first === last ? String(first) : `${first}-${last}`, years: older });
  }
  return bundles;
}
