/**
 * What the editor commands need from the outside world, so tests can run them
 * in-process: a working directory, two output streams and a clock.
 */

/** The command's surroundings. */
export interface CommandIo {
  /** Directory the editor's paths (FILE, --out, --issues) are resolved against. */
  cwd: string;
  /** The project root, whose issues/ is the default issues folder; `cwd` when not given. */
  root?: string;
  /** Receives the result a script may want (the written path), one line per call. */
  stdout(line: string): void;
  /** Receives messages for the editor, one line per call. */
  stderr(line: string): void;
  /** Today, for `npm run new`; the CLI passes the real clock. */
  now(): Date;
}

/** The CLI's surroundings: the process's directory, streams and clock. */
export function processIo(): CommandIo {
  return {
    // npm runs scripts from the package root; INIT_CWD is where the editor typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    root: process.cwd(),
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    now: () => new Date(),
  };
}
