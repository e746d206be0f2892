/**
 * The synthetic benchmark archive: N issue files in the canonical format, with
 * ~8 items each by ~200 departments, text recombined from the sample issue,
 * 40–50 issues a year, dates increasing. Deterministic for a seed: the same
 * options always give byte-identical files.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Department } from '../src/model/schema.ts';
import { generateDepartments, toDepartmentsYaml } from './departments.ts';
import { seededRandom, type Random } from './random.ts';
import type { SampleText } from './sample-text.ts';

/** What to generate. */
export interface ArchiveOptions {
  /** Number of issues. */
  issues: number;
  /** Seed of every random choice. */
  seed: string;
  /** Number of departments in departments.yml. */
  departments: number;
  /**
   * Year of the first issue. The year plan is drawn from the seed alone, so
   * archives of N and N+1 issues with the same seed and start year share their
   * first N issues (that is how a rebuild "adds one issue").
   */
  startYear: number;
}

/** Where one issue falls: its year, number within the year, running total and date. */
export interface IssuePlan {
  year: number;
  number: number;
  total: number;
  date: string;
}

/** The defaults of `npm run bench`. */
export const defaultArchiveOptions: ArchiveOptions = {
  issues: 1000,
  seed: 'bulletin-archive',
  departments: 200,
  startYear: 2004,
};

/** A start year such that an archive of `issues` issues ends around `endYear`. */
export function startYearFor(issues: number, endYear = 2025): number {
  return endYear - Math.max(0, Math.ceil(issues / 45) - 1);
}

/**
 * Plans `options.issues` issues: each year holds 40–50 (drawn from the seed),
 * the last year only as many as remain. Dates are spread over the year as if it
 * were full, so they strictly increase, at least a week apart.
 */
export function planIssues(options: Pick<ArchiveOptions, 'issues' | 'seed' | 'startYear'>): IssuePlan[] {
  const random = seededRandom(`${options.seed}:years`);
  const plans: IssuePlan[] = [];
  for (let year = options.startYear; plans.length < options.issues; year++) {
    const perYear = random.int(40, 50);
    const days = isLeap(year) ? 366 : 365;
    for (let number = 1; number <= perYear && plans.length < options.issues; number++) {
      const dayOfYear = 3 + Math.floor(((number - 1) * (days - 7)) / perYear);
      plans.push({ year, number, total: plans.length + 1, date: toIsoDate(year, dayOfYear) });
    }
  }
  return plans;
}

/** The generated archive, as file paths relative to the issues folder and their text. */
export interface GeneratedArchive {
  departments: Department[];
  plans: IssuePlan[];
  /** `departments.yml` and `YYYY/NNN.md` → text. */
  files: Map<string, string>;
}

/** Generates every file of the archive in memory. */
export function generateArchiveFiles(sample: SampleText, options: ArchiveOptions): GeneratedArchive {
  const departments = generateDepartments(sample.departments, options.departments, seededRandom(`${options.seed}:departments`));
  const plans = planIssues(options);
  const files = new Map<string, string>();
  files.set('departments.yml', toDepartmentsYaml(departments, sample.departments));
  const weights = cumulativeWeights(departments.length);
  for (const plan of plans) {
    files.set(issuePath(plan), toIssueText(plan, sample, departments, weights, options.seed));
  }
  return { departments, plans, files };
}

/** Writes the archive into `dir` (created if needed); returns what was written. */
export async function writeArchive(dir: string, sample: SampleText, options: ArchiveOptions): Promise<GeneratedArchive> {
  const archive = generateArchiveFiles(sample, options);
  await writeFiles(dir, archive.files);
  return archive;
}

/**
 * Writes into `dir` the issue that follows an archive of `options.issues`
 * issues (same seed, start year and departments), as an editor would add the
 * week's new issue. Returns its path relative to `dir`.
 */
export async function writeNextIssue(dir: string, sample: SampleText, options: ArchiveOptions): Promise<string> {
  const next = { ...options, issues: options.issues + 1 };
  const departments = generateDepartments(sample.departments, options.departments, seededRandom(`${options.seed}:departments`));
  const plan = planIssues(next).at(-1)!;
  const file = issuePath(plan);
  await writeFiles(dir, new Map([[file, toIssueText(plan, sample, departments, cumulativeWeights(departments.length), options.seed)]]));
  return file;
}

/** `2023/035.md` for issue 35 of 2023. */
export function issuePath(plan: Pick<IssuePlan, 'year' | 'number'>): string {
  return `${plan.year}/${String(plan.number).padStart(3, '0')}.md`;
}

