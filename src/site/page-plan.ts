/**
 * Which pages a build must render, for incremental rebuilds. Every page of a
 * paginated template (items, issues, years, department pages, department feeds)
 * gets a fingerprint of everything it is rendered from: its entry of the site
 * model, the site settings, the template's name and the fingerprint of the
 * site's code (templates, src/site …, computed by the caller). A page whose
 * fingerprint equals the one recorded with the previous output is unchanged,
 * byte for byte, and need not be rendered again. The few pages that show the
 * whole archive (home, indexes, feeds, sitemap) are always rendered.
 *
 * Pure: the same model, settings and code fingerprint give the same plan.
 */
import { digestIssues, digestOf, hashText } from '../model/digest.ts';
import type { DepartmentEntry, DepartmentPage, IssueEntry, ItemEntry, SiteModel, YearEntry } from './site-model.ts';
import type { SiteSettings } from './settings.ts';

/** The entries each paginated template renders: all of them in a cold build, only the changed ones in a rebuild. */
export interface PagesToRender {
  items: ItemEntry[];
  issues: IssueEntry[];
  years: YearEntry[];
  departmentPages: DepartmentPage[];
  departmentFeeds: DepartmentEntry[];
}

/**
 * The output file (relative to the output folder, `/`-separated, no leading
 * slash) of each paginated template's entry: the templates' permalinks, so the
 * plan and the files always agree.
 */
export const pageOutput = {
  items: (entry: ItemEntry): string => `${entry.url.slice(1)}index.html`,
  issues: (entry: IssueEntry): string => `${entry.url.slice(1)}index.html`,
  years: (entry: YearEntry): string => `${entry.url.slice(1)}index.html`,
  departmentPages: (entry: DepartmentPage): string => `${entry.url.slice(1)}index.html`,
  departmentFeeds: (entry: DepartmentEntry): string => entry.feedUrl.slice(1),
} as const;

/** Every page of the model, for a cold build. */
export function allPages(model: SiteModel): PagesToRender {
  return { items: model.items, issues: model.issues, years: model.years, departmentPages: model.departmentPages, departmentFeeds: model.departments };
}

/**
 * The fingerprint of every paginated page, by output file (sorted). Entries
 * of the model are hashed once each and referred to by their hash, so the
 * cost stays linear in the size of the model. `issueDigests` are the digests
 * of the model's issues and items (digestIssues), when the caller has them.
 */
export function pageFingerprints(model: SiteModel, settings: SiteSettings, codeFingerprint: string, issueDigests?: ReadonlyMap<object, string>): Map<string, string> {
  // Innermost first, so each entry's JSON refers to its parts by digest: issues and items
  // (given by the caller, who may have them from the parse cache), then the entries.
  const memo = new Map(issueDigests ?? digestIssues(model.issues.map((entry) => entry.issue)));
  const digest = (value: object) => digestOf(value, memo);
  for (const entry of model.items) memo.set(entry, digest(entry));
  for (const entry of model.issues) memo.set(entry, digest(entry));
  for (const entry of model.departments) memo.set(entry, digest(entry));

  const base = `${codeFingerprint}\n${JSON.stringify(settings, Object.keys(settings).sort())}\n`;
  const pages = new Map<string, string>();
  const add = <T extends object>(template: keyof PagesToRender, entries: readonly T[], output: (entry: T) => string, extra: (entry: T) => string = () => '') => {
    for (const entry of entries) pages.set(output(entry), hashText(`${base}${template}\n${extra(entry)}\n${memo.get(entry) ?? digest(entry)}`));
  };
  add('items', model.items, pageOutput.items);
  add('issues', model.issues, pageOutput.issues);
  add('years', model.years, pageOutput.years);
  add('departmentPages', model.departmentPages, pageOutput.departmentPages);
  // A department without items shows the archive's last update as its feed's date; the others, their newest item's
  // (in their entry), so a new issue re-renders only the feeds of its departments.
  add('departmentFeeds', model.departments, pageOutput.departmentFeeds, (entry) => (entry.count === 0 ? JSON.stringify(model.updated) : ''));
  return new Map([...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The pages of `model` whose output is not in `unchanged`: what a rebuild renders. */
export function pagesToRender(model: SiteModel, unchanged: ReadonlySet<string>): PagesToRender {
  const keep = <T>(entries: readonly T[], output: (entry: T) => string) => entries.filter((entry) => !unchanged.has(output(entry)));
  return {
    items: keep(model.items, pageOutput.items),
    issues: keep(model.issues, pageOutput.issues),
    years: keep(model.years, pageOutput.years),
    departmentPages: keep(model.departmentPages, pageOutput.departmentPages),
    departmentFeeds: keep(model.departments, pageOutput.departmentFeeds),
  };
}
