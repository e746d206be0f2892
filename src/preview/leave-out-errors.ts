/**
 * The preview's build mode (`onCheckErrors: 'leave-out-issues'` of buildSite):
 * when the check finds errors, the issues without errors are built all the
 * same, so one bad draft does not hold back the preview of every other edit.
 * `npm run build` never does this: it publishes nothing while any error stands.
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { departmentsFileName } from '../load-archive.ts';
import type { Bulletin } from '../model/schema.ts';

/**
 * Whether a build may go on without the files that have errors. loadArchive's
 * bulletin already holds only the issues without errors (an issue file with an
 * error, or the second of two files with one number, gives no issue), so
 * leaving them out needs nothing more. It stops, keeping the last good preview,
 * when departments.yml has an error — every item's department and every
 * department page come from it, so a site built without it would drop or
 * misfile items of issues that are right — or when no issue is left to show.
 */
export function mayLeaveOutErrors(files: readonly VFile[], bulletin: Bulletin): boolean {
  const departmentsHaveErrors = files.some((file) => path.basename(file.path) === departmentsFileName && file.messages.some((message) => message.fatal === true));
  return !departmentsHaveErrors && bulletin.issues.length > 0;
}
