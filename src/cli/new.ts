/**
 * `npm run new -- [--date YYYY-MM-DD] [--issue N] [--issues DIR] [--lang en]`: scaffolds an issue,
 * by default the next one of the current year, dated today.
 * See src/import/new-command.ts.
 */
import { newCommand } from '../import/new-command.ts';
import { processIo } from '../import/command-io.ts';

process.exitCode = await newCommand(process.argv.slice(2), processIo());
