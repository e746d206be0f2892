/**
 * `npm run import -- FILE [--out PATH] [--force] [--issues DIR] [--lang en]`: imports an
 * issue from its text (.txt/.md), Word (.docx) or PDF file. See src/import/import-command.ts.
 */
import { importCommand } from '../import/import-command.ts';
import { processIo } from '../import/command-io.ts';

process.exitCode = await importCommand(process.argv.slice(2), processIo());
