/**
 * The URL scheme of the archive (documented in docs/urls.md). Every path is
 * root-relative and ends in `/` (a folder with index.html) or a file name;
 * `withPrefix` adds the deployment's path prefix. A URL depends only on the
 * thing it names, never on its neighbours, so adding an issue changes no
 * existing URL.
 */
import type { Department, Issue, Item } from '../model/schema.ts';

/** The parts of an issue its URL depends on. */
export type IssueKey = Pick<Issue, 'year' | 'number'>;

/** `/` — the home page. */
export const homeUrl = '/';
/** `/issues/` — every issue, grouped by year. */
export const issuesUrl = '/issues/';
/** `/departments/` — the department index. */
export const departmentsUrl = '/departments/';
/** `/search/` — the search page (built by the search step). */
export const searchUrl = '/search/';
/** `/feeds/issues.xml` — the Atom feed of the latest issues. */
export const issuesFeedUrl = '/feeds/issues.xml';

/** `/issues/2023/` — the issues of one year. */
export function yearUrl(year: number): string {
  return `/issues/${year}/`;
}

/**
 * `year-2019` — the anchor of a year's heading on a page that lists several
 * years: /issues/ (`/issues/#year-2019`) and a department's pages.
 */
export function yearAnchor(year: number): string {
  return `year-${year}`;
}

/** `/issues/2023/35/` — one issue, by year and number (no zero padding). */
export function issueUrl(issue: IssueKey): string {
  return `/issues/${issue.year}/${issue.number}/`;
}

/** `/issues/2023/35/1/` — one item, by its 1-based position in its issue. */
export function itemUrl(issue: IssueKey, item: Pick<Item, 'position'>): string {
  return `${issueUrl(issue)}${item.position}/`;
}

/**
 * `/issues/2023/35/2023-035.pdf` — the printed original of an issue, when its
 * PDF stands beside the issue file (issues/2023/035.pdf); named like the file.
 */
export function originalUrl(issue: IssueKey): string {
  return `${issueUrl(issue)}${issue.year}-${String(issue.number).padStart(3, '0')}.pdf`;
}

/** `/search/issues.json` — every issue's number and date, for finding an issue from the search box (src/search/lookup.ts). */
export const issueListUrl = '/search/issues.json';

/** `/departments/jiyuanlu-jiedao/`, or `…/page/2/` for later pages of a long list. */
export function departmentUrl(department: Pick<Department, 'slug'>, page = 1): string {
  const base = `/departments/${department.slug}/`;
  return page > 1 ? `${base}page/${page}/` : base;
}

/** `/departments/jiyuanlu-jiedao/feed.xml` — the Atom feed of one department. */
export function departmentFeedUrl(department: Pick<Department, 'slug'>): string {
  return `/departments/${department.slug}/feed.xml`;
}

/**
 * Normalises a path prefix to `/` or `/name/` (leading and trailing slash), as
 * written in site.config.ts (`docs`, `/docs`, `/docs/` all mean the same).
 */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Puts a root-relative path under the site's path prefix: `/docs/` + `/issues/` → `/docs/issues/`. */
export function withPrefix(prefix: string, path: string): string {
  return normalizePrefix(prefix) + path.replace(/^\/+/, '');
}

/** The absolute URL of a root-relative path, for feeds and the sitemap. */
export function absoluteUrl(baseUrl: string, prefix: string, path: string): string {
  return new URL(withPrefix(prefix, path), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
