import assert from 'node:assert/strict';
import { test } from 'node:test';
import { briefTitle } from '../src/parse/brief-title.ts';

test('a brief is titled by its first clause that says more than when', () => {
  assert.equal(briefTitle('近日，区统计局着力推动首次入库“四上”企业奖励工作，2021 年全区新入“四上”企业奖励，应发 410 万元。'), '区统计局着力推动首次入库“四上”企业奖励工作');
  assert.equal(briefTitle('今年以来，区农委发放补贴 30008 元。'), '区农委发放补贴 30008 元');
  assert.equal(briefTitle('6 月 1 日上午，新安路街道开展“六一”关爱活动。'), '新安路街道开展“六一”关爱活动');
  assert.equal(briefTitle('2023年5月31日，区检察院举办开放日活动。'), '区检察院举办开放日活动');
});

test('a comma inside quotes does not end the clause', () => {
  assert.equal(briefTitle('5 月 31 日，区检察院举办“检爱同行，共护花开”主题开放日活动，邀请 16 名学生参加。'), '区检察院举办“检爱同行，共护花开”主题开放日活动');
});

test('a brief mark left at the start is not part of the title', () => {
  assert.equal(briefTitle('△ 近日，区统计局召开会议。'), '区统计局召开会议');
});

test('a long first clause is cut to 30 characters with an ellipsis', () => {
  const title = briefTitle('今年以来，济源路街道累计为辖区居民解决网线脱落、邻里纠纷调解、楼院照明维修等身边事四百余件，群众满意度持续提升。');
  assert.equal(title, '济源路街道累计为辖区居民解决网线脱落、邻里纠纷调解、楼院照…');
  assert.equal([...title].length, 30);
});

test('a brief that is one clause is its own title', () => {
  assert.equal(briefTitle('区农委召开“三夏”生产调度会'), '区农委召开“三夏”生产调度会');
});
