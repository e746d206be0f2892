/**
 * Writers for the site's XML files (Atom feeds, sitemap). Every model string
 * passes through `escapeXml`, so no issue text can break out of its element.
 */

/** Escapes text for an XML element or attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => xmlEntities[char]!);
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `2023-06-01` → `2023-06-01T00:00:00Z`: a calendar date as an RFC 3339 timestamp. */
function dateToTimestamp(isoDate: string): string {
  return `${isoDate}T00:00:00Z`;
}

/** One entry of an Atom feed. */
export interface AtomEntry {
  /** Absolute URL of the entry's page; also its id. */
  url: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** HTML of the full text, its links already absolute. */
  html: string;
  author: string;
  categories: readonly string[];
}

/** An Atom feed. */
export interface AtomFeed {
  /** Absolute URL of the feed itself; also its id. */
  feedUrl: string;
  /** Absolute URL of the HTML page the feed follows. */
  pageUrl: string;
  title: string;
  subtitle: string;
  /** YYYY-MM-DD of the newest entry (never the build time: builds stay reproducible). */
  updated: string;
  author: string;
  language: string;
  entries: readonly AtomEntry[];
}

/** Writes an Atom 1.0 document (RFC 4287). */
export function toAtom(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    `  <title>${escapeXml(feed.title)}</title>`,
    `  <subtitle>${escapeXml(feed.subtitle)}</subtitle>`,
    `  <link href="${escapeXml(feed.feedUrl)}" rel="self" type="application/atom+xml"/>`,
    `  <link href="${escapeXml(feed.pageUrl)}" rel="alternate" type="text/html"/>`,
    `  <id>${escapeXml(feed.feedUrl)}</id>`,
    `  <updated>${dateToTimestamp(feed.updated)}</updated>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link href="${escapeXml(entry.url)}" rel="alternate" type="text/html"/>`,
      `    <id>${escapeXml(entry.url)}</id>`,
      `    <published>${dateToTimestamp(entry.date)}</published>`,
      `    <updated>${dateToTimestamp(entry.date)}</updated>`,
      `    <author><name>${escapeXml(entry.author)}</name></author>`,
      ...entry.categories.map((term) => `    <category term="${escapeXml(term)}"/>`),
      `    <content type="html">${escapeXml(entry.html)}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** One URL of the sitemap. */
export interface SitemapEntry {
  /** Absolute URL. */
  url: string;
  /** YYYY-MM-DD, when the page's content has a date. */
  lastmod?: string | undefined;
}

/** Writes a sitemaps.org sitemap, URLs sorted so the file is stable. */
export function toSitemap(entries: readonly SitemapEntry[]): string {
  const sorted = [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const entry of sorted) {
    lines.push(`  <url><loc>${escapeXml(entry.url)}</loc>${entry.lastmod ? `<lastmod>${entry.lastmod}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}
