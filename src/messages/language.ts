/**
 * The language every message of check, build, import, new and start is
 * written in: Simplified Chinese, the editors' language, unless English is
 * asked for with `--lang en` or `BULLETIN_LANG=en`.
 */

/** The languages of the message catalogue, the default first. */
export const languages = ['zh-CN', 'en'] as const;

/** A language of the message catalogue. */
export type Language = (typeof languages)[number];

/** The environment variable that picks the language of the messages (`BULLETIN_LANG=en`). */
export const languageVariable = 'BULLETIN_LANG';

/**
 * Reads a language as a person writes it: `en`, `en-US`, `zh`, `zh-CN`,
 * `zh_CN.UTF-8`, `zh-Hans`; undefined for anything else.
 */
export function parseLanguage(value: string | undefined): Language | undefined {
  const tag = value?.trim().toLowerCase().replace(/_/g, '-').replace(/\..*$/, '');
  if (!tag) return undefined;
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-hans' || tag === 'zh-hans-cn' || tag === 'zh-sg') return 'zh-CN';
  return undefined;
}

let current: Language = parseLanguage(process.env[languageVariable]) ?? 'zh-CN';

/** The language messages are written in now. */
export function currentLanguage(): Language {
  return current;
}

/** Writes every later message in `language`. */
export function setLanguage(language: Language): void {
  current = language;
}

/** Command-line arguments with `--lang X` (or `--lang=X`) taken out, and the language it named. */
export interface LanguageOption {
  argv: string[];
  /** The language asked for; undefined when the option is absent. */
  language: Language | undefined;
  /** The value given when it names no language of the catalogue (e.g. `--lang fr`). */
  unknown: string | undefined;
}

/**
 * Takes `--lang` out of a command's arguments, so every command accepts it
 * before its own options are parsed. Stops at `--`: what follows is the command's.
 */
export function takeLanguageOption(argv: readonly string[]): LanguageOption {
  const rest: string[] = [];
  let given: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      rest.push(...argv.slice(index));
      break;
    }
    if (arg === '--lang') given = argv[++index] ?? '';
    else if (arg.startsWith('--lang=')) given = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  const language = parseLanguage(given);
  return { argv: rest, language, unknown: given !== undefined && language === undefined ? given : undefined };
}
