/**
 * Where the search step puts its files in the output folder; shared by the
 * build step and the templates that link them (kept apart from
 * build-index.ts so templates do not load Pagefind or esbuild).
 */

/** The Pagefind bundles: `pagefind/<year>/`. */
export const indexFolder = 'pagefind';

/** The search page's script and the item pages' highlighting script, relative to the output folder. */
export const clientScripts = {
  searchPage: 'assets/search.js',
  itemHighlight: 'assets/search-highlight.js',
} as const;
