/**
 * The HTML put into feed entries: an item's full text with its department, or
 * a whole issue's items. Rendered here (escaped) and made absolute by the
 * feed templates.
 */
import { renderToStaticMarkup } from 'preact-render-to-string';
import { decorateBody } from '../../src/site/body.ts';
import { href } from '../../src/site/site-data.ts';
import type { IssueEntry, ItemEntry } from '../../src/site/site-model.ts';
import type { SiteSettings } from '../../src/site/settings.ts';

/** An item's body with △ and （department）, as HTML. */
export function itemFeedHtml(site: SiteSettings, entry: ItemEntry): string {
  const lead = entry.item.kind === 'brief' ? '△ ' : undefined;
  const tail = renderToStaticMarkup(<>（<a href={href(site, entry.departmentUrl)}>{entry.item.department}</a>）</>);
  return decorateBody(entry.item.html, { lead, tail });
}

/** Every item of an issue, each under its headline, as HTML. */
export function issueFeedHtml(site: SiteSettings, entry: IssueEntry): string {
  return entry.items
    .map((item) => {
      const heading = renderToStaticMarkup(
        <h2>
          <a href={href(site, item.url)}>{item.item.kind === 'brief' ? `△ ${item.item.headline}` : item.item.headline}</a>
        </h2>,
      );
      return `${heading}\n${itemFeedHtml(site, item)}`;
    })
    .join('\n');
}
