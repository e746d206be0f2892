/**
 * The pure helpers behind the pages: URLs, Chinese dates and citations, the
 * chart, paging, body marks, XML writers and the site model.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { siteConfig } from '../site.config.ts';
import { toSiteData } from '../src/eleventy/site-input.ts';
import { loadArchive } from '../src/load-archive.ts';
import type { Bulletin, Issue } from '../src/model/schema.ts';
import { decorateBody } from '../src/site/body.ts';
import { toYearChart } from '../src/site/chart.ts';
import { citationLine, excerpt, firstSentence, formatDate, formatFileSize, formatMonthDay, issueLabel, totalNumberLabel } from '../src/site/format.ts';
import { toPages, visiblePages } from '../src/site/paging.ts';
import jsqr from 'jsqr';
import { toQrSymbol } from '../src/site/qr.ts';
import { toSiteModel } from '../src/site/site-model.ts';
import { absoluteUrl, departmentFeedUrl, departmentUrl, issueUrl, itemUrl, normalizePrefix, originalUrl, withPrefix, yearUrl } from '../src/site/urls.ts';
import { escapeXml, toAtom, toSitemap } from '../src/site/xml.ts';
import { removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

describe('URLs', () => {
  it('name issues by year and number, items by position, departments by slug', () => {
    assert.equal(issueUrl({ year: 2023, number: 35 }), '/issues/2023/35/');
    assert.equal(itemUrl({ year: 2023, number: 35 }, { position: 1 }), '/issues/2023/35/1/');
    assert.equal(yearUrl(2022), '/issues/2022/');
    assert.equal(departmentUrl({ slug: 'jiyuanlu-jiedao' }), '/departments/jiyuanlu-jiedao/');
    assert.equal(departmentUrl({ slug: 'jiyuanlu-jiedao' }, 1), '/departments/jiyuanlu-jiedao/');
    assert.equal(departmentUrl({ slug: 'jiyuanlu-jiedao' }, 3), '/departments/jiyuanlu-jiedao/page/3/');
    assert.equal(departmentFeedUrl({ slug: 'wenmingban' }), '/departments/wenmingban/feed.xml');
    assert.equal(originalUrl({ year: 2023, number: 35 }), '/issues/2023/35/2023-035.pdf');
  });

  it('put paths under the path prefix however it is written', () => {
    for (const prefix of ['archive', '/archive', '/archive/', ' /archive// ']) assert.equal(normalizePrefix(prefix), '/archive/');
    assert.equal(normalizePrefix(''), '/');
    assert.equal(normalizePrefix('/'), '/');
    assert.equal(withPrefix('/', '/issues/'), '/issues/');
    assert.equal(withPrefix('/archive/', '/issues/2023/35/'), '/archive/issues/2023/35/');
    assert.equal(absoluteUrl('https://example.gov.cn', '/archive/', '/sitemap.xml'), 'https://example.gov.cn/archive/sitemap.xml');
    assert.equal(absoluteUrl('https://example.gov.cn/', '/', '/'), 'https://example.gov.cn/');
  });
});

describe('Chinese formatting', () => {
  it('writes dates as the bulletin does, without any time zone shift', () => {
    assert.equal(formatDate('2023-06-01'), '2023 年 6 月 1 日');
    assert.equal(formatDate('2022-12-31'), '2022 年 12 月 31 日');
    assert.equal(formatDate('2024-01-01'), '2024 年 1 月 1 日');
  });

  it('labels issues and cites items', () => {
    const issue = { publication: '上街信息', year: 2023, number: 35, total: null };
    assert.equal(issueLabel(issue), '2023 年第 35 期');
    assert.equal(totalNumberLabel(issue), undefined);
    assert.equal(totalNumberLabel({ total: 521 }), '总第 521 期');
    assert.equal(
      citationLine(issue, { headline: '济源路街道“无主管”楼院治理服务再升级', department: '济源路街道' }),
      '《上街信息》2023 年第 35 期《济源路街道“无主管”楼院治理服务再升级》（济源路街道）',
    );
  });

  it('cuts excerpts by characters, not bytes', () => {
    assert.equal(excerpt('一是党建引领强堡垒。', 4), '一是党建……');
    assert.equal(excerpt('短文\n\n两段', 10), '短文 两段');
  });

  it('describes an item by its first sentence, cut when it runs long', () => {
    assert.equal(firstSentence('一是党建引领强堡垒。街道招募一批党员。'), '一是党建引领强堡垒。');
    assert.equal(firstSentence('近日，区统计局着力推动首次入库“四上”企业奖励工作！其余'), '近日，区统计局着力推动首次入库“四上”企业奖励工作！');
    assert.equal(firstSentence('没有句号的一段\n\n第二段。'), '没有句号的一段');
    assert.equal(firstSentence('很长的一句'.repeat(30), 12), `${'很长的一句'.repeat(3).slice(0, 12)}……`);
  });

  it('writes a date within its year and a file size as a download link states them', () => {
    assert.equal(formatMonthDay('2023-06-01'), '6 月 1 日');
    assert.equal(formatMonthDay('2023-12-19'), '12 月 19 日');
    assert.equal(formatFileSize(100), '1 KB');
    assert.equal(formatFileSize(380 * 1024 + 1), '381 KB');
    assert.equal(formatFileSize(2.4 * 1024 * 1024), '2.4 MB');
  });
});

describe('the year chart', () => {
  it('has one bar per year from first to last, empty years included, the largest bar full height', () => {
    const chart = toYearChart([
      { year: 2023, count: 4 },
      { year: 2020, count: 1 },
      { year: 2021, count: 2 },
    ]);
    assert.deepEqual(chart.bars.map((bar) => [bar.year, bar.count]), [[2020, 1], [2021, 2], [2022, 0], [2023, 4]]);
    assert.equal(chart.max, 4);
    const [y2020, y2021, y2022, y2023] = chart.bars;
    assert.equal(y2022!.height, 0);
    assert.ok(y2023!.height > y2021!.height && y2021!.height > y2020!.height && y2020!.height > 0);
    assert.equal(y2023!.y + y2023!.height, chart.height - chart.labelHeight);
    assert.equal(chart.width, 4 * 48);
    assert.deepEqual(toYearChart([]).bars, []);
  });
});

describe('paging', () => {
  it('cuts a list into pages and keeps one page for an empty list', () => {
    const pages = toPages([1, 2, 3, 4, 5], 2);
    assert.deepEqual(pages.map((page) => page.entries), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(pages.map((page) => [page.number, page.count]), [[1, 3], [2, 3], [3, 3]]);
    assert.deepEqual(toPages([], 20), [{ number: 1, count: 1, entries: [] }]);
    assert.throws(() => toPages([1], 0), RangeError);
  });

  it('numbers the first two pages, the last two and two either side of the current one', () => {
    assert.deepEqual(visiblePages(1, 1), [1]);
    assert.deepEqual(visiblePages(2, 5), [1, 2, 3, 4, 5]);
    assert.deepEqual(visiblePages(1, 40), [1, 2, 3, 39, 40]);
    assert.deepEqual(visiblePages(20, 40), [1, 2, 18, 19, 20, 21, 22, 39, 40]);
    assert.deepEqual(visiblePages(40, 40), [1, 2, 38, 39, 40]);
  });
});

describe('the printed QR code', () => {
  it('draws the symbol of an address as one path inside its quiet zone, the same every time', () => {
    const address = 'https://xinxi.example.gov.cn/issues/2023/35/1/';
    const symbol = toQrSymbol(address);
    // Version 4 (33 modules) for an address of this length at level M, plus 4 modules of quiet zone on each side.
    assert.equal(symbol.size, 33 + 8);
    assert.match(symbol.path, /^(M\d+ \d+\.5h\d+(m\d+ 0h\d+)*)+$/);
    // The finder patterns: the top row starts with a run of 7 dark modules at (4, 4), and another 7 at the right edge.
    assert.match(symbol.path, /^M4 4\.5h7m\d+ 0h\d+.*m\d+ 0h7M4 5\.5h1m5 0h1/);
    assert.deepEqual(toQrSymbol(address), symbol);
    assert.notEqual(toQrSymbol(`${address}x`).path, symbol.path);
  });

  it('decodes back to its address, as a phone reads the printout', () => {
    for (const address of ['https://xinxi.example.gov.cn/issues/2023/35/1/', 'https://www.example.org/archive/issues/2009/7/', 'https://www.example.org/issues/2024/102/12/']) {
      assert.equal(decodeQr(toQrSymbol(address))?.data, address);
    }
  });
});

/** Draws a symbol's path (runs `M x y.5hN` and `m dx 0hN`) at 4 pixels a module and reads it with jsqr. */
function decodeQr(symbol: { size: number; path: string }): ReturnType<typeof jsqr.default> {
  const scale = 4;
  const width = symbol.size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, move, a, b, run] of symbol.path.matchAll(/([Mm])(\d+) (\d+)(?:\.5)?h(\d+)/g)) {
    if (move === 'M') [x, y] = [Number(a), Number(b)];
    else x += Number(a);
    for (let column = x; column < x + Number(run); column++) {
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) pixels.fill(0, ((y * scale + dy) * width + column * scale + dx) * 4, ((y * scale + dy) * width + column * scale + dx) * 4 + 3);
      }
    }
    x += Number(run);
  }
  // jsqr is a CommonJS module whose function is also its `default`.
  return jsqr.default(pixels, width, width);
}