async function writeFiles(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const folders = new Set([...files.keys()].map((file) => path.dirname(path.join(dir, file))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  for (const [file, text] of files) await writeFile(path.join(dir, file), text);
}

// A few departments report far more than others, as in a real archive: weight 1/rank^0.9.
function cumulativeWeights(count: number): number[] {
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= count; rank++) {
    sum += 1 / rank ** 0.9;
    cumulative.push(sum);
  }
  return cumulative;
}

const editors = ['郝婕', '柴亚文', '王红', '李明', '张磊', '刘洋', '陈静', '杨帆', '赵敏', '孙伟'];
const ordinals = ['一', '二', '三', '四'];

/** One issue file. Its content depends on the seed and its plan only, never on N. */
function toIssueText(plan: IssuePlan, sample: SampleText, departments: readonly Department[], weights: readonly number[], seed: string): string {
  const random = seededRandom(`${seed}:${plan.year}-${plan.number}`);
  const pickDepartment = () => departments[random.weighted(weights)]!;
  const articles = random.int(4, 8);
  const briefs = random.int(0, 4);
  const sections = random.next() < 0.2;
  const [first, second] = random.shuffle(editors);

  const lines = [
    '---',
    `publication: ${sample.publication}`,
    `issue: ${plan.number}`,
    `total: ${plan.total}`,
    `date: ${plan.date}`,
    `publisher: ${sample.publisher}`,
    'distribution:',
    '  - label: 本期送',
    '    to: [区县处级领导]',
    '  - label: 发',
    '    to: [峡窝镇, 各街道办事处, 区直各单位负责同志]',
    `editors: [${first}, ${second}]`,
    '---',
    '',
  ];
  // The check reports a headline or a paragraph that an issue repeats, which the sample's few
  // phrases sometimes give: such an item is drawn again (so other issues stay as they were).
  const used = new Set<string>();
  const fresh = (texts: string[]) => {
    const keys = texts.filter((text) => text !== '').map((text) => text.replace(/\s+/g, ''));
    if (keys.some((key) => used.has(key))) return false;
    for (const key of keys) used.add(key);
    return true;
  };
  if (sections) lines.push('# 【工作动态】', '');
  for (let index = 0; index < articles; index++) {
    let headline: string;
    let paragraphs: string[];
    do {
      const department = pickDepartment();
      headline = `## ${department.name}${random.pick(sample.headlineTails)}`;
      paragraphs = articleParagraphs(random, sample, attributionOf(department, random));
    } while (!fresh([headline, ...paragraphs]));
    lines.push(headline, '', ...paragraphs, '');
  }
  if (sections && briefs > 0) lines.push('# 【简讯】', '');
  for (let index = 0; index < briefs; index++) {
    let brief: string;
    do {
      const department = pickDepartment();
      brief = `△ ${briefText(random, sample, plan, department.name)}（${attributionOf(department, random)}）`;
    } while (!fresh([brief]));
    lines.push(brief, '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** An article body: 2–4 numbered points with their sentences, in one or several paragraphs. */
function articleParagraphs(random: Random, sample: SampleText, attribution: string): string[] {
  const points = random.int(2, 4);
  const split = random.next() < 0.4;
  const parts: string[] = [];
  for (let index = 0; index < points; index++) {
    const sentences = Array.from({ length: random.int(1, 2) }, () => varyNumbers(random.pick(sample.sentences), random));
    parts.push(`${ordinals[index]}是${random.pick(sample.points)}${sentences.join('')}`);
  }
  if (random.next() < 0.5) parts.push(varyNumbers(random.pick(sample.results), random));
  const paragraphs = split ? parts : [parts.join('')];
  paragraphs[paragraphs.length - 1] += `（${attribution}）`;
  return paragraphs.flatMap((paragraph, index) => (index === 0 ? [paragraph] : ['', paragraph]));
}

/** A brief: when, who, what — 近日，区统计局着力推动…。 */
function briefText(random: Random, sample: SampleText, plan: IssuePlan, department: string): string {
  const [, month, day] = plan.date.split('-').map(Number) as [number, number, number];
  const when = random.next() < 0.5 || day < 3 ? '近日' : `${month} 月 ${random.int(1, day - 1)} 日`;
  const what =
    random.next() < 0.4
      ? random.pick(sample.briefTails)
      : `${random.pick(sample.headlineTails)}，${random.pick(sample.sentences)}`;
  return `${when}，${department}${varyNumbers(what, random)}`;
}

/** Most items name their department as registered; one in ten uses an alias, as editors do. */
function attributionOf(department: Department, random: Random): string {
  return department.aliases.length > 0 && random.next() < 0.1 ? random.pick(department.aliases) : department.name;
}

/** Redraws counts (63 个, 400 余件) so that items differ; years and decimals stay. */
function varyNumbers(text: string, random: Random): string {
  return text.replace(/(?<![\d.])\d+(?![\d.]| ?年)/g, (digits) => String(random.int(10 ** (digits.length - 1), 10 ** digits.length - 1)));
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function toIsoDate(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
}
