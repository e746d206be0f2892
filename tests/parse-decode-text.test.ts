import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { decodeGbk, decodeText } from '../src/parse/decode-text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
/** GBK bytes of 济源路街道, as Windows Notepad (ANSI, zh-CN) saves them. */
const gbk济源路街道 = [0xbc, 0xc3, 0xd4, 0xb4, 0xc2, 0xb7, 0xbd, 0xd6, 0xb5, 0xc0];

test('UTF-8 text is decoded as it is', () => {
  assert.deepEqual(decodeText(utf8('issue: 35\n（济源路街道）\n')), { ok: true, text: 'issue: 35\n（济源路街道）\n' });
});

test('a UTF-8 BOM is dropped and CRLF and CR line ends become LF', () => {
  const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('---\r\nissue: 35\r\n---\r正文\r\n')]);
  assert.deepEqual(decodeText(bytes), { ok: true, text: '---\nissue: 35\n---\n正文\n' });
});

test('GBK text is recognised as GBK, at the first byte that is not UTF-8', () => {
  const bytes = new Uint8Array([...utf8('---\nissue: 35\n'), ...utf8('dept: '), ...gbk济源路街道, 0x0a]);
  assert.deepEqual(decodeText(bytes), { ok: false, encoding: 'gbk', line: 3, column: 7 });
});

test('GBK recognition agrees with iconv on a whole issue', () => {
  const sample = '---\npublication: 上街信息\n---\n\n## 新安路街道“抢、拼、实”集聚发展新活力\n\n一是“抢”的意识抓招商。（新安路街道）\n';
  const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: sample });
  const decoded = decodeText(bytes);
  assert.equal(decoded.ok, false);
  assert.equal(!decoded.ok && decoded.encoding, 'gbk');
  assert.equal(decodeGbk(bytes), sample);
});

test('bytes with NUL in them are called binary, other bytes unknown', () => {
  assert.equal((decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff])) as { encoding: string }).encoding, 'binary');
  assert.equal((decodeText(new Uint8Array([0x61, 0xff, 0xfe, 0x62])) as { encoding: string }).encoding, 'unknown');
});

test('a GBK file is decoded for import with its line ends normalised', () => {
  assert.equal(decodeGbk(new Uint8Array([...gbk济源路街道, 0x0d, 0x0a])), '济源路街道\n');
});