describe('item body marks', () => {
  it('open the first paragraph and close the last, or stand alone around other blocks', () => {
    assert.equal(decorateBody('<p>一</p>\n<p>二</p>', { lead: '△ ', tail: '（甲）' }), '<p>△ 一</p>\n<p>二（甲）</p>');
    assert.equal(decorateBody('<ul>\n<li>一</li>\n</ul>', { tail: '（甲）' }), '<ul>\n<li>一</li>\n</ul>\n<p>（甲）</p>');
    assert.equal(decorateBody('<p>一</p>', {}), '<p>一</p>');
  });
});

describe('XML writers', () => {
  it('escape every special character of model text', () => {
    assert.equal(escapeXml(`<script>"a" & 'b'</script>`), '&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;');
    const atom = toAtom({
      feedUrl: 'https://x.test/feeds/issues.xml',
      pageUrl: 'https://x.test/',
      title: 'A & B',
      subtitle: 's',
      updated: '2023-06-01',
      author: '<me>',
      language: 'zh-CN',
      entries: [{ url: 'https://x.test/1/', title: '<b>', date: '2023-06-01', html: '<p>x &amp; y</p>', author: 'd', categories: ['c"'] }],
    });
    assert.match(atom, /<title>A &amp; B<\/title>/);
    assert.match(atom, /<updated>2023-06-01T00:00:00Z<\/updated>/);
    assert.match(atom, /<content type="html">&lt;p&gt;x &amp;amp; y&lt;\/p&gt;<\/content>/);
    assert.match(atom, /<category term="c&quot;"\/>/);
    assert.doesNotMatch(atom, /<b>|<me>/);
  });

  it('sort the sitemap so it never depends on input order', () => {
    const a = toSitemap([{ url: 'https://x.test/b/' }, { url: 'https://x.test/a/', lastmod: '2023-06-01' }]);
    const b = toSitemap([{ url: 'https://x.test/a/', lastmod: '2023-06-01' }, { url: 'https://x.test/b/' }]);
    assert.equal(a, b);
    assert.ok(a.indexOf('/a/') < a.indexOf('/b/'));
  });
});

