/**
 * Body text into items: headlines marked or not, briefs, sections, departments
 * from attributions or heading lines, reporters' names left in the text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toRegistry } from '../src/departments/department-registry.ts';
import { isDepartmentName, takeAttribution } from '../src/import/attribution.ts';
import { toBlocks } from '../src/import/body-blocks.ts';
import { toFullWidthPunctuation } from '../src/import/punctuation.ts';
import { toSourceLines } from '../src/import/source-lines.ts';
import { toItems } from '../src/import/split-items.ts';

const registry = toRegistry([
  { name: '区财政局', slug: 'qucaizhengju', aliases: [] },
  { name: '区农委', slug: 'qunongwei', aliases: [] },
  { name: '济源路街道', slug: 'jiyuanlu-jiedao', aliases: [] },
]);
const split = (text: string) => toItems(toBlocks(toSourceLines(text), registry), registry);
const summary = (text: string) => split(text).items.map(({ kind, headline, department, paragraphs }) => ({ kind, headline, department, paragraphs }));

test('half-width punctuation in Chinese text becomes full width, numbers keep theirs', () => {
  assert.equal(toFullWidthPunctuation('近日,区财政局(供稿:区财政局)发放0.2元,共3,000元.说"好"!'), '近日，区财政局（供稿：区财政局）发放0.2元，共3,000元。说“好”！');
  assert.equal(toFullWidthPunctuation('9:30 in English, (Latin)'), '9:30 in English, (Latin)');
});

test('department names are told from reporters\' names', () => {
  assert.equal(isDepartmentName('区财政局', registry), true);
  assert.equal(isDepartmentName('區統計局', registry), true);
  assert.equal(isDepartmentName('许鹏飞、朱宁静', registry), false);
  assert.equal(isDepartmentName('许鹏飞', registry), false);
  assert.deepEqual(takeAttribution('……到位。（区财政局供稿）', registry), { name: '区财政局', before: '……到位。' });
  assert.deepEqual(takeAttribution('……到位。（供稿：工业路街道）', registry), { name: '工业路街道', before: '……到位。' });
  assert.equal(takeAttribution('……到位。（许鹏飞、朱宁静）', registry), undefined);
});

test('an unmarked headline, also one wrapped over two lines, starts an article', () => {
  assert.deepEqual(summary('区财政局多措并举\n助力中小企业纾困解难\n今年以来，区财政局……。（区财政局）\n\n济源路街道开展端午活动\n6月7日，街道……。（济源路街道）'), [
    { kind: 'article', headline: '区财政局多措并举助力中小企业纾困解难', department: '区财政局', paragraphs: ['今年以来，区财政局……。（区财政局）'] },
    { kind: 'article', headline: '济源路街道开展端午活动', department: '济源路街道', paragraphs: ['6月7日，街道……。（济源路街道）'] },
  ]);
});

test('a sentence cut by a page break is joined, a finished one starts a new paragraph', () => {
  assert.deepEqual(summary('**标题** 一是……。至目前，我\n\n区承办的任务已完成。\n\n二是……。（区财政局）')[0]!.paragraphs, ['一是……。至目前，我区承办的任务已完成。', '二是……。（区财政局）']);
});

test('briefs marked △ ◆ ● or numbered 1、 lose only their mark', () => {
  assert.deepEqual(
    summary('△ 近日，甲。（区财政局）\n◆ 近日，乙。（区财政局）\n● 近日，丙。（区财政局）\n1、近日，丁。（区财政局）\n2. 近日，戊。（区财政局）').map((item) => [item.kind, item.paragraphs[0]]),
    [
      ['brief', '近日，甲。（区财政局）'],
      ['brief', '近日，乙。（区财政局）'],
      ['brief', '近日，丙。（区财政局）'],
      ['brief', '近日，丁。（区财政局）'],
      ['brief', '近日，戊。（区财政局）'],
    ],
  );
});

test('a 【section】 line sets the section of the items after it', () => {
  assert.deepEqual(
    split('【重点工作】\n标题一\n正文。（区财政局）\n【工作动态】\n近日，甲。（区财政局）').items.map((item) => [item.section, item.kind]),
    [
      ['重点工作', 'article'],
      ['工作动态', 'brief'],
    ],
  );
});

test('a department heading line gives the department to the item after it, reporters stay in the text', () => {
  const result = split('济源路街道：\n举办邻里节活动\n3月18日，街道举办邻里节。（许鹏飞、朱宁静）');
  assert.deepEqual(result.items[0]!.paragraphs, ['3月18日，街道举办邻里节。（许鹏飞、朱宁静）（济源路街道）']);
  assert.equal(result.items[0]!.department, '济源路街道');
  assert.deepEqual(result.dropped, [{ line: 1, text: '：' }]);
});

test('an item without any department gets the placeholder and a note', () => {
  const result = split('区委老干部局举办书画展\n6月6日，展出作品120余幅。');
  assert.deepEqual(result.items[0]!.paragraphs, ['6月6日，展出作品120余幅。（待补充部门）']);
  assert.deepEqual(result.findings, [{ line: 1, ruleId: 'import-department-missing', args: { label: '区委老干部局举办书画展' } }]);
});

test('a department heading repeating the item\'s own attribution is dropped, a different one kept', () => {
  assert.deepEqual(split('区财政局\n近日，甲。（区财政局）').dropped, [{ line: 1, text: '区财政局' }]);
  const different = split('区财政局\n近日，甲。（济源路街道）');
  assert.deepEqual(different.items[0]!.paragraphs, ['区财政局', '近日，甲。（济源路街道）']);
  assert.deepEqual(different.findings, [{ line: 1, ruleId: 'import-department-conflict', args: { line: '区财政局', own: '济源路街道' } }]);
});

test('a headline may hold a colon, and a sentence cut by a page break goes on', () => {
  assert.deepEqual(summary('区财政局：多措并举助力企业纾困\n今年以来，区财政局累计减免税费，有效缓解了\n\n企业资金压力。（区财政局）'), [
    { kind: 'article', headline: '区财政局：多措并举助力企业纾困', department: '区财政局', paragraphs: ['今年以来，区财政局累计减免税费，有效缓解了企业资金压力。（区财政局）'] },
  ]);
});

test('a line hard-wrapped by the PDF is joined, even when the next line starts with punctuation', () => {
  assert.deepEqual(summary('标题一\n一是党建引领强堡垒。街道招募一批党员骨干担任社区“红管家”，每\n月定期集中召开座谈交流会，将小区中的好事、要事集中进行讨论解决\n，通过示范带动，不断壮大队伍力量。（区财政局）')[0]!.paragraphs, [
    '一是党建引领强堡垒。街道招募一批党员骨干担任社区“红管家”，每月定期集中召开座谈交流会，将小区中的好事、要事集中进行讨论解决，通过示范带动，不断壮大队伍力量。（区财政局）',
  ]);
});

test('a headline ending in an unlisted department name stays a headline above body text', () => {
  assert.deepEqual(summary('走进区统计局\n近日，记者走进区统计局。（区财政局）').map((item) => [item.kind, item.headline]), [['article', '走进区统计局']]);
});

test('a department on a line of its own joins the paragraph before it', () => {
  assert.deepEqual(summary('标题一\n正文到此结束。\n（区财政局）\n\n标题二\n又一段正文。\n（区财政局供稿）')[1]!.paragraphs, ['又一段正文。（区财政局）']);
  assert.deepEqual(summary('标题一\n正文到此结束。\n（区财政局）')[0]!.paragraphs, ['正文到此结束。（区财政局）']);
});

test('a line wrapped after a closing quote goes on, and a headline may end with one', () => {
  assert.deepEqual(summary('区农委多措并举全力护航“三夏”\n一是党建引领。街道招募党员骨干担任社区“红管家”\n每月定期集中召开座谈交流会。（区农委）'), [
    { kind: 'article', headline: '区农委多措并举全力护航“三夏”', department: '区农委', paragraphs: ['一是党建引领。街道招募党员骨干担任社区“红管家”每月定期集中召开座谈交流会。（区农委）'] },
  ]);
});

test('a department line followed by another is kept as text, not lost', () => {
  const result = split('区财政局\n区农委\n标题一\n正文。');
  assert.deepEqual(result.preamble, ['区财政局']);
  assert.equal(result.items[0]!.department, '区农委');
  assert.deepEqual(result.findings, [{ line: 1, ruleId: 'import-department-stranded', args: { name: '区财政局' } }]);
});

test('a department alone on the line after its article belongs to that article, not to the next item', () => {
  assert.deepEqual(
    summary('区财政局开展专项检查\n近日，区财政局开展专项检查。\n区财政局\n区农委开展农资检查\n近日，区农委检查门店。（区农委）').map((item) => [item.headline, item.department]),
    [
      ['区财政局开展专项检查', '区财政局'],
      ['区农委开展农资检查', '区农委'],
    ],
  );
  // An item headed by its department keeps it; the next name heads the next item.
  assert.deepEqual(
    summary('区财政局\n区财政局开展专项检查\n近日，开展专项检查。\n区农委\n区农委开展农资检查\n近日，检查门店。').map((item) => item.department),
    ['区财政局', '区农委'],
  );
});

test('来源：, 供稿： and XX 供稿 lines close the item above, their words left out', () => {
  const result = split('标题一\n近日，甲。\n来源：区财政局\n\n标题二\n近日，乙。\n供稿：区农委\n\n标题三\n近日，丙。\n济源路街道 供稿');
  assert.deepEqual(result.items.map((item) => item.paragraphs.at(-1)), ['近日，甲。（区财政局）', '近日，乙。（区农委）', '近日，丙。（济源路街道）']);
  assert.deepEqual(result.dropped, [
    { line: 3, text: '来源：' },
    { line: 7, text: '供稿：' },
    { line: 11, text: ' 供稿' },
  ]);
});

test('a numbered heading above items is a section, inside an article a subheading', () => {
  assert.deepEqual(summary('一、重点工作\n标题一\n近日，甲。（区财政局）').map((item) => item.headline), ['标题一']);
  assert.equal(split('一、重点工作\n标题一\n近日，甲。（区财政局）').items[0]!.section, '一、重点工作');
  assert.deepEqual(summary('关于检查情况的通报\n现通报如下：\n一、基本情况\n共检查单位20家。\n二、存在问题\n个别单位整改不及时。（区农委）')[0]!.paragraphs, [
    '现通报如下：',
    '一、基本情况',
    '共检查单位20家。',
    '二、存在问题',
    '个别单位整改不及时。（区农委）',
  ]);
});

test('a headline wrapped over three lines is one headline', () => {
  assert.deepEqual(summary('区督查局聚焦重点项目\n开展“百日攻坚”专项督查\n推动项目早建成早见效\n3月以来，区督查局实地察看项目28个。（区财政局）').map((item) => item.headline), [
    '区督查局聚焦重点项目开展“百日攻坚”专项督查推动项目早建成早见效',
  ]);
});
