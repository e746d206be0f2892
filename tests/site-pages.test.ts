/**
 * Builds the sample archive (issue 35 and the site fixture: five issues across
 * 2022 and 2023) once, then checks the pages and their content.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildSite, type BuildSiteResult } from '../src/build-site.ts';
import { listFiles, readOut, removeDir, repoRoot, tempDir, textOf, writeSampleArchive } from './site-support.ts';

const baseUrl = 'https://xinxi.example.gov.cn';
let work: string;
let out: string;
let result: BuildSiteResult;
let files: string[];

before(async () => {
  work = await tempDir('site-pages');
  const issuesDir = await writeSampleArchive(path.join(work, 'issues'));
  out = path.join(work, '_site');
  result = await buildSite({ issuesDir, outDir: out, cacheDir: path.join(work, 'cache'), settings: { baseUrl, pathPrefix: '/', departmentPageSize: 3 } });
  files = await listFiles(out);
});

after(() => removeDir(work));

const page = async (file: string) => readOut(out, file);
const count = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].length;

describe('the sample archive builds', () => {
  it('passes the check and renders every page', () => {
    assert.equal(result.ok, true);
    assert.equal(result.bulletin.issues.length, 5);
    const expected = [
      'index.html',
      '404.html',
      'robots.txt',
      'sitemap.xml',
      'feeds/issues.xml',
      'assets/site.css',
      'favicon.svg',
      'issues/index.html',
      'issues/2022/index.html',
      'issues/2023/index.html',
      'issues/2022/40/index.html',
      'issues/2022/41/index.html',
      'issues/2023/34/index.html',
      'issues/2023/35/index.html',
      'issues/2023/36/index.html',
      'departments/index.html',
      'departments/jiyuanlu-jiedao/index.html',
      'departments/jiyuanlu-jiedao/page/2/index.html',
      'departments/jiyuanlu-jiedao/feed.xml',
      'departments/wenmingban/index.html',
      'departments/shengtaihuanjing-shangjie-fenju/index.html',
    ];
    for (const file of expected) assert.ok(files.includes(file), `missing ${file}`);
    const itemPages = files.filter((file) => /^issues\/\d{4}\/\d+\/\d+\/index\.html$/.test(file));
    assert.equal(itemPages.length, 20);
  });

  it('reports each step with its time', () => {
    const steps = result.timings.map((timing) => timing.step);
    assert.deepEqual(steps.slice(0, 2), ['load and check issues', 'model the site']);
    // A small search index is built while the pages are: it may end before or after them.
    assert.deepEqual(steps.filter((name) => name !== 'build search index (Pagefind)').slice(2), ['reuse unchanged pages', 'render pages (Eleventy)', 'swap into place']);
    assert.equal(steps.filter((name) => name === 'build search index (Pagefind)').length, 1);
    for (const timing of result.timings) assert.ok(timing.ms >= 0);
  });
});

describe('the issue page', () => {
  it('shows the masthead as printed: title, number, publisher and date', async () => {
    const html = await page('issues/2023/35/index.html');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.match(html, /<h1 class="masthead__heading"><span class="masthead__title">上街信息<\/span><span class="masthead__number">第 35 期<\/span><\/h1>/);
    assert.match(html, /<span class="masthead__publisher">中共上街区委办公室<\/span>/);
    assert.match(html, /<time class="masthead__date" datetime="2023-06-01">2023 年 6 月 1 日<\/time>/);
    assert.match(html, /<title>上街信息 2023 年第 35 期 - 《上街信息》电子档案<\/title>/);
  });

  it('has all 8 items: 6 articles under their headlines and 2 briefs with their △', async () => {
    const html = await page('issues/2023/35/index.html');
    assert.equal(count(html, /<section class="issue-item[ "]/g), 8);
    assert.equal(count(html, /<h2 class="issue-item__headline"/g), 6);
    assert.equal(count(html, /<span class="brief-mark">△<\/span> /g), 2);
    const text = textOf(html);
    assert.ok(text.includes('济源路街道“无主管”楼院治理服务再升级'));
    assert.ok(text.includes('市生态环境局上街分局“三聚焦”持续优化营商环境'));
    assert.ok(text.includes('△ 近日，区统计局着力推动首次入库“四上”企业奖励工作'));
    assert.ok(text.includes('为未成年人撑起法治蓝天。（区检察院）'));
    assert.ok(text.includes('身边事 400 余件。（济源路街道）'));
    assert.match(html, /（<a href="\/departments\/jiyuanlu-jiedao\/">济源路街道<\/a>）/);
  });

  it('ends with the distribution list and the editors', async () => {
    const text = textOf(await page('issues/2023/35/index.html'));
    assert.ok(text.includes('本期送：区县处级领导'));
    assert.ok(text.includes('发：峡窝镇、各街道办事处、区直各单位负责同志'));
    assert.ok(text.includes('责任编辑：郝婕 柴亚文'));
    assert.match(await page('issues/2023/35/index.html'), /<span class="issue-footer__label">责任编辑：<\/span>郝婕\u3000柴亚文<\/p>/);
  });

  it('links the previous and the next issue', async () => {
    const html = await page('issues/2023/35/index.html');
    assert.match(html, /<a class="prev-next__previous" href="\/issues\/2023\/34\/" rel="prev"><span class="prev-next__label">上一期<\/span><span class="prev-next__title">2023 年第 34 期<\/span><\/a>/);
    assert.match(html, /<a class="prev-next__next" href="\/issues\/2023\/36\/" rel="next">/);
    const first = await page('issues/2022/40/index.html');
    assert.doesNotMatch(first, /rel="prev"/);
    assert.match(first, /href="\/issues\/2022\/41\/" rel="next"/);
  });

  it('has 上一期 / 下一期 at its top as well as at its foot', async () => {
    const html = await page('issues/2023/35/index.html');
    assert.equal(count(html, /href="\/issues\/2023\/34\/" rel="prev"/g), 2);
    assert.ok(html.indexOf('rel="prev"') < html.indexOf('class="masthead"'));
    assert.match(html, /<nav class="prev-next prev-next--compact" aria-label="前后各期（页首）">/);
  });

  it('offers the printed original, copied beside the page, with its size', async () => {
    const html = await page('issues/2023/34/index.html');
    assert.match(html, /<a href="\/issues\/2023\/34\/2023-034.pdf" type="application\/pdf" download="上街信息2023年第34期.pdf">下载原件（PDF，1 KB）<\/a>/);
    const copy = await readFile(path.join(out, 'issues/2023/34/2023-034.pdf'));
    assert.deepEqual(copy, await readFile(path.join(repoRoot, 'tests/fixtures/site/2023/034.pdf')));
    // An issue without a PDF beside it offers none.
    assert.doesNotMatch(await page('issues/2023/35/index.html'), /下载原件/);
    assert.deepEqual(files.filter((file) => file.endsWith('.pdf')), ['issues/2023/34/2023-034.pdf']);
  });

  it('shows 总第 N 期, a special title and 【sections】 where the issue has them', async () => {
    const special = await page('issues/2023/36/index.html');
    assert.match(special, /<span class="masthead__special">创文专刊<\/span>/);
    assert.match(special, /第 36 期<span class="masthead__total">（总第 521 期）<\/span>/);
    assert.doesNotMatch(special, /rel="next"/);
    const sectioned = await page('issues/2022/40/index.html');
    assert.match(sectioned, /<h2 class="issue-section__title">【创文动态】<\/h2>/);
    assert.match(sectioned, /<h2 class="issue-section__title">【基层动态】<\/h2>/);
    assert.equal(count(sectioned, /<h3 class="issue-item__headline"/g), 3);
    assert.doesNotMatch(sectioned, /<h2 class="issue-item__headline"/);
  });
});

describe('the item page', () => {
  it('shows the headline, text, department, issue and the citation line', async () => {
    const html = await page('issues/2023/35/1/index.html');
    assert.match(html, /<h1 class="item__headline">济源路街道“无主管”楼院治理服务再升级<\/h1>/);
    assert.match(html, /<dd><a href="\/departments\/jiyuanlu-jiedao\/">济源路街道<\/a><\/dd>/);
    assert.match(html, /<dd><a href="\/issues\/2023\/35\/">2023 年第 35 期<\/a><\/dd>/);
    assert.ok(textOf(html).includes('至目前，为辖区居民解决网线脱落、邻里纠纷调解等身边事 400 余件。'));
  });

  it('cites the item in full, with its address, and offers a button that copies it', async () => {
    const html = await page('issues/2023/35/1/index.html');
    assert.match(
      html,
      /<p class="citation__text" data-citation-text><cite>《上街信息》2023 年第 35 期《济源路街道“无主管”楼院治理服务再升级》（济源路街道）<\/cite>，<span class="citation__url">https:\/\/xinxi.example.gov.cn\/issues\/2023\/35\/1\/<\/span><\/p>/,
    );
    // The button is shown by the page's script: without it the text is there to select.
    assert.match(html, /<button type="button" class="citation__copy" data-citation-copy hidden>复制引用<\/button>/);
    assert.match(html, /<script type="module" src="\/assets\/copy-citation.js"><\/script>/);
    assert.ok(files.includes('assets/copy-citation.js'));
  });

  it('describes itself by its first sentence, for search engines and for sharing', async () => {
    const html = await page('issues/2023/35/1/index.html');
    assert.match(html, /<meta name="description" content="一是党建引领强堡垒。"\/>/);
    assert.match(html, /<meta property="og:title" content="济源路街道“无主管”楼院治理服务再升级"\/>/);
    assert.match(html, /<meta property="og:description" content="一是党建引领强堡垒。"\/>/);
    assert.match(html, /<meta property="og:type" content="article"\/>/);
    assert.match(html, /<meta property="og:url" content="https:\/\/xinxi.example.gov.cn\/issues\/2023\/35\/1\/"\/>/);
    assert.match(html, /<meta property="og:locale" content="zh_CN"\/>/);
  });

  it('prints its address and a QR code of it, hidden on screen', async () => {
    const html = await page('issues/2023/35/1/index.html');
    assert.match(html, /<aside class="print-address" aria-label="本页网址"><svg class="print-address__qr" viewBox="0 0 (\d+) \1"[^>]*><rect[^>]*><\/rect><path d="M4 4\.5h7[^"]+"[^>]*><\/path><\/svg>/);
    assert.match(html, /本页网址：<span class="print-address__url">https:\/\/xinxi.example.gov.cn\/issues\/2023\/35\/1\/<\/span>/);
  });

  it('links the previous and next item of the same issue', async () => {
    const first = await page('issues/2023/35/1/index.html');
    assert.doesNotMatch(first, /rel="prev"/);
    assert.match(first, /href="\/issues\/2023\/35\/2\/" rel="next"><span class="prev-next__label">下一条<\/span><span class="prev-next__title">新安路街道“抢、拼、实”集聚发展新活力<\/span>/);
    const last = await page('issues/2023/35/8/index.html');
    assert.match(last, /href="\/issues\/2023\/35\/7\/" rel="prev"/);
    assert.doesNotMatch(last, /rel="next"/);
    assert.match(last, /<cite>《上街信息》2023 年第 35 期《区检察院举办“检爱同行，共护花开”主题开放日活动》（区检察院）<\/cite>/);
  });

  it('is the only kind of page with data-pagefind-body, once per page', async () => {
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      const marks = count(await page(file), /data-pagefind-body/g);
      const isItem = /^issues\/\d{4}\/\d+\/\d+\/index\.html$/.test(file);
      assert.equal(marks, isItem ? 1 : 0, file);
    }
    assert.match(await page('issues/2023/35/1/index.html'), /<article class="item" data-pagefind-body>/);
  });
});

describe('the lists', () => {
  it('home shows the latest issue, recent items, departments with counts and years', async () => {
    const html = await page('index.html');
    assert.match(html, /<span class="masthead__number">第 36 期/);
    assert.match(html, /<a href="\/issues\/2023\/36\/">阅读 2023 年第 36 期全文<\/a>/);
    assert.match(html, /<h2 id="recent-heading" class="section-heading">近期信息<\/h2>/);
    assert.ok(textOf(html).includes('济源路街道“无主管”楼院治理服务再升级'));
    assert.match(html, /<a href="\/departments\/jiyuanlu-jiedao\/">济源路街道<\/a> <span class="count">5 条<\/span>/);
    assert.match(html, /<a href="\/issues\/2023\/">2023 年<\/a> <span class="count">3 期 · 13 条<\/span>/);
    assert.match(html, /<a href="\/issues\/2022\/">2022 年<\/a> <span class="count">2 期 · 7 条<\/span>/);
    assert.match(html, /<form class="site-search" action="\/search\/" role="search">/);
    assert.match(html, /<input id="site-search-q" name="q" type="search"/);
  });

  it('/issues/ is a compact index by year, newest first: each issue its number and date, linked', async () => {
    const html = await page('issues/index.html');
    const text = textOf(html);
    const issues = [...html.matchAll(/<li><a href="(\/issues\/\d+\/\d+\/)">第 (\d+) 期 <time datetime="([\d-]+)">/g)].map((match) => [match[1], match[2], match[3]]);
    assert.deepEqual(issues, [
      ['/issues/2023/36/', '36', '2023-06-08'],
      ['/issues/2023/35/', '35', '2023-06-01'],
      ['/issues/2023/34/', '34', '2023-05-25'],
      ['/issues/2022/41/', '41', '2022-11-24'],
      ['/issues/2022/40/', '40', '2022-11-10'],
    ]);
    assert.ok(text.indexOf('2023 年') < text.indexOf('2022 年'));
    assert.ok(text.includes('第 35 期 6 月 1 日'));
    assert.match(html, /<h2 class="issue-index__year" id="year-2023"><a href="\/issues\/2023\/">2023 年<\/a><span class="issue-index__count">3 期 · 13 条<\/span><\/h2>/);
    // The headlines are on the year pages and the issues' own.
    assert.ok(!text.includes('区农委多措并举全力护航“三夏”生产'));
  });

  it('a year page lists its issues with their item count and first headlines, the others folded', async () => {
    const html = await page('issues/2023/index.html');
    const year = textOf(html);
    assert.ok(year.includes('本年共 3 期、13 条信息。'));
    assert.ok(!year.includes('第 40 期'));
    const issue35 = html.slice(html.indexOf('id="issue-35"'), html.indexOf('id="issue-34"'));
    assert.match(issue35, /<time datetime="2023-06-01">6 月 1 日<\/time> · 8 条信息/);
    // Two headlines shown, the other six in a <details>.
    const [shown, folded] = issue35.split('<details');
    assert.equal(count(shown!, /<li><a href="\/issues\/2023\/35\/\d\/">/g), 2);
    assert.match(folded!, /<summary>其余 6 条<\/summary><ol class="issue-card__items" start="3">/);
    assert.equal(count(folded!, /<li><a href="\/issues\/2023\/35\/\d\/">/g), 6);
    assert.match(html, /href="\/issues\/2022\/" rel="prev"><span class="prev-next__label">上一年<\/span>/);
  });

  it('the department index counts items, names the first and last issue and the other names', async () => {
    const html = await page('departments/index.html');
    assert.match(
      html,
      /<span class="department-list__name"><a href="\/departments\/jiyuanlu-jiedao\/">济源路街道<\/a><\/span><span class="department-list__count">5 条<\/span><span class="department-list__when">首次 <a href="\/issues\/2022\/40\/">2022 年第 40 期<\/a><span aria-hidden="true"> · <\/span>最近 <a href="\/issues\/2023\/36\/">2023 年第 36 期<\/a><\/span>/,
    );
    assert.match(html, /<a href="\/departments\/wenmingban\/">区文明办<\/a><\/span><span class="department-list__count">2 条<\/span>/);
    assert.match(html, /<a href="\/departments\/xiawozhen\/">峡窝镇<\/a><\/span><span class="department-list__count">1 条<\/span>/);
  });

  it('a department page lists its items newest first, paged, with a chart per year and a feed', async () => {
    const first = await page('departments/jiyuanlu-jiedao/index.html');
    const headlines = [...first.matchAll(/<a class="item-list__headline" href="([^"]+)">/g)].map((match) => match[1]);
    assert.deepEqual(headlines, ['/issues/2023/36/1/', '/issues/2023/35/1/', '/issues/2023/34/1/']);
    assert.match(first, /<h2 id="items-heading">信息（第 1 \/ 2 页）<\/h2>/);
    assert.match(first, /href="\/departments\/jiyuanlu-jiedao\/page\/2\/" rel="next"/);
    assert.match(first, /<svg viewBox="0 0 96 120"[^>]*role="img" aria-label="济源路街道各年信息条数：2022 年 2 条，2023 年 3 条"/);
    assert.equal(count(first, /<rect class="year-chart__bar"/g), 2);
    assert.match(first, /<link rel="alternate" type="application\/atom\+xml" title="济源路街道的信息" href="\/departments\/jiyuanlu-jiedao\/feed.xml"\/>/);
    const second = await page('departments/jiyuanlu-jiedao/page/2/index.html');
    const rest = [...second.matchAll(/<a class="item-list__headline" href="([^"]+)">/g)].map((match) => match[1]);
    assert.deepEqual(rest, ['/issues/2022/41/1/', '/issues/2022/40/1/']);
    assert.match(second, /href="\/departments\/jiyuanlu-jiedao\/" rel="prev"/);
  });
});

describe('feeds and machine files', () => {
  it('the issues feed has every issue, newest first, with the full text of its items', async () => {
    const xml = await page('feeds/issues.xml');
    assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="zh-CN">/);
    assert.match(xml, /<updated>2023-06-08T00:00:00Z<\/updated>/);
    const ids = [...xml.matchAll(/<entry>\s*<title>[^<]*<\/title>\s*<link href="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(ids, [36, 35, 34, 41, 40].map((n) => `${baseUrl}/issues/${n > 36 ? 2022 : 2023}/${n}/`));
    const issue35 = result.bulletin.issues.find((issue) => issue.number === 35)!;
    for (const item of issue35.items) {
      const escaped = item.html.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      // Past the opening <p> (a brief gets its △ there) and before the closing </p> (the department goes there).
      assert.ok(xml.includes(escaped.slice(9, Math.min(209, escaped.length - 10))), `feed has the text of ${item.id}`);
      assert.ok(textOf(textOf(xml)).includes(item.text.split('\n\n').at(-1)!), `feed has the last paragraph of ${item.id}`);
    }
  });

  it('a department feed has its items with their full text and absolute links', async () => {
    const xml = await page('departments/jiyuanlu-jiedao/feed.xml');
    assert.equal(count(xml, /<entry>/g), 5);
    assert.match(xml, /<link href="https:\/\/xinxi.example.gov.cn\/departments\/jiyuanlu-jiedao\/feed.xml" rel="self"/);
    assert.ok(textOf(textOf(xml)).includes('有效打通服务居民的“最后一米”。至目前，为辖区居民解决网线脱落、邻里纠纷调解等身边事 400 余件。（济源路街道）'));
    assert.match(xml, /&lt;a href=&quot;https:\/\/xinxi.example.gov.cn\/departments\/jiyuanlu-jiedao\/&quot;&gt;/);
  });

  it('the sitemap lists every page but the 404 page, and robots.txt points to it', async () => {
    const xml = await page('sitemap.xml');
    const urls = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    const pages = files.filter((file) => file.endsWith('index.html')).map((file) => `${baseUrl}/${file.replace(/index\.html$/, '')}`);
    assert.deepEqual([...urls].sort(), [...pages].sort());
    assert.match(xml, /<url><loc>https:\/\/xinxi.example.gov.cn\/issues\/2023\/35\/1\/<\/loc><lastmod>2023-06-01<\/lastmod><\/url>/);
    assert.equal(await page('robots.txt'), `User-agent: *\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\n`);
  });

  it('the 404 page links back into the site and is not indexed', async () => {
    const html = await page('404.html');
    assert.match(html, /<meta name="robots" content="noindex"\/>/);
    assert.match(html, /<a href="\/">返回首页<\/a>/);
  });
});

describe('untrusted text', () => {
  it('an item whose text contains <script> shows it as text, never as markup', async () => {
    const item = result.bulletin.issues.find((issue) => issue.number === 34)!.items[1]!;
    assert.ok(item.text.includes('<script>alert("xss")</script>'), 'the fixture really has the tag in its text');
    for (const file of ['issues/2023/34/2/index.html', 'issues/2023/34/index.html', 'departments/quduchaju/index.html']) {
      const html = await page(file);
      assert.doesNotMatch(html, /<script>alert/i, file);
      // Script elements there may be (the search step adds its own), but only external files of the site.
      for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) assert.match(tag, /\ssrc="\/[^"]+"/, `${file}: ${tag}`);
    }
    const html = await page('issues/2023/34/2/index.html');
    assert.ok(textOf(html).includes('提交 <script>alert("xss")</script> 这样的文字即可被原样显示'));
    assert.ok(html.includes('A &#x26; B') || html.includes('A &amp; B'));
    for (const feed of ['feeds/issues.xml', 'departments/quduchaju/feed.xml']) {
      const xml = await page(feed);
      assert.doesNotMatch(xml, /<script/i, feed);
      assert.ok(xml.includes('&amp;#x3C;script&gt;alert'), feed);
    }
  });
});