describe('the site model', () => {
  const settings = { departmentPageSize: 3, recentItems: 4 };

  it('models issue 35 with its items, neighbours and department statistics', async () => {
    const { bulletin } = await loadArchive(`${repoRoot}/issues`);
    const model = toSiteModel(bulletin, settings);
    const issue = model.issues.find((entry) => entry.issue.year === 2023 && entry.issue.number === 35)!;
    assert.equal(issue.url, '/issues/2023/35/');
    assert.equal(issue.label, '2023 年第 35 期');
    assert.equal(issue.items.length, 8);
    assert.deepEqual(issue.items[0]!.previous, null);
    assert.deepEqual(issue.items[0]!.next, { url: '/issues/2023/35/2/', title: '新安路街道“抢、拼、实”集聚发展新活力' });
    assert.equal(issue.items[7]!.next, null);
    assert.equal(issue.items[5]!.departmentUrl, '/departments/shengtaihuanjing-shangjie-fenju/');
    const statistics = model.departments.find((entry) => entry.department.name === '区统计局')!;
    assert.equal(statistics.count, 1);
    assert.deepEqual(statistics.first, { url: '/issues/2023/35/', title: '2023 年第 35 期' });
    assert.deepEqual(statistics.perYear, [{ year: 2023, count: 1 }]);
    const unused = model.departments.find((entry) => entry.count === 0)!;
    assert.equal(unused.first, null);
    assert.equal(model.departmentPages.filter((page) => page.entry === unused).length, 1);
    assert.equal(model.updated, '2023-06-01');
  });

  it("groups a department's items by year on each page and knows on which page each year begins", async () => {
    const work = await tempDir('site-model');
    try {
      const { bulletin } = await loadArchive(await writeSampleArchive(work));
      const model = toSiteModel(bulletin, { departmentPageSize: 2, recentItems: 4 });
      const jiyuanlu = model.departments.find((entry) => entry.department.slug === 'jiyuanlu-jiedao')!;
      // Five items, newest first: 2023 ×3, 2022 ×2, two a page.
      assert.deepEqual(jiyuanlu.yearStarts, [
        { year: 2023, count: 3, page: 1, url: '/departments/jiyuanlu-jiedao/#year-2023' },
        { year: 2022, count: 2, page: 2, url: '/departments/jiyuanlu-jiedao/page/2/#year-2022' },
      ]);
      const pages = model.departmentPages.filter((page) => page.entry === jiyuanlu);
      assert.deepEqual(
        pages.map((page) => page.groups.map((group) => [group.year, group.starts, group.items.length])),
        [[[2023, true, 2]], [[2023, false, 1], [2022, true, 1]], [[2022, false, 1]]],
      );
      const years = model.years.map((year) => [year.year, year.previous?.title ?? null, year.next?.title ?? null]);
      assert.deepEqual(years, [[2023, '2022 年', null], [2022, null, '2023 年']]);
    } finally {
      await removeDir(work);
    }
  });

  it('is handed to the templates frozen all the way down, parts shared by several entries included', async () => {
    const { bulletin } = await loadArchive(`${repoRoot}/issues`);
    const data = toSiteData({ ...siteConfig, ...settings }, toSiteModel(bulletin, settings), `${repoRoot}/issues`);
    const unfrozen: string[] = [];
    const walk = (value: unknown, path: string, seen: Set<object>) => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      if (!Object.isFrozen(value)) unfrozen.push(path);
      for (const [key, part] of Object.entries(value)) walk(part, `${path}.${key}`, seen);
    };
    walk(data, 'data', new Set());
    assert.deepEqual(unfrozen, []);
    // The same item entry is reached both from the archive's list and from its issue.
    const entry = data.archive.items[0]!;
    assert.ok(data.archive.issues.some((issue) => issue.items.includes(entry)));
    assert.throws(() => {
      (entry.item as { headline: string }).headline = 'changed';
    }, TypeError);
  });

  it('keeps every existing URL when a new issue is added', async () => {
    const work = await tempDir('site-model');
    try {
      const archive = await writeSampleArchive(work);
      const { bulletin } = await loadArchive(archive);
      const later = toSiteModel(withIssue(bulletin, 37, '2023-06-15'), settings);
      const earlier = toSiteModel(bulletin, settings);
      const urlsOf = (model: typeof earlier) =>
        new Map<string, string>([...model.issues.map((e): [string, string] => [e.url, e.issue.sourceFile]), ...model.items.map((e): [string, string] => [e.url, e.item.id])]);
      const before = urlsOf(earlier);
      const afterAdding = urlsOf(later);
      assert.equal(afterAdding.size, before.size + 1 + 1);
      for (const [url, target] of before) assert.equal(afterAdding.get(url), target, url);
      const departmentUrls = (model: typeof earlier) => model.departments.map((entry) => entry.url);
      assert.deepEqual(departmentUrls(later), departmentUrls(earlier));
    } finally {
      await removeDir(work);
    }
  });
});

/** The bulletin with one more issue: a copy of its newest, renumbered and redated. */
function withIssue(bulletin: Bulletin, number: number, date: string): Bulletin {
  const newest = bulletin.issues.at(-1)!;
  const issue: Issue = {
    ...newest,
    number,
    date,
    sourceFile: `2023/0${number}.md`,
    items: [{ ...newest.items[0]!, id: `2023-0${number}-01`, position: 1 }],
  };
  return { ...bulletin, issues: [...bulletin.issues, issue] };
}
