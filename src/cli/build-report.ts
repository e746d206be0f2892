/**
 * What a command-line build prints, on stderr: each step with its time as it
 * ends, then the check's messages and a one-line outcome. Shared by
 * `npm run build` and the build process of `npm start`.
 */
import path from 'node:path';
import type { BuildSiteResult, StepTiming } from '../build-site.ts';
import { say } from '../messages/message.ts';
import { formatMessages, formatSummary } from '../messages/report.ts';
import { buildTexts } from '../messages/texts.ts';

/** Prints one finished step: its name and time. */
export function printStep({ step, ms }: StepTiming): void {
  console.error(`  ${step.padEnd(28)} ${formatMs(ms)}`);
}

/** Prints the messages and the outcome of a build of `outDir` that took `ms`. */
export function printOutcome(result: BuildSiteResult, outDir: string, ms: number): void {
  const messages = formatMessages(result.files);
  if (messages) console.error(messages);
  const out = path.relative(process.cwd(), path.resolve(outDir)) || outDir;
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
