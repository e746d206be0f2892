/**
 * Turns the bulletin into what the pages show: one entry per page with its URL,
 * its neighbours and its counts, everything sorted. Pure: the same bulletin and
 * settings always give the same model. Entries link to neighbours through small
 * `Link` objects, never through each other, so the model has no cycles.
 */
import type { Bulletin, Department, Issue, Item } from '../model/schema.ts';
import type { YearCount } from './chart.ts';
import { issueLabel } from './format.ts';
import { toPages } from './paging.ts';
import type { SiteSettings } from './settings.ts';
import { departmentFeedUrl, departmentUrl, issueUrl, itemUrl, originalUrl, yearAnchor, yearUrl } from './urls.ts';

/** A link to a neighbouring page. */
export interface Link {
  url: string;
  title: string;
}

/** An item with where it stands. */
export interface ItemEntry {
  item: Item;
  issue: Issue;
  url: string;
  issueUrl: string;
  /** 2023 年第 35 期 */
  issueLabel: string;
  department: Department;
  departmentUrl: string;
  previous: Link | null;
  next: Link | null;
}

/** The items of one 【section】 of an issue, or of the part outside sections (name null). */
export interface Section {
  name: string | null;
  items: ItemEntry[];
}

/** An issue with its URL, its items and its neighbours. */
export interface IssueEntry {
  issue: Issue;
  url: string;
  label: string;
  items: ItemEntry[];
  sections: Section[];
  previous: Link | null;
  next: Link | null;
  /** Its printed original (a PDF copied beside the page), or null. */
  original: { url: string; bytes: number } | null;
}

/** The issues of one year, newest first. */
export interface YearEntry {
  year: number;
  url: string;
  issues: IssueEntry[];
  itemCount: number;
  /** The year before and the year after that have issues. */
  previous: Link | null;
  next: Link | null;
}

/** A department with its items (newest first) and its statistics. */
export interface DepartmentEntry {
  department: Department;
  url: string;
  feedUrl: string;
  count: number;
  /** The issue it first appeared in, or null when it has no item yet. */
  first: Link | null;
  last: Link | null;
  /** Items per year, oldest year first, only years with items. */
  perYear: YearCount[];
  /** Where each year's items begin in the paged list, newest year first: the jump between years. */
  yearStarts: YearStart[];
  items: ItemEntry[];
}

/** The first item of a year in a department's paged list. */
export interface YearStart {
  year: number;
  count: number;
  /** The page it is on (1-based). */
  page: number;
  /** That page and the year's heading on it: `/departments/…/page/3/#year-2019`. */
  url: string;
}

/** The items of one year on one page of a department's list. */
export interface YearGroup {
  year: number;
  /** Whether the year's first item is on this page (it then has the year's anchor). */
  starts: boolean;
  items: ItemEntry[];
}

/** One page of a department's item list. */
export interface DepartmentPage {
  entry: DepartmentEntry;
  number: number;
  count: number;
  url: string;
  items: ItemEntry[];
  /** The page's items by year, newest first. */
  groups: YearGroup[];
  previous: Link | null;
  next: Link | null;
}

/** Everything the templates render. */
export interface SiteModel {
  /** Oldest first. */
  issues: IssueEntry[];
  /** In issue order, then position. */
  items: ItemEntry[];
  /** Newest year first. */
  years: YearEntry[];
  /** In registry order. */
  departments: DepartmentEntry[];
  departmentPages: DepartmentPage[];
  latest: IssueEntry | null;
  /** The newest items of the issues before the latest one. */
  recentItems: ItemEntry[];
  /** The date of the newest issue: the feeds' `updated`, so output never depends on the clock. */
  updated: string | null;
}

