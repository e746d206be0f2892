/**
 * The part of Pagefind's browser API (pagefind.js, loaded at run time from
 * the newest year's bundle) that the search page uses, typed.
 */

/** Filter name → selected values. */
export type PagefindFilters = Record<string, string[]>;

/** Filter name → value → number of results. */
export type PagefindFilterCounts = Record<string, Record<string, number>>;

/** A fragment: what a result carries once loaded. */
export interface PagefindFragment {
  url: string;
  meta: Record<string, string | undefined>;
}

/** One result, before its fragment is loaded. */
export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched words in the record's content. */
  words: number[];
  data(): Promise<PagefindFragment>;
}

/** A search's answer. */
export interface PagefindResponse {
  results: PagefindResult[];
  filters: PagefindFilterCounts;
  totalFilters: PagefindFilterCounts;
}

/** Options of one search. */
export interface PagefindSearchOptions {
  filters?: PagefindFilters;
  sort?: Record<string, 'asc' | 'desc'>;
}

/** A Pagefind instance (createInstance), possibly with merged indexes. */
export interface PagefindInstance {
  init(): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  filters(): Promise<PagefindFilterCounts>;
}

/** The module pagefind.js exports. */
export interface PagefindModule {
  createInstance(options: { basePath: string; noWorker?: boolean }): PagefindInstance;
}
