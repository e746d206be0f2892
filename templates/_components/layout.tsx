/**
 * The page layout every HTML page uses: header with the masthead title, the
 * search form and the main navigation; the page's content in <main>; footer.
 * A new template gets it by rendering `<Layout …>…</Layout>`; the search page
 * passes its scripts and styles through `head`.
 */
import type { ComponentChildren } from 'preact';
import { fullUrl, href } from '../../src/site/site-data.ts';
import type { SiteSettings } from '../../src/site/settings.ts';
import { toQrSymbol } from '../../src/site/qr.ts';
import { contentSecurityPolicy } from '../../src/site/security.ts';
import { departmentsUrl, homeUrl, issuesFeedUrl, issuesUrl, searchUrl } from '../../src/site/urls.ts';

/** The sections of the main navigation. */
export type NavSection = 'home' | 'issues' | 'departments' | 'search';

export interface LayoutProps {
  site: SiteSettings;
  /** The page's own title; the site name is appended. */
  title: string;
  /** Root-relative path of the page (e.g. `/issues/2023/35/`), for the canonical link. */
  path: string;
  /** What the page holds, in a sentence: its meta and Open Graph description (the site's description by default). */
  description?: string;
  /** Open Graph type: `article` for an item, `website` for the rest. */
  ogType?: 'website' | 'article';
  /** False on the search page, which has its own search form: the header's would be a second box. */
  headerSearch?: boolean;
  /** A wider main column on large screens, for the compact index of every issue. */
  wide?: boolean;
  /** Print the page's address and its QR code at its end (issue and item pages), so a paper copy leads back online. */
  printAddress?: boolean;
  /** Which navigation entry is this page's section. */
  section?: NavSection;
  /** Extra elements for <head>: scripts, styles, feed links. */
  head?: ComponentChildren;
  /** Feeds to announce in <head> besides the issues feed. */
  feeds?: { title: string; path: string }[];
  /** Set on pages that must not be indexed by search engines (the 404 page). */
  noindex?: boolean;
  children: ComponentChildren;
}

const nav: { section: NavSection; label: string; path: string }[] = [
  { section: 'home', label: '首页', path: homeUrl },
  { section: 'issues', label: '往期', path: issuesUrl },
  { section: 'departments', label: '部门', path: departmentsUrl },
  { section: 'search', label: '检索', path: searchUrl },
];

/** A full HTML page. */
export function Layout(props: LayoutProps) {
  const { site } = props;
  const siteName = `《${site.title}》${site.tagline}`;
  const fullTitle = props.path === homeUrl ? siteName : `${props.title} - ${siteName}`;
  const feeds = [{ title: `《${site.title}》最新各期`, path: issuesFeedUrl }, ...(props.feeds ?? [])];
  const description = props.description ?? site.description;
  const address = fullUrl(site, props.path);
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        {/* First, so it governs everything the page loads (see src/site/security.ts). */}
        <meta http-equiv="Content-Security-Policy" content={contentSecurityPolicy} />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="description" content={description} />
        {props.noindex ? <meta name="robots" content="noindex" /> : <link rel="canonical" href={address} />}
        <meta property="og:site_name" content={siteName} />
        <meta property="og:title" content={props.path === homeUrl ? siteName : props.title} />
        <meta property="og:description" content={description} />
        <meta property="og:type" content={props.ogType ?? 'website'} />
        <meta property="og:locale" content="zh_CN" />
        {props.noindex ? null : <meta property="og:url" content={address} />}
        <link rel="stylesheet" href={href(site, '/assets/site.css')} />
        <link rel="icon" href={href(site, '/favicon.svg')} type="image/svg+xml" />
        {feeds.map((feed) => (
          <link rel="alternate" type="application/atom+xml" title={feed.title} href={href(site, feed.path)} />
        ))}
        {props.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          跳到正文
        </a>
        <header class="site-header">
          <div class="site-header__inner">
            <a class="site-title" href={href(site, homeUrl)}>
              <span class="site-title__name">{site.title}</span>
              <span class="site-title__tagline">{site.tagline}</span>
            </a>
            {props.headerSearch === false ? null : (
              <form class="site-search" action={href(site, searchUrl)} role="search">
                <label class="visually-hidden" for="site-search-q">
                  检索信息
                </label>
                <input id="site-search-q" name="q" type="search" placeholder="检索标题、正文、部门、期号" autocomplete="off" />
                <button type="submit">检索</button>
              </form>
            )}
          </div>
          <nav class="site-nav" aria-label="主导航">
            <ul>
              {nav.map((entry) => (
                <li>
                  <a href={href(site, entry.path)} aria-current={entry.section === props.section ? 'page' : undefined}>
                    {entry.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1} class={props.wide ? 'main--wide' : undefined}>
          {props.children}
          {props.printAddress ? <PrintAddress address={address} /> : null}
        </main>
        <footer class="site-footer">
          <p>
            《{site.title}》由{site.publisher}编印。本站为其电子档案，内容与印发版一致。
          </p>
          <p>
            <a href={href(site, issuesFeedUrl)}>订阅最新各期（Atom）</a>
            <span aria-hidden="true"> · </span>
            <a href={href(site, departmentsUrl)}>各部门订阅</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/**
 * The page's address as text and as a QR code, shown only in print (see the
 * print rules in public/assets/site.css), so a printout leads back to the page.
 */
function PrintAddress({ address }: { address: string }) {
  const qr = toQrSymbol(address);
  return (
    <aside class="print-address" aria-label="本页网址">
      <svg class="print-address__qr" viewBox={`0 0 ${qr.size} ${qr.size}`} width={qr.size * 2} height={qr.size * 2} role="img" aria-label="本页网址的二维码" xmlns="http://www.w3.org/2000/svg">
        <rect width={qr.size} height={qr.size} fill="#fff" />
        <path d={qr.path} stroke="#000" stroke-width="1" shape-rendering="crispEdges" />
      </svg>
      <p class="print-address__text">
        本页网址：<span class="print-address__url">{address}</span>
        <br />
        扫描二维码或输入网址，可在线阅读、检索各期内容。
      </p>
    </aside>
  );
}
