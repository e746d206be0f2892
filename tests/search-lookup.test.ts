/**
 * What a query names besides its text: an issue by number, running total or
 * date, written as readers write them, and a department by any of its names.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describeReference, findDepartment, findIssues, fromIssueList, parseIssueReference, toIssueList, type IssueSummary } from '../src/search/lookup.ts';

describe('issue references in the search box', () => {
  test('the ways a reader writes an issue number or a date all read as a reference', () => {
    const cases: [string, ReturnType<typeof parseIssueReference>][] = [
      ['第35期', { kind: 'number', year: null, number: 35 }],
      ['35期', { kind: 'number', year: null, number: 35 }],
      ['35 期', { kind: 'number', year: null, number: 35 }],
      ['2023年第35期', { kind: 'number', year: 2023, number: 35 }],
      ['2023 年第 35 期', { kind: 'number', year: 2023, number: 35 }],
      ['2023第35期', { kind: 'number', year: 2023, number: 35 }],
      ['２０２３年第３５期', { kind: 'number', year: 2023, number: 35 }],
      ['第三十五期', { kind: 'number', year: null, number: 35 }],
      ['二〇二三年第三十五期', { kind: 'number', year: 2023, number: 35 }],
      ['总第520期', { kind: 'total', total: 520 }],
      ['2023-06-01', { kind: 'date', date: '2023-06-01' }],
      ['2023/6/1', { kind: 'date', date: '2023-06-01' }],
      ['2023年6月1日', { kind: 'date', date: '2023-06-01' }],
      ['2023 年 6 月 1 日', { kind: 'date', date: '2023-06-01' }],
      ['二〇二三年六月一日', { kind: 'date', date: '2023-06-01' }],
    ];
    for (const [query, expected] of cases) assert.deepEqual(parseIssueReference(query), expected, query);
  });

  test('text that only looks like part of a reference is not one', () => {
    for (const query of ['招商', '2023年', '2023', '5 月', '6月1日', '2023年2月30日', '第0期', '第35期 招商', '1800年第3期', '']) {
      assert.equal(parseIssueReference(query), null, query);
    }
  });

  test('a reference finds its issues, newest first, and says what it asked for', () => {
    const issues: IssueSummary[] = [
      { year: 2022, number: 35, date: '2022-06-02', items: 7, total: 480, title: null },
      { year: 2023, number: 34, date: '2023-05-25', items: 6, total: 519, title: null },
      { year: 2023, number: 35, date: '2023-06-01', items: 8, total: 520, title: null },
    ];
    const numbers = (reference: string) => findIssues(parseIssueReference(reference)!, issues).map((issue) => `${issue.year}-${issue.number}`);
    assert.deepEqual(numbers('第35期'), ['2023-35', '2022-35']);
    assert.deepEqual(numbers('2023年第35期'), ['2023-35']);
    assert.deepEqual(numbers('2023年6月1日'), ['2023-35']);
    assert.deepEqual(numbers('总第519期'), ['2023-34']);
    assert.deepEqual(numbers('2024年第35期'), []);
    assert.equal(describeReference(parseIssueReference('第35期')!), '各年第 35 期');
    assert.equal(describeReference(parseIssueReference('2023年第35期')!), '2023 年第 35 期');
    assert.equal(describeReference(parseIssueReference('2023-06-01')!), '2023 年 6 月 1 日');
    assert.equal(describeReference(parseIssueReference('总第520期')!), '总第 520 期');
  });

  test('the issue list file is compact and reads back as it was written', () => {
    const issues: IssueSummary[] = [
      { year: 2023, number: 36, date: '2023-06-08', items: 5, total: 521, title: '创文专刊' },
      { year: 2022, number: 40, date: '2022-11-10', items: 4, total: null, title: null },
    ];
    const file = toIssueList(issues);
    assert.deepEqual(file, { issues: [[2022, 40, '11-10', 4, 0, ''], [2023, 36, '06-08', 5, 521, '创文专刊']] });
    assert.deepEqual(fromIssueList(JSON.parse(JSON.stringify(file))), [issues[1], issues[0]]);
  });
});

describe('department names in the search box and the filter', () => {
  const departments = [
    { name: '区检察院', slug: 'qujianchayuan', aliases: ['区人民检察院'] },
    { name: '市生态环境局上街分局', slug: 'shengtaihuanjing-shangjie-fenju', aliases: ['生态环境分局'] },
  ];

  test('a department is found by its name, an alias or its slug, spaces and bracket widths ignored', () => {
    assert.equal(findDepartment('区检察院', departments)?.name, '区检察院');
    assert.equal(findDepartment('区人民检察院', departments)?.name, '区检察院');
    assert.equal(findDepartment(' 区人民 检察院 ', departments)?.name, '区检察院');
    assert.equal(findDepartment('shengtaihuanjing-shangjie-fenju', departments)?.name, '市生态环境局上街分局');
    assert.equal(findDepartment('ShengTaiHuanJing-Shangjie-Fenju', departments)?.name, '市生态环境局上街分局');
    assert.equal(findDepartment('检察院', departments), undefined);
    assert.equal(findDepartment('', departments), undefined);
  });
});
