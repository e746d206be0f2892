/**
 * What the importer finds in the source that the editor must know: a rule of
 * the catalogue (the `import-…` rules of src/messages/rules.ts), its
 * arguments, and the source line it concerns.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { report } from '../messages/report.ts';
import type { RuleArgs, RuleId } from '../messages/rules.ts';

/** The rules of the import: what it finds in the editor's source file. */
export type ImportRuleId = Extract<RuleId, `import-${string}`>;

/** A finding of import rule `R` at a source line. */
export type Finding<R extends ImportRuleId = ImportRuleId> = R extends ImportRuleId ? { line: number; ruleId: R; args: RuleArgs<R> } : never;

/** Records `finding` on `file` (the source file) as a located message of its rule. */
export function reportFinding(file: VFile, finding: Finding): VFileMessage {
  return report(file, finding.ruleId, finding.args as never, { line: finding.line, column: 1 });
}
