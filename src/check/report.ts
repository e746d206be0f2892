/**
 * Located messages: every problem is a vfile message with a place, a stable
 * rule id and a severity taken from the rule catalogue.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { rules, type RuleId } from './rules.ts';

/** A 1-based point in a file. */
export interface Place {
  line: number;
  column: number;
}

/** The source name put on every message. */
export const messageSource = 'bulletin-archive';

/**
 * Records a problem on `file`: `reason` says what is wrong and how to fix it.
 * The rule decides whether it is an error (fatal) or a warning.
 */
export function report(file: VFile, ruleId: RuleId, reason: string, place?: Place): VFileMessage {
  const message = file.message(reason, { ruleId, source: messageSource, ...(place ? { place } : {}) });
  message.fatal = rules[ruleId].severity === 'error';
  return message;
}

/** Counts the errors (not warnings) recorded on the files. */
export function countErrors(files: readonly VFile[]): number {
  return files.reduce((sum, file) => sum + file.messages.filter((m) => m.fatal === true).length, 0);
}

/** Counts the warnings recorded on the files. */
export function countWarnings(files: readonly VFile[]): number {
  return files.reduce((sum, file) => sum + file.messages.filter((m) => m.fatal === false).length, 0);
}

/**
 * Formats every message as `path:line:column  severity  reason  rule-id`, one a line,
 * files in the given order and messages by position, paths relative to `cwd`.
 */
export function formatMessages(files: readonly VFile[], cwd = process.cwd()): string {
  const lines: string[] = [];
  for (const file of files) {
    const name = file.path ? path.relative(cwd, file.path) || file.path : '<input>';
    const sorted = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    );
    for (const message of sorted) {
      const severity = message.fatal ? 'error' : 'warning';
      lines.push(`${name}:${message.line ?? 1}:${message.column ?? 1}  ${severity}  ${message.reason}  ${message.ruleId ?? ''}`.trimEnd());
    }
  }
  return lines.join('\n');
}

/** A one-line summary such as `2 errors, 1 warning in 14 files`. */
export function formatSummary(files: readonly VFile[]): string {
  const errors = countErrors(files);
  const warnings = countWarnings(files);
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files.length, 'file')}`;
}

/** `1 issue`, `2 issues`: a count with its English noun. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
