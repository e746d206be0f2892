/**
 * What the importer finds in the source that the editor must know: a rule of
 * the catalogue, its arguments, and the source line it concerns.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { inLanguage, say, type Message } from '../messages/message.ts';
import { importRules, type ImportRule, type ImportRuleArgs, type ImportRuleId } from './import-rules.ts';

/** A finding of import rule `R` at a source line. */
export type Finding<R extends ImportRuleId = ImportRuleId> = R extends ImportRuleId ? { line: number; ruleId: R; args: ImportRuleArgs<R> } : never;

/**
 * Records `finding` on `file` (the source file) as a located message of its
 * rule: message and hint in the current language, severity from the rule.
 */
export function reportFinding(file: VFile, finding: Finding): VFileMessage {
  const rule = importRules[finding.ruleId] as ImportRule<unknown>;
  const text = say(rule.message as Message<unknown>, finding.args);
  const hint = say(rule.hint as Message<unknown>, finding.args);
  const message = file.message(`${text}${inLanguage({ 'zh-CN': '：', en: ': ' })}${hint}`, { ruleId: finding.ruleId, source: 'bulletin-archive', place: { line: finding.line, column: 1 } });
  message.note = hint;
  message.url = `docs/editing.md#${finding.ruleId}`;
  message.fatal = rule.severity === 'error';
  return message;
}
