import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { toExcerpt } from '../src/search/excerpt.ts';
import { normalizeForSearch, normalizeWithOrigins } from '../src/search/normalize.ts';
import { toDateSortKey, toSearchRecord } from '../src/search/search-record.ts';
import {
  findMatchRanges,
  isPlausibleByPositions,
  matchesAllTerms,
  toPagefindQuery,
  toQueryTerms,
  toSearchableText,
} from '../src/search/search-query.ts';
import { charCode, toIndexTokens, toQueryTokens } from '../src/search/search-tokens.ts';
import { hasSearch, toFilters, toQueryString, toSearchState } from '../src/search/client/search-state.ts';
import type { Issue, Item } from '../src/model/schema.ts';

describe('search normalisation', () => {
  test('full-width letters and digits become half-width and letters lower-case', () => {
    assert.equal(normalizeForSearch('ＰＰＰ项目２０２２年'), 'ppp项目2022年');
  });

  test('the spaces set between Chinese and digits or Latin letters are dropped, others kept as one', () => {
    assert.equal(normalizeForSearch('帮助 140 余家企业'), '帮助140余家企业');
    assert.equal(normalizeForSearch('PPP  and 5G'), 'ppp and 5g');
    assert.equal(normalizeForSearch('第一段\n\n第二段'), '第一段第二段');
  });

  test('each normalised character knows where it came from in the original', () => {
    const original = 'ＡＢ 余家';
    const { text, origins, ends } = normalizeWithOrigins(original);
    assert.equal(text, 'ab余家');
    assert.deepEqual(origins, [0, 1, 3, 4]);
    assert.deepEqual(ends, [1, 2, 4, 5]);
  });
});

describe('search tokens', () => {
  test('a character code is three base-36 digits for Chinese and z plus four above U+B130', () => {
    assert.equal(charCode('红'), (0x7ea2).toString(36));
    assert.equal(charCode('a'), '02p');
    assert.equal(charCode('😀'), `z${(0x1f600).toString(36).padStart(4, '0')}`);
  });

  test('no character code is a prefix of another, so a bigram word only matches itself', () => {
    const codes = ['a', '5', '红', '家', '가', '힣', '😀', '𠀀'].map(charCode);
    for (const a of codes) for (const b of codes) if (a !== b) assert.ok(!b.startsWith(a), `${a} is a prefix of ${b}`);
  });

  test('text becomes the bigrams of each run of letters and digits, then its last character, then every other character once', () => {
    const c = (text: string) => [...text].map(charCode).join('');
    assert.deepEqual(toIndexTokens('余家企业，5g'), [c('余家'), c('家企'), c('企业'), c('业'), c('5g'), c('g'), c('余'), c('家'), c('企'), c('5')]);
    // A character written many times is one word of its own once: a 1-character query matches it exactly.
    assert.deepEqual(toIndexTokens('管家，管理，管'), [c('管家'), c('家'), c('管理'), c('理'), c('管')]);
  });

  test('a query term becomes its bigrams, a single character stays one prefix', () => {
    const c = (text: string) => [...text].map(charCode).join('');
    assert.deepEqual(toQueryTokens('红管家'), [c('红管'), c('管家')]);
    assert.deepEqual(toQueryTokens('管'), [c('管')]);
    assert.deepEqual(toQueryTokens('0.2元'), [c('0'), c('2元')]);
  });
});

describe('query terms and matching', () => {
  test('spaces separate terms; terms are normalised and repeated ones dropped', () => {
    assert.deepEqual(toQueryTerms('  民生　实事 民生 '), ['民生', '实事']);
    assert.deepEqual(toQueryTerms('ＰＰＰ'), ['ppp']);
    assert.deepEqual(toQueryTerms('   '), []);
  });

  test('every term must occur as a substring of the normalised text', () => {
    const text = '目前，已累计帮助 140 余家企业提标治理。';
    assert.equal(matchesAllTerms(toQueryTerms('余家企业'), text), true);
    assert.equal(matchesAllTerms(toQueryTerms('140余家'), text), true);
    assert.equal(matchesAllTerms(toQueryTerms('提标 企业'), text), true);
    assert.equal(matchesAllTerms(toQueryTerms('提标 招商'), text), false);
    assert.equal(matchesAllTerms(toQueryTerms('余 家'), '50 余份 … 国家'), true);
    assert.equal(matchesAllTerms(toQueryTerms('余家'), '50 余份 … 国家'), false);
    assert.equal(matchesAllTerms([], text), false);
  });

  test('a query with no letter or digit has no Pagefind query', () => {
    assert.equal(toPagefindQuery(toQueryTerms('，。')), null);
    assert.equal(toPagefindQuery(toQueryTerms('“红管家”')), [...'红管'].map(charCode).join('') + ' ' + [...'管家'].map(charCode).join(''));
  });

  test('match ranges point into the original text, merged where they touch or overlap', () => {
    const text = '帮助 140 余家企业，余家企业';
    const ranges = findMatchRanges(toQueryTerms('140余家 企业'), text);
    assert.deepEqual(
      ranges.map((range) => text.slice(range.start, range.end)),
      ['140 余家企业', '企业'],
    );
  });

  test('positions must hold the bigrams of the longest run side by side', () => {
    const terms = toQueryTerms('余家企业');
    assert.equal(isPlausibleByPositions(terms, [4, 9, 10, 11]), true);
    assert.equal(isPlausibleByPositions(terms, [4, 9, 15, 30]), false);
    assert.equal(isPlausibleByPositions(toQueryTerms('余家'), [7]), true);
    assert.equal(isPlausibleByPositions(toQueryTerms('管'), [3]), true);
  });

  test('the searchable text is headline, text and department, one per line, and the department\'s other names', () => {
    assert.equal(toSearchableText({ headline: '标题', text: '正文', department: '区农委' }), '标题\n正文\n区农委');
    assert.equal(toSearchableText({ headline: '标题', text: '正文', department: '区农委', aliases: ['区农业农村工作委员会'] }), '标题\n正文\n区农委\n区农业农村工作委员会');
    assert.equal(matchesAllTerms(toQueryTerms('农业农村'), toSearchableText({ headline: '标题', text: '正文', department: '区农委', aliases: ['区农业农村工作委员会'] })), true);
  });
});

