/**
 * `npm run new [-- --issues DIR]`: scaffolds the next issue of the current year.
 * See src/import/new-command.ts.
 */
import { newCommand } from '../import/new-command.ts';
import { processIo } from '../import/command-io.ts';

process.exitCode = await newCommand(process.argv.slice(2), processIo());
