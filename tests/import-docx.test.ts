/**
 * Word files: a .docx is read through mammoth (bold lead paragraphs become
 * headlines, Word's numbering and bullets come back as marks) and imported
 * like text, losing nothing; one whose XML unpacks past the limit (a zip
 * bomb), or past what its zip directory declares, is refused before mammoth
 * unpacks it. The .docx is built here as the zip Word writes.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { importCommand } from '../src/import/import-command.ts';
import { checkDocxSize, docxToText, htmlToText } from '../src/import/docx-text.ts';
import { importIssue } from '../src/import/import-issue.ts';
import { findLostText } from '../src/import/lost-text.ts';
import { loadArchive } from '../src/load-archive.ts';
import { toRegistry } from '../src/departments/department-registry.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const workDirs: string[] = [];
after(() => Promise.all(workDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A paragraph: runs of text, bold or not, optionally a Word list item (numId 1 numbered, 2 bulleted). */
type Paragraph = { runs: [string, boolean?][]; list?: 1 | 2 };

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Builds a .docx (WordprocessingML in a zip) with the paragraphs, and a
 * numbering part for lists; `body` replaces the paragraphs' XML.
 */
async function buildDocx(paragraphs: Paragraph[], body?: string): Promise<Uint8Array> {
  body ??= paragraphs
    .map(({ runs, list }) => {
      const numbering = list ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${list}"/></w:numPr></w:pPr>` : '';
      const text = runs.map(([value, bold]) => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlEscape(value)}</w:t></w:r>`).join('');
      return `<w:p>${numbering}${text}</w:p>`;
    })
    .join('');
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const level = (id: number, format: string) =>
    `<w:abstractNum w:abstractNumId="${id}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
  );
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>');
  zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${w}>${level(0, 'decimal')}${level(1, 'bullet')}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`);
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${w}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const issue: Paragraph[] = [
  { runs: [['上街信息', true]] },
  { runs: [['第 35 期']] },
  { runs: [['中共上街区委办公室']] },
  { runs: [['2023 年 6 月 1 日']] },
  { runs: [['济源路街道“无主管”楼院治理服务再升级', true]] },
  { runs: [['一是党建引领强堡垒。街道招募一批党员骨干担任社区“红管家”，'], ['每月定期', true], ['集中召开座谈交流会。（济源路街道）']] },
  { runs: [['区农委多措并举全力护航“三夏”生产', true], ['一是提前会商研判。就强降雨天气防范应对进行会商研判 <务必> & 做好准备。（区农委）']] },
  { runs: [['近日，区统计局着力推动首次入库“四上”企业奖励工作。（区统计局）']], list: 1 },
  { runs: [['5 月 31 日，区检察院举办主题开放日活动。（区检察院）']], list: 1 },
  { runs: [['本期送：区县处级领导']] },
  { runs: [['责任编辑：郝 婕 柴亚文']] },
];

test('a .docx is read as lines: bold leads as **headlines**, other bold dropped, numbering kept as 1、', async () => {
  const { text, images } = await docxToText(await buildDocx(issue));
  assert.equal(images, 0);
  const lines = text.split('\n').filter(Boolean);
  assert.equal(lines[0], '**上街信息**');
  assert.equal(lines[4], '**济源路街道“无主管”楼院治理服务再升级**');
  assert.equal(lines[5], '一是党建引领强堡垒。街道招募一批党员骨干担任社区“红管家”，每月定期集中召开座谈交流会。（济源路街道）');
  assert.equal(lines[6], '**区农委多措并举全力护航“三夏”生产**一是提前会商研判。就强降雨天气防范应对进行会商研判 <务必> & 做好准备。（区农委）');
  assert.equal(lines[7], '1、近日，区统计局着力推动首次入库“四上”企业奖励工作。（区统计局）');
  assert.equal(lines[8], '2、5 月 31 日，区检察院举办主题开放日活动。（区检察院）');
});

test('mammoth\'s HTML of bullets and images becomes brief marks and an image count', () => {
  assert.deepEqual(htmlToText('<ul><li>近日，甲。（区农委）</li></ul><p><img src="data:image/png;base64,AA" /></p><p>a &amp; b &lt;c&gt;</p>'), {
    text: '● 近日，甲。（区农委）\n\na & b <c>\n',
    images: 1,
  });
});

test('importing a .docx writes a checked issue and loses nothing', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'import-docx-'));
  workDirs.push(dir);
  await mkdir(path.join(dir, 'issues'));
  await copyFile(path.join(repoRoot, 'issues/departments.yml'), path.join(dir, 'issues/departments.yml'));
  const bytes = await buildDocx(issue);
  await writeFile(path.join(dir, '第35期.docx'), bytes);

  const stderr: string[] = [];
  const stdout: string[] = [];
  const code = await importCommand(['第35期.docx'], { cwd: dir, stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), now: () => new Date(0) });
  assert.equal(code, 0, stderr.join('\n'));
  assert.equal(stdout[0], path.join('issues', '2023', '035.md'));

  const { bulletin } = await loadArchive(path.join(dir, 'issues'));
  const model = bulletin.issues[0]!;
  assert.equal(model.publication, '上街信息');
  assert.equal(model.date, '2023-06-01');
  assert.deepEqual(model.editors, ['郝婕', '柴亚文']);
  assert.deepEqual(
    model.items.map(({ kind, headline, department }) => [kind, headline, department]),
    [
      ['article', '济源路街道“无主管”楼院治理服务再升级', '济源路街道'],
      ['article', '区农委多措并举全力护航“三夏”生产', '区农委'],
      ['brief', '区统计局着力推动首次入库“四上”企业奖励工作', '区统计局'],
      ['brief', '区检察院举办主题开放日活动', '区检察院'],
    ],
  );
  // The untrusted < > & are text, escaped in the file, shown as written.
  assert.equal(model.items[1]!.html, '<p>一是提前会商研判。就强降雨天气防范应对进行会商研判 &#x3C;务必> &#x26; 做好准备。</p>');

  const { text } = await docxToText(bytes);
  const imported = importIssue(text, toRegistry(bulletin.departments));
  assert.deepEqual(findLostText(text, await readFile(path.join(dir, stdout[0]!), 'utf8'), imported), []);
});

test('a zip bomb (100 MB of XML in a few hundred KB) is refused from its zip directory, nothing written', async () => {
  const paragraph = '<w:p><w:r><w:t>上街信息第三十五期。</w:t></w:r></w:p>';
  const bomb = await buildDocx([], paragraph.repeat(Math.ceil((100 * 1024 * 1024) / Buffer.byteLength(paragraph))));
  assert.ok(bomb.length < 1024 * 1024, `the bomb is small (${bomb.length} bytes)`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'import-docx-'));
  workDirs.push(dir);
  await mkdir(path.join(dir, 'issues'));
  await writeFile(path.join(dir, 'bomb.docx'), bomb);
  const stderr: string[] = [];
  const code = await importCommand(['bomb.docx'], { cwd: dir, stdout: () => {}, stderr: (l) => stderr.push(l), now: () => new Date(0) });
  assert.equal(code, 1);
  assert.match(stderr.join('\n'), /^bomb\.docx:1:1 {2}error {2}Word 文档的 word\/document\.xml 解压后有 100 MB，超过上限 32 MB，不读它，什么也没有写：.* {2}import-docx-too-large$/);
  assert.deepEqual(await readdir(path.join(dir, 'issues')), []);
});

test('a zip directory that understates a part\'s size is caught while the part is unpacked', async () => {
  const bytes = Buffer.from(await buildDocx(issue));
  // Rewrite document.xml's uncompressed size, in its local header and in the central directory, to 10 bytes.
  const name = Buffer.from('word/document.xml');
  for (const [signature, sizeOffset, nameOffset] of [[0x04034b50, 22, 30], [0x02014b50, 24, 46]] as const) {
    for (let at = bytes.indexOf(name); at !== -1; at = bytes.indexOf(name, at + 1)) {
      const start = at - nameOffset;
      if (start >= 0 && bytes.readUInt32LE(start) === signature) bytes.writeUInt32LE(10, start + sizeOffset);
    }
  }
  const lying = await checkDocxSize(bytes);
  assert.equal(lying.problem, 'damaged');
  assert.match(lying.problem === 'damaged' ? lying.detail : '', /^too many bytes in the stream\. expected 10\./);
  assert.deepEqual(await checkDocxSize(await buildDocx(issue)), {});
  assert.equal((await checkDocxSize(await buildDocx(issue), { part: 1000, total: 10_000 })).problem, 'too-large');
});
