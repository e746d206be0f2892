/**
 * The search page (/search/): substring search in Chinese over Pagefind.
 *
 * Pagefind finds candidates from bigram index words (search-tokens.ts); a
 * candidate whose match positions cannot hold the query is dropped at once,
 * and every result is verified against its own text before it is shown, so
 * each result contains every term, and every item that does is a candidate.
 * A query that names an issue (第35期, 2023年6月1日) or a department (any of
 * its names) leads with a direct link to it, above the item results
 * (lookup.ts). The department filter accepts a department's name, alias or
 * slug. The state lives in the URL (search-state.ts); a submitted search, a changed
 * filter or the start of typing adds a history entry (further typing updates
 * it), and the back button restores the previous search. Every piece of text from the index is put in
 * the page as a text node, never as HTML.
 *
 * The page does not move under the reader (layout shift): what the search
 * shows is put in place in reading order — status, lookup, results — each
 * once its height is known, into space public/search.css keeps for it.
 */
import { toExcerpt } from '../excerpt.ts';
import {
  aliasSeparator,
  findMatchRanges,
  isPlausibleByPositions,
  matchesAllTerms,
  toPagefindQuery,
  toQueryTerms,
  toSearchableText,
  type TextRange,
} from '../search-query.ts';
import type { PagefindFilterCounts, PagefindInstance, PagefindModule, PagefindResult } from './pagefind-api.ts';
import { hasSearch, toFilters, toQueryString, toSearchState, type SearchState } from './search-state.ts';
import { describeReference, findDepartment, findIssues, fromIssueList, parseIssueReference, type IssueListFile, type IssueReference, type IssueSummary } from '../lookup.ts';
import { formatDate, issueLabel, joinNames } from '../../site/format.ts';
import { departmentUrl, issueListUrl, issueUrl, withPrefix } from '../../site/urls.ts';

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
  lookup: HTMLElement;
  results: HTMLOListElement;
  shownLine: HTMLElement;
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
  aliases: string[];
}

/** A candidate result: `load` gives it ready to show, or null when it turns out not to hold the query. */
interface Candidate {
  load(): Promise<ShownResult | null>;
}

/** One run of a search: candidates in display order, pulled lazily. */
interface SearchRun {
  id: number;
  state: SearchState;
  terms: string[];
  /** The Pagefind query of the terms (null: filters alone, or the items of the issues a query names). */
  query: string | null;
  /** How many results there are; null while unknown (an issue's items under a department or kind filter). */
  total: number | null;
  shown: number;
  /** What the query names besides its text, if anything. */
  lookup: Lookup | null;
  next(): Promise<Candidate | undefined>;
}

const app = document.querySelector<HTMLElement>('[data-search-app]');
if (app) void start(app);