/** Builds the site model of a bulletin. */
export function toSiteModel(bulletin: Bulletin, settings: Pick<SiteSettings, 'departmentPageSize' | 'recentItems'>): SiteModel {
  const departmentsByName = new Map(bulletin.departments.map((department) => [department.name, department]));
  const issues = [...bulletin.issues].sort((a, b) => a.year - b.year || a.number - b.number);

  const issueEntries = issues.map((issue, index): IssueEntry => {
    const url = issueUrl(issue);
    const label = issueLabel(issue);
    const items = issue.items.map((item, position, all): ItemEntry => {
      const department = departmentsByName.get(item.department);
      if (!department) throw new Error(`Item ${item.id} names the department 「${item.department}」, which is not in the registry`);
      const before = all[position - 1];
      const after = all[position + 1];
      return {
        item,
        issue,
        url: itemUrl(issue, item),
        issueUrl: url,
        issueLabel: label,
        department,
        departmentUrl: departmentUrl(department),
        previous: before ? { url: itemUrl(issue, before), title: before.headline } : null,
        next: after ? { url: itemUrl(issue, after), title: after.headline } : null,
      };
    });
    const before = issues[index - 1];
    const after = issues[index + 1];
    return {
      issue,
      url,
      label,
      items,
      sections: toSections(items),
      previous: before ? { url: issueUrl(before), title: issueLabel(before) } : null,
      next: after ? { url: issueUrl(after), title: issueLabel(after) } : null,
      original: issue.original ? { url: originalUrl(issue), bytes: issue.original.bytes } : null,
    };
  });

  const items = issueEntries.flatMap((entry) => entry.items);
  const newestFirst = [...issueEntries].reverse();

  const years: YearEntry[] = [];
  for (const entry of newestFirst) {
    const year = years.at(-1)?.year === entry.issue.year ? years.at(-1)! : undefined;
    if (year) {
      year.issues.push(entry);
      year.itemCount += entry.items.length;
    } else {
      years.push({ year: entry.issue.year, url: yearUrl(entry.issue.year), issues: [entry], itemCount: entry.items.length, previous: null, next: null });
    }
  }
  years.forEach((year, index) => {
    const older = years[index + 1];
    const newer = years[index - 1];
    year.previous = older ? { url: older.url, title: `${older.year} 年` } : null;
    year.next = newer ? { url: newer.url, title: `${newer.year} 年` } : null;
  });

  const newestItems = newestFirst.flatMap((entry) => entry.items);
  const departments = bulletin.departments.map((department) => toDepartmentEntry(department, newestItems, settings.departmentPageSize));
  const departmentPages = departments.flatMap((entry) =>
    toPages(entry.items, settings.departmentPageSize).map((page, _index, pages): DepartmentPage => ({
      entry,
      number: page.number,
      count: page.count,
      url: departmentUrl(entry.department, page.number),
      items: page.entries,
      groups: toYearGroups(page.entries, entry.yearStarts, page.number),
      previous: page.number > 1 ? { url: departmentUrl(entry.department, page.number - 1), title: `第 ${page.number - 1} 页` } : null,
      next: page.number < pages.length ? { url: departmentUrl(entry.department, page.number + 1), title: `第 ${page.number + 1} 页` } : null,
    })),
  );

  const latest = newestFirst[0] ?? null;
  return {
    issues: issueEntries,
    items,
    years,
    departments,
    departmentPages,
    latest,
    recentItems: newestFirst.slice(1).flatMap((entry) => entry.items).slice(0, settings.recentItems),
    updated: latest?.issue.date ?? null,
  };
}

function toSections(items: readonly ItemEntry[]): Section[] {
  const sections: Section[] = [];
  for (const entry of items) {
    const current = sections.at(-1);
    if (current && current.name === entry.item.section) current.items.push(entry);
    else sections.push({ name: entry.item.section, items: [entry] });
  }
  return sections;
}

function toYearGroups(items: readonly ItemEntry[], starts: readonly YearStart[], page: number): YearGroup[] {
  const groups: YearGroup[] = [];
  for (const entry of items) {
    const year = entry.issue.year;
    const current = groups.at(-1);
    if (current?.year === year) current.items.push(entry);
    else groups.push({ year, starts: starts.some((start) => start.year === year && start.page === page), items: [entry] });
  }
  return groups;
}

function toDepartmentEntry(department: Department, newestItems: readonly ItemEntry[], pageSize: number): DepartmentEntry {
  const items = newestItems.filter((entry) => entry.department.name === department.name);
  const perYear = new Map<number, number>();
  const yearStarts: YearStart[] = [];
  items.forEach((entry, index) => {
    const year = entry.issue.year;
    const page = Math.floor(index / pageSize) + 1;
    if (!perYear.has(year)) yearStarts.push({ year, count: 0, page, url: `${departmentUrl(department, page)}#${yearAnchor(year)}` });
    perYear.set(year, (perYear.get(year) ?? 0) + 1);
  });
  for (const start of yearStarts) start.count = perYear.get(start.year)!;
  const newest = items[0];
  const oldest = items.at(-1);
  return {
    department,
    url: departmentUrl(department),
    feedUrl: departmentFeedUrl(department),
    count: items.length,
    first: oldest ? { url: oldest.issueUrl, title: oldest.issueLabel } : null,
    last: newest ? { url: newest.issueUrl, title: newest.issueLabel } : null,
    perYear: [...perYear].map(([year, count]) => ({ year, count })).sort((a, b) => a.year - b.year),
    yearStarts,
    items,
  };
}
