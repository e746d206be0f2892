/**
 * The phrases the benchmark archive is made of, taken from the real sample
 * issue (issues/2023/035.md) through the project's own parser, so the synthetic
 * text has the bulletin's vocabulary, sentence length and punctuation.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { toRegistry } from '../src/departments/department-registry.ts';
import { parseDepartments } from '../src/departments/parse-departments.ts';
import type { Department } from '../src/model/schema.ts';
import { parseIssue } from '../src/parse/parse-issue.ts';

/** The repository root (bench/ sits right under it). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The sample issue the text is drawn from, relative to the issues folder. */
export const sampleIssueFile = '2023/035.md';

/** The sample's text, cut into reusable pieces. */
export interface SampleText {
  /** Headline endings without their department: “无主管”楼院治理服务再升级. */
  headlineTails: string[];
  /** The points of 一是…二是… lists, without the ordinal: 党建引领强堡垒。 */
  points: string[];
  /** Every other sentence of an article body, with its closing 。 */
  sentences: string[];
  /** Closing result sentences: 至目前，…。 */
  results: string[];
  /** What a brief says after its department: 举办“检爱同行…”主题开放日活动…。 */
  briefTails: string[];
  /** Issue masthead fields to reuse. */
  publication: string;
  publisher: string;
  /** The sample's departments, as in its departments.yml (slugs resolved). */
  departments: Department[];
}

const ordinal = /^[一二三四五六七八九十]是/;
const result = /^(?:至目前|目前|截至目前)/;

/** Splits Chinese text into sentences, each keeping its 。！？ (quotes never split). */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text.replace(/\s*\n+\s*/g, '')) {
    current += char;
    if ('“‘《（(「'.includes(char)) depth++;
    else if ('”’》）)」'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '。！？'.includes(char)) {
      sentences.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) sentences.push(`${current.trim()}。`);
  return sentences;
}

/**
 * Reads and parses the sample issue of `issuesDir` (default: the repository's
 * issues/) and cuts it into phrases. Throws if the sample does not parse: the
 * benchmark must not run on text the check rejects.
 */
export async function readSampleText(issuesDir = path.join(repoRoot, 'issues')): Promise<SampleText> {
  const departmentsFile = new VFile({ path: path.join(issuesDir, 'departments.yml') });
  const departments = parseDepartments(await readFile(departmentsFile.path, 'utf8'), departmentsFile);
  const issueFile = new VFile({ path: path.join(issuesDir, sampleIssueFile) });
  const issue = parseIssue(await readFile(issueFile.path, 'utf8'), issueFile, {
    sourceFile: sampleIssueFile,
    departments: toRegistry(departments),
  });
  if (!issue || departmentsFile.messages.length > 0) {
    const messages = [...departmentsFile.messages, ...issueFile.messages].map(String).join('\n');
    throw new Error(`The sample issue ${sampleIssueFile} does not pass the check:\n${messages}`);
  }

  const text: SampleText = {
    headlineTails: [],
    points: [],
    sentences: [],
    results: [],
    briefTails: [],
    publication: issue.publication,
    publisher: issue.publisher,
    departments,
  };
  for (const item of issue.items) {
    if (item.kind === 'article') {
      text.headlineTails.push(stripPrefix(item.headline, item.department));
      for (const sentence of splitSentences(item.text)) {
        if (ordinal.test(sentence)) text.points.push(sentence.replace(ordinal, ''));
        else if (result.test(sentence)) text.results.push(sentence);
        else text.sentences.push(sentence);
      }
    } else {
      // 近日，区统计局着力推动… → 着力推动…: the department and the when are regenerated.
      const at = item.text.indexOf(item.department);
      const tail = at >= 0 ? item.text.slice(at + item.department.length) : item.text.replace(/^[^，]*，/, '');
      text.briefTails.push(...splitSentences(tail).slice(0, 1));
      text.sentences.push(...splitSentences(tail).slice(1));
    }
  }
  // Some points carry their explanation in the same sentence (一是对全区…制度，…): those
  // make poor headlines but good points; short ones double as headline tails.
  text.headlineTails.push(...text.points.map((point) => point.replace(/。$/, '')).filter((point) => [...point].length <= 12));
  return text;
}

function stripPrefix(headline: string, department: string): string {
  return headline.startsWith(department) ? headline.slice(department.length) : headline;
}
