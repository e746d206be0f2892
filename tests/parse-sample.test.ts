/**
 * The sample issue, issues/2023/035.md, against the text extracted from the
 * printed bulletin (tests/fixtures/seed/shangjie-2023-035.txt).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatMessages } from '../src/messages/report.ts';
import { loadArchive } from '../src/load-archive.ts';
import type { Bulletin, Issue } from '../src/model/schema.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const seed = readFileSync(path.join(repoRoot, 'tests/fixtures/seed/shangjie-2023-035.txt'), 'utf8');

let bulletin: Bulletin;
let issue: Issue;
before(async () => {
  const loaded = await loadArchive(path.join(repoRoot, 'issues'));
  assert.equal(formatMessages(loaded.files), '', 'the repository issues pass the check');
  bulletin = loaded.bulletin;
  issue = bulletin.issues.find((candidate) => candidate.sourceFile === '2023/035.md')!;
  assert.ok(issue, 'issue 2023/035.md is published');
});

test('the sample issue has its masthead and footer', () => {
  assert.equal(issue.publication, '上街信息');
  assert.equal(issue.year, 2023);
  assert.equal(issue.number, 35);
  assert.equal(issue.date, '2023-06-01');
  assert.equal(issue.publisher, '中共上街区委办公室');
  assert.deepEqual(issue.distribution, [
    { label: '本期送', to: ['区县处级领导'] },
    { label: '发', to: ['峡窝镇', '各街道办事处', '区直各单位负责同志'] },
  ]);
  // The print pads 郝婕 to three characters (郝 婕); the name has no space.
  assert.deepEqual(issue.editors, ['郝婕', '柴亚文']);
});

test('the sample issue has its 8 items: 6 articles then 2 briefs, with their headlines and departments', () => {
  assert.deepEqual(
    issue.items.map((item) => [item.id, item.kind, item.headline, item.department]),
    [
      ['2023-035-01', 'article', '济源路街道“无主管”楼院治理服务再升级', '济源路街道'],
      ['2023-035-02', 'article', '新安路街道“抢、拼、实”集聚发展新活力', '新安路街道'],
      ['2023-035-03', 'article', '区督查局多举措推动民生实事落地见效', '区督查局'],
      ['2023-035-04', 'article', '区委老干部局搭建多种平台引导老干部发挥作用', '区委老干部局'],
      ['2023-035-05', 'article', '区农委多措并举全力护航“三夏”生产', '区农委'],
      ['2023-035-06', 'article', '市生态环境局上街分局“三聚焦”持续优化营商环境', '市生态环境局上街分局'],
      ['2023-035-07', 'brief', '区统计局着力推动首次入库“四上”企业奖励工作', '区统计局'],
      ['2023-035-08', 'brief', '区检察院举办“检爱同行，共护花开”主题开放日活动', '区检察院'],
    ],
  );
  assert.ok(issue.items.every((item) => item.section === null));
});

test('the page-break splits of the extracted text are repaired', () => {
  assert.match(issue.items[2]!.text, /至目前，我区承办的省市区民生实事任务 7 项已提前完成/);
  assert.match(issue.items[4]!.text, /四是全力服务保障。设立“三夏”农机服务点/);
  assert.ok(issue.items.every((item) => !/\n/.test(item.text)), 'every item of the sample is one paragraph');
});

test('the department is taken out of the text and the brief mark off the brief', () => {
  for (const item of issue.items) {
    assert.ok(!item.text.includes(`（${item.department}）`), item.id);
    assert.ok(!item.html.includes(`（${item.department}）`), item.id);
    assert.ok(!item.text.startsWith('△'), item.id);
  }
  assert.ok(issue.items[0]!.text.endsWith('为辖区居民解决网线脱落、邻里纠纷调解等身边事 400 余件。'));
  assert.equal(issue.items[6]!.html, '<p>近日，区统计局着力推动首次入库“四上”企业奖励工作，2021 年全区新入“四上”企业奖励，应发 410 万元，预计于 2023 年二季度末发放到位。</p>');
});

test('every character of the printed items is in the model, in order (faithfulness)', () => {
  // The items run from the first headline to the distribution line.
  const printed = seed.slice(seed.indexOf('**'), seed.indexOf('本期送：'));
  // A brief's headline is derived from its text, so only articles print one.
  const fromModel = issue.items.map((item) => `${item.kind === 'article' ? item.headline : ''}${item.text}（${item.department}）`).join('');
  const comparable = (text: string) => text.replace(/[\s*#△]/g, '');
  assert.ok(comparable(printed).length > 2000, 'the seed holds the items');
  assert.equal(comparable(fromModel), comparable(printed));
  const han = (text: string) => text.match(/\p{Script=Han}/gu)?.join('') ?? '';
  assert.equal(han(fromModel), han(printed));
});

test('every department of the sample is in the registry with its slug', () => {
  const slugs = new Map(bulletin.departments.map((d) => [d.name, d.slug]));
  for (const item of issue.items) assert.ok(slugs.has(item.department), item.department);
  assert.equal(slugs.get('济源路街道'), 'jiyuanlu-jiedao');
  assert.equal(slugs.get('市生态环境局上街分局'), 'shengtaihuanjing-shangjie-fenju');
});
