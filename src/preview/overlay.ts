/**
 * Writes the overlay of the preview from a build's outcome, in the
 * catalogue's language: the heading, what the errors did to the preview, and
 * each message with its place and its line of the file quoted.
 */
import { say } from '../messages/message.ts';
import { currentLanguage } from '../messages/language.ts';
import { joinHint } from '../messages/rules.ts';
import { startTexts } from '../messages/texts.ts';
import type { Excerpt, Overlay } from './client/preview-state.ts';
import type { PreviewProblem } from './problems.ts';

/** At most this many messages are listed on a page; the terminal has them all. */
const overlayLimit = 50;

/** What the overlay is written from: a build's messages, the files it left out, or why it failed. */
export interface BuildOutcome {
  /** Whether the site was replaced. */
  ok: boolean;
  problems: PreviewProblem[];
  /** Files left out of the preview for their errors (paths as the messages give them). */
  leftOut: string[];
  /** A build that threw: its error, in one line. */
  failure?: string;
}

/** The overlay for a build's outcome; null when there is nothing to show (no errors). */
export function toOverlay(outcome: BuildOutcome): Overlay | null {
  const common = { lang: currentLanguage(), dismiss: say(startTexts.overlay.dismiss) };
  if (outcome.failure !== undefined) {
    return { ...common, heading: say(startTexts.overlay.failedHeading), note: say(startTexts.overlay.failed, { error: outcome.failure }), problems: [] };
  }
  const errors = outcome.problems.filter((problem) => problem.severity === 'error').length;
  if (errors === 0) return null;
  const warnings = outcome.problems.length - errors;
  const shown = outcome.problems.slice(0, overlayLimit);
  return {
    ...common,
    heading: say(startTexts.overlay.heading, { errors, warnings }),
    note: outcome.ok ? say(startTexts.overlay.leftOut, { files: outcome.leftOut }) : say(startTexts.overlay.stopped),
    problems: shown.map((problem) => ({
      severity: problem.severity,
      severityLabel: say(startTexts.overlay[problem.severity]),
      place: `${problem.file}:${problem.line}:${problem.column}`,
      text: joinHint(problem.message, problem.hint),
      rule: say(startTexts.overlay.rule, { ruleId: problem.ruleId, url: problem.url }),
      ...(problem.source === undefined ? {} : { excerpt: toExcerpt(problem.source, problem.line, problem.column) }),
    })),
    ...(outcome.problems.length > shown.length ? { more: say(startTexts.overlay.more, { count: outcome.problems.length - shown.length }) } : {}),
  };
}

/** Characters kept on either side of the column of a long line (a paragraph is one line). */
const context = { before: 60, after: 100 };

/** The line split at the column (1-based, in UTF-16 code units as vfile counts), long lines cut around it. */
export function toExcerpt(source: string, line: number, column: number): Excerpt {
  const index = Math.min(Math.max(column - 1, 0), source.length);
  const end = index + (source.codePointAt(index) !== undefined && source.codePointAt(index)! > 0xffff ? 2 : 1);
  const start = Math.max(0, index - context.before);
  const stop = Math.min(source.length, end + context.after);
  return {
    line,
    before: (start > 0 ? '…' : '') + source.slice(start, index),
    at: source.slice(index, Math.min(end, source.length)),
    after: source.slice(Math.min(end, source.length), stop) + (stop < source.length ? '…' : ''),
  };
}