describe('search excerpts', () => {
  test('an excerpt is a window around the first match with the matches marked', () => {
    const text = `${'前'.repeat(100)}红管家${'后'.repeat(100)}`;
    const segments = toExcerpt(text, findMatchRanges(['红管家'], text), 40);
    assert.equal(segments[0]?.text.startsWith('……'), true);
    assert.deepEqual(
      segments.filter((segment) => segment.marked).map((segment) => segment.text),
      ['红管家'],
    );
    assert.equal(segments.at(-1)?.text.endsWith('……'), true);
    assert.equal(segments.map((segment) => segment.text.replaceAll('……', '')).join('').length, 40);
  });

  test('without a match the excerpt is the start of the text', () => {
    assert.deepEqual(toExcerpt('一二三', []), [{ text: '一二三', marked: false }]);
  });
});

describe('search page state', () => {
  test('the state survives a round trip through the URL', () => {
    const state = { q: '招商 项目', department: '新安路街道', year: '2022', kind: '文章', sort: 'date' as const };
    assert.equal(toQueryString(state), '?q=%E6%8B%9B%E5%95%86+%E9%A1%B9%E7%9B%AE&department=%E6%96%B0%E5%AE%89%E8%B7%AF%E8%A1%97%E9%81%93&year=2022&kind=%E6%96%87%E7%AB%A0&sort=date');
    assert.deepEqual(toSearchState(toQueryString(state)), state);
  });

  test('an empty page has no search; a filter alone is one', () => {
    assert.equal(hasSearch(toSearchState('')), false);
    assert.equal(toQueryString(toSearchState('?sort=relevance')), '');
    assert.equal(hasSearch(toSearchState('?department=区农委')), true);
    assert.deepEqual(toFilters(toSearchState('?department=区农委&year=2023')), { department: ['区农委'], year: ['2023'] });
  });
});

describe('search records', () => {
  const issue = { year: 2023, number: 35, date: '2023-06-01' } as Issue;
  const item = { id: '2023-035-01', position: 1, kind: 'brief', headline: '标题', text: '正文 63 个', department: '区农委' } as Item;

  test('a record carries the item URL, the metadata, the filters and index words only', () => {
    const record = toSearchRecord(issue, item, '/archive/');
    assert.equal(record.url, '/archive/issues/2023/35/1/');
    assert.deepEqual(record.meta, { title: '标题', department: '区农委', issue: '2023 年第 35 期', date: '2023-06-01', text: '正文 63 个' });
    assert.deepEqual(record.filters, { department: ['区农委'], year: ['2023'], kind: ['简讯'] });
    assert.match(record.content, /^[0-9a-z ]+$/);
    assert.equal(record.content, toIndexTokens(normalizeForSearch('标题\n正文 63 个\n区农委')).join(' '));
  });

  test("a record holds its department's other names, in its words and its metadata", () => {
    const record = toSearchRecord(issue, item, '/', ['区农业农村工作委员会', '农委']);
    assert.equal(record.meta.aliases, '区农业农村工作委员会、农委');
    assert.equal(record.content, toIndexTokens(normalizeForSearch('标题\n正文 63 个\n区农委\n区农业农村工作委员会\n农委')).join(' '));
    assert.deepEqual(record.filters.department, ['区农委']);
  });

  test('date sort keys order newer issues first and, within an issue, position 1 first, exactly as 32-bit floats', () => {
    const keys = [toDateSortKey('2023-06-01', 1), toDateSortKey('2023-06-01', 2), toDateSortKey('2023-05-31', 1), toDateSortKey('1990-01-01', 1)];
    assert.deepEqual([...keys].sort((a, b) => b - a), keys);
    for (const key of keys) assert.equal(Math.fround(key), key);
    assert.ok(toDateSortKey('2099-12-31', 1) < 2 ** 24);
  });
});
