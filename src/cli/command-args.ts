/**
 * A command's arguments as an editor types them: `--lang` first (so every
 * later word is in the language asked for), `--help` or `-h` prints the usage
 * on stdout and exits 0, and a mistyped option gets one line in the catalogue's
 * words and the usage on stderr, exit 2 — never Node's English message or a
 * stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { setLanguage, takeLanguageOption } from '../messages/language.ts';
import { say, type Message } from '../messages/message.ts';
import { checkTexts, commandTexts } from '../messages/texts.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The values of a command's options, as parseArgs types them. */
export type CommandValues<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: false; strict: true }>>['values'];

/**
 * Reads `argv` (process.argv.slice(2) by default) against `options`; sets the
 * language; prints `usage` and exits on `--help` or a mistake.
 */
export function readCommandArgs<O extends Options>(options: O, usage: Message, argv: readonly string[] = process.argv.slice(2)): CommandValues<O> {
  const { argv: rest, language, unknown } = takeLanguageOption(argv);
  if (language) setLanguage(language);
  if (unknown !== undefined) fail(say(checkTexts.unknownLanguage, { given: unknown }), usage);
  const ownArgs = rest.indexOf('--') === -1 ? rest : rest.slice(0, rest.indexOf('--'));
  if (ownArgs.includes('--help') || ownArgs.includes('-h')) {
    process.stdout.write(`${say(usage)}\n\n${say(commandTexts.languageNote)}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args: rest, options, allowPositionals: false, strict: true }).values as CommandValues<O>;
  } catch (error) {
    return fail(explainArgsError(error as Error & { code?: string }), usage);
  }
}

/** Prints a mistake and the usage on stderr, then exits 2 (the shell's "wrong usage"). */
function fail(problem: string, usage: Message): never {
  console.error(`${problem}\n\n${say(usage)}`);
  process.exit(2);
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
