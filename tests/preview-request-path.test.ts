/**
 * The preview server's reading of request paths (src/preview/request-path.ts):
 * every name it lets through can only be joined below the output folder.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxTargetLength, toRequestTarget, toUrlPath } from '../src/preview/request-path.ts';

describe('request paths of the preview', () => {
  it('read the site\'s paths into decoded names, with or without a trailing slash', () => {
    assert.deepEqual(toRequestTarget('/'), { kind: 'site', segments: [], folder: true });
    assert.deepEqual(toRequestTarget('/issues/2023/35/?q=1#top'), { kind: 'site', segments: ['issues', '2023', '35'], folder: true });
    assert.deepEqual(toRequestTarget('/issues/2023/35'), { kind: 'site', segments: ['issues', '2023', '35'], folder: false });
    assert.deepEqual(toRequestTarget('/search/%E6%A3%80%E7%B4%A2.html'), { kind: 'site', segments: ['search', '检索.html'], folder: false });
    assert.deepEqual(toRequestTarget('//issues//2023/'), { kind: 'site', segments: ['issues', '2023'], folder: true });
  });

  it('refuse dot segments, encoded separators, control characters, bad encodings and overlong paths', () => {
    const hostile = [
      '/../etc/passwd',
      '/issues/../../etc/passwd',
      '/./index.html',
      '/..%2f..%2f..%2fetc%2fpasswd',
      '/..%2Fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/%2e/index.html',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/issues%5c..%5c..%5csecret.txt',
      '/index.html%00.png',
      '/a\u0000b',
      '/%0d%0aSet-Cookie:x',
      '/%ff',
      '/%',
      '/%E6%A3',
      `/${'a/'.repeat(maxTargetLength)}`,
      'http://example.org/index.html',
      '*',
      '',
    ];
    for (const target of hostile) assert.deepEqual(toRequestTarget(target), { kind: 'bad' }, JSON.stringify(target));
  });

  it('serve below the path prefix only', () => {
    assert.deepEqual(toRequestTarget('/archive/issues/', '/archive/'), { kind: 'site', segments: ['issues'], folder: true });
    assert.deepEqual(toRequestTarget('/archive', '/archive/'), { kind: 'site', segments: [], folder: false });
    assert.deepEqual(toRequestTarget('/', '/archive/'), { kind: 'outside-prefix' });
    assert.deepEqual(toRequestTarget('/archived/x', '/archive/'), { kind: 'outside-prefix' });
  });

  it('write redirect paths with one leading slash, each name encoded, never another host', () => {
    assert.equal(toUrlPath('/', ['issues', '2023'], true), '/issues/2023/');
    assert.equal(toUrlPath('/archive/', [], true), '/archive/');
    assert.equal(toUrlPath('/', [], true), '/');
    assert.equal(toUrlPath('/', ['evil.example', 'x'], true), '/evil.example/x/');
    assert.equal(toUrlPath('/', ['检索'], false), '/%E6%A3%80%E7%B4%A2');
  });
});
