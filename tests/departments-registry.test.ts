import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { normalizeDepartmentName, toRegistry } from '../src/departments/department-registry.ts';
import { parseDepartments } from '../src/departments/parse-departments.ts';

const registry = toRegistry([
  { name: '区委老干部局', slug: 'quweilaoganbuju', aliases: ['老干部局'] },
  { name: '区委宣传部（区文明办）', slug: 'xuanchuanbu', aliases: [] },
]);

test('an alias resolves to its department', () => {
  assert.equal(registry.resolve('老干部局')?.name, '区委老干部局');
  assert.equal(registry.resolve('区委老干部局')?.slug, 'quweilaoganbuju');
  assert.equal(registry.resolve('区老干部局'), undefined);
});

test('names are matched with spaces and bracket widths ignored', () => {
  assert.equal(normalizeDepartmentName(' 区委宣传部 (区文明办) '), '区委宣传部（区文明办）');
  assert.equal(registry.resolve('区委宣传部(区文明办)')?.name, '区委宣传部（区文明办）');
  assert.equal(registry.resolve('老干 部局')?.name, '区委老干部局');
});

test('a name or alias listed twice is an error, also when written differently', () => {
  const file = new VFile({ path: 'departments.yml' });
  const departments = parseDepartments('- name: 区统计局\n  aliases: [统计局]\n- name: 统计 局\n- name: 区农委\n  aliases: [农委, 区统计局]\n', file);
  assert.deepEqual(departments, [
    { name: '区统计局', slug: 'qutongjiju', aliases: ['统计局'] },
    { name: '区农委', slug: 'qunongwei', aliases: ['农委'] },
  ]);
  assert.deepEqual(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`), ['3:9 department-duplicate', '5:17 department-duplicate']);
});
