/**
 * The search page's state and its URL: /search/?q=招商&department=新安路街道&year=2023&kind=简讯&sort=date.
 * Pure, so the URL round trip is tested without a browser.
 */

/** Result orders: Pagefind's relevance, or newest first. */
export type SearchSort = 'relevance' | 'date';

/** Everything a search depends on; empty strings mean "not set". */
export interface SearchState {
  q: string;
  department: string;
  year: string;
  kind: string;
  sort: SearchSort;
}

/** Reads the state from a URL's query string (`location.search`). */
export function toSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  return {
    q: params.get('q') ?? '',
    department: params.get('department') ?? '',
    year: params.get('year') ?? '',
    kind: params.get('kind') ?? '',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
  };
}

/** Writes the state as a query string (with `?`, or empty): only what is set, in a fixed order. */
export function toQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  if (state.department) params.set('department', state.department);
  if (state.year) params.set('year', state.year);
  if (state.kind) params.set('kind', state.kind);
  if (state.sort === 'date') params.set('sort', 'date');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when the page has something to show: a query or a filter. */
export function hasSearch(state: SearchState): boolean {
  return state.q.trim() !== '' || state.department !== '' || state.year !== '' || state.kind !== '';
}

/** Pagefind filters for the state. */
export function toFilters(state: SearchState): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  if (state.department) filters.department = [state.department];
  if (state.year) filters.year = [state.year];
  if (state.kind) filters.kind = [state.kind];
  return filters;
}
