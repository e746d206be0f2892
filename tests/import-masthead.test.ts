/**
 * The masthead and footer forms bulletins print, read into front-matter fields.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNumeral } from '../src/import/chinese-numerals.ts';
import { detectFooter, splitEditors, splitRecipients } from '../src/import/footer.ts';
import { detectMasthead, toDate } from '../src/import/masthead.ts';
import { toSourceLines } from '../src/import/source-lines.ts';
import { toRegistry } from '../src/departments/department-registry.ts';

const masthead = (text: string) => {
  const { lines: _lines, removed: _removed, ...fields } = detectMasthead(toSourceLines(text));
  return fields;
};

test('Chinese numerals are read as numbers, years digit by digit', () => {
  assert.equal(parseNumeral('九'), 9);
  assert.equal(parseNumeral('十六'), 16);
  assert.equal(parseNumeral('九十'), 90);
  assert.equal(parseNumeral('一百零五'), 105);
  assert.equal(parseNumeral('五百一十六'), 516);
  assert.equal(parseNumeral('二〇一七'), 2017);
  assert.equal(parseNumeral('３５'), 35);
  assert.equal(parseNumeral('三十五期'), undefined);
});

test('the sample masthead gives title, number, publisher and date', () => {
  assert.deepEqual(masthead('\n\n# 上街信息\n\n第 35 期\n\n中共上街区委办公室\n\n2023 年 6 月 1 日\n\n**标题** 正文。'), {
    publication: '上街信息',
    issue: 35,
    publisher: '中共上街区委办公室',
    date: '2023-06-01',
    end: 9,
  });
});

test('a year printed with a Chinese-numeral number and publisher, 编印 and date on one line are read', () => {
  assert.deepEqual(masthead('上 街 信 息\n2017年第九十期\n中共上街区委办公室编印　　2017年10月9日\n区财政局多措并举'), {
    publication: '上街信息',
    issue: 90,
    issueYear: 2017,
    publisher: '中共上街区委办公室',
    date: '2017-10-09',
    end: 3,
  });
});

test('a total number on its own line and 编印 run into the date are read', () => {
  assert.deepEqual(masthead('创文简报\n第3期\n(总第十六期)\n上街区创文办编印2021年4月2日\n◆ 正文。'), {
    publication: '创文简报',
    issue: 3,
    total: 16,
    publisher: '上街区创文办',
    date: '2021-04-02',
    end: 4,
  });
  assert.deepEqual(masthead('上街信息\n第九期（总第一百零五期）\n中共上街区委办公室 2019年3月15日').total, 105);
});

test('a traditional-character masthead is read and its text kept as printed', () => {
  assert.deepEqual(masthead('上街資訊\n第 12 期（總第 130 期）\n中共上街區委辦公室編印\n二〇二三年三月二十日\n正文'), {
    publication: '上街資訊',
    issue: 12,
    total: 130,
    publisher: '中共上街區委辦公室',
    date: '2023-03-20',
    end: 4,
  });
});

test('a lone first line is taken for a headline, not a masthead', () => {
  assert.deepEqual(masthead('区财政局多措并举助力企业\n今年以来，区财政局……（区财政局）'), { end: 0 });
});

test('dates are read in the forms mastheads use and rejected when impossible', () => {
  assert.deepEqual(toDate('2023 年 6 月 1 日'), { date: '2023-06-01', before: '' });
  assert.deepEqual(toDate('二〇二三年十二月三十一日'), { date: '2023-12-31', before: '' });
  assert.deepEqual(toDate('区委办公室 2023.6.1'), { date: '2023-06-01', before: '区委办公室' });
  assert.equal(toDate('2023年13月1日'), undefined);
});

test('the footer gives distribution and editors, padding removed from names', () => {
  const lines = toSourceLines('正文。（区农委）\n\n本期送：区县处级领导\n\n---\n\n发：峡窝镇、各街道办事处、区直各单位负责同志\n\n---\n\n责任编辑：郝 婕 柴亚文');
  const footer = detectFooter(lines, 0);
  assert.deepEqual(footer.distribution, [
    { label: '本期送', to: ['区县处级领导'] },
    { label: '发', to: ['峡窝镇', '各街道办事处', '区直各单位负责同志'] },
  ]);
  assert.deepEqual(footer.editors, ['郝婕', '柴亚文']);
  assert.equal(footer.start, 2);
  assert.deepEqual(footer.lines.map((line) => line.line), [3, 7, 11]);
});

test('traditional labels and two labels on one line are read', () => {
  const footer = detectFooter(toSourceLines('報：市委辦公室　送：區領導\n發：各鎮\n責任編輯：王 芳'), 0);
  assert.deepEqual(footer.distribution, [
    { label: '報', to: ['市委辦公室'] },
    { label: '送', to: ['區領導'] },
    { label: '發', to: ['各鎮'] },
  ]);
  assert.deepEqual(footer.editors, ['王芳']);
});

test('names are split on 、，； full-width spaces and wide gaps, and padded names joined', () => {
  assert.deepEqual(splitRecipients('市委办公室　市政府办公室、区委  区政府'), ['市委办公室', '市政府办公室', '区委', '区政府']);
  assert.deepEqual(splitEditors('郝  婕   柴亚文'), ['郝婕', '柴亚文']);
  assert.deepEqual(splitEditors('张 三 李 四、王小明'), ['张三', '李四', '王小明']);
});

test('a print-run note among the footer lines is left out and reported, the footer is still read', () => {
  const footer = detectFooter(toSourceLines('正文。（区农委）\n本期送：区县处级领导\n责任编辑：郝 婕 柴亚文\n（共印 60 份）'), 0);
  assert.deepEqual(footer.editors, ['郝婕', '柴亚文']);
  assert.deepEqual(footer.removed, [{ line: 4, text: '（共印 60 份）', kind: 'print-count' }]);
  assert.equal(footer.start, 1);
});

test('a special issue\'s name under the title is read into title', () => {
  assert.deepEqual(masthead('上街信息\n（创文专刊）\n第 3 期\n中共上街区委办公室 2023年5月4日\n正文'), {
    publication: '上街信息',
    title: '创文专刊',
    issue: 3,
    publisher: '中共上街区委办公室',
    date: '2023-05-04',
    end: 4,
  });
});

test('markings above the name are left out and reported, a letter-spaced name read whole', () => {
  const read = detectMasthead(toSourceLines('内部资料\n注意保存\n创 文 简 报\n第 3 期\n上街区创文指挥部办公室          2016年3月4日\n正文。'));
  assert.deepEqual(read.removed, [
    { line: 1, text: '内部资料', kind: 'marking' },
    { line: 2, text: '注意保存', kind: 'marking' },
  ]);
  assert.equal(read.publication, '创文简报');
  assert.equal(read.publisher, '上街区创文指挥部办公室');
  assert.equal(read.date, '2016-03-04');
});

test('number, publisher and date on one line, apart by wide gaps', () => {
  assert.deepEqual(masthead('上街信息\n第 102 期    中共上街区委办公室    2021年9月1日\n正文'), { publication: '上街信息', issue: 102, publisher: '中共上街区委办公室', date: '2021-09-01', end: 2 });
});

test('the publisher as 主办：XX, as XX 编 or XX办公室编, after the date or before it', () => {
  assert.equal(masthead('政务信息\n第二十一期\n二〇一八年五月八日\n主办：上街区人民政府办公室\n正文').publisher, '上街区人民政府办公室');
  assert.equal(masthead('工作动态\n第9期\n上街区人民政府办公室编    二〇一五年十一月十一日\n正文').publisher, '上街区人民政府办公室');
  assert.equal(masthead('市场监管动态\n（第 5 期）\n上街区市场监督管理局 编\n2019.6.20\n正文').publisher, '上街区市场监督管理局');
  assert.equal(masthead('工作信息汇编\n第3期\n2020年1月2日\n正文').publication, '工作信息汇编');
});

test('a running head above the masthead that repeats the name and number reads as the same fields', () => {
  assert.deepEqual(masthead('上街信息 2023 年第 35 期\n内部资料\n上 街 信 息\n第 35 期\n中共上街区委办公室  2023 年 6 月 1 日\n正文'), {
    publication: '上街信息',
    issue: 35,
    issueYear: 2023,
    publisher: '中共上街区委办公室',
    date: '2023-06-01',
    end: 5,
  });
});

test('a reporting department is not taken for the publisher', () => {
  const registry = toRegistry([{ name: '济源路街道', slug: 'jiyuanlu-jiedao', aliases: [] }]);
  const read = detectMasthead(toSourceLines('上街信息\n第35期\n2023年6月1日\n济源路街道\n标题'), registry);
  assert.equal(read.publisher, undefined);
  assert.equal(read.end, 3);
});
