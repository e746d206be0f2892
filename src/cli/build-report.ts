/**
 * What a command-line build prints, on stderr: each step with its time as it
 * ends, then the check's messages and a one-line outcome. Shared by
 * `npm run build` and the build process of `npm start`.
 */
import path from 'node:path';
import type { BuildSiteResult, StepTiming } from '../build/build-site.ts';
import { say } from '../messages/message.ts';
import { formatMessages, formatSummary } from '../messages/report.ts';
import { buildTexts } from '../messages/texts.ts';

/** Prints one finished step: its name and time. */
export function printStep({ step, ms }: StepTiming): void {
  const name = say(buildTexts.step, { step });
  // Chinese characters take two columns in a terminal.
  const width = [...name].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);
  console.error(`  ${name}${' '.repeat(Math.max(1, 30 - width))}${formatMs(ms)}`);
}

/** Prints that the build waits for another build of the same output, process `pid`. */
export function printWaiting(pid: number, outDir: string): void {
  console.error(say(buildTexts.waiting, { pid, out: shownPath(outDir) }));
}

/** Prints the messages and the outcome of a build of `outDir` that took `ms`. */
export function printOutcome(result: BuildSiteResult, outDir: string, ms: number): void {
  const messages = formatMessages(result.files);
  if (messages) console.error(messages);
  const out = shownPath(outDir);
  if (!result.ok) {
    console.error(say(buildTexts.stopped, { summary: formatSummary(result.files), out }));
    return;
  }
  const items = result.bulletin.issues.reduce((sum, issue) => sum + issue.items.length, 0);
  console.error(say(buildTexts.built, { issues: result.bulletin.issues.length, items, out, time: formatMs(ms), summary: formatSummary(result.files) }));
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** A folder as the editor gave it: relative to the working folder. */
function shownPath(dir: string): string {
  return path.relative(process.cwd(), path.resolve(dir)) || dir;
}
