import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frontMatterFields, frontMatterSchema, isoDateSchema, itemSchema, requiredFrontMatterFields, slugSchema } from '../src/model/schema.ts';

test('a date is a real calendar day written YYYY-MM-DD', () => {
  assert.equal(isoDateSchema.safeParse('2023-06-01').success, true);
  assert.equal(isoDateSchema.safeParse('2024-02-29').success, true);
  assert.equal(isoDateSchema.safeParse('2023-02-29').success, false);
  assert.equal(isoDateSchema.safeParse('2023-13-01').success, false);
  assert.equal(isoDateSchema.safeParse('2023-6-1').success, false);
  assert.equal(isoDateSchema.safeParse(new Date('2023-06-01')).success, false);
});

test('the front matter needs publication, issue, date and publisher, and knows four more fields', () => {
  assert.deepEqual(requiredFrontMatterFields, ['publication', 'issue', 'date', 'publisher']);
  assert.deepEqual(frontMatterFields, ['publication', 'issue', 'total', 'title', 'date', 'publisher', 'distribution', 'editors']);
});

test('the front matter refuses unknown fields and non-positive or fractional issue numbers', () => {
  const base = { publication: '上街信息', issue: 35, date: '2023-06-01', publisher: '中共上街区委办公室' };
  assert.equal(frontMatterSchema.safeParse(base).success, true);
  assert.equal(frontMatterSchema.safeParse({ ...base, pubisher: 'x' }).success, false);
  for (const issue of [0, -1, 3.5, '35']) assert.equal(frontMatterSchema.safeParse({ ...base, issue }).success, false, String(issue));
});

test('slugs are lower-case ASCII words joined by single hyphens', () => {
  assert.equal(slugSchema.safeParse('jiyuanlu-jiedao').success, true);
  for (const slug of ['Jiyuanlu', 'jiyuanlu--jiedao', '-jiedao', 'jiyuanlu jiedao', '济源路']) assert.equal(slugSchema.safeParse(slug).success, false, slug);
});

test('an item id is made of year, three-digit issue number and two-digit position', () => {
  const item = { id: '2023-035-01', position: 1, kind: 'article', section: null, headline: '标题', department: '区农委', html: '<p>正文</p>', text: '正文', source: { file: '2023/035.md', line: 8, column: 1 } };
  assert.equal(itemSchema.safeParse(item).success, true);
  assert.equal(itemSchema.safeParse({ ...item, id: '2023-35-1' }).success, false);
  assert.equal(itemSchema.safeParse({ ...item, text: '' }).success, false);
});
