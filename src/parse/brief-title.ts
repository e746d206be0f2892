/**
 * Short titles for briefs, which have no headline of their own.
 */
import { clip } from './clip.ts';

const maxLength = 30;
// Clauses that only say when: 近日, 5 月 31 日, 今年以来 … are skipped.
const whenClause = /^(?:近日|日前|近期|目前|当前|今年以来|年初以来|今年|上周|本周|昨日|今日|近年来|[0-9０-９一二三四五六七八九十〇零\s]+[年月日号](?:[0-9０-９一二三四五六七八九十〇零\s]*[月日号])*(?:[上下]午)?)$/;

/**
 * Derives a brief's title from its first clause that says more than when:
 * `近日，区统计局着力推动…奖励工作，…` → `区统计局着力推动…奖励工作`.
 * Quoted or bracketed text is never split; long clauses are cut with an ellipsis.
 */
export function briefTitle(text: string): string {
  const clauses = splitClauses(text.replace(/^[\s△◆●]+/, ''));
  const clause = clauses.find((c) => !whenClause.test(c) && c.length >= 4) ?? clauses[0] ?? '';
  return clip(clause, maxLength);
}

function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('“‘《（(【「'.includes(char)) depth++;
    else if ('”’》）)】」'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '，。；！？：,;!?:'.includes(char)) {
      if (current.trim()) clauses.push(current.trim());
      current = '';
      continue;
    }
    current += char;
  }
  if (current.trim()) clauses.push(current.trim());
  return clauses;
}
