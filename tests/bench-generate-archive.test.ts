import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { defaultArchiveOptions, generateArchiveFiles, issuePath, planIssues, writeArchive, writeNextIssue, type ArchiveOptions } from '../bench/generate-archive.ts';
import { readSampleText, splitSentences, type SampleText } from '../bench/sample-text.ts';
import { countErrors, countWarnings, formatMessages } from '../src/messages/report.ts';
import { loadArchive } from '../src/load-archive.ts';

const options: ArchiveOptions = { ...defaultArchiveOptions, issues: 20 };
let sample: SampleText;
let dir: string;

before(async () => {
  sample = await readSampleText();
  dir = await mkdtemp(path.join(os.tmpdir(), 'bench-archive-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the benchmark archive generator', () => {
  test('a generated 20-issue archive passes the check with no errors or warnings', async () => {
    await writeArchive(dir, sample, options);
    const { bulletin, files } = await loadArchive(dir);
    assert.equal(formatMessages(files), '');
    assert.equal(countErrors(files), 0);
    assert.equal(countWarnings(files), 0);
    assert.equal(bulletin.issues.length, 20);
    assert.equal(bulletin.departments.length, 200);
    const items = bulletin.issues.flatMap((issue) => issue.items);
    // ~8 items an issue, both kinds, by many departments.
    assert.ok(items.length >= 20 * 6 && items.length <= 20 * 10, `${items.length} items`);
    assert.ok(items.some((item) => item.kind === 'article'));
    assert.ok(items.some((item) => item.kind === 'brief'));
    assert.ok(new Set(items.map((item) => item.department)).size >= 30);
  });

  test('adding the next issue keeps the archive valid and the next issue is the one an archive of N+1 holds', async () => {
    const file = await writeNextIssue(dir, sample, options);
    const bigger = generateArchiveFiles(sample, { ...options, issues: 21 });
    assert.equal(await readFile(path.join(dir, file), 'utf8'), bigger.files.get(file));
    const { bulletin, files } = await loadArchive(dir);
    assert.equal(countErrors(files), 0);
    assert.equal(bulletin.issues.length, 21);
    assert.equal(bulletin.issues.at(-1)!.sourceFile, file);
  });

  test('the same seed gives byte-identical files and another seed different ones', () => {
    const first = generateArchiveFiles(sample, options);
    const second = generateArchiveFiles(sample, options);
    assert.deepEqual([...first.files], [...second.files]);
    const other = generateArchiveFiles(sample, { ...options, seed: 'another seed' });
    assert.notEqual(other.files.get('departments.yml'), first.files.get('departments.yml'));
    assert.notEqual(other.files.get(issuePath(first.plans[0]!)), first.files.get(issuePath(first.plans[0]!)));
  });

  test('an archive of N issues starts with the issues of a smaller one', () => {
    const small = generateArchiveFiles(sample, { ...options, issues: 5 });
    const large = generateArchiveFiles(sample, options);
    for (const [file, text] of small.files) assert.equal(large.files.get(file), text, file);
  });

  test('1,000 issues span 23 years of 40 to 50 issues each, dates strictly increasing', () => {
    const plans = planIssues({ ...options, issues: 1000 });
    assert.equal(plans.length, 1000);
    const perYear = new Map<number, number>();
    for (const plan of plans) perYear.set(plan.year, (perYear.get(plan.year) ?? 0) + 1);
    const years = [...perYear.keys()];
    assert.deepEqual(years, Array.from({ length: years.length }, (_, index) => options.startYear + index));
    assert.equal(years.length, 23);
    for (const year of years.slice(0, -1)) {
      const count = perYear.get(year)!;
      assert.ok(count >= 40 && count <= 50, `${year}: ${count} issues`);
    }
    assert.ok(perYear.get(years.at(-1)!)! <= 50);
    for (let index = 1; index < plans.length; index++) {
      assert.ok(plans[index]!.date > plans[index - 1]!.date, `${plans[index]!.date} after ${plans[index - 1]!.date}`);
      assert.equal(plans[index]!.total, index + 1);
    }
    assert.equal(new Set(plans.map(issuePath)).size, 1000);
  });

  test('200 departments keep the sample registry first and never share a slug, name or alias', () => {
    const { departments } = generateArchiveFiles(sample, { ...options, issues: 1 });
    assert.equal(departments.length, 200);
    assert.deepEqual(departments.slice(0, sample.departments.length), sample.departments);
    assert.equal(new Set(departments.map((department) => department.slug)).size, 200);
    const names = departments.flatMap((department) => [department.name, ...department.aliases]);
    assert.equal(new Set(names).size, names.length);
  });

  test('the sample text is cut into sentences that keep quotes whole', () => {
    assert.deepEqual(splitSentences('一是“抢。拼”。二是好。'), ['一是“抢。拼”。', '二是好。']);
    assert.ok(sample.points.includes('党建引领强堡垒。'));
    assert.ok(sample.headlineTails.includes('“无主管”楼院治理服务再升级'));
    assert.equal(sample.briefTails.length, 2);
  });
});
