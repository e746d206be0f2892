/**
 * A command's arguments as an editor types them: `--lang` first (so every
 * later word is in the language asked for), `--help` or `-h` asks for the
 * usage, and a mistyped option is one line in the catalogue's words followed
 * by the usage — never Node's English message or a stack trace. Shared by
 * every command: check, build and start exit through readCommandArgs; import
 * and new, which run in-process in their tests, read parseCommandArgs's outcome.
 */
import { statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { languageVariable, parseLanguage, setLanguage, takeLanguageOption } from '../messages/language.ts';
import { say, type Message } from '../messages/message.ts';
import { checkTexts, commandTexts } from '../messages/texts.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values of a command's options, as parseArgs types them. */
export type CommandValues<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: false; strict: true }>>['values'];

/** What a command's arguments ask for: a run with these values, the usage, or nothing (a mistake, said in `text`). */
export type CommandArgs<O extends Options> =
  | { kind: 'run'; values: CommandValues<O>; positionals: string[] }
  | { kind: 'help'; text: string }
  | { kind: 'mistake'; text: string };

/**
 * Reads `argv` against `options` and sets the language of every later message
 * (`--lang`, else BULLETIN_LANG, else Chinese). `positionals`: whether words
 * that are no option are the command's (import's FILE).
 */
export function parseCommandArgs<O extends Options>(options: O, usage: Message, argv: readonly string[], { positionals = false } = {}): CommandArgs<O> {
  const { argv: rest, language, unknown } = takeLanguageOption(argv);
  setLanguage(language ?? parseLanguage(process.env[languageVariable]) ?? 'zh-CN');
  if (unknown !== undefined) return { kind: 'mistake', text: withUsage(say(checkTexts.unknownLanguage, { given: unknown }), usage) };
  const ownArgs = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
  if (ownArgs.includes('--help') || ownArgs.includes('-h')) return { kind: 'help', text: say(usage) };
  try {
    const parsed = parseArgs({ args: rest, options, allowPositionals: positionals, strict: true });
    return { kind: 'run', values: parsed.values as CommandValues<O>, positionals: parsed.positionals };
  } catch (error) {
    return { kind: 'mistake', text: withUsage(explainArgsError(error as Error & { code?: string }), usage) };
  }
}

/**
 * parseCommandArgs for a command that is its own process: prints the usage on
 * stdout and exits 0 on `--help`, prints a mistake on stderr and exits 2 (the
 * shell's "wrong usage").
 */
export function readCommandArgs<O extends Options>(options: O, usage: Message, argv: readonly string[] = process.argv.slice(2)): CommandValues<O> {
  const args = parseCommandArgs(options, usage, argv);
  if (args.kind !== 'run') process.exit(answerWithoutRunning(args, { stdout: (line) => process.stdout.write(`${line}\n`), stderr: (line) => console.error(line) }, 2));
  return args.values;
}

/**
 * Ends a command whose arguments parsed but say something wrong (a value out
 * of range, a folder that is not there): `mistake`, then the usage, on
 * stderr; exit 2, as readCommandArgs does for a mistyped option.
 */
export function exitForMistake(mistake: string, usage: Message): never {
  console.error(withUsage(mistake, usage));
  process.exit(2);
}

/** Ends the command as exitForMistake unless `dir` (the issues folder, as given) is a folder. */
export function requireFolder(dir: string, usage: Message): void {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) exitForMistake(say(checkTexts.noFolder, { dir }), usage);
}

/**
 * Answers arguments that ask for no run: the usage on stdout (exit 0), or the
 * mistake and the usage on stderr (`mistakeCode`). Returns the exit code.
 */
export function answerWithoutRunning(args: Exclude<CommandArgs<Options>, { kind: 'run' }>, output: { stdout(line: string): void; stderr(line: string): void }, mistakeCode: number): number {
  if (args.kind === 'help') {
    output.stdout(args.text);
    return 0;
  }
  output.stderr(args.text);
  return mistakeCode;
}

/** A mistake followed by the usage, a blank line between. */
function withUsage(mistake: string, usage: Message): string {
  return `${mistake}\n\n${say(usage)}`;
}

/** Node's parseArgs error, in the catalogue's words (its message names the option in quotes). */
function explainArgsError(error: Error & { code?: string }): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  // `'--port <value>'`: the option alone.
  const option = quoted.split(' ')[0] ?? quoted;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return say(commandTexts.optionUnknown, { option });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return say(commandTexts.optionValueMissing, { option });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return say(commandTexts.argumentUnexpected, { argument: quoted });
    default:
      return error.message;
  }
}
