import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { departmentSlug } from '../src/departments/department-slug.ts';
import { parseDepartments } from '../src/departments/parse-departments.ts';

test('a department slug is the toneless pinyin of its name, unit words apart', () => {
  assert.equal(departmentSlug('济源路街道'), 'jiyuanlu-jiedao');
  assert.equal(departmentSlug('区统计局'), 'qutongjiju');
  assert.equal(departmentSlug('市生态环境局上街分局'), 'shishengtaihuanjingjushangjie-fenju');
  assert.equal(departmentSlug('区农业农村工作委员会'), 'qunongyenongcungongzuo-weiyuanhui');
});

test('a slug writes ü as v, keeps Latin letters and digits, and splits at brackets', () => {
  assert.equal(departmentSlug('绿化中心'), 'lvhua-zhongxin');
  assert.equal(departmentSlug('5G 办公室'), '5g-bangongshi');
  assert.equal(departmentSlug('区委宣传部（区文明办）'), 'quweixuanchuanbu-quwenmingban');
});

test('departments.yml gives each department its pinyin slug unless it sets its own', () => {
  const file = new VFile({ path: 'departments.yml' });
  const departments = parseDepartments('- name: 济源路街道\n- name: 市生态环境局上街分局\n  slug: shengtaihuanjing-shangjie-fenju\n  aliases: [生态环境分局]\n', file);
  assert.deepEqual(file.messages, []);
  assert.deepEqual(departments, [
    { name: '济源路街道', slug: 'jiyuanlu-jiedao', aliases: [] },
    { name: '市生态环境局上街分局', slug: 'shengtaihuanjing-shangjie-fenju', aliases: ['生态环境分局'] },
  ]);
});

test('two departments with one slug are an error that names both and keeps the first', () => {
  const file = new VFile({ path: 'departments.yml' });
  const departments = parseDepartments('- name: 峡窝镇\n- name: 夏窝镇\n- name: 区农委\n  slug: xiawozhen\n', file);
  assert.deepEqual(departments.map((d) => d.name), ['峡窝镇']);
  assert.deepEqual(
    file.messages.map((m) => [m.line, m.column, m.ruleId, m.fatal]),
    [
      [2, 9, 'department-slug-duplicate', true],
      [4, 9, 'department-slug-duplicate', true],
    ],
  );
  assert.match(file.messages[0]!.reason, /「夏窝镇」.*「峡窝镇」已经用了 `xiawozhen`/);
});

test('a name that gives no ASCII slug must be given one', () => {
  const file = new VFile({ path: 'departments.yml' });
  assert.deepEqual(parseDepartments('- name: ！！\n', file), []);
  assert.equal(file.messages[0]?.ruleId, 'department-slug-duplicate');
  assert.match(file.messages[0]!.reason, /名称生成不了英文网址/);
});
