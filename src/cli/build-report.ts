/**
 * What a command-line build prints, on stderr: each step with its time as it
 * ends, then the check's messages and a one-line outcome, in the catalogue's
 * language. Shared by `npm run build` and the build process of `npm start`.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { BuildFault } from '../build/build-fault.ts';
import type { BuildSiteResult, StepTiming } from '../build/build-site.ts';
import { say } from '../messages/message.ts';
import { formatMessages, formatSummary } from '../messages/report.ts';
import { buildTexts, startTexts } from '../messages/texts.ts';
import { isWithin } from '../paths.ts';

/** Prints one finished step: its name in the catalogue's words and its time. */
export function printStep({ step, ms }: StepTiming): void {
  console.error(`  ${padToWidth(say(buildTexts.steps[step]), 28)} ${formatMs(ms)}`);
}

/** Prints that the build waits for another build of the same output, process `pid`. */
export function printWaiting(pid: number, outDir: string): void {
  console.error(say(buildTexts.waiting, { pid, out: shortPath(outDir) }));
}

/**
 * Prints the messages and the outcome of a build of `outDir` that took `ms`.
 * For the preview's build (`preview`), errors that stopped it keep the last
 * good preview, and a build that went on names the files it left out.
 */
export function printOutcome(result: BuildSiteResult, outDir: string, ms: number, options: { preview?: boolean } = {}): void {
  const messages = formatMessages(result.files);
  if (messages) console.error(messages);
  const out = shortPath(outDir);
  const summary = formatSummary(result.files);
  if (!result.ok) {
    console.error(options.preview ? say(startTexts.notRebuilt, { summary }) : say(buildTexts.stopped, { summary, out }));
    return;
  }
  const items = result.bulletin.issues.reduce((sum, issue) => sum + issue.items.length, 0);
  const built = say(buildTexts.built, { issues: result.bulletin.issues.length, items, out, time: formatMs(ms), summary });
  const leftOut = filesWithErrors(result.files);
  console.error(leftOut.length > 0 ? say(startTexts.builtWithout, { built, files: leftOut.map(shortPath) }) : built);
}

/**
 * Prints a build that threw: a fault of its surroundings (src/build/build-fault.ts:
 * a full disk, a folder it may not write, an output it must not replace) as
 * its own line; anything else as one line, and a fault of the program (an
 * error without a system error code) adds its stack, for the developers.
 */
export function printFailure(error: unknown, outDir: string): void {
  if (error instanceof BuildFault) {
    console.error(error.message);
    return;
  }
  console.error(say(buildTexts.failed, { error: describeError(error), out: shortPath(outDir) }));
  if (error instanceof Error && (error as NodeJS.ErrnoException).code === undefined && error.stack) {
    console.error(`${say(buildTexts.failedTrace)}\n${error.stack}`);
  }
}

/** An error in one line: its message (a system error's message names its code and path). */
export function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/** The paths of the files with errors (not warnings), as the files list them. */
export function filesWithErrors(files: readonly VFile[]): string[] {
  return files.filter((file) => file.messages.some((message) => message.fatal === true)).map((file) => file.path);
}

/** A path relative to the working folder when it is inside it, absolute otherwise. */
export function shortPath(target: string): string {
  const absolute = path.resolve(target);
  const relative = path.relative(process.cwd(), absolute);
  return relative === '' ? '.' : isWithin(process.cwd(), absolute) ? relative : absolute;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Pads `text` with spaces to `width` terminal columns: Chinese characters and full-width punctuation take two. */
function padToWidth(text: string, width: number): string {
  const columns = [...text].reduce((sum, char) => sum + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(char) ? 2 : 1), 0);
  return text + ' '.repeat(Math.max(0, width - columns));
}
