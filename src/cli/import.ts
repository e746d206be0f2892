/**
 * `npm run import -- FILE [--out PATH] [--force] [--issues DIR]`: imports an
 * issue from its text (.txt/.md) or Word (.docx) file. See src/import/import-command.ts.
 */
import { importCommand } from '../import/import-command.ts';
import { processIo } from '../import/command-io.ts';

process.exitCode = await importCommand(process.argv.slice(2), processIo());
