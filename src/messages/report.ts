/**
 * Located messages: every problem is a vfile message with a place, a stable
 * rule id, a severity, a hint and a link, all taken from the rule catalogue,
 * and written out in one of three forms: lines for a person, GitHub Actions
 * annotations, or JSON for other tools.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Message } from './message.ts';
import { say } from './message.ts';
import { joinHint, ruleUrl, rules, type RuleArgs, type RuleId } from './rules.ts';
import { checkTexts } from './texts.ts';

/** A 1-based point in a file. */
export interface Place {
  line: number;
  column: number;
}

/** The source name put on every message. */
const messageSource = 'bulletin-archive';

/**
 * Records a problem of rule `ruleId` on `file`, its message and hint made from
 * `args` in the current language. The rule decides whether it is an error
 * (fatal) or a warning.
 */
export function report<R extends RuleId>(file: VFile, ruleId: R, args: RuleArgs<R>, place?: Place): VFileMessage {
  const rule = rules[ruleId];
  const message = file.message(say(rule.message as Message<RuleArgs<R>>, args), { ruleId, source: messageSource, ...(place ? { place } : {}) });
  message.note = say(rule.hint as Message<RuleArgs<R>>, args);
  message.url = ruleUrl(ruleId);
  message.fatal = rule.severity === 'error';
  return message;
}

/**
 * A problem found before it is reported (while splitting a file, say): its
 * rule, that rule's arguments and its place. The union ties each rule to its
 * own arguments wherever a problem is made.
 */
export type Problem<R extends RuleId = RuleId> = R extends RuleId ? { rule: R; args: RuleArgs<R>; place: Place } : never;

/** Records `problem` on `file`, as report() does. */
export function reportProblem(file: VFile, problem: Problem): VFileMessage {
  // Rule and arguments were checked together where the problem was made; here they only travel together.
  return report(file, problem.rule, problem.args as never, problem.place);
}

/** Counts the errors (not warnings) recorded on the files. */
export function countErrors(files: readonly VFile[]): number {
  return files.reduce((sum, file) => sum + file.messages.filter((m) => m.fatal === true).length, 0);
}

/** Counts the warnings recorded on the files. */
export function countWarnings(files: readonly VFile[]): number {
  return files.reduce((sum, file) => sum + file.messages.filter((m) => m.fatal === false).length, 0);
}

/** One message, flat: what every output form is written from. */
export interface MessageRecord {
  /** The file's path, relative to the working folder, `/`-separated. */
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  ruleId: string;
  /** What happened. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** The rule's section of the editors' guide. */
  url: string;
}

/** Every message of the files as records: files in the given order, messages by position, paths relative to `cwd`. */
export function toMessageRecords(files: readonly VFile[], cwd = process.cwd()): MessageRecord[] {
  const records: MessageRecord[] = [];
  for (const file of files) {
    const name = file.path ? toMessagePath(file.path, cwd) : '<input>';
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) {
      records.push({
        file: name,
        line: message.line ?? 1,
        column: message.column ?? 1,
        severity: message.fatal ? 'error' : 'warning',
        ruleId: message.ruleId ?? '',
        message: message.reason,
        hint: message.note ?? '',
        url: message.url ?? '',
      });
    }
  }
  return records;
}

/** A file's path as the messages give it: relative to `cwd`, `/`-separated. */
export function toMessagePath(filePath: string, cwd = process.cwd()): string {
  return (path.relative(cwd, filePath) || filePath).split(path.sep).join('/');
}

/**
 * Formats every message as `path:line:column  severity  message：hint  rule-id`,
 * one a line. The severity (`error`, `warning`) and the rule id are fixed
 * tokens in every language, so tools can parse the lines.
 */
export function formatMessages(files: readonly VFile[], cwd = process.cwd()): string {
  return toMessageRecords(files, cwd)
    .map((m) => `${m.file}:${m.line}:${m.column}  ${m.severity}  ${joinHint(m.message, m.hint)}  ${m.ruleId}`.trimEnd())
    .join('\n');
}

/**
 * Formats every message as a GitHub Actions workflow command
 * (`::error file=…,line=…,col=…,title=…::…`), which GitHub shows on the line
 * of the file in a pull request.
 */
export function formatGithubAnnotations(files: readonly VFile[], cwd = process.cwd()): string {
  return toMessageRecords(files, cwd)
    .map((m) => {
      const properties = `file=${escapeProperty(m.file)},line=${m.line},col=${m.column},title=${escapeProperty(m.ruleId)}`;
      return `::${m.severity} ${properties}::${escapeData(joinHint(m.message, m.hint))}`;
    })
    .join('\n');
}

/** Every message as a JSON array of records (see MessageRecord), for other tools. */
export function formatJson(files: readonly VFile[], cwd = process.cwd()): string {
  return `${JSON.stringify(toMessageRecords(files, cwd), null, 2)}\n`;
}

// GitHub's escaping of workflow command values (actions/toolkit, command.ts).
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A one-line summary such as `2 个错误，1 个警告，共 14 个文件`. */
export function formatSummary(files: readonly VFile[]): string {
  return say(checkTexts.summary, { errors: countErrors(files), warnings: countWarnings(files), files: files.length });
}
