/**
 * The search page (/search/): substring search in Chinese over Pagefind.
 *
 * Pagefind finds candidates from bigram index words (search-tokens.ts); a
 * candidate whose match positions cannot hold the query is dropped at once,
 * and every result is verified against its own text before it is shown, so
 * each result contains every term, and every item that does is a candidate.
 * The state lives in the URL (search-state.ts); a submitted search, a changed
 * filter or the start of typing adds a history entry (further typing updates
 * it), and the back button restores the previous search. Every piece of text from the index is put in
 * the page as a text node, never as HTML.
 */
import { toExcerpt } from '../excerpt.ts';
import {
  findMatchRanges,
  isPlausibleByPositions,
  matchesAllTerms,
  toPagefindQuery,
  toQueryTerms,
  toSearchableText,
  type TextRange,
} from '../search-query.ts';
import { toRuns } from '../search-tokens.ts';
import type { PagefindFilterCounts, PagefindInstance, PagefindModule, PagefindResult } from './pagefind-api.ts';
import { hasSearch, toFilters, toQueryString, toSearchState, type SearchState } from './search-state.ts';

/** Results shown at first and added by each 加载更多. */
const pageSize = 10;
/** Wait this long after the last keystroke before searching. */
const typingDelayMs = 80;

interface Elements {
  form: HTMLFormElement;
  q: HTMLInputElement;
  department: HTMLSelectElement;
  year: HTMLSelectElement;
  kind: HTMLSelectElement;
  sort: HTMLSelectElement;
  status: HTMLElement;
  results: HTMLOListElement;
  more: HTMLButtonElement;
}

/** A result that passed verification, ready to show. */
interface ShownResult {
  url: string;
  headline: string;
  department: string;
  issue: string;
  date: string;
  text: string;
}

/** One run of a search: candidates in display order, pulled lazily. */
interface SearchRun {
  id: number;
  state: SearchState;
  terms: string[];
  /** The Pagefind query of the terms (null: filters alone). */
  query: string | null;
  total: number;
  shown: number;
  next(): Promise<PagefindResult | undefined>;
}

const app = document.querySelector<HTMLElement>('[data-search-app]');
if (app) void start(app);