async function start(root: HTMLElement): Promise<void> {
  const elements = findElements(root);
  const indexBase = root.dataset.indexBase ?? '/pagefind/';
  const bundles = (root.dataset.bundles ?? '').split(' ').filter(Boolean);
  const years = (root.dataset.years ?? '').split(' ').filter(Boolean);
  const departments = departmentsOf(elements.department);
  const siteRoot = root.dataset.siteRoot ?? '/';
  let issueList: Promise<IssueSummary[]> | undefined;
  const loadIssueList = () =>
    (issueList ??= fetch(root.dataset.issueList ?? withPrefix(siteRoot, issueListUrl))
      .then((response) => {
        if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
        return response.json() as Promise<IssueListFile>;
      })
      .then(fromIssueList));
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

  const run = async (given: SearchState) => {
    const id = ++runId;
    const state = withDepartmentName(given, departments);
    // A department given by an alias or its slug (a link, a typed URL) is shown by its name.
    if (state.department !== given.department) history.replaceState(null, '', `${location.pathname}${toQueryString(state)}`);
    writeForm(elements, state);
    elements.results.replaceChildren();
    elements.results.setAttribute('aria-busy', 'true');
    clearLookup(elements);
    elements.more.hidden = true;
    elements.shownLine.textContent = '';
    delete elements.form.dataset.filterCounts;
    if (!hasSearch(state)) {
      current = undefined;
      updateFilterCounts(elements, 'built');
      setStatus(elements, '请输入关键词、期号或日期，或选择部门、年份浏览。');
      elements.results.setAttribute('aria-busy', 'false');
      return;
    }
    const terms = toQueryTerms(state.q);
    const query = terms.length > 0 ? toPagefindQuery(terms) : null;
    // What the query names (an issue, a department) is looked up meanwhile; a failure only loses the lookup.
    const lookup = toLookup(state.q, departments, loadIssueList).catch(() => null);
    if (terms.length > 0 && query === null) {
      current = undefined;
      setStatus(elements, '请输入汉字、字母或数字。');
      elements.results.setAttribute('aria-busy', 'false');
      return;
    }
    setStatus(elements, '正在检索……');
    try {
      // A query that names an issue (第35期, 2023年6月1日) lists the items of the issues it names, read from
      // their own pages (a few KB each), not its text from the index (a chunk per bigram per bundle, for nothing).
      const found = parseIssueReference(state.q) ? await lookup : null;
      if (found?.kind === 'issues') {
        if (id !== runId) return;
        const issues = found.issues.filter((issue) => !state.year || String(issue.year) === state.year);
        const filtered = Boolean(state.department || state.kind);
        current = {
          id,
          state,
          terms: [],
          query: null,
          total: filtered ? null : issues.reduce((sum, issue) => sum + issue.items, 0),
          shown: 0,
          lookup: found,
          next: issueItemsOrder(issues, state, siteRoot),
        };
        setStatus(elements, describe(current));
        showLookup(elements, found, siteRoot);
        updateFilterCounts(elements, null);
        await showMore(current, false);
        return;
      }
      const index = await loadPagefind();
      const response = await index.search(query, { filters: toFilters(state) });
      const named = await lookup;
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
        lookup: named,
        next: fromIndex(byDate ? dateOrder(index, query, state, terms, years) : listOrder(plausible), terms),
      };
      // In reading order, each once its height is known: the count, what the query names, then the results.
      setStatus(elements, describe(current));
      if (named) showLookup(elements, named, siteRoot);
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
    let exhausted = false;
    while (added.length < pageSize) {
      const batch: Candidate[] = [];
      while (batch.length < pageSize - added.length) {
        const candidate = await search.next();
        if (!candidate) {
          exhausted = true;
          break;
        }
        batch.push(candidate);
      }
      if (search.id !== runId) return;
      if (batch.length === 0) break;
      // Every candidate is loaded at once (for the index, its fragment); each result is shown as soon
      // as it and those before it are in, so the first one does not wait for the slowest of the batch.
      const loading = batch.map((candidate) => candidate.load());
      // A later one may fail after this search is superseded: its error is not this search's.
      for (const pending of loading) pending.catch(() => {});
      for (const pending of loading) {
        const shown = await pending;
        if (search.id !== runId) return;
        if (!shown) {
          if (search.total !== null) search.total--;
          continue;
        }
        const element = renderResult(shown, search.terms, search.state.q);
        elements.results.append(element);
        added.push(element);
        search.shown++;
      }
      if (exhausted) break;
    }
    if (exhausted || (search.total !== null && search.shown >= search.total)) search.total = search.shown;
    setStatus(elements, describe(search));
    elements.shownLine.textContent = search.shown === 0 ? '' : search.total === null ? `已显示 ${search.shown} 条` : `已显示 ${search.shown} / ${search.total} 条`;
    elements.more.hidden = search.total !== null && search.shown >= search.total;
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
    // The index counts what it finds; an issue's items (a query naming issues) are not found through it.
    if (!search || search.lookup?.kind === 'issues') return;
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

/**
 * The index's candidates as results: each loads its fragment, and is verified
 * against the query's terms (Pagefind's candidates must really hold every term).
 */
function fromIndex(next: () => Promise<PagefindResult | undefined>, terms: readonly string[]): () => Promise<Candidate | undefined> {
  return async () => {
    const result = await next();
    if (!result) return undefined;
    return {
      load: async () => {
        const fragment = await result.data();
        const shown: ShownResult = {
          url: fragment.url,
          headline: fragment.meta.title ?? '',
          department: fragment.meta.department ?? '',
          issue: fragment.meta.issue ?? '',
          date: fragment.meta.date ?? '',
          text: fragment.meta.text ?? '',
          aliases: fragment.meta.aliases ? fragment.meta.aliases.split(aliasSeparator) : [],
        };
        return terms.length === 0 || matchesAllTerms(terms, toSearchableText(shown)) ? shown : null;
      },
    };
  };
}

/**
 * The items of `issues` (newest first), in each issue's order, read from the
 * issue's own page as the reader pages: its items are marked there
 * (`data-item`, see templates/issue.11ty.tsx). A department or kind filter
 * leaves out the others.
 */
function issueItemsOrder(issues: readonly IssueSummary[], state: SearchState, siteRoot: string): () => Promise<Candidate | undefined> {
  const queue = [...issues];
  let buffer: ShownResult[] = [];
  return async () => {
    while (buffer.length === 0) {
      const issue = queue.shift();
      if (!issue) return undefined;
      buffer = (await readIssueItems(issue, siteRoot)).filter(
        (item) => (!state.department || item.department === state.department) && (!state.kind || item.kind === state.kind),
      );
    }
    const item = buffer.shift()!;
    return { load: () => Promise.resolve(item) };
  };
}

/** The items of an issue, read from its page (parsed, never run: DOMParser's document executes nothing). */
async function readIssueItems(issue: IssueSummary, siteRoot: string): Promise<(ShownResult & { kind: string })[]> {
  const response = await fetch(withPrefix(siteRoot, issueUrl(issue)));
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  return [...page.querySelectorAll<HTMLElement>('[data-item]')].map((section) => {
    const body = section.querySelector('.item-body')?.cloneNode(true) as HTMLElement | undefined;
    // The text as the index holds it: without the brief's △ and the department's （…）.
    for (const mark of body?.querySelectorAll('.brief-mark, .attribution') ?? []) mark.remove();
    return {
      url: section.dataset.url ?? '',
      headline: section.dataset.headline ?? '',
      department: section.dataset.department ?? '',
      kind: section.dataset.kind ?? '',
      issue: issueLabel(issue),
      date: issue.date,
      text: (body?.textContent ?? '').trim(),
      aliases: [],
    };
  });
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

/**
 * The status line: how many items the search found (the shown count is at the
 * list's end), and what the query names when it names something.
 */
function describe(search: SearchRun): string {
  const { state, total, lookup } = search;
  const q = state.q.trim();
  const scope = [state.department, state.year ? `${state.year} 年` : '', state.kind].filter(Boolean).join('、');
  // An issue named: its items are the results.
  if (lookup?.kind === 'issues') {
    if (lookup.issues.length === 0) return `${describeLookup(lookup)}。`;
    const count = total === null ? '以下是其中的信息' : total === 0 ? '没有这样的信息' : `共 ${total} 条信息`;
    return `${describeLookup(lookup)}（见下）${scope ? `，${scope}` : ''}：${count}${lookup.issues.length > 1 ? '，最新一期在前' : ''}。`;
  }
  const named = lookup ? `${describeLookup(lookup)}（见下）；` : '';
  if (total === 0) {
    return q ? `${named}没有找到包含“${q}”的信息${scope ? `（${scope}）` : ''}。` : `${scope}没有信息。`;
  }
  const subject = q ? `包含“${q}”的信息` : '信息';
  const order = state.sort === 'date' || !q ? '，最新在前' : '';
  return `${named}${scope ? `${scope}：` : ''}找到${subject} ${total} 条${order}。`;
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

/** What a query names: the issues of an issue reference (maybe none), or a department. */
type Lookup = { kind: 'issues'; reference: IssueReference; issues: IssueSummary[] } | { kind: 'department'; department: DepartmentOption };

/** A department of the filter's list, with its other names. */
interface DepartmentOption {
  name: string;
  slug: string;
  aliases: string[];
  /** Its items in the whole archive. */
  count: number;
}

/** The departments of the filter's options (data-slug, data-aliases). */
function departmentsOf(select: HTMLSelectElement): DepartmentOption[] {
  return [...select.options]
    .filter((option) => option.value !== '')
    .map((option) => ({
      name: option.value,
      slug: option.dataset.slug ?? '',
      aliases: option.dataset.aliases ? option.dataset.aliases.split(aliasSeparator) : [],
      count: Number(option.dataset.count ?? 0),
    }));
}

/** The state with its department filter by name, when it gives an alias or a slug. */
function withDepartmentName(state: SearchState, departments: readonly DepartmentOption[]): SearchState {
  if (!state.department) return state;
  const department = findDepartment(state.department, departments);
  return department && department.name !== state.department ? { ...state, department: department.name } : state;
}

/** What `query` names: an issue reference (its issues fetched with the list), or a department's name. */
async function toLookup(query: string, departments: readonly DepartmentOption[], issues: () => Promise<IssueSummary[]>): Promise<Lookup | null> {
  if (!query.trim()) return null;
  const reference = parseIssueReference(query);
  if (reference) return { kind: 'issues', reference, issues: findIssues(reference, await issues()) };
  const department = findDepartment(query, departments);
  return department ? { kind: 'department', department } : null;
}

function describeLookup(lookup: Lookup): string {
  if (lookup.kind === 'department') return `部门“${lookup.department.name}”`;
  const { issues, reference } = lookup;
  if (issues.length === 0) return `档案中没有${spaced(describeReference(reference))}`;
  return issues.length === 1 ? `刊期 ${issueLabel(issues[0]!)}` : `${describeReference(reference)}共 ${issues.length} 期`;
}

/** Issues listed before the others are folded. */
const lookupShown = 6;

/** Shows what the query names, above the results: direct links to the issues, or to the department. */
function showLookup(elements: Elements, lookup: Lookup, siteRoot: string): void {
  const panel = elements.lookup;
  const title = document.createElement('h2');
  title.className = 'search-lookup__title';
  const list = document.createElement('ul');
  list.className = 'search-lookup__list';
  if (lookup.kind === 'department') {
    const { department } = lookup;
    title.textContent = '部门';
    const link = document.createElement('a');
    link.href = withPrefix(siteRoot, departmentUrl(department));
    link.textContent = department.name;
    const item = document.createElement('li');
    item.append(link);
    if (department.aliases.length > 0) item.append(`（又称${joinNames(department.aliases)}）`);
    item.append(`，共 ${department.count} 条信息`);
    list.append(item);
    panel.replaceChildren(title, list);
  } else {
    title.textContent = '刊期';
    const toItem = (issue: IssueSummary) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = withPrefix(siteRoot, issueUrl(issue));
      link.textContent = `${issueLabel(issue)}${issue.title ? `（${issue.title}）` : ''}`;
      const time = document.createElement('time');
      time.dateTime = issue.date;
      time.textContent = formatDate(issue.date);
      item.append(link, ' ', time, ` · ${issue.items} 条信息`);
      return item;
    };
    const { issues } = lookup;
    if (issues.length === 0) {
      const item = document.createElement('li');
      item.textContent = `${describeLookup(lookup)}。`;
      list.append(item);
    } else list.append(...issues.slice(0, lookupShown).map(toItem));
    panel.replaceChildren(title, list);
    if (issues.length > lookupShown) {
      const more = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `其余 ${issues.length - lookupShown} 期`;
      const rest = document.createElement('ul');
      rest.className = 'search-lookup__list';
      rest.append(...issues.slice(lookupShown).map(toItem));
      more.append(summary, rest);
      panel.append(more);
    }
  }
  panel.hidden = false;
}

/** The thin space the bulletin sets between Chinese and digits, before text that starts with a digit. */
function spaced(text: string): string {
  return /^\d/.test(text) ? ` ${text}` : text;
}

function clearLookup(elements: Elements): void {
  elements.lookup.hidden = true;
  elements.lookup.replaceChildren();
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

/** Selects `value`, adding it as an option when a link names a value the page does not list (a department's aliases and slug are resolved before). */
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
    lookup: get<HTMLElement>('[data-search-lookup]'),
    results: get<HTMLOListElement>('[data-search-results]'),
    shownLine: get<HTMLElement>('[data-search-shown]'),
    more: get<HTMLButtonElement>('[data-search-more]'),
  };
}
