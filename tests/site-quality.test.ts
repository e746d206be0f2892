/**
 * Every page of the built sample archive is valid HTML and every internal link
 * resolves — at the root of a host and under a path prefix.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { buildSite } from '../src/build-site.ts';
import { contentSecurityPolicy, contentSecurityPolicyHeader, securityHeaders } from '../src/site/security.ts';
import { findBrokenLinks, listFiles, readOut, removeDir, repoRoot, tempDir, writeSampleArchive } from './site-support.ts';

/**
 * html-validate's recommended rules, with one setting changed: void elements
 * are written self-closed (`<meta/>`), which is how preact-render-to-string
 * writes them and is valid HTML; the rule's default wants them unclosed.
 */
const validator = new HtmlValidate(
  // A static loader: the pages are checked against exactly this configuration, never a stray .htmlvalidate.json.
  new StaticConfigLoader({
    extends: ['html-validate:recommended'],
    rules: { 'void-style': ['error', { style: 'selfclosing' }] },
  }),
);

let work: string;
let rootOut: string;
let prefixedOut: string;

before(async () => {
  work = await tempDir('site-quality');
  const issuesDir = await writeSampleArchive(path.join(work, 'issues'));
  rootOut = path.join(work, 'root');
  prefixedOut = path.join(work, 'prefixed');
  const settings = { baseUrl: 'https://xinxi.example.gov.cn', departmentPageSize: 2 };
  assert.ok((await buildSite({ issuesDir, outDir: rootOut, cacheDir: path.join(work, 'cache'), settings: { ...settings, pathPrefix: '/' } })).ok);
  assert.ok((await buildSite({ issuesDir, outDir: prefixedOut, cacheDir: path.join(work, 'cache'), settings: { ...settings, pathPrefix: '/shangjie/' } })).ok);
});

after(() => removeDir(work));

describe('the built site', () => {
  it('has no html-validate errors on any page', async () => {
    const pages = (await listFiles(rootOut)).filter((file) => file.endsWith('.html'));
    assert.ok(pages.length > 40, `${pages.length} pages`);
    const problems: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(await readOut(rootOut, page), page);
      for (const result of report.results) {
        for (const message of result.messages) problems.push(`${page}:${message.line}:${message.column} ${message.ruleId} ${message.message}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('has no broken internal links or fragments', async () => {
    assert.deepEqual(await findBrokenLinks(rootOut, '/'), []);
  });

  it('keeps every link inside its path prefix when published under one', async () => {
    assert.deepEqual(await findBrokenLinks(prefixedOut, '/shangjie/'), []);
    const issue = await readOut(prefixedOut, 'issues/2023/35/index.html');
    assert.match(issue, /<link rel="stylesheet" href="\/shangjie\/assets\/site.css"\/>/);
    assert.match(issue, /<form class="site-search" action="\/shangjie\/search\/" role="search">/);
    assert.match(issue, /<a href="\/shangjie\/issues\/2023\/35\/1\/">济源路街道“无主管”楼院治理服务再升级<\/a>/);
    assert.match(issue, /<link rel="canonical" href="https:\/\/xinxi.example.gov.cn\/shangjie\/issues\/2023\/35\/"\/>/);
    assert.match(await readOut(prefixedOut, 'robots.txt'), /Sitemap: https:\/\/xinxi.example.gov.cn\/shangjie\/sitemap.xml/);
  });

  it('declares the Content-Security-Policy of src/site/security.ts on every page, as docs/deploy.md gives it to the server', async () => {
    const pages = (await listFiles(rootOut)).filter((file) => file.endsWith('.html'));
    for (const page of pages) {
      const html = await readOut(rootOut, page);
      // Right after the charset, before anything the page loads.
      assert.ok(html.includes(`<meta charset="utf-8"/><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}"/>`), page);
      // No inline script or style to allow: every script is a file of the site, no element has a style attribute.
      assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>|<style\b|\sstyle="/, page);
    }
    const deploy = await readFile(path.join(repoRoot, 'docs/deploy.md'), 'utf8');
    for (const [name, value] of Object.entries(securityHeaders)) assert.ok(deploy.includes(`add_header ${name} "${value}" always;`), `docs/deploy.md sends ${name}: ${value}`);
    assert.match(contentSecurityPolicyHeader, /frame-ancestors 'self'$/);
    assert.doesNotMatch(contentSecurityPolicy, /frame-ancestors/, 'a <meta> policy cannot say frame-ancestors');
  });

  it('the link check does catch a broken link', async () => {
    // Guard for the check itself: the same output, seen under the wrong prefix, is all broken links.
    const broken = await findBrokenLinks(prefixedOut, '/');
    assert.ok(broken.length > 100, `${broken.length} broken links found`);
    assert.ok(broken.some((link) => link.url === '/shangjie/issues/2023/35/'));
  });
});