async function start(root: HTMLElement): Promise<void> {
  const elements = findElements(root);
  const indexBase = root.dataset.indexBase ?? '/pagefind/';
  const bundles = (root.dataset.bundles ?? '').split(' ').filter(Boolean);
  const years = (root.dataset.years ?? '').split(' ').filter(Boolean);
  root.hidden = false;
  let pagefind: Promise<PagefindInstance> | undefined;
  const loadPagefind = () => (pagefind ??= openIndex(indexBase, bundles));
  // The filter lists (what the counts per department, year and kind come
  // from) are as large as the index's page list, one per bundle: measured at
  // 1,000 issues, 56 KB, as much as a first search's index chunks and
  // fragments together. So they are loaded only once the reader reaches for
  // a filter (points at or focuses one); until then, a search's filters show
  // their values without counts rather than the counts of the whole archive.
  let filterLists: Promise<unknown> | undefined;
  let countsWanted = false;
  const loadFilterLists = (index: PagefindInstance) => (filterLists ??= index.filters());
  // A reader on this page is about to search: load the index once the page is
  // idle (or as soon as the box gets focus), so the first search waits only
  // for its own index chunks. A failure shows when a search needs the index.
  const preload = () => void loadPagefind().catch(() => undefined);
  elements.q.addEventListener('focus', preload, { once: true });
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(preload, { timeout: 2000 });
  else setTimeout(preload, 200);

  let current: SearchRun | undefined;
  let runId = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;

  const run = async (state: SearchState) => {
    const id = ++runId;
    writeForm(elements, state);
    elements.results.replaceChildren();
    elements.results.setAttribute('aria-busy', 'true');
    elements.more.hidden = true;
    delete elements.form.dataset.filterCounts;
    if (!hasSearch(state)) {
      current = undefined;
      updateFilterCounts(elements, 'built');
      setStatus(elements, '请输入关键词，或选择部门、年份浏览。');
      elements.results.setAttribute('aria-busy', 'false');
      return;
    }
    const terms = toQueryTerms(state.q);
    const query = terms.length > 0 ? toPagefindQuery(terms) : null;
    if (terms.length > 0 && query === null) {
      current = undefined;
      setStatus(elements, '请输入汉字、字母或数字。');
      elements.results.setAttribute('aria-busy', 'false');
      return;
    }
    setStatus(elements, '正在检索……');
    try {
      const index = await loadPagefind();
      const response = await index.search(query, { filters: toFilters(state) });
      if (id !== runId || !response) return;
      const plausible = response.results.filter((result) => terms.length === 0 || isPlausibleByPositions(terms, result.words));
      const byDate = state.sort === 'date' || terms.length === 0;
      current = {
        id,
        state,
        terms,
        query,
        total: plausible.length,
        shown: 0,
        next: byDate ? dateOrder(index, query, state, terms, years) : listOrder(plausible),
      };
      await showMore(current, false);
      if (id !== runId) return;
      if (countsWanted) void countPerFilterValue(index, query, terms, id);
      else updateFilterCounts(elements, null);
    } catch (error) {
      if (id !== runId) return;
      setStatus(elements, '检索暂时不可用，请稍后再试，或按部门、年份浏览。');
      elements.results.setAttribute('aria-busy', 'false');
      throw error;
    }
  };

  // Pagefind counts candidates per filter value. They are the results' counts
  // only when every candidate holds the query at consecutive positions;
  // otherwise the values are shown without a number rather than a wrong one.
  // A failure here leaves the counts the page was built with.
  const countPerFilterValue = async (index: PagefindInstance, query: string | null, terms: readonly string[], id: number) => {
    try {
      await loadFilterLists(index);
      const counted = await index.search(query);
      if (id !== runId || !counted) return;
      const exact = terms.length === 0 || counted.results.every((result) => isPlausibleByPositions(terms, result.words));
      updateFilterCounts(elements, exact ? counted.totalFilters : null);
      // Says the counts were worked out (tests wait for it): `query`, or `none` when they could not be exact.
      elements.form.dataset.filterCounts = exact ? 'query' : 'none';
    } catch {
      filterLists = undefined;
    }
  };

  const showMore = async (search: SearchRun, moveFocus: boolean) => {
    elements.more.hidden = true;
    elements.results.setAttribute('aria-busy', 'true');
    const added: HTMLElement[] = [];
    while (added.length < pageSize) {
      const batch: PagefindResult[] = [];
      while (batch.length < pageSize - added.length) {
        const result = await search.next();
        if (!result) break;
        batch.push(result);
      }
      if (batch.length === 0) break;
      // Every fragment is asked for at once; each result is shown as soon as it and those
      // before it are in, so the first one does not wait for the slowest of the batch.
      const fragments = batch.map((result) => result.data());
      // A later fragment may fail after this search is superseded: its error is not this search's.
      for (const pending of fragments) pending.catch(() => {});
      for (const pending of fragments) {
        const fragment = await pending;
        if (search.id !== runId) return;
        const shown: ShownResult = {
          url: fragment.url,
          headline: fragment.meta.title ?? '',
          department: fragment.meta.department ?? '',
          issue: fragment.meta.issue ?? '',
          date: fragment.meta.date ?? '',
          text: fragment.meta.text ?? '',
        };
        // The verification: Pagefind's candidates must really contain every term.
        if (search.terms.length > 0 && !matchesAllTerms(search.terms, toSearchableText(shown))) {
          search.total--;
          continue;
        }
        const element = renderResult(shown, search.terms, search.state.q);
        elements.results.append(element);
        added.push(element);
        search.shown++;
      }
    }
    if (search.shown >= search.total) search.total = search.shown;
    setStatus(elements, describe(search));
    elements.more.hidden = search.shown >= search.total;
    elements.results.setAttribute('aria-busy', 'false');
    if (moveFocus) added[0]?.querySelector('a')?.focus();
  };

  // True while the current history entry was made by typing: further typing
  // updates it in place, so back returns to the search before the typing began.
  let typingEntry = false;
  const navigate = (state: SearchState, mode: 'typing' | 'commit') => {
    const url = `${location.pathname}${toQueryString(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (mode === 'typing' && typingEntry) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    typingEntry = mode === 'typing';
    void run(state);
  };

  elements.form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    navigate(readForm(elements), 'commit');
  });
  // Keystrokes are debounced; a finished word is searched at once: an input
  // method's commit (compositionend, or one input event inserting several
  // characters, as Chrome sends for a commit) or a paste. Measured at 1,000
  // issues, the debounce was about half of a first search's wait (a timer
  // fires late while the page is busy loading the index).
  const searchNow = () => {
    clearTimeout(typingTimer);
    navigate(readForm(elements), 'typing');
  };
  elements.q.addEventListener('input', (event) => {
    clearTimeout(typingTimer);
    const data = event instanceof InputEvent ? event.data : null;
    if (event instanceof InputEvent && !event.isComposing && (event.inputType === 'insertFromPaste' || [...(data ?? '')].length > 1)) {
      searchNow();
      return;
    }
    typingTimer = setTimeout(() => navigate(readForm(elements), 'typing'), typingDelayMs);
  });
  elements.q.addEventListener('compositionend', searchNow);
  for (const select of [elements.department, elements.year, elements.kind, elements.sort]) {
    select.addEventListener('change', () => {
      clearTimeout(typingTimer);
      navigate(readForm(elements), 'commit');
    });
  }
  const wantCounts = () => {
    if (countsWanted) return;
    countsWanted = true;
    const search = current;
    if (!search) return;
    void loadPagefind()
      .then((index) => countPerFilterValue(index, search.query, search.terms, search.id))
      .catch(() => undefined);
  };
  for (const select of [elements.department, elements.year, elements.kind]) {
    select.addEventListener('focus', wantCounts);
    select.addEventListener('pointerenter', wantCounts);
  }
  elements.more.addEventListener('click', () => {
    if (current) void showMore(current, true);
  });
  window.addEventListener('popstate', () => {
    clearTimeout(typingTimer);
    typingEntry = false;
    void run(toSearchState(location.search));
  });

  const initial = toSearchState(location.search);
  if (hasSearch(initial)) await run(initial);
  else {
    writeForm(elements, initial);
    setStatus(elements, '请输入关键词，或选择部门、年份浏览。');
  }
}

/** Loads the newest bundle and merges the others into it (search-paths.ts says which there are). */
async function openIndex(indexBase: string, bundles: readonly string[]): Promise<PagefindInstance> {
  const [newest, ...older] = bundles;
  if (newest === undefined) throw new Error('The search page names no index bundles (data-bundles).');
  const url = new URL(`${indexBase}${newest}/pagefind.js`, location.href).href;
  const module = (await import(url)) as PagefindModule;
  const index = module.createInstance({ basePath: `${indexBase}${newest}/`, noWorker: true });
  await index.init();
  await Promise.all(older.map((bundle) => index.mergeIndex(`${indexBase}${bundle}/`)));
  return index;
}

/** Candidates in Pagefind's order (relevance). */
function listOrder(results: readonly PagefindResult[]): () => Promise<PagefindResult | undefined> {
  let position = 0;
  return () => Promise.resolve(results[position++]);
}

/**
 * Candidates newest first. Merged bundles are ranked by score, which for a
 * sorted search is a rank inside each bundle, so the years are asked one by
 * one, newest first, each sorted by date, as far as the reader pages.
 */
function dateOrder(
  index: PagefindInstance,
  query: string | null,
  state: SearchState,
  terms: readonly string[],
  years: readonly string[],
): () => Promise<PagefindResult | undefined> {
  const queue = state.year ? [state.year] : [...years];
  let buffer: PagefindResult[] = [];
  return async () => {
    while (buffer.length === 0) {
      const year = queue.shift();
      if (year === undefined) return undefined;
      const response = await index.search(query, { filters: { ...toFilters(state), year: [year] }, sort: { date: 'desc' } });
      buffer = (response?.results ?? []).filter((result) => terms.length === 0 || isPlausibleByPositions(terms, result.words));
    }
    return buffer.shift();
  };
}

function describe(search: SearchRun): string {
  const { state, total } = search;
  const scope = [state.department, state.year ? `${state.year} 年` : '', state.kind].filter(Boolean).join('、');
  if (total === 0) {
    return state.q.trim() ? `没有找到包含“${state.q.trim()}”的信息${scope ? `（${scope}）` : ''}。` : `${scope}没有信息。`;
  }
  const subject = state.q.trim() ? `包含“${state.q.trim()}”的信息` : '信息';
  const order = state.sort === 'date' || !state.q.trim() ? '，最新在前' : '';
  // A term of single characters is matched as a prefix of the index words, which in a large
  // archive spans index chunks Pagefind does not load (docs/search.md): say so, not hide it.
  const singleCharacters = search.terms.some((term) => toRuns(term).every((run) => run.length === 1));
  const hint = singleCharacters ? '单字检索在较大的档案中可能不全，请尽量输入两个字以上。' : '';
  return `${scope ? `${scope}：` : ''}找到${subject} ${total} 条${order}，已显示 ${search.shown} 条。${hint}`;
}

function renderResult(result: ShownResult, terms: readonly string[], query: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  heading.className = 'search-result__title';
  const link = document.createElement('a');
  link.href = terms.length > 0 ? `${result.url}?highlight=${encodeURIComponent(query.trim())}` : result.url;
  appendMarked(link, result.headline, findMatchRanges(terms, result.headline));
  heading.append(link);

  const meta = document.createElement('p');
  meta.className = 'search-result__meta';
  const time = document.createElement('time');
  time.dateTime = result.date;
  time.textContent = formatDate(result.date);
  meta.append(`${result.department} · ${result.issue} · `, time);

  const excerpt = document.createElement('p');
  excerpt.className = 'search-result__excerpt';
  for (const segment of toExcerpt(result.text, findMatchRanges(terms, result.text))) {
    if (segment.marked) {
      const mark = document.createElement('mark');
      mark.textContent = segment.text;
      excerpt.append(mark);
    } else excerpt.append(segment.text);
  }
  item.append(heading, meta, excerpt);
  return item;
}

/** Appends `text` to `parent` as text nodes, the ranges wrapped in <mark>. */
function appendMarked(parent: HTMLElement, text: string, ranges: readonly TextRange[]): void {
  let cursor = 0;
  for (const range of ranges) {
    parent.append(text.slice(cursor, range.start));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(range.start, range.end);
    parent.append(mark);
    cursor = range.end;
  }
  parent.append(text.slice(cursor));
}

/** `2023-06-01` → `2023 年 6 月 1 日`, as on the item pages. */
function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return year && month && day ? `${year} 年 ${month} 月 ${day} 日` : isoDate;
}

function setStatus(elements: Elements, text: string): void {
  elements.status.textContent = text;
}

/**
 * Shows per-value counts in the filter lists: Pagefind's `counts`, none
 * (`null`: values only), or `built`, the whole archive's, as the page was built.
 */
function updateFilterCounts(elements: Elements, counts: PagefindFilterCounts | null | 'built'): void {
  const lists: [HTMLSelectElement, string][] = [
    [elements.department, 'department'],
    [elements.year, 'year'],
    [elements.kind, 'kind'],
  ];
  for (const [select, name] of lists) {
    const values = counts === null || counts === 'built' ? undefined : counts[name];
    // Lists not loaded: keep what is shown.
    if (counts !== null && counts !== 'built' && !values) continue;
    for (const option of select.options) {
      if (option.value === '') continue;
      option.dataset.built ??= option.textContent ?? '';
      const label = option.dataset.label ?? option.textContent ?? '';
      option.dataset.label = label;
      option.textContent = counts === 'built' ? option.dataset.built : values ? `${label}（${values[option.value] ?? 0}）` : label;
    }
  }
}

function readForm(elements: Elements): SearchState {
  return {
    q: elements.q.value,
    department: elements.department.value,
    year: elements.year.value,
    kind: elements.kind.value,
    sort: elements.sort.value === 'date' ? 'date' : 'relevance',
  };
}

function writeForm(elements: Elements, state: SearchState): void {
  if (elements.q.value !== state.q) elements.q.value = state.q;
  setSelect(elements.department, state.department);
  setSelect(elements.year, state.year);
  setSelect(elements.kind, state.kind);
  elements.sort.value = state.sort;
}

/** Selects `value`, adding it as an option when a link names a value the page does not list. */
function setSelect(select: HTMLSelectElement, value: string): void {
  if (value && ![...select.options].some((option) => option.value === value)) {
    select.append(new Option(value, value));
  }
  select.value = value;
}

function findElements(root: HTMLElement): Elements {
  const get = <T extends HTMLElement>(selector: string): T => {
    const element = root.querySelector<T>(selector);
    if (!element) throw new Error(`The search page lacks ${selector}`);
    return element;
  };
  return {
    form: get<HTMLFormElement>('form'),
    q: get<HTMLInputElement>('input[name="q"]'),
    department: get<HTMLSelectElement>('select[name="department"]'),
    year: get<HTMLSelectElement>('select[name="year"]'),
    kind: get<HTMLSelectElement>('select[name="kind"]'),
    sort: get<HTMLSelectElement>('select[name="sort"]'),
    status: get<HTMLElement>('[data-search-status]'),
    results: get<HTMLOListElement>('[data-search-results]'),
    more: get<HTMLButtonElement>('[data-search-more]'),
  };
}
