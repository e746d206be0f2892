import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownProcessor, parseMarkdown, renderHtml } from '../src/parse/markdown.ts';

test('the markdown processor is frozen, so it cannot be reconfigured per file', () => {
  assert.throws(() => markdownProcessor.use(() => undefined), /frozen/);
});

test('rendering removes raw HTML and unsafe links', () => {
  const tree = parseMarkdown('<script>alert(1)</script>\n\n<b onclick="x()">加粗</b>文字，[链接](javascript:alert(1))，<img src=x onerror=alert(1)>\n');
  assert.equal(renderHtml(tree.children), '<p>加粗文字，<a>链接</a>，</p>');
});

test('parsing keeps the positions that messages point at', () => {
  const tree = parseMarkdown('\n\n## 标题\n\n正文。（济源路街道）\n');
  assert.deepEqual(tree.children.map((node) => [node.type, node.position?.start.line, node.position?.start.column]), [
    ['heading', 3, 1],
    ['paragraph', 5, 1],
  ]);
});
