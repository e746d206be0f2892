/**
 * PDF files imported directly: the sample issue's text is laid out as a
 * bulletin page (marking, letter-spaced red name, publisher and date on one
 * line, a running head and page numbers on every page), printed to PDF by
 * Chromium, and imported: the file written is the sample's, byte for byte. A
 * PDF without a text layer (a scan) is refused with what to do.
 */
import assert from 'node:assert/strict';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { pdfToText } from '../src/import/pdf-text.ts';
import { launchChromium } from './support/browser.ts';
import { importWorkspace, removeImportWorkspaces, runImport } from './support/import-workspace.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const seedPath = path.join(repoRoot, 'tests/fixtures/seed/shangjie-2023-035.txt');
let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await removeImportWorkspaces();
});

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The seed text as a printed bulletin: its first block the red name, the
 * next the number, then publisher and date on one line; **headline** leads
 * and ### lines as centred headlines, paragraphs indented, --- as drawn rules.
 */
function toBulletinPage(text: string): string {
  const blocks = text.split(/\n\s*\n/).map((block) => block.trim()).filter(Boolean);
  const [name, number, publisher, date, ...body] = blocks;
  const html = body
    .map((block) => {
      if (block === '---') return '<hr>';
      const lead = /^\*\*(.+?)\*\*\s*([\s\S]*)$/.exec(block);
      if (lead) return `<h2>${escape(lead[1]!)}</h2><p>${escape(lead[2]!)}</p>`;
      if (block.startsWith('### ')) return `<h2>${escape(block.slice(4))}</h2>`;
      return `<p>${escape(block)}</p>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><style>
    body { font-family: "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 1.6; margin: 0 }
    .marking { font-size: 12pt } h1 { text-align: center; color: #c00; letter-spacing: .6em; font-size: 36pt; margin: .2em 0 }
    .number { text-align: center } .line { display: flex; justify-content: space-between; border-bottom: 2px solid #c00; padding-bottom: .3em; margin-bottom: 1em }
    h2 { text-align: center; font-size: 18pt; margin: .8em 0 .3em } p { text-indent: 2em; margin: 0; text-align: justify } hr { border: 0; border-top: 1px solid #000 }
  </style><body><div class="marking">内部资料</div><h1>${escape(name!.replace(/^#\s*/, ''))}</h1><div class="number">${escape(number!)}</div>
  <div class="line"><span>${escape(publisher!)}</span><span>${escape(date!)}</span></div>${html}</body></html>`;
}

async function printPdf(html: string, withFurniture: boolean): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(html);
    return await page.pdf({
      format: 'A4',
      margin: { top: '30mm', bottom: '25mm', left: '28mm', right: '26mm' },
      displayHeaderFooter: withFurniture,
      headerTemplate: '<div style="font-size:10pt;width:100%;text-align:center">上街信息　2023 年第 35 期</div>',
      footerTemplate: '<div style="font-size:12pt;width:100%;text-align:center">— <span class="pageNumber"></span> —</div>',
    });
  } finally {
    await page.close();
  }
}



test('the sample issue printed to PDF imports to the same file as its text, its page furniture reported', async () => {
  const pdf = await printPdf(toBulletinPage(await readFile(seedPath, 'utf8')), true);
  const read = await pdfToText(pdf);
  if (process.env.DUMP_PDF) await writeFile(process.env.DUMP_PDF, pdf);
  assert.ok(read.pages >= 3, `the sample fills several pages (${read.pages})`);
  assert.ok(read.pageJoins >= 1, 'a page break falls inside a paragraph, and the paragraph is joined');

  const dir = await importWorkspace();
  await writeFile(path.join(dir, '第35期.pdf'), pdf);
  const result = await runImport(dir, '第35期.pdf');
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, path.join('issues', '2023', '035.md'));
  assert.equal(await readFile(path.join(dir, 'issues/2023/035.md'), 'utf8'), await readFile(path.join(repoRoot, 'issues/2023/035.md'), 'utf8'));

  assert.match(result.stderr, new RegExp(`说明：已读取 PDF 的 ${read.pages} 页文字`));
  // Every page's number, every running head after the first page's, and the marking are left out and said.
  const removed = result.stderr.split('\n').filter((line) => /^ {2}第35期\.pdf:\d+ {2}/.test(line));
  assert.equal(removed.filter((line) => /页码「— \d —」/.test(line)).length, read.pages);
  assert.equal(removed.filter((line) => /页眉「上街信息\s+2023 年第 35 期」/.test(line)).length, read.pages - 1);
  assert.equal(removed.filter((line) => /刊头标注「内部资料」/.test(line)).length, 1);
});

test('a PDF without a text layer (a scan) is refused with what to do, nothing written', async () => {
  const scan = '<!doctype html><html><body><svg width="500" height="700"><rect x="20" y="20" width="460" height="660" fill="#ddd"/><circle cx="250" cy="300" r="80" fill="#c00"/></svg></body></html>';
  const dir = await importWorkspace();
  await writeFile(path.join(dir, 'scan.pdf'), await printPdf(scan, false));
  const result = await runImport(dir, 'scan.pdf');
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^scan\.pdf:1:1 {2}error {2}这个 PDF 的 1 页里没有可以读取的文字（它是扫描件或图片），什么也没有写：请找原始的 Word\/WPS 稿件导入；没有的话，用 WPS 或其他软件的"文字识别（OCR）"把 PDF 转成文字.* {2}import-pdf-no-text$/);
  assert.deepEqual(await readdir(path.join(dir, 'issues')), ['departments.yml']);
});

test('a PDF with a scanned page imports its text and says which page holds none', async () => {
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="font-size:16pt">
    <p>上街信息</p><p>第 36 期</p><p>中共上街区委办公室</p><p>2023 年 6 月 8 日</p>
    <h2>区农委开展农机安全生产专项检查</h2><p>为确保“三夏”期间农机安全生产，区农委共检查农业机械65台。（区农委）</p>
    <div style="break-before:page"><svg width="400" height="500"><rect width="400" height="500" fill="#ccc"/></svg></div></body></html>`;
  const dir = await importWorkspace();
  await writeFile(path.join(dir, 'mixed.pdf'), await printPdf(html, false));
  const result = await runImport(dir, 'mixed.pdf');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /^说明：PDF 的第 2 页没有文字（是扫描页或图片），这些页上的内容没有导入：请对照原件手工补上$/m);
  assert.match(await readFile(path.join(dir, 'issues/2023/036.md'), 'utf8'), /\n## 区农委开展农机安全生产专项检查\n\n为确保“三夏”期间农机安全生产，区农委共检查农业机械65台。（区农委）\n$/);
});
